import { describeLayout, describeTotals } from '../../../shared/import/describe';
import type { TablePreview } from '../../../shared/import/pipeline';
import { useLang } from '../../i18n/LangContext';

/** What was detected, in words — the file's format first —, and the totals found (kept in the table, left out of comparisons). */
export function DetectedLayout({ preview, detected }: { preview: TablePreview; detected?: string }) {
  const { t } = useLang();
  const lines = [...(detected ? [t('import.detectedAs', { format: detected })] : []), ...describeLayout(preview, t)];
  const totals = describeTotals(preview, t);
  return (
    <div className="import-detected">
      {lines.length > 0 && (
        <ul aria-label={t('import.layout')} className="import-layout">
          {lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      )}
      {totals.length > 0 && (
        <div className="import-totals" role="group" aria-label={t('import.totals')}>
          <ul>
            {totals.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
          <p className="muted small">{t('import.totals.kept')}</p>
        </div>
      )}
    </div>
  );
}
