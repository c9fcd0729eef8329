/**
 * Finds the table in a grid of cells (a CSV or a sheet): title rows above it, a header of one to three rows
 * (merged cells already filled), an optional units row, footnotes below it. Builds clean, unique column names,
 * carries units into the columns, reports ragged rows by line, and guesses each column's type.
 */
import { guessColumn, parseCell, Kind } from './values';
import { splitUnit, tableUnit, unitOnly } from './units';
import type { Cell, ColumnSpec, ImportMessage, ParsedTable } from './types';

export interface Merge {
  s: { r: number; c: number };
  e: { r: number; c: number };
}

export interface Grid {
  rows: Cell[][];
  /** 1-based source line of each row (CSV records may span lines); default row index + 1. */
  lines?: number[];
  merges?: Merge[];
  /** CSV: every row should have the header's number of fields. */
  strictWidth?: boolean;
}

export interface LayoutOptions {
  headerRow?: number;
  headerRows?: number;
}

const NOTE_START = /^\s*(?:注|说明|备注|附注|资料来源|数据来源|来源|source|note)s?\s*[:：\d１-９一二三四五六七八九①-⑩]|^\s*[*※#]/i;
const YEAR = /^(?:19|20)\d{2}$/;
const YEAR_HEADER = /^(?:(?:19|20)\d{2})\s*年?(?:末|底)?$/;
const MAX_LISTED_LINES = 10;

const isBlank = (c: Cell) => c === null || (typeof c === 'string' && c.trim() === '');
const text = (c: Cell) => (c === null ? '' : String(c).trim());
const rowEmpty = (row: Cell[]) => row.every(isBlank);

function lastFilled(row: Cell[]): number {
  for (let i = row.length - 1; i >= 0; i--) if (!isBlank(row[i])) return i;
  return -1;
}

function distinctValues(row: Cell[]): string[] {
  return [...new Set(row.filter((c) => !isBlank(c)).map(text))];
}

/** Fills each merged range with its top-left value, as a reader of the printed table would. */
export function fillMerges(rows: Cell[][], merges: readonly Merge[]): void {
  for (const m of merges) {
    const v = rows[m.s.r]?.[m.s.c] ?? null;
    for (let r = m.s.r; r <= m.e.r; r++) {
      rows[r] ??= [];
      for (let c = m.s.c; c <= m.e.c; c++) rows[r][c] = v;
    }
  }
}

/** A number that is not a year: data, not a header. */
function hasDataNumber(row: Cell[]): boolean {
  return row.slice(1).some((c) => {
    if (isBlank(c)) return false;
    const p = parseCell(c);
    return (p.kind === Kind.Integer || p.kind === Kind.Double) && !YEAR.test(text(c));
  });
}

function isUnitsRow(row: Cell[]): boolean {
  const cells = row.filter((c) => !isBlank(c));
  return cells.length > 0 && cells.every((c) => unitOnly(text(c)) !== null);
}

function isNoteRow(row: Cell[], width: number): boolean {
  const values = distinctValues(row);
  if (values.length === 0) return false;
  if (NOTE_START.test(values[0])) return true;
  return values.length === 1 && width >= 3 && values[0].length >= 8 && parseCell(values[0]).kind === Kind.Text;
}

function detectHeaderRows(rows: Cell[][], h: number, merges: readonly Merge[]): number {
  let k = 1;
  for (let r = h + 1; r < Math.min(rows.length, h + 3); r++) {
    const row = rows[r] ?? [];
    if (rowEmpty(row) || hasDataNumber(row)) break;
    const mergedInto = merges.some((m) => m.s.r >= h && m.s.r < r && (m.e.r >= r || (m.s.r === r - 1 && m.e.c > m.s.c)));
    const groupedAbove = isBlank(row[0]) && (rows[r - 1] ?? []).some((c, i) => i > 0 && isBlank(c));
    if (!(mergedInto || groupedAbove || isUnitsRow(row))) break;
    k++;
  }
  return k;
}

/** Lists line numbers for a message: "3, 7, 9" or "3, 7, 9 … (12)". */
function lineList(lines: number[]): string {
  const shown = lines.slice(0, MAX_LISTED_LINES).join(', ');
  return lines.length > MAX_LISTED_LINES ? `${shown} …` : shown;
}

function uniqueNames(raw: string[], warnings: ImportMessage[]): string[] {
  const blanks: number[] = [];
  const dups: string[] = [];
  const seen = new Set<string>();
  const names = raw.map((n, i) => {
    let name = n;
    if (!name) {
      blanks.push(i + 1);
      name = `列${i + 1}`;
    }
    if (seen.has(name)) {
      let k = 2;
      while (seen.has(`${name}_${k}`)) k++;
      dups.push(name);
      name = `${name}_${k}`;
    }
    seen.add(name);
    return name;
  });
  if (blanks.length) warnings.push({ key: 'import.warn.blankHeader', params: { columns: blanks.join(', '), count: blanks.length } });
  if (dups.length) warnings.push({ key: 'import.warn.duplicateHeader', params: { names: [...new Set(dups)].join('、') } });
  return names;
}

function headerNames(rows: Cell[][], h: number, k: number, width: number, units: (string | undefined)[]): string[] {
  return Array.from({ length: width }, (_, c) => {
    const parts: string[] = [];
    for (let r = h; r < h + k; r++) {
      const v = text(rows[r]?.[c] ?? null);
      if (!v) continue;
      const only = unitOnly(v);
      if (only !== null && r > h) {
        units[c] = only;
        continue;
      }
      const { name, unit } = splitUnit(v);
      if (unit) units[c] = unit;
      if (name && parts[parts.length - 1] !== name) parts.push(name);
    }
    // Yearbooks pad short names for alignment ("地  区"); spaces between CJK characters are layout, not text.
    return parts.join('_').replace(/(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])/g, '').replace(/\s+/g, ' ');
  });
}

