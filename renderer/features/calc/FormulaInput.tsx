import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useLang } from '../../i18n/LangContext';
import { acceptCompletion, completionAt } from './completion';

interface Props {
  value: string;
  columns: string[];
  onChange(value: string): void;
}

/** The formula's text, with the table's column names offered as one types (↑/↓ to choose, Enter or Tab to take). */
export function FormulaInput({ value, columns, onChange }: Props) {
  const { t } = useLang();
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  const completion = caret === null ? null : completionAt(value, caret, columns);
  const take = (column: string) => {
    if (!completion) return;
    const next = acceptCompletion(value, completion, column);
    onChange(next.text);
    setCaret(null);
    requestAnimationFrame(() => {
      area.current?.focus();
      area.current?.setSelectionRange(next.caret, next.caret);
    });
  };
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!completion) return;
    const n = completion.options.length;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
    else if (e.key === 'Enter' || e.key === 'Tab') take(completion.options[Math.min(active, n - 1)]);
    else if (e.key === 'Escape') setCaret(null);
    else return;
    e.preventDefault();
  };
  const track = () => {
    setCaret(area.current?.selectionStart ?? null);
    setActive(0);
  };

  return (
    <div className="formula-input">
      <label htmlFor={id}>{t('calcUi.formula')}</label>
      <textarea
        id={id}
        ref={area}
        rows={3}
        spellCheck={false}
        value={value}
        aria-describedby={`${id}-hint`}
        aria-autocomplete="list"
        aria-expanded={completion !== null}
        aria-controls={`${id}-list`}
        onChange={(e) => {
          onChange(e.target.value);
          setCaret(e.target.selectionStart);
          setActive(0);
        }}
        onKeyDown={onKey}
        onClick={track}
        onBlur={() => setTimeout(() => setCaret(null), 150)}
      />
      <p id={`${id}-hint`} className="muted small">
        {t('calcUi.formulaHint')}
      </p>
      {completion && (
        <ul id={`${id}-list`} role="listbox" aria-label={t('calcUi.completion')} className="completion">
          {completion.options.map((c, i) => (
            <li key={c} role="option" aria-selected={i === active} onMouseDown={(e) => e.preventDefault()} onClick={() => take(c)}>
              {c}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
