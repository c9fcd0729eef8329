/**
 * A pivot as an Excel workbook: the table as typed cells with merged column headers and row labels, bold
 * totals, number formats (万/亿 as scaled formats, so each cell keeps its true number), frozen header rows
 * and row-label columns. (The native chart sheet it once had waits for the pivot to move onto the
 * xlsx-layout writer the chart exports use.)
 * Reads the writer-neutral PivotTable (shared/pivot/table.ts), as the Word writer does.
 */
import * as XLSX from '@e965/xlsx';
import { unzipSync, zipSync } from 'fflate';
import { translator } from '../i18n';
import type { Lang } from '../model/catalog';
import type { ValueFormat } from '../model/pivot-spec';
import type { PivotCell, PivotTable } from '../pivot/table';
import { neutraliseFormula } from './csv';
import { sheetName } from './ooxml';
import { applyCellStyles, cellRef, freezePanes, type CellStyle } from './pivot-xlsx-styles';

/** Excel number formats of the value formats. Excel scales only by thousands (a trailing comma), so 万 is the
 * number ÷ 1,000 with a literal point before its last digit (one decimal), 亿 ÷ 1,000,000 with two. */
export function excelNumberFormat(format: ValueFormat, lang: Lang, integers: boolean): string {
  const t = translator(lang);
  switch (format) {
    case 'integer':
      return '#,##0';
    case 'decimal':
      return '#,##0.00';
    case 'wan':
      return `0\\.0,"${t('pivot.unit.wan')}"`;
    case 'yi':
      return `0\\.00,,"${t('pivot.unit.yi')}"`;
    case 'percent':
      return '0.0%';
    case 'auto':
      return integers ? '#,##0' : '#,##0.00';
  }
}

const HEADER: CellStyle = { bold: true, fill: 'EEF2F7', align: 'center' };
const ROW_KEY: CellStyle = { fill: 'F7F9FC', align: 'left' };
const TOTAL_KEY: CellStyle = { bold: true, fill: 'F7F9FC', align: 'left' };
const TOTAL: CellStyle = { bold: true };

export interface PivotXlsxOptions {
  lang?: Lang;
}

/** SheetJS writes the workbook's one sheet here. */
const SHEET_PATH = 'xl/worksheets/sheet1.xml';

/** Whether every value cell of each value column (by position in a column group) holds a whole number. */
function integerColumns(table: PivotTable, values: number): boolean[] {
  const out = Array.from({ length: values }, () => true);
  for (const row of table.body) {
    row.slice(table.rowHeaderCols).forEach((c, i) => {
      if (c.value !== null && c.value !== undefined && !Number.isInteger(c.value)) out[i % values] = false;
    });
  }
  return out;
}

export function pivotToXlsx(table: PivotTable, opts: PivotXlsxOptions = {}): Uint8Array {
  const values = table.values;
  const lang = opts.lang ?? 'zh-CN';
  const t = translator(lang);
  const top = table.title ? 2 : 0;
  const grid = [...table.header, ...table.body];
  const aoa: (string | number | null)[][] = [];
  if (table.title) aoa.push([neutraliseFormula(table.title)], []);
  const merges: XLSX.Range[] = [];
  const styles = new Map<string, CellStyle>();
  const integers = integerColumns(table, values);
  grid.forEach((row, r) => {
    const y = top + r;
    const isHeader = r < table.header.length;
    aoa.push(row.map((c) => (c.kind === 'value' ? (c.value ?? null) : c.kind === 'covered' ? null : neutraliseFormula(c.text))));
    row.forEach((c: PivotCell, x) => {
      if (c.kind === 'covered') return;
      if ((c.colSpan ?? 1) > 1 || (c.rowSpan ?? 1) > 1) merges.push({ s: { r: y, c: x }, e: { r: y + (c.rowSpan ?? 1) - 1, c: x + (c.colSpan ?? 1) - 1 } });
      const style = isHeader ? HEADER : c.kind === 'row-key' ? (c.total ? TOTAL_KEY : ROW_KEY) : c.total ? TOTAL : undefined;
      if (style) styles.set(cellRef(y, x), style);
    });
  });
  if (table.notes.length) aoa.push([], ...table.notes.map((n) => [neutraliseFormula(n)]));
  const ws = XLSX.utils.aoa_to_sheet(aoa);
  table.body.forEach((row, r) =>
    row.forEach((c, x) => {
      if (c.kind !== 'value' || c.value === null || c.value === undefined) return;
      const cellObj = ws[cellRef(top + table.header.length + r, x)] as XLSX.CellObject;
      cellObj.z = excelNumberFormat(c.format ?? 'auto', lang, integers[(x - table.rowHeaderCols) % values]);
    }),
  );
  ws['!merges'] = merges;
  const width = (s: string) => [...s].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
  ws['!cols'] = Array.from({ length: table.rowHeaderCols + table.dataCols }, (_, x) => ({
    wch: Math.min(40, Math.max(8, ...grid.map((row) => (row[x] && row[x].kind !== 'covered' && (row[x].colSpan ?? 1) === 1 ? width(row[x].text) + 2 : 0)))),
  }));
  if (table.title) styles.set('A1', { bold: true, size: 14 });

  const wb = XLSX.utils.book_new();
  const taken = new Set<string>();
  XLSX.utils.book_append_sheet(wb, ws, sheetName(t('pivot.sheet'), taken));
  const files = unzipSync(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer));
  applyCellStyles(files, SHEET_PATH, styles);
  freezePanes(files, SHEET_PATH, table.rowHeaderCols, top + table.header.length);
  return zipSync(files, { level: 6 });
}
