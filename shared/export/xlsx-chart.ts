/**
 * Excel workbooks with NATIVE charts. SheetJS CE writes the cells (typed numbers, text, links); it writes no
 * charts, so the DrawingML parts are added to its zip afterwards: chart, drawing, their relationships, the
 * <drawing> element in the sheet and the content types. See docs/export.md.
 */
import * as XLSX from '@e965/xlsx';
import { unzipSync, zipSync, strFromU8, strToU8 } from 'fflate';
import { translator } from '../i18n';
import type { Lang } from '../model/catalog';
import type { ExportChart } from './chart-data';
import { chartXml, seriesHeader, type ChartRefs } from './chart-xml';
import { neutraliseFormula } from './csv';
import { quoteSheet, sheetName } from './ooxml';

export interface XlsxOptions {
  lang?: Lang;
}

type Cell = string | number | null;

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';

/** The chart with every text neutralised, so sheet cells and the chart's caches hold the same strings. */
function neutraliseChart(chart: ExportChart): ExportChart {
  const n = neutraliseFormula;
  return {
    ...chart,
    title: n(chart.title),
    subtitle: chart.subtitle === undefined ? undefined : n(chart.subtitle),
    categoryLabel: n(chart.categoryLabel),
    categories: chart.categories.map(n),
    series: chart.series.map((s) => ({ ...s, name: n(s.name) })),
    source: chart.source === undefined ? undefined : n(chart.source),
  };
}

/** The chart's data laid out on a sheet: title, header with units, one row per category, source and notes. */
function chartSheet(chart: ExportChart, name: string, t: ReturnType<typeof translator>): { ws: XLSX.WorkSheet; refs: ChartRefs } {
  const rows: Cell[][] = [[chart.title]];
  if (chart.subtitle) rows.push([chart.subtitle]);
  rows.push([]);
  const headerRow = rows.length + 1;
  rows.push([chart.categoryLabel, ...chart.series.map((s) => seriesHeader(s, chart.unit))]);
  chart.categories.forEach((c, r) => rows.push([c, ...chart.series.map((s) => (Number.isFinite(s.values[r]) ? s.values[r] : null))]));
  const lastRow = rows.length;
  if (chart.source || chart.notes?.length) rows.push([]);
  if (chart.source) rows.push([chart.source]);
  for (const note of chart.notes ?? []) rows.push([t('export.sheet.notes', { note })]);
  const ws = XLSX.utils.aoa_to_sheet(rows);
  const width = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  ws['!cols'] = [
    { wch: Math.min(40, Math.max(8, ...[chart.categoryLabel, ...chart.categories].map(width)) + 2) },
    ...chart.series.map((s) => ({ wch: Math.min(30, Math.max(10, width(seriesHeader(s, chart.unit)) + 2)) })),
  ];
  const refs: ChartRefs = {
    sheet: name,
    headerRow,
    firstRow: headerRow + 1,
    lastRow,
    categoryCol: 0,
    seriesCols: chart.series.map((_, i) => i + 1),
  };
  return { ws, refs };
}

