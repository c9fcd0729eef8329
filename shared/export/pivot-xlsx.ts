/**
 * A pivot as an Excel workbook, on the one OOXML writer the chart exports use (xlsx-package.ts): the table as
 * typed cells with merged column headers and row labels, bold totals, number formats (万/亿 as scaled
 * formats, so each cell keeps its true number), frozen header rows and row-label columns, and the print setup
 * of every export (A4, one page wide, header rows repeated, page numbers). Optionally a second sheet with a
 * native clustered column chart of the pivot (shared/pivot/pivot-chart.ts) over its own data table.
 * Reads the writer-neutral PivotTable (shared/pivot/table.ts), as the Word writer does.
 */
import type { ChartData } from '../charts/chart-data';
import { translator } from '../i18n';
import type { Lang } from '../model/catalog';
import type { PivotTable } from '../pivot/table';
import { sheetName } from './ooxml';
import { pivotSheet } from './pivot-sheet';
import { neutralise } from './xlsx-chart';
import { chartSheets } from './xlsx-layout';
import { writeWorkbook } from './xlsx-package';
import { StyleSheet } from './xlsx-styles';

export { excelNumberFormat } from './pivot-sheet';

export interface PivotXlsxOptions {
  lang?: Lang;
  /** The pivot's chart (pivotChartData): written on a sheet of its own after the table. */
  chart?: ChartData | null;
}

export function pivotToXlsx(table: PivotTable, opts: PivotXlsxOptions = {}): Uint8Array {
  const lang = opts.lang ?? 'zh-CN';
  const ctx = { styles: new StyleSheet(), t: translator(lang), lang };
  const taken = new Set<string>();
  const sheet = pivotSheet(table, sheetName(ctx.t('pivot.sheet'), taken), ctx);
  const chart = opts.chart ? neutralise(opts.chart) : null;
  const chartSheet = chart ? chartSheets(chart, undefined, sheetName(ctx.t('pivot.chartSheet'), taken), taken, ctx) : [];
  return writeWorkbook([sheet, ...chartSheet], ctx.styles, table.title || ctx.t('pivot.sheet'));
}
