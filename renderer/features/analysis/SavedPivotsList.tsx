import { useState } from 'react';
import { formatDate } from '../../../shared/format/date';
import type { SavedPivot } from '../../../shared/model/saved-pivots';
import { useLang } from '../../i18n/LangContext';
import { TitleEditor, UndoNotice } from '../chart-builder';
import { deleteSavedPivot, renamePivot, useSavedPivots } from './saved-pivots';

/** 已保存的透视表: open, rename in place, or delete (with 撤销) each. */
export function SavedPivotsList({ currentId, onLoad }: { currentId?: string; onLoad(p: SavedPivot): void }) {
  const { t, lang } = useLang();
  const saved = useSavedPivots();
  const [renaming, setRenaming] = useState<string | null>(null);
  const [undo, setUndo] = useState<{ title: string; run(): void } | null>(null);
  return (
    <section className="saved-charts" aria-labelledby="saved-pivots-title">
      <h2 id="saved-pivots-title">{t('pivot.savedList')}</h2>
      {undo && (
        <UndoNotice
          text={t('pivot.deleted', { title: undo.title })}
          label={t('pivot.undo')}
          onUndo={() => {
            undo.run();
            setUndo(null);
          }}
        />
      )}
      {saved.pivots.length === 0 && <p className="muted small">{t('pivot.noSaved')}</p>}
      <ul aria-labelledby="saved-pivots-title">
        {saved.pivots.map((p) => {
          const title = p.spec.title;
          return (
            <li key={p.id} aria-current={p.id === currentId || undefined}>
              {renaming === p.id ? (
                <TitleEditor
                  label={t('pivot.renameTitle', { title })}
                  initial={title}
                  confirmLabel={t('pivot.renameConfirm')}
                  onDone={(next) => {
                    if (next) renamePivot(p.id, next);
                    setRenaming(null);
                  }}
                />
              ) : (
                <button type="button" className="link saved-title" aria-label={t('pivot.open', { title })} onClick={() => onLoad(p)}>
                  {title}
                </button>
              )}
              <span className="muted small saved-meta">{t('pivot.savedMeta', { table: p.spec.table, time: formatDate(p.savedAt, lang) })}</span>
              {renaming !== p.id && (
                <span className="saved-actions">
                  <button type="button" aria-label={t('pivot.rename', { title })} onClick={() => setRenaming(p.id)}>
                    {t('builder.renameShort')}
                  </button>
                  <button type="button" aria-label={t('pivot.delete', { title })} onClick={() => setUndo({ title, run: deleteSavedPivot(p.id) })}>
                    {t('builder.deleteShort')}
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
