/** “已删除…” with its 撤销 button, under a list of saved charts or pivots. */
export function UndoNotice({ text, label, onUndo }: { text: string; label: string; onUndo(): void }) {
  return (
    <p role="status" className="saved-undo">
      {text}{' '}
      <button type="button" onClick={onUndo}>
        {label}
      </button>
    </p>
  );
}
