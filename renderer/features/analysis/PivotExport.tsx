import { useId, useMemo, useState } from 'react';
import { DOCX_MAX_PIVOT_CELLS } from '../../../shared/export/limits';
import { formatNumber } from '../../../shared/format/number';
import type { PivotSpec } from '../../../shared/model/pivot-spec';
import type { PivotGrid } from '../../../shared/pivot/grid';
import { MAX_PIVOT_CHART_SERIES, pivotChartData } from '../../../shared/pivot/pivot-chart';
import { pivotCellCount, pivotTable } from '../../../shared/pivot/table';
import { getDesktop } from '../../desktop';
import { useLang } from '../../i18n/LangContext';
import { saveExport } from '../export';

/**
 * The pivot as a formatted Excel table (merged headers, bold totals, number formats, frozen panes), with its
 * native column chart on a second sheet when 附带图表 is ticked, or as a Word table.
 */
export function PivotExport({ grid, spec }: { grid: PivotGrid; spec: PivotSpec }) {
  const { t, lang } = useLang();
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [withChart, setWithChart] = useState(false);
  const chart = useMemo(() => pivotChartData(grid, spec, lang), [grid, spec, lang]);
  const hint = useId();
  const run = async (ext: 'xlsx' | 'docx') => {
    try {
      // The writers are loaded on first export, not at start-up.
      const table = pivotTable(grid, spec, lang);
      const cells = pivotCellCount(table);
      if (ext === 'docx' && cells > DOCX_MAX_PIVOT_CELLS) {
        setMessage({ error: true, text: t('pivot.docxTooBig', { cells: formatNumber(cells, lang), max: formatNumber(DOCX_MAX_PIVOT_CELLS, lang) }) });
        return;
      }
      const bytes =
        ext === 'xlsx'
          ? (await import('../../../shared/export/pivot-xlsx')).pivotToXlsx(table, { lang, chart: withChart ? chart : null })
          : (await import('../../../shared/export/pivot-docx')).pivotToDocx(table, { lang });
      setMessage({ error: false, text: await saveExport(getDesktop(), spec.title || t('pivot.sheet'), ext, bytes, t) });
    } catch (e) {
      setMessage({ error: true, text: t('export.failed', { detail: e instanceof Error ? e.message : String(e) }) });
    }
  };
  return (
    <>
      <button type="button" onClick={() => void run('xlsx')}>
        {t('pivot.exportXlsx')}
      </button>
      <label className="check">
        <input type="checkbox" checked={withChart && chart !== null} disabled={chart === null} aria-describedby={chart === null ? hint : undefined} onChange={(e) => setWithChart(e.target.checked)} />
        {t('pivot.withChart')}
      </label>
      {chart === null && (
        <span id={hint} className="muted">
          {t('pivot.noChart', { max: MAX_PIVOT_CHART_SERIES })}
        </span>
      )}
      <button type="button" onClick={() => void run('docx')}>
        {t('pivot.exportDocx')}
      </button>
      {message && (
        <span role={message.error ? 'alert' : 'status'} className={`export-status ${message.error ? 'error' : 'ok'}`}>
          {message.text}
        </span>
      )}
    </>
  );
}
