/** A query result (Arrow table) as CSV bytes or as a plain .xlsx (our OOXML writer), with progress for large results. */
import type { Table } from 'apache-arrow';
import { cellText, plainValue } from '../format/cell';
import type { ChartData } from '../charts/chart-data';
import type { Lang } from '../model/catalog';
import { seriesHeader } from './chart-xml';
import { csvLine, neutraliseFormula, toCsv } from './csv';
import { encodeGb18030 } from './gb18030';
import { columnName, sheetName } from './ooxml';
import { XLSX_MAX_ROWS } from './limits';
import { writeWorkbook } from './xlsx-package';
import type { Cell } from './xlsx-sheet';
import { StyleSheet } from './xlsx-styles';

export type CsvEncoding = 'utf-8' | 'gb18030';
export const CSV_ENCODINGS: readonly CsvEncoding[] = ['utf-8', 'gb18030'];

export interface TableExportOptions {
  /** Called now and then with the share of rows done (0–1). */
  onProgress?(done: number): void;
  /** Lets the caller breathe between chunks (the UI passes a next-frame wait so progress can paint). */
  pause?(): Promise<void>;
  /** Rows per chunk between progress reports. */
  chunkRows?: number;
}

const UTF8_BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

/** CSV text to bytes: UTF-8 with a BOM (so Excel detects it) or GB18030 (no BOM). */
export function encodeCsv(text: string, encoding: CsvEncoding = 'utf-8'): Uint8Array {
  if (encoding === 'gb18030') return encodeGb18030(text);
  const body = new TextEncoder().encode(text);
  const out = new Uint8Array(UTF8_BOM.length + body.length);
  out.set(UTF8_BOM);
  out.set(body, UTF8_BOM.length);
  return out;
}

async function forEachChunk(table: Table, opts: TableExportOptions, fn: (row: number) => void): Promise<void> {
  const chunk = opts.chunkRows ?? 50_000;
  for (let start = 0; start < table.numRows; start += chunk) {
    const end = Math.min(table.numRows, start + chunk);
    for (let r = start; r < end; r++) fn(r);
    opts.onProgress?.(end / table.numRows);
    if (end < table.numRows) await opts.pause?.();
  }
  if (table.numRows === 0) opts.onProgress?.(1);
}

/** RFC 4180 CSV of the whole result, formula-like text neutralised, CRLF line ends (what Excel writes). */
export async function tableToCsv(table: Table, encoding: CsvEncoding = 'utf-8', opts: TableExportOptions = {}): Promise<Uint8Array> {
  const fields = table.schema.fields;
  const columns = fields.map((_, i) => table.getChildAt(i));
  const lines: string[] = [csvLine(fields.map((f) => f.name))];
  await forEachChunk(table, opts, (r) => {
    lines.push(csvLine(fields.map((f, i) => cellText(columns[i]?.get(r), f))));
  });
  return encodeCsv(`${lines.join('\r\n')}\r\n`, encoding);
}

/** Excel refuses sheets above this many rows (header included). */
export { XLSX_MAX_ROWS };

/** The result as one sheet (our OOXML writer, as every workbook): numbers as numbers, text neutralised, nested values as JSON text. */
export async function tableToXlsx(table: Table, name = 'Sheet1', opts: TableExportOptions = {}): Promise<Uint8Array> {
  if (table.numRows + 1 > XLSX_MAX_ROWS) throw new RangeError(`${table.numRows} rows do not fit in one Excel sheet (${XLSX_MAX_ROWS - 1} at most)`);
  const fields = table.schema.fields;
  const columns = fields.map((_, i) => table.getChildAt(i));
  const styles = new StyleSheet();
  const header = styles.id({ font: 'header' });
  const rows: (Cell | null)[][] = [fields.map((f) => ({ v: neutraliseFormula(f.name), s: header }))];
  await forEachChunk(table, opts, (r) => {
    rows.push(
      fields.map((f, i): Cell | null => {
        const v = plainValue(columns[i]?.get(r), f);
        if (typeof v === 'number') return { v: Number.isFinite(v) ? v : String(v) };
        if (v === null) return null;
        if (typeof v === 'boolean') return { v };
        return { v: neutraliseFormula(typeof v === 'string' ? v : JSON.stringify(v)) };
      }),
    );
  });
  const sheet = sheetName(name, new Set());
  return writeWorkbook(
    [{ model: { name: sheet, rows, colWidths: [], freezeRows: 1, page: { landscape: false, fitToHeight: 0, footer: '' }, printArea: `$A$1:$${columnName(Math.max(0, fields.length - 1))}$${rows.length}`, printTitles: '$1:$1' } }],
    styles,
    sheet,
  );
}

/** A chart's data as CSV: the same header (with units) and rows as its Excel sheet. */
export function chartToCsv(chart: ChartData, lang: Lang, encoding: CsvEncoding = 'utf-8'): Uint8Array {
  const headers = [chart.categoryLabel, ...chart.series.map((s) => seriesHeader(s, lang, chart.unit))];
  const rows = chart.categories.map((c, r) => [c, ...chart.series.map((s) => (s.values[r] === null ? '' : String(s.values[r])))]);
  return encodeCsv(toCsv(headers, rows), encoding);
}
