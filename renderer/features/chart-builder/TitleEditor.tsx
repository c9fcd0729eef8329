import { useState } from 'react';
import { useLang } from '../../i18n/LangContext';

interface Props {
  /** The field's accessible name. */
  label: string;
  initial: string;
  confirmLabel: string;
  /** The trimmed new title, or null when cancelled (取消 or Esc). */
  onDone(title: string | null): void;
}

/** A title typed in place (另存为, 重命名): Enter or the button confirms, Esc or 取消 cancels. */
export function TitleEditor({ label, initial, confirmLabel, onDone }: Props) {
  const { t } = useLang();
  const [value, setValue] = useState(initial);
  const finish = (ok: boolean) => onDone(ok && value.trim() ? value.trim() : null);
  return (
    <span className="title-editor">
      <input
        aria-label={label}
        value={value}
        autoFocus
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => (e.key === 'Enter' ? finish(true) : e.key === 'Escape' ? finish(false) : undefined)}
      />
      <button type="button" onClick={() => finish(true)} disabled={!value.trim()}>
        {confirmLabel}
      </button>
      <button type="button" onClick={() => finish(false)}>
        {t('builder.cancel')}
      </button>
    </span>
  );
}
