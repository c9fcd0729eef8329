import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { EChartsOption } from 'echarts';
import type { ChartData } from '../../../shared/charts/chart-data';
import { officeForm, type OfficeForm } from '../../../shared/export/chart-kinds';
import type { CsvEncoding } from '../../../shared/export/table-export';
import { canCopyImages, chartPng, chartSvg, copyChartPng, PNG_SCALES } from '../../charts/image-export';
import type { MessageKey } from '../../../shared/i18n';
import { getDesktop } from '../../desktop';
import { useLang } from '../../i18n/LangContext';
import { saveExport } from './save';

interface ExportMenuProps {
  /** The chart's data; the menu is disabled while it is null (loading, empty or failed). */
  chart: ChartData | null;
  /** The option the screen renders: PNG, SVG, the clipboard and Excel's picture are drawn from it. */
  option: EChartsOption | null;
}

type Status = { kind: 'ok' | 'error'; text: string } | null;

/** The menu names what the chart becomes in Excel and Word (chart-kinds.ts decides it). */
const OFFICE_LABELS: Record<OfficeForm, { xlsx: MessageKey; docx: MessageKey }> = {
  native: { xlsx: 'export.xlsx', docx: 'export.docx' },
  'colour-table': { xlsx: 'export.xlsxColour', docx: 'export.docxColour' },
  picture: { xlsx: 'export.xlsxPicture', docx: 'export.docxPicture' },
};

/**
 * 导出 button with a menu: Excel and Word (an editable chart, a heatmap's colour-scale table, or for kinds Office
 * has no chart for the picture + data table — the menu says which), PNG 1×/2×/3×, SVG, clipboard copy, CSV
 * (UTF-8/GB18030).
 */
export function ExportMenu({ chart, option }: ExportMenuProps) {
  const { t, lang } = useLang();
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const box = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => !box.current?.contains(e.target as Node) && setOpen(false);
    document.addEventListener('pointerdown', onDown);
    box.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const run = (action: () => Promise<string>) => {
    setOpen(false);
    action().then(
      (text) => setStatus({ kind: 'ok', text }),
      (e: unknown) => setStatus({ kind: 'error', text: t('export.failed', { detail: e instanceof Error ? e.message : String(e) }) }),
    );
  };

  if (!chart || !option) {
    return (
      <button type="button" disabled>
        {t('export.menu')}
      </button>
    );
  }
  // The writers (SheetJS) load on first use, not at start-up.
  const csv = (encoding: CsvEncoding) => async () =>
    saveExport(getDesktop(), chart.title, 'csv', (await import('../../../shared/export/table-export')).chartToCsv(chart, lang, encoding), t);
  const form = officeForm(chart.kind);
  const office = () => ({ data: chart, ...(form === 'picture' ? { picture: chartPng(option, 2) } : {}) });
  const xlsx = async () => {
    const { chartToXlsx } = await import('../../../shared/export/xlsx-chart');
    return saveExport(getDesktop(), chart.title, 'xlsx', chartToXlsx(office(), { lang }), t);
  };
  const docx = async () => {
    const { chartsToDocx } = await import('../../../shared/export/docx');
    return saveExport(getDesktop(), chart.title, 'docx', chartsToDocx({ title: chart.title, figures: [office()] }, { lang }), t);
  };
  const items: [string, () => Promise<string>][] = [
    [t(OFFICE_LABELS[form].xlsx), xlsx],
    [t(OFFICE_LABELS[form].docx), docx],
    ...PNG_SCALES.map((scale): [string, () => Promise<string>] => [
      t('export.png', { scale }),
      () => saveExport(getDesktop(), scale === 1 ? chart.title : `${chart.title}@${scale}x`, 'png', chartPng(option, scale), t),
    ]),
    [t('export.svg'), () => saveExport(getDesktop(), chart.title, 'svg', new TextEncoder().encode(chartSvg(option)), t)],
    [
      t('export.copy'),
      async () => {
        if (!canCopyImages()) throw new Error(t('export.copyUnsupported'));
        await copyChartPng(option);
        return t('export.copied');
      },
    ],
    [t('export.csv'), csv('utf-8')],
    [t('export.csvGb18030'), csv('gb18030')],
  ];

  const onMenuKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...(box.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const i = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      setOpen(false);
      box.current?.querySelector<HTMLButtonElement>('button')?.focus();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      buttons[(i + (e.key === 'ArrowDown' ? 1 : -1) + buttons.length) % buttons.length]?.focus();
    }
  };

  return (
    <div className="export-menu" ref={box}>
      <button type="button" aria-haspopup="menu" aria-expanded={open} aria-controls={open ? menuId : undefined} onClick={() => setOpen((o) => !o)}>
        {t('export.menu')}
        <span aria-hidden="true"> ▾</span>
      </button>
      {open && (
        <div role="menu" id={menuId} aria-label={t('export.menuLabel')} className="export-menu-list" onKeyDown={onMenuKey}>
          {items.map(([label, action]) => (
            <button key={label} type="button" role="menuitem" tabIndex={-1} onClick={() => run(action)}>
              {label}
            </button>
          ))}
        </div>
      )}
      {status && (
        <span role={status.kind === 'error' ? 'alert' : 'status'} className={`export-status ${status.kind}`}>
          {status.text}
        </span>
      )}
    </div>
  );
}
