/**
 * The header block of a grid: how many rows it spans (one to three), and for each column its header path
 * (parent › child, from merged cells or from a parent written once over blank cells), unit and year.
 */
import { Kind, parseCell } from './values';
import { isUnitLine, splitUnit, unitOnly, unitsIn } from './units';
import type { Cell } from './types';
import type { Merge } from './grid';

export interface HeaderColumn {
  /** Header cells top to bottom, repeats and unit cells left out. */
  path: string[];
  unit?: string;
  year?: number;
}

const YEAR_HEADER = /^((?:19|20)\d{2})\s*年?(?:末|底|度)?$/;
/** Parents that only say "these columns are years": 年份 › 2012年 is the column 2012年. */
const YEAR_AXIS = /^(?:年份|年度|年|时间|时期|年别|year|years)$/i;
const UNIT_LABEL_CELL = /^(?:计量)?单位\s*[:：]?$/;

export const isBlank = (c: Cell | undefined) => c === null || c === undefined || (typeof c === 'string' && c.trim() === '');
export const cellText = (c: Cell | undefined) => (c === null || c === undefined ? '' : String(c).trim());

/** The year a header cell names ("2012", 2012, "2012年", "2012年末"), else undefined. */
export function headerYear(c: Cell | undefined): number | undefined {
  const m = YEAR_HEADER.exec(cellText(c));
  return m ? Number(m[1]) : undefined;
}

/** A number that is not a year: data, not a header. */
export function hasDataNumber(row: readonly Cell[]): boolean {
  return row.slice(1).some((c) => {
    if (isBlank(c) || headerYear(c) !== undefined) return false;
    const k = parseCell(c).kind;
    return k === Kind.Integer || k === Kind.Double;
  });
}

/** Every filled cell is a unit ("（个）", "万人"); a leading "单位"/"计量单位" label is allowed. */
export function isUnitsRow(row: readonly Cell[]): boolean {
  const cells = row.filter((c) => !isBlank(c)).map(cellText);
  const body = cells.length > 1 && UNIT_LABEL_CELL.test(cells[0]) ? cells.slice(1) : cells;
  return body.length > 0 && body.every((c) => unitOnly(c) !== null);
}

/** A row holding one "单位：…" statement and nothing else. */
export function isUnitLineRow(row: readonly Cell[]): boolean {
  const cells = [...new Set(row.filter((c) => !isBlank(c)).map(cellText))];
  return cells.length === 1 && isUnitLine(cells[0]);
}

const rowEmpty = (row: readonly Cell[] | undefined) => !row || row.every(isBlank);

/** How many rows, from row `h`, the header spans: rows that continue it (merged into, grouped, units, repeated stub). */
export function detectHeaderRows(rows: readonly Cell[][], h: number, merges: readonly Merge[]): number {
  let k = 1;
  for (let r = h + 1; r < Math.min(rows.length, h + 3); r++) {
    const row = rows[r] ?? [];
    if (rowEmpty(row) || isUnitLineRow(row) || hasDataNumber(row)) break;
    const above = rows[r - 1] ?? [];
    const mergedInto = merges.some((m) => m.s.r >= h && m.s.r < r && (m.e.r >= r || (m.s.r === r - 1 && m.e.c > m.s.c)));
    const groupedAbove = isBlank(row[0]) && above.some((c, i) => i > 0 && isBlank(c));
    const stubRepeated = !isBlank(row[0]) && cellText(row[0]) === cellText(above[0]);
    if (!(mergedInto || groupedAbove || stubRepeated || isUnitsRow(row))) break;
    k++;
  }
  return k;
}

/**
 * A parent written once over its children, with blank cells to its right (CSV exports, "centre across
 * selection"), is copied across the children: a blank cell takes its left neighbour's text when both it and
 * that neighbour have a child below. Merged ranges were filled before; this covers the unmerged case.
 */
function spreadParents(block: Cell[][], width: number): void {
  for (let r = 0; r < block.length - 1; r++) {
    for (let c = 1; c < width; c++) {
      if (!isBlank(block[r][c]) || isBlank(block[r][c - 1])) continue;
      const childAt = (col: number) => block.slice(r + 1).some((row) => !isBlank(row[col]));
      if (childAt(c) && childAt(c - 1)) block[r][c] = block[r][c - 1];
    }
  }
}

// Yearbooks pad short names for alignment ("地  区"); spaces between CJK characters are layout, not text.
export const tidyName = (s: string) => s.replace(/(?<=[\u4e00-\u9fff])[\s\u3000]+(?=[\u4e00-\u9fff])/g, '').replace(/\s+/g, ' ').trim();

/** Header path, unit and year of each column of the header rows h … h+k-1. */
export function headerColumns(rows: readonly Cell[][], h: number, k: number, width: number): HeaderColumn[] {
  const block = Array.from({ length: k }, (_, i) => Array.from({ length: width }, (_, c) => rows[h + i]?.[c] ?? null));
  spreadParents(block, width);
  return Array.from({ length: width }, (_, c) => {
    const path: string[] = [];
    let unit: string | undefined;
    block.forEach((row, r) => {
      const v = cellText(row[c]);
      if (!v) return;
      const only = unitOnly(v) ?? (r > 0 && isUnitLine(v) ? (unitsIn(v)?.[0] ?? null) : null);
      if (only !== null && r > 0) {
        unit = only;
        return;
      }
      const split = splitUnit(v);
      if (split.unit) unit = split.unit;
      const name = tidyName(split.name);
      if (name && path[path.length - 1] !== name) path.push(name);
    });
    const years = path.map((p) => headerYear(p)).filter((y) => y !== undefined);
    return { path, ...(unit ? { unit } : {}), ...(years.length === 1 ? { year: years[0] } : {}) };
  });
}

/** The column name for a header path: parts joined with "_", but 年份 › 2012年 is just 2012年. */
export function pathName(path: readonly string[]): string {
  const last = path[path.length - 1] ?? '';
  if (path.length > 1 && headerYear(last) !== undefined && path.slice(0, -1).every((p) => YEAR_AXIS.test(p))) return last;
  return path.join('_');
}

/** The parts of a year column's path that are neither the year nor a year word (its group, e.g. 社会团体). */
export function pathGroup(path: readonly string[]): string[] {
  return path.filter((p) => headerYear(p) === undefined && !YEAR_AXIS.test(p));
}
