/**
 * Totals: rows labelled 合计, 总计, 全国, 全省, 小计, Total … and columns headed so. Import keeps them in the
 * table (no data is lost) and lists them in the table's provenance; charts ask totalValues/isTotalColumn so
 * that a 合计 row does not dwarf the regions it sums. Tables without provenance (bundled ones, tables made
 * in SQL) fall back to the same names.
 */
import type { Cell, ColumnSpec, TableTotals } from './types';

const TOTAL =
  /^(?:(?:全国|全省|全市|全区|全县|全州|全盟|全旗|总)?(?:合计|总计|小计|共计|总数|总体|总量|合计数)|全国|全省|全市|全区|全县|全州|全盟|全旗|全部|全体|total|totals|grandtotal|subtotal|sum|all|overall)$/;
const MAX_TOTAL_LENGTH = 16;
/** First letters of every name TOTAL accepts: a cheap test that turns away nearly every cell of a big file. */
const FIRST = new Uint8Array(65536);
for (const c of '合总小共全tTsSaAoOgG \t\u3000\u00a0') FIRST[c.charCodeAt(0)] = 1;
/** The first-letter test alone, for readers that see a cell's first UTF-16 unit before decoding it (Parquet). */
export const mayNameTotal = (firstUnit: number): boolean => FIRST[firstUnit] === 1;
const isSpace = (c: number) => c === 32 || c === 9 || c === 0x3000 || c === 0xa0;

/** Is this text a total's name? Spaces inside do not matter (合计 with a full-width space inside, "Grand Total"). */
export function isTotalName(value: unknown): boolean {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_TOTAL_LENGTH) return false;
  let i = 0;
  while (i < value.length && isSpace(value.charCodeAt(i))) i++;
  if (i === value.length || !FIRST[value.charCodeAt(i)]) return false;
  return TOTAL.test(value.replace(/[\s\u3000]+/g, '').replace(/[:：]$/, '').toLowerCase());
}

/** A column is a total when its name, or one cell of its header path, names one (社会组织 › 合计). */
function isTotalHeader(c: ColumnSpec): boolean {
  return isTotalName(c.name) || (c.path ?? []).some(isTotalName);
}

/** Totals of a parsed table: total-named values of each text column, and total-named columns. */
export function findTotals(columns: readonly ColumnSpec[], data: readonly (readonly Cell[])[]): TableTotals {
  const rows: TableTotals['rows'] = [];
  columns.forEach((c, i) => {
    if (c.type !== 'string' || c.role === 'parent' || c.role === 'unit') return;
    const found = new Set<string>();
    const cells = data[i] ?? [];
    for (let r = 0; r < cells.length; r++) {
      const cell = cells[r];
      // The first-letter test inline: this loop sees every text cell of the file.
      if (typeof cell !== 'string' || !FIRST[cell.charCodeAt(0)]) continue;
      if (isTotalName(cell)) found.add(cell.trim());
    }
    if (found.size) rows.push({ column: c.name, values: [...found] });
  });
  return { rows, columns: columns.filter(isTotalHeader).map((c) => c.name) };
}

export interface HasTotals {
  totals?: TableTotals | null;
}

/**
 * The values of `column` that are totals: from the table's import provenance when it has one, else the
 * given values (e.g. a chart's categories) whose text names a total.
 */
export function totalValues(prov: HasTotals | null | undefined, column: string, values: readonly unknown[] = []): string[] {
  if (prov?.totals) return prov.totals.rows.find((r) => r.column === column)?.values ?? [];
  return [...new Set(values.filter(isTotalName).map((v) => (v as string).trim()))];
}

/** Is `column` a total column (社会组织_合计)? From provenance when there is one, else by its name. */
export function isTotalColumn(prov: HasTotals | null | undefined, column: string): boolean {
  if (prov?.totals) return prov.totals.columns.includes(column);
  return isTotalName(column) || column.split('_').some(isTotalName);
}
