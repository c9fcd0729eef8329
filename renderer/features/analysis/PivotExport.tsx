import { useState } from 'react';
import type { PivotSpec } from '../../../shared/model/pivot-spec';
import type { PivotGrid } from '../../../shared/pivot/grid';
import { pivotTable } from '../../../shared/pivot/table';
import { getDesktop } from '../../desktop';
import { useLang } from '../../i18n/LangContext';
import { saveExport } from '../export';

/** The pivot as a formatted Excel table (merged headers, bold totals, number formats, frozen panes). */
export function PivotExport({ grid, spec }: { grid: PivotGrid; spec: PivotSpec }) {
  const { t, lang } = useLang();
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const run = async () => {
    try {
      // SheetJS is loaded on first export, not at start-up.
      const { pivotToXlsx } = await import('../../../shared/export/pivot-xlsx');
      const bytes = pivotToXlsx(pivotTable(grid, spec, lang), { lang });
      setMessage({ error: false, text: await saveExport(getDesktop(), spec.title || t('pivot.sheet'), 'xlsx', bytes, t) });
    } catch (e) {
      setMessage({ error: true, text: t('export.failed', { detail: e instanceof Error ? e.message : String(e) }) });
    }
  };
  return (
    <>
      <button type="button" onClick={() => void run()}>
        {t('pivot.exportXlsx')}
      </button>
      {message && (
        <span role={message.error ? 'alert' : 'status'} className={`export-status ${message.error ? 'error' : 'ok'}`}>
          {message.text}
        </span>
      )}
    </>
  );
}
