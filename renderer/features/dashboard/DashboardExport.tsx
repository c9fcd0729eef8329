import { useState } from 'react';
import type { ChartData } from '../../../shared/charts/chart-data';
import { toExportChart } from '../../../shared/export/from-chart-data';
import { dashboardToXlsx } from '../../../shared/export/xlsx-chart';
import { getDesktop } from '../../desktop';
import { useLang } from '../../i18n/LangContext';
import { saveExport } from '../export/save';

interface Props {
  title: string;
  /** The cards' current chart data in card order (cards still loading are missing). */
  charts(): ChartData[];
}

/** 导出仪表板 Excel: one sheet per chart with its native chart, plus an index sheet. */
export function DashboardExport({ title, charts }: Props) {
  const { t, lang } = useLang();
  const [status, setStatus] = useState<string>();
  const run = async () => {
    const all = charts();
    if (all.length === 0) return;
    try {
      setStatus(await saveExport(getDesktop(), title, 'xlsx', dashboardToXlsx(all.map(toExportChart), { lang }), t));
    } catch (e) {
      setStatus(t('export.failed', { detail: e instanceof Error ? e.message : String(e) }));
    }
  };
  return (
    <>
      <button type="button" onClick={() => void run()}>
        {t('dash.exportXlsx')}
      </button>
      {status && (
        <span role="status" className="muted small">
          {status}
        </span>
      )}
    </>
  );
}
