/**
 * Excel workbooks from ChartData that print as they should: the chart's numbers as typed, formatted cells and
 * below them a NATIVE, editable chart over those cells (column, bar, line, area, combo, pie, doughnut,
 * scatter), the on-screen picture for kinds Excel has no chart for (map, treemap, small multiples), or for a
 * heatmap a live colour scale over the table. Layout in xlsx-layout.ts, parts in xlsx-package.ts.
 */
import type { ChartData } from '../charts/chart-data';
import type { PivotTable } from '../pivot/table';
import { translator } from '../i18n';
import type { Lang } from '../model/catalog';
import { neutraliseFormula } from './csv';
import { quoteSheet, sheetName } from './ooxml';
import { pivotSheet } from './pivot-sheet';
import { chartSheets, chartTable, type LayoutContext } from './xlsx-layout';
import { writeWorkbook, type WorkbookSheet } from './xlsx-package';
import type { ChartRefs } from './chart-xml';
import type { Cell } from './xlsx-sheet';
import { StyleSheet } from './xlsx-styles';

export { chartNotes } from './xlsx-layout';

export interface XlsxOptions {
  lang?: Lang;
}

/** One chart to write: its data and, for kinds shown as a picture (needsPicture), the PNG of its on-screen picture. */
export interface XlsxChart {
  data: ChartData;
  picture?: Uint8Array;
}

/** The texts of the chart neutralised, so sheet cells and the chart's caches hold the same strings. */
export function neutralise(data: ChartData): ChartData {
  const n = neutraliseFormula;
  return {
    ...data,
    title: n(data.title),
    ...(data.subtitle === undefined ? {} : { subtitle: n(data.subtitle) }),
    categoryLabel: n(data.categoryLabel),
    categories: data.categories.map(n),
    series: data.series.map((s) => ({ ...s, name: n(s.name) })),
    source: n(data.source),
    ...(data.notes ? { notes: data.notes.map(n) } : {}),
    annotations: data.annotations.map((a) => ({ ...a, text: n(a.text) })),
  };
}

const context = (lang: Lang): LayoutContext => ({ styles: new StyleSheet(), t: translator(lang), lang });

/** One sheet named after the chart: its data and, below it (or on a second sheet for a long table), its chart. */
export function chartToXlsx(chart: XlsxChart, opts: XlsxOptions = {}): Uint8Array {
  const data = neutralise(chart.data);
  const ctx = context(opts.lang ?? 'zh-CN');
  const taken = new Set<string>();
  const name = sheetName(data.title || ctx.t('export.sheet.data'), taken);
  return writeWorkbook(chartSheets(data, chart.picture, name, taken, ctx), ctx.styles, data.title);
}

/**
 * The workbook embedded in a Word chart (编辑数据 opens it): the chart's data sheet alone, laid out exactly as
 * in chartToXlsx, so the chart's references `refs` point at its cells.
 */
export function chartDataWorkbook(data: ChartData, lang: Lang): { bytes: Uint8Array; refs: ChartRefs } {
  const ctx = context(lang);
  const name = sheetName(data.title || ctx.t('export.sheet.data'), new Set());
  const table = chartTable(data, name, ctx);
  const model = { name, rows: table.rows, rowHeights: table.rowHeights, colWidths: table.colWidths, page: { landscape: false, fitToHeight: 0 as const, footer: '' }, printArea: `$A$1:$A$1` };
  return { bytes: writeWorkbook([{ model }], ctx.styles, data.title), refs: table.refs };
}

export interface DashboardXlsxOptions extends XlsxOptions {
  /** The dashboard's name, on top of the index sheet. */
  title?: string;
  /** Lines under it: filters in force, export date. */
  lines?: string[];
}

/**
 * A dashboard: an index sheet (目录) linking to one sheet per card, each printing on as few pages as it needs;
 * a pivot card is its pivot as a formatted range (pivot-sheet.ts).
 */
export function dashboardToXlsx(cards: (XlsxChart | { pivot: PivotTable })[], opts: DashboardXlsxOptions = {}): Uint8Array {
  const ctx = context(opts.lang ?? 'zh-CN');
  const { styles, t } = ctx;
  const all = cards.map((c) => {
    if ('pivot' in c) return { kind: 'pivot' as const, pivot: c.pivot, title: neutraliseFormula(c.pivot.title || t('pivot.sheet')) };
    const data = neutralise(c.data);
    return { kind: 'chart' as const, data, picture: c.picture, title: data.title };
  });
  const taken = new Set<string>();
  const indexName = sheetName(t('export.sheet.index'), taken);
  const names = all.map((c, i) => sheetName(`${i + 1} ${c.title}`, taken));
  const sheets = all.flatMap((c, i) => (c.kind === 'pivot' ? [pivotSheet(c.pivot, names[i], ctx)] : chartSheets(c.data, c.picture, names[i], taken, ctx)));
  const top: Cell[][] = [
    ...(opts.title ? [[{ v: neutraliseFormula(opts.title), s: styles.id({ font: 'title' }) }]] : []),
    ...(opts.lines ?? []).map((l) => [{ v: neutraliseFormula(l), s: styles.id({ font: 'subtitle' }) }]),
  ];
  if (top.length) top.push([]);
  const header = styles.id({ font: 'header', fill: true, border: true, align: 'center' });
  const cell = styles.id({ border: true });
  const link = styles.id({ font: 'link', border: true });
  const headerRow = top.length + 1;
  const rows: Cell[][] = [
    ...top,
    [t('export.sheet.no'), t('export.sheet.chart'), t('export.sheet.sheet')].map((v) => ({ v, s: header })),
    ...all.map((c, i) => [{ v: i + 1, s: cell }, { v: c.title, s: link }, { v: names[i], s: cell }]),
  ];
  const index: WorkbookSheet = {
    model: {
      name: indexName,
      rows,
      rowHeights: opts.title ? { 0: 24 } : {},
      colWidths: [6, 48, 34],
      freezeRows: headerRow,
      links: names.map((n, i) => ({ ref: `B${headerRow + 1 + i}`, location: `${quoteSheet(n)}!A1` })),
      page: { landscape: false, fitToHeight: 0, footer: `&L&A&R${t('export.sheet.page')}` },
      printArea: `$A$1:$C$${rows.length}`,
      printTitles: `$${headerRow}:$${headerRow}`,
    },
  };
  return writeWorkbook([index, ...sheets], styles, opts.title ?? t('export.sheet.index'));
}
