/**
 * How a chart sits on its sheet so that it prints: title, subtitle and unit rows, the header (frozen, repeated
 * on every printed page), one row per category with typed, formatted numbers, the source and notes, then the
 * chart or picture BELOW the table inside the print area — or, for a long table, on a sheet of its own that
 * prints on one landscape page. A heatmap's table is itself the figure: a colour scale over its cells.
 */
import type { ChartData } from '../charts/chart-data';
import { DARK_FROM, SEQUENTIAL, valueRange } from '../charts/colour-scale';
import type { Translate } from '../i18n';
import type { Lang } from '../model/catalog';
import { officeForm } from './chart-kinds';
import { chartXml, seriesHeader, type ChartRefs } from './chart-xml';
import { cellValue, excelFormat, formatValue, numberStyle, type NumberStyle } from './number-format';
import { columnName, sheetName } from './ooxml';
import type { WorkbookSheet } from './xlsx-package';
import type { Anchor, DrawingContent } from './xlsx-parts';
import { DEFAULT_ROW_PT, type Cell } from './xlsx-sheet';
import type { StyleSheet } from './xlsx-styles';

export interface LayoutContext {
  styles: StyleSheet;
  t: Translate;
  lang: Lang;
}

/** Data rows up to which the chart goes below the table on the same printed page. */
export const ROWS_WITH_CHART = 20;
/** Printable width of A4 portrait with our 0.5 in margins, in CSS pixels (7.27 in × 96). */
export const PORTRAIT_PX = 698;
const CHART_PORTRAIT = { width: 680, height: 383 };
const CHART_LANDSCAPE = { width: 1000, height: 563 };
const ROW_PX = (DEFAULT_ROW_PT * 96) / 72;
const TITLE_PT = 24;

