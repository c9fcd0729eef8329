import { useState } from 'react';
import type { EChartsOption } from 'echarts';
import type { ChartData } from '../../../shared/charts/chart-data';
import { officeForm } from '../../../shared/export/chart-kinds';
import { dashboardToXlsx } from '../../../shared/export/xlsx-chart';
import { chartPng } from '../../charts/image-export';
import { getDesktop } from '../../desktop';
import { useLang } from '../../i18n/LangContext';
import { saveExport } from '../export';

/** A card as drawn: its data and the option on screen (the picture of kinds Excel has no chart for). */
export interface DrawnCard {
  data: ChartData;
  option: EChartsOption;
}

interface Props {
  title: string;
  /** The cards as drawn now, in card order (cards still loading are missing). */
  charts(): DrawnCard[];
}

/** 导出仪表板 Excel: one sheet per chart with its native chart (or picture + data table), plus an index sheet. */
export function DashboardExport({ title, charts }: Props) {
  const { t, lang } = useLang();
  const [status, setStatus] = useState<string>();
  const run = async () => {
    const all = charts();
    if (all.length === 0) return;
    try {
      const items = all.map(({ data, option }) => ({ data, ...(officeForm(data.kind) === 'picture' ? { picture: chartPng(option, 2) } : {}) }));
      setStatus(await saveExport(getDesktop(), title, 'xlsx', dashboardToXlsx(items, { lang }), t));
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
