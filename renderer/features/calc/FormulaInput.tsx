import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { insertTemplate, nextSlot, slotNames, starterTemplate } from '../../../shared/calc/starters';
import { useLang } from '../../i18n/LangContext';
import { acceptCompletion, completionAt } from './completion';
import { FormulaStarters } from './FormulaStarters';

interface Props {
  value: string;
  columns: string[];
  onChange(value: string): void;
  /** The 同比 starter: a field of the year-over-year kind. */
  onYoy(): void;
}

/** The formula's text, with the table's column names offered as one types (↑/↓ to choose, Enter or Tab to take). */
export function FormulaInput({ value, columns, onChange, onYoy }: Props) {
  const { t } = useLang();
  const id = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [caret, setCaret] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  // Closing the list on blur waits a moment (a click on an option blurs first); coming back cancels it,
  // or a late timer would close the list the user is typing into.
  const closing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const stopClosing = () => clearTimeout(closing.current);
  const completion = caret === null ? null : completionAt(value, caret, columns);
  const select = (range: [number, number]) =>
    requestAnimationFrame(() => {
      area.current?.focus();
      area.current?.setSelectionRange(range[0], range[1]);
    });
  // A template goes in place of the selection (or at the caret), its first placeholder selected.
  const insert = (id: Parameters<typeof starterTemplate>[0]) => {
    const el = area.current;
    const next = insertTemplate(value, el?.selectionStart ?? value.length, el?.selectionEnd ?? value.length, starterTemplate(id, t));
    onChange(next.text);
    setCaret(null);
    select(next.select);
  };
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
    if (!completion) {
      // Tab selects the next placeholder left by a template; with none left it moves on as usual.
      const slot = e.key === 'Tab' && !e.shiftKey ? nextSlot(value, area.current?.selectionEnd ?? 0, slotNames(t)) : null;
      if (slot) {
        e.preventDefault();
        area.current?.setSelectionRange(slot[0], slot[1]);
      }
      return;
    }
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
      <FormulaStarters onStarter={insert} onYoy={onYoy} />
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
          stopClosing();
          onChange(e.target.value);
          setCaret(e.target.selectionStart);
          setActive(0);
        }}
        onKeyDown={onKey}
        onClick={track}
        onFocus={stopClosing}
        onBlur={() => {
          stopClosing();
          closing.current = setTimeout(() => setCaret(null), 150);
        }}
      />
      <p id={`${id}-hint`} className="muted small">
        {t('calcUi.formulaHint')} {t('calcUi.starterHint')}
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