function drawingXml(fromCol: number, rows: number): string {
  const pos = (col: number, row: number) => `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
    `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${pos(fromCol, 0)}</xdr:from><xdr:to>${pos(fromCol + 9, Math.max(rows, 22))}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`
  );
}

const relsXml = (rels: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">${rels}</Relationships>`;

/** Elements that CT_Worksheet allows after <drawing>: the drawing goes before the first one present. */
const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

export function insertDrawingElement(sheetXml: string, rId: string): string {
  const el = `<drawing r:id="${rId}"/>`;
  let at = sheetXml.lastIndexOf('</worksheet>');
  for (const name of AFTER_DRAWING) {
    const i = sheetXml.search(new RegExp(`<${name}[\\s/>]`));
    if (i >= 0 && i < at) at = i;
  }
  if (at < 0) throw new Error('worksheet XML has no end tag');
  const withNs = /xmlns:r=/.test(sheetXml.slice(0, sheetXml.indexOf('>', sheetXml.indexOf('<worksheet')))) ? sheetXml : sheetXml.replace('<worksheet', `<worksheet xmlns:r="${REL}"`);
  const shift = withNs.length - sheetXml.length;
  return withNs.slice(0, at + shift) + el + withNs.slice(at + shift);
}

/** Path of each worksheet part, in workbook order, from workbook.xml and its relationships. */
function sheetPaths(files: Record<string, Uint8Array>): string[] {
  const wb = strFromU8(files['xl/workbook.xml']);
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels']);
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  return [...wb.matchAll(/<sheet\b[^>]*>/g)].map((m) => {
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const p = id && targets.get(id);
    if (!p) throw new Error('worksheet relationship missing');
    return p;
  });
}

/** Adds chart `n` (1-based) on the worksheet part `sheetPath`. */
function addChartParts(files: Record<string, Uint8Array>, sheetPath: string, n: number, xml: string, fromCol: number, rows: number): void {
  files[`xl/charts/chart${n}.xml`] = strToU8(xml);
  files[`xl/drawings/drawing${n}.xml`] = strToU8(drawingXml(fromCol, rows));
  files[`xl/drawings/_rels/drawing${n}.xml.rels`] = strToU8(relsXml(`<Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart${n}.xml"/>`));
  const slash = sheetPath.lastIndexOf('/');
  const relsPath = `${sheetPath.slice(0, slash)}/_rels/${sheetPath.slice(slash + 1)}.rels`;
  const existing = files[relsPath] ? strFromU8(files[relsPath]) : relsXml('');
  const used = new Set([...existing.matchAll(/\bId="([^"]+)"/g)].map((m) => m[1]));
  let k = used.size + 1;
  while (used.has(`rId${k}`)) k++;
  const rId = `rId${k}`;
  files[relsPath] = strToU8(existing.replace('</Relationships>', `<Relationship Id="${rId}" Type="${REL}/drawing" Target="../drawings/drawing${n}.xml"/></Relationships>`));
  files[sheetPath] = strToU8(insertDrawingElement(strFromU8(files[sheetPath]), rId));
  const ct = strFromU8(files['[Content_Types].xml']);
  const overrides = `<Override PartName="/xl/charts/chart${n}.xml" ContentType="${CT_CHART}"/><Override PartName="/xl/drawings/drawing${n}.xml" ContentType="${CT_DRAWING}"/>`;
  files['[Content_Types].xml'] = strToU8(ct.replace('</Types>', `${overrides}</Types>`));
}

interface PlacedChart {
  chart: ExportChart;
  sheetIndex: number;
  refs: ChartRefs;
}

function finish(wb: XLSX.WorkBook, placed: PlacedChart[]): Uint8Array {
  const zipped = XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  const files = unzipSync(new Uint8Array(zipped));
  const paths = sheetPaths(files);
  placed.forEach((p, i) => addChartParts(files, paths[p.sheetIndex], i + 1, chartXml(p.chart, p.refs), p.chart.series.length + 2, p.refs.lastRow));
  return zipSync(files, { level: 6 });
}

/** One sheet named after the chart: its data and a native chart drawn from those cells. */
export function chartToXlsx(unsafe: ExportChart, opts: XlsxOptions = {}): Uint8Array {
  const chart = neutraliseChart(unsafe);
  const t = translator(opts.lang ?? 'zh-CN');
  const wb = XLSX.utils.book_new();
  const name = sheetName(chart.title || t('export.sheet.data'), new Set());
  const { ws, refs } = chartSheet(chart, name, t);
  XLSX.utils.book_append_sheet(wb, ws, name);
  return finish(wb, [{ chart, sheetIndex: 0, refs }]);
}

/** A dashboard: an index sheet (目录) linking to one sheet per chart. */
export function dashboardToXlsx(unsafe: ExportChart[], opts: XlsxOptions = {}): Uint8Array {
  const charts = unsafe.map(neutraliseChart);
  const t = translator(opts.lang ?? 'zh-CN');
  const wb = XLSX.utils.book_new();
  const taken = new Set<string>();
  const indexName = sheetName(t('export.sheet.index'), taken);
  const names = charts.map((c, i) => sheetName(`${i + 1} ${c.title}`, taken));
  const index = XLSX.utils.aoa_to_sheet([
    [t('export.sheet.no'), t('export.sheet.chart'), t('export.sheet.sheet')],
    ...charts.map((c, i) => [i + 1, c.title, names[i]]),
  ]);
  names.forEach((n, i) => {
    const cell = index[XLSX.utils.encode_cell({ r: i + 1, c: 1 })] as XLSX.CellObject;
    cell.l = { Target: `#${quoteSheet(n)}!A1`, Tooltip: n };
  });
  index['!cols'] = [{ wch: 6 }, { wch: 48 }, { wch: 34 }];
  XLSX.utils.book_append_sheet(wb, index, indexName);
  const placed = charts.map((chart, i) => {
    const { ws, refs } = chartSheet(chart, names[i], t);
    XLSX.utils.book_append_sheet(wb, ws, names[i]);
    return { chart, sheetIndex: i + 1, refs };
  });
  return finish(wb, placed);
}

