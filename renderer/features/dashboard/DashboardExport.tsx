import { useState } from 'react';
import { needsPicture } from '../../../shared/export/chart-kinds';
import { chartPng } from '../../charts/image-export';
import { getDesktop } from '../../desktop';
import { useLang } from '../../i18n/LangContext';
import { saveExport } from '../export';
import { DashboardPrint } from './DashboardPrint';
import type { DrawnCard } from './drawn-card';
import type { DashFilters } from './GlobalFilterBar';
import { dashboardLines } from './print-lines';

interface Props {
  title: string;
  filters: DashFilters;
  /** How many cards the dashboard has: an output waits until every one has drawn. */
  cardCount: number;
  /** The cards as drawn now, in card order (cards still loading are missing). */
  charts(): DrawnCard[];
}

/**
 * 导出仪表板 Excel / Word / PDF. Excel: one sheet per chart plus an index sheet; Word: one section per chart
 * under the title, the filters in force and the date; PDF: the print layout (DashboardPrint) on A4 pages.
 * Native charts where Office has the kind, else the on-screen picture with the data table.
 */
export function DashboardExport({ title, filters, cardCount, charts }: Props) {
  const { t, lang } = useLang();
  const [status, setStatus] = useState<string>();
  const [printing, setPrinting] = useState<{ cards: DrawnCard[]; lines: string[] } | null>(null);
  const drawn = (): DrawnCard[] | null => {
    const all = charts();
    if (all.length === 0 || all.length < cardCount) {
      setStatus(t('dash.print.waiting'));
      return null;
    }
    return all;
  };
  const office = (all: DrawnCard[]) => all.map((c) => (c.kind === 'pivot' ? { pivot: c.table } : { data: c.data, ...(needsPicture(c.data.kind) ? { picture: chartPng(c.option, 2) } : {}) }));
  const run = (write: (all: DrawnCard[]) => Promise<string>) => async () => {
    const all = drawn();
    if (!all) return;
    try {
      setStatus(await write(all));
    } catch (e) {
      setStatus(t('export.failed', { detail: e instanceof Error ? e.message : String(e) }));
    }
  };
  // The writers load on first use, not at start-up.
  const xlsx = run(async (all) => saveExport(getDesktop(), title, 'xlsx', (await import('../../../shared/export/xlsx-chart')).dashboardToXlsx(office(all), { lang, title, lines: dashboardLines(filters, t, lang) }), t));
  const docx = run(async (all) => {
    const { dashboardToDocx } = await import('../../../shared/export/dashboard-docx');
    return saveExport(getDesktop(), title, 'docx', dashboardToDocx({ title, lines: dashboardLines(filters, t, lang), cards: office(all) }, { lang }), t);
  });
  const pdf = () => {
    const all = drawn();
    if (all) setPrinting({ cards: all, lines: dashboardLines(filters, t, lang) });
  };
  return (
    <>
      <button type="button" onClick={() => void xlsx()}>
        {t('dash.exportXlsx')}
      </button>
      <button type="button" onClick={() => void docx()}>
        {t('dash.exportDocx')}
      </button>
      <button type="button" onClick={pdf} disabled={!!printing}>
        {t('dash.exportPdf')}
      </button>
      {printing && (
        <DashboardPrint
          title={title}
          {...printing}
          onDone={(text) => {
            setPrinting(null);
            if (text) setStatus(text);
          }}
        />
      )}
      {status && (
        <span role="status" className="muted small">
          {status}
        </span>
      )}
    </>
  );
}
