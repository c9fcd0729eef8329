/**
 * Excel workbooks from ChartData: the chart's numbers as typed cells, and beside them either a NATIVE,
 * editable chart over those cells (column, bar, line, area, combo, pie, doughnut, scatter) or, for kinds
 * Excel has no chart for (heatmap, map, treemap, small multiples), the on-screen picture. SheetJS CE writes
 * the cells; xlsx-parts.ts adds the drawings to its zip. See docs/export.md.
 */
import * as XLSX from '@e965/xlsx';
import { unzipSync, zipSync } from 'fflate';
import type { ChartData } from '../charts/chart-data';
import { translator } from '../i18n';
import type { Lang } from '../model/catalog';
import { officeForm } from './chart-kinds';
import { chartXml, seriesHeader, type ChartRefs } from './chart-xml';
import { neutraliseFormula } from './csv';
import { quoteSheet, sheetName } from './ooxml';
import { addDrawing, sheetPaths, type DrawingContent } from './xlsx-parts';

export { insertDrawingElement } from './xlsx-parts';

export interface XlsxOptions {
  lang?: Lang;
}

/** One chart to write: its data and, for kinds without a native chart, the PNG of its on-screen picture. */
export interface XlsxChart {
  data: ChartData;
  picture?: Uint8Array;
}

/** Display size of a picture on the sheet (the PNG itself is drawn at 2× for print). */
const PICTURE_ON_SHEET = { width: 800, height: 450 };

type Cell = string | number | null;

/** The texts of the chart neutralised, so sheet cells and the chart's caches hold the same strings. */
function neutralise(data: ChartData): ChartData {
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

/** What the chart left out or folded (totals, places) and the annotation texts become 注：… lines under the table. */
export function chartNotes(data: ChartData): string[] {
  return [...(data.notes ?? []), ...data.annotations.map((a) => a.text)].filter((t) => t.length > 0);
}

/** The chart's data laid out on a sheet: title, header with units, one row per category, source and notes. */
function chartSheet(data: ChartData, name: string, t: ReturnType<typeof translator>): { ws: XLSX.WorkSheet; refs: ChartRefs } {
  const rows: Cell[][] = [[data.title]];
  if (data.subtitle) rows.push([data.subtitle]);
  rows.push([]);
  const headerRow = rows.length + 1;
  rows.push([data.categoryLabel, ...data.series.map((s) => seriesHeader(s, data.unit))]);
  data.categories.forEach((c, r) => rows.push([c, ...data.series.map((s) => (Number.isFinite(s.values[r]) ? s.values[r] : null))]));
  const lastRow = rows.length;
  const notes = chartNotes(data);
  if (data.source || notes.length) rows.push([]);
  if (data.source) rows.push([data.source]);
  for (const note of notes) rows.push([t('export.sheet.notes', { note })]);
  const ws = XLSX.utils.aoa_to_sheet(rows);
  const width = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  ws['!cols'] = [
    { wch: Math.min(40, Math.max(8, ...[data.categoryLabel, ...data.categories].map(width)) + 2) },
    ...data.series.map((s) => ({ wch: Math.min(30, Math.max(10, width(seriesHeader(s, data.unit)) + 2)) })),
  ];
  const refs: ChartRefs = { sheet: name, headerRow, firstRow: headerRow + 1, lastRow, categoryCol: 0, seriesCols: data.series.map((_, i) => i + 1) };
  return { ws, refs };
}

interface Placed {
  chart: XlsxChart;
  sheetIndex: number;
  refs: ChartRefs;
}

function drawing({ chart, refs }: Placed): DrawingContent {
  if (officeForm(chart.data.kind) === 'native') return { kind: 'chart', xml: chartXml(chart.data, refs) };
  if (!chart.picture) throw new Error(`a ${chart.data.kind} chart is exported as its picture: pass the PNG`);
  return { kind: 'picture', png: chart.picture, ...PICTURE_ON_SHEET, description: chart.data.title };
}

function finish(wb: XLSX.WorkBook, placed: Placed[]): Uint8Array {
  const zipped = XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  const files = unzipSync(new Uint8Array(zipped));
  const paths = sheetPaths(files);
  placed.forEach((p, i) => addDrawing(files, paths[p.sheetIndex], i + 1, drawing(p), p.chart.data.series.length + 2, p.refs.lastRow));
  return zipSync(files, { level: 6 });
}

/** One sheet named after the chart: its data and a native chart drawn from those cells (or its picture). */
export function chartToXlsx(chart: XlsxChart, opts: XlsxOptions = {}): Uint8Array {
  const data = neutralise(chart.data);
  const t = translator(opts.lang ?? 'zh-CN');
  const wb = XLSX.utils.book_new();
  const name = sheetName(data.title || t('export.sheet.data'), new Set());
  const { ws, refs } = chartSheet(data, name, t);
  XLSX.utils.book_append_sheet(wb, ws, name);
  return finish(wb, [{ chart: { ...chart, data }, sheetIndex: 0, refs }]);
}

/** A dashboard: an index sheet (目录) linking to one sheet per chart. */
export function dashboardToXlsx(charts: XlsxChart[], opts: XlsxOptions = {}): Uint8Array {
  const all = charts.map((c) => ({ ...c, data: neutralise(c.data) }));
  const t = translator(opts.lang ?? 'zh-CN');
  const wb = XLSX.utils.book_new();
  const taken = new Set<string>();
  const indexName = sheetName(t('export.sheet.index'), taken);
  const names = all.map((c, i) => sheetName(`${i + 1} ${c.data.title}`, taken));
  const index = XLSX.utils.aoa_to_sheet([
    [t('export.sheet.no'), t('export.sheet.chart'), t('export.sheet.sheet')],
    ...all.map((c, i) => [i + 1, c.data.title, names[i]]),
  ]);
  names.forEach((n, i) => {
    const cell = index[XLSX.utils.encode_cell({ r: i + 1, c: 1 })] as XLSX.CellObject;
    cell.l = { Target: `#${quoteSheet(n)}!A1`, Tooltip: n };
  });
  index['!cols'] = [{ wch: 6 }, { wch: 48 }, { wch: 34 }];
  XLSX.utils.book_append_sheet(wb, index, indexName);
  const placed = all.map((chart, i) => {
    const { ws, refs } = chartSheet(chart.data, names[i], t);
    XLSX.utils.book_append_sheet(wb, ws, names[i]);
    return { chart, sheetIndex: i + 1, refs };
  });
  return finish(wb, placed);
}
