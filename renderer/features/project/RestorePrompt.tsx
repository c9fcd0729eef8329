import { formatDate } from '../../../shared/format/date';
import { useLang } from '../../i18n/LangContext';
import type { AutosaveRecord } from './autosave-store';

/** Offered at start when the last session ended without closing cleanly (a crash or a killed window). */
export function RestorePrompt({ record, onDecide }: { record: AutosaveRecord; onDecide(accept: boolean): void }) {
  const { t, lang } = useLang();
  return (
    <div className="dialog-backdrop">
      <div role="dialog" aria-modal="true" aria-labelledby="restore-title" className="dialog">
        <h2 id="restore-title">{t('project.restoreTitle')}</h2>
        <p>{t('project.restoreBody', { time: formatDate(record.savedAt, lang) })}</p>
        <div className="dialog-actions">
          <button type="button" className="primary" onClick={() => onDecide(true)}>
            {t('project.restore')}
          </button>
          <button type="button" onClick={() => onDecide(false)}>
            {t('project.discard')}
          </button>
        </div>
      </div>
    </div>
  );
}