/** Display width in Excel's character units: CJK characters count two. */
export function textWidth(s: string): number {
  return [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
}
/** Excel's column width → pixels for an 7 px digit (the estimate used for print areas; a spare column absorbs the rest). */
export const colPx = (wch: number) => Math.round(wch * 7 + 5);

/** The unit every series shares (the chart's unit row), or null when they differ. */
function sharedUnit(data: ChartData): string | undefined | null {
  const units = data.series.map((s) => s.unit ?? data.unit);
  return units.every((u) => u === units[0]) ? units[0] : null;
}

/** Header text of each series: its name, with its unit only when the units differ (otherwise the unit row says it). */
export function seriesHeaders(data: ChartData, lang: Lang): string[] {
  return sharedUnit(data) === null ? data.series.map((s) => seriesHeader(s, lang, data.unit)) : data.series.map((s) => s.name);
}

/** The unit row's text ("单位：家"), or '' when the series' units differ or are percent (the cells show %). */
export function unitLine(data: ChartData, t: Translate): string {
  const unit = sharedUnit(data);
  return unit && unit !== '%' ? t('export.sheet.unit', { unit }) : '';
}

export function seriesStyles(data: ChartData, lang: Lang): NumberStyle[] {
  return data.series.map((s) => numberStyle(s.values, s.unit ?? data.unit, lang));
}

/** What the chart left out or folded (totals, places) and the annotation texts become 注：… lines under the table. */
export function chartNotes(data: ChartData): string[] {
  return [...(data.notes ?? []), ...data.annotations.map((a) => a.text)].filter((t) => t.length > 0);
}

/** A colour scale over the data cells as on screen (minimum → light, maximum → dark), with white text on dark cells. */
function colourScale(range: string, data: ChartData, styles: NumberStyle[]): { sqref: string; rules: string } {
  const { min, max } = valueRange(data.series.flatMap((s, i) => s.values.map((v) => (v === null ? null : cellValue(v, styles[i])))));
  const stop = (i: number) => SEQUENTIAL[i].slice(1).toUpperCase();
  return {
    sqref: range,
    rules:
      `<cfRule type="colorScale" priority="2"><colorScale><cfvo type="num" val="${min}"/><cfvo type="num" val="${(min + max) / 2}"/><cfvo type="num" val="${max}"/>` +
      `<color rgb="FF${stop(0)}"/><color rgb="FF${stop(2)}"/><color rgb="FF${stop(4)}"/></colorScale></cfRule>` +
      `<cfRule type="cellIs" dxfId="0" priority="1" operator="greaterThanOrEqual"><formula>${min + (max - min) * DARK_FROM}</formula></cfRule>`,
  };
}

/** The drawing for a chart whose data is at `refs`: a native chart, or the picture for kinds without one. */
export function chartDrawing(data: ChartData, refs: ChartRefs, picture: Uint8Array | undefined, lang: Lang): DrawingContent | null {
  const form = officeForm(data.kind);
  if (form === 'native') return { kind: 'chart', xml: chartXml(data, refs, lang) };
  if (form === 'colour-table') return null;
  if (!picture) throw new Error(`a ${data.kind} chart is exported as its picture: pass the PNG`);
  return { kind: 'picture', png: picture, description: data.title };
}

export interface ChartTable {
  rows: Cell[][];
  refs: ChartRefs;
  colWidths: number[];
  rowHeights: Record<number, number>;
}

/** The data table of `data` (title rows, header, data, source and notes) on the sheet named `sheet`. */
export function chartTable(data: ChartData, sheet: string, ctx: LayoutContext): ChartTable {
  const { styles: ss, t, lang } = ctx;
  const styles = seriesStyles(data, lang);
  const headers = seriesHeaders(data, lang);
  const text = (v: string, font: 'title' | 'subtitle' | 'note'): Cell => ({ v, s: ss.id({ font }) });
  const rows: Cell[][] = [[text(data.title, 'title')]];
  if (data.subtitle) rows.push([text(data.subtitle, 'subtitle')]);
  const unit = unitLine(data, t);
  if (unit) rows.push([text(unit, 'subtitle')]);
  const header = ss.id({ font: 'header', fill: true, border: true, align: 'center', wrap: true });
  rows.push([data.categoryLabel, ...headers].map((v) => ({ v, s: header })));
  const headerRow = rows.length;
  const category = ss.id({ border: true });
  const number = styles.map((st) => ss.id({ border: true, numFmt: excelFormat(st) }));
  data.categories.forEach((c, r) =>
    rows.push([{ v: c, s: category }, ...data.series.map((s, i): Cell => {
      const v = s.values[r];
      // A missing value stays an empty (bordered) cell: a gap, never 0.
      return v === null || !Number.isFinite(v) ? { v: Number.NaN, s: number[i] } : { v: cellValue(v, styles[i]), s: number[i] };
    })]),
  );
  const lastRow = rows.length;
  const notes = chartNotes(data);
  if (data.source || notes.length) rows.push([]);
  if (data.source) rows.push([text(data.source, 'note')]);
  for (const note of notes) rows.push([text(t('export.sheet.notes', { note }), 'note')]);
  const widest = (cells: string[]) => Math.max(...cells.map(textWidth));
  const colWidths = [
    Math.min(40, Math.max(8, widest([data.categoryLabel, ...data.categories])) + 2),
    ...data.series.map((s, i) => Math.min(24, Math.max(10, widest([headers[i], ...s.values.map((v) => formatValue(v, styles[i]))])) + 2)),
  ];
  const refs: ChartRefs = { sheet, headerRow, firstRow: headerRow + 1, lastRow, categoryCol: 0, seriesCols: data.series.map((_, i) => i + 1), headers, styles };
  return { rows, refs, colWidths, rowHeights: { 0: TITLE_PT } };
}

/**
 * The columns a box at least `width` px wide starting at column A spans: the table's columns, then filler
 * columns, the last one sized so the columns add up to `width` (at 7 px a digit — the narrowest usual font,
 * so a reader with wider digits only makes the columns wider, never clips the box).
 */
function spanColumns(colWidths: number[], width: number): { colWidths: number[]; lastCol: number } {
  const widths = [...colWidths];
  let px = widths.reduce((w, c) => w + colPx(c), 0);
  while (px < width) {
    const wch = Math.max(2, Math.min(12, Math.ceil((width - px - 5) / 7)));
    widths.push(wch);
    px += colPx(wch);
  }
  return { colWidths: widths, lastCol: widths.length - 1 };
}

/** The chart spans its columns exactly (it fills the printed width); a picture keeps its own size. */
function anchorFor(content: DrawingContent, row: number, lastCol: number, box: { width: number; height: number }): Anchor {
  const from = { col: 0, row, dx: 0, dy: 0 };
  if (content.kind === 'picture') return { from, ...box };
  return { from, to: { col: lastCol + 1, row: row + Math.ceil(box.height / ROW_PX), dx: 0, dy: 0 } };
}

/** The printed footer of every sheet: the sheet's name left, the page number right. */
export const footer = (t: Translate) => `&L&A&R${t('export.sheet.page')}`;

/** A sheet holding `data` and, below the table or on a sheet of its own, its chart or picture. */
export function chartSheets(data: ChartData, picture: Uint8Array | undefined, name: string, taken: Set<string>, ctx: LayoutContext): WorkbookSheet[] {
  const table = chartTable(data, name, ctx);
  const { refs, rows } = table;
  const drawing = chartDrawing(data, refs, picture, ctx.lang);
  const tableWidth = table.colWidths.reduce((w, c) => w + colPx(c), 0);
  const base = {
    name,
    rows,
    rowHeights: table.rowHeights,
    freezeRows: refs.headerRow,
    printTitles: `$${refs.headerRow}:$${refs.headerRow}`,
    ...(officeForm(data.kind) === 'colour-table'
      ? { conditional: [colourScale(`B${refs.firstRow}:${columnName(data.series.length)}${refs.lastRow}`, data, refs.styles)] }
      : {}),
  };
  const page = (landscape: boolean, fitToHeight: 0 | 1) => ({ landscape, fitToHeight, footer: footer(ctx.t) });
  const landscape = tableWidth > PORTRAIT_PX;
  const area = (lastCol: number, lastRow: number) => `$A$1:$${columnName(lastCol)}$${lastRow}`;
  if (!drawing) {
    return [{ model: { ...base, colWidths: table.colWidths, page: page(landscape, 0), printArea: area(table.colWidths.length - 1, rows.length) } }];
  }
  if (data.categories.length <= ROWS_WITH_CHART) {
    const box = landscape ? CHART_LANDSCAPE : CHART_PORTRAIT;
    const row = rows.length + 1;
    const span = spanColumns(table.colWidths, box.width);
    const lastRow = row + Math.ceil(box.height / ROW_PX) + 1;
    return [
      {
        model: { ...base, colWidths: span.colWidths, page: page(landscape, 0), printArea: area(span.lastCol, lastRow) },
        drawing: { content: drawing, anchor: anchorFor(drawing, row, span.lastCol, box) },
      },
    ];
  }
  // A long table: the chart on its own sheet, one landscape page.
  const chartName = sheetName(ctx.t('export.sheet.chartOf', { name }), taken);
  const span = spanColumns([], CHART_LANDSCAPE.width);
  const chartRows = Math.ceil(CHART_LANDSCAPE.height / ROW_PX) + 3;
  return [
    { model: { ...base, colWidths: table.colWidths, page: page(landscape, 0), printArea: area(table.colWidths.length - 1, rows.length) } },
    {
      model: { name: chartName, rows: [[{ v: data.title, s: ctx.styles.id({ font: 'title' }) }]], rowHeights: table.rowHeights, colWidths: span.colWidths, page: page(true, 1), printArea: area(span.lastCol, chartRows) },
      drawing: { content: drawing, anchor: anchorFor(drawing, 2, span.lastCol, CHART_LANDSCAPE) },
    },
  ];
}