export function extractTable(grid: Grid, opts: LayoutOptions = {}): Omit<ParsedTable, 'sheet'> {
  const rows = grid.rows;
  const lineOf = (r: number) => grid.lines?.[r] ?? r + 1;
  const merges = grid.merges ?? [];
  if (merges.length) fillMerges(rows, merges);
  const warnings: ImportMessage[] = [];
  const widest = rows.slice(0, 200).reduce((w, row) => Math.max(w, distinctValues(row).length), 0);

  let h = 0;
  const titles: string[] = [];
  if (opts.headerRow !== undefined) {
    h = Math.max(0, opts.headerRow - 1);
    for (let r = 0; r < h; r++) if (!rowEmpty(rows[r] ?? [])) titles.push(distinctValues(rows[r]).join(' '));
  } else {
    while (h < rows.length && (rowEmpty(rows[h]) || (widest >= 3 && distinctValues(rows[h]).length <= 1 && titles.length < 6))) {
      if (!rowEmpty(rows[h])) titles.push(distinctValues(rows[h]).join(' '));
      h++;
    }
  }
  const k = opts.headerRows ?? (h < rows.length ? detectHeaderRows(rows, h, merges) : 1);
  const headerBlock = k > 0 ? rows.slice(h, h + k) : rows.slice(h);
  const width = headerBlock.reduce((w, row) => Math.max(w, lastFilled(row) + 1), 0);
  const headerLength = rows[h]?.length ?? 0;

  // Footnotes: trailing rows that read like notes.
  let end = rows.length;
  const notes: string[] = [];
  while (end > h + k && (rowEmpty(rows[end - 1]) || isNoteRow(rows[end - 1], width))) {
    end--;
    if (!rowEmpty(rows[end])) notes.unshift(distinctValues(rows[end]).join(' '));
  }

  const units: (string | undefined)[] = [];
  const rawNames = k > 0 ? headerNames(rows, h, k, width, units) : Array.from({ length: width }, () => '');
  const names = uniqueNames(rawNames, warnings);

  const start = h + k;
  const data: Cell[][] = Array.from({ length: width }, () => new Array<Cell>(Math.max(0, end - start)));
  const ragged: number[] = [];
  let n = 0;
  for (let r = start; r < end; r++) {
    const row = rows[r];
    if (!row || rowEmpty(row)) continue;
    if (row.length !== headerLength && ((grid.strictWidth ?? false) || lastFilled(row) >= width)) ragged.push(lineOf(r));
    for (let c = 0; c < width; c++) data[c][n] = row[c] ?? null;
    n++;
  }
  for (const col of data) col.length = n;
  if (ragged.length) warnings.push({ key: 'import.warn.ragged', params: { count: ragged.length, lines: lineList(ragged), width } });

  const defaultUnit = tableUnit(titles);
  const columns: ColumnSpec[] = names.map((name, c) => {
    const guess = guessColumn(data[c], name);
    if (guess.warning) warnings.push(guess.warning);
    const unit = units[c] ?? (guess.percent ? '%' : guess.type === 'integer' || guess.type === 'double' ? defaultUnit : undefined);
    return { name, type: guess.type, ...(unit ? { unit } : {}) };
  });
  const yearColumns = names.filter((n) => YEAR_HEADER.test(n)).length;
  return { columns, data, rowCount: data[0]?.length ?? 0, headerRow: h + 1, headerRows: k, titles, notes, warnings, yearColumns };
}
