/**
 * Applies a detected layout (./layout) to a grid: the data rows of the kept columns, clean unique names,
 * units, the row-label structure as extra columns (parent, 其中 part, unit), ragged rows reported by line,
 * and each column's type.
 */
import { cellKey, type Grid } from './grid';
import { isBlank, pathName } from './header';
import { detectLayout, type Layout } from './layout';
import { readLabels, type LabelStructure } from './row-labels';
import { guessColumn } from './values';
import type { Cell, ColumnSpec, ImportMessage, LayoutOverrides, ParsedTable } from './types';

const MAX_LISTED_LINES = 10;
const UNIT_HEADER = /^(?:计量)?单位$/;

/** Lists line numbers for a message: "3, 7, 9" or "3, 7, 9 …". */
function lineList(lines: number[]): string {
  const shown = lines.slice(0, MAX_LISTED_LINES).join(', ');
  return lines.length > MAX_LISTED_LINES ? `${shown} …` : shown;
}

function uniqueNames(raw: string[], sourceColumns: number[], warnings: ImportMessage[]): string[] {
  const blanks: number[] = [];
  const dups: string[] = [];
  const seen = new Set<string>();
  const names = raw.map((n, i) => {
    let name = n;
    if (!name) {
      blanks.push(sourceColumns[i] + 1);
      name = `列${sourceColumns[i] + 1}`;
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

interface Draft {
  name: string;
  source: number;
  cells: Cell[];
  spec: Omit<ColumnSpec, 'name' | 'type'>;
  /** Type decided by construction (derived columns). */
  type?: ColumnSpec['type'];
}

function lastFilled(row: readonly Cell[]): number {
  let last = row.length - 1;
  while (last >= 0 && isBlank(row[last])) last--;
  return last;
}

const text = (c: Cell) => (isBlank(c) ? '' : String(c).trim());

/**
 * A data row that repeats a header row (a report printed page by page, files pasted together): every
 * header cell with text has the same text there, at least two of them, and nothing else is filled.
 */
function headerRepeat(rows: readonly Cell[][], layout: Layout): (row: readonly Cell[]) => boolean {
  const block = rows.slice(layout.headerRow, layout.headerRow + layout.headerRows).map((h) => h.map(text));
  const usable = block.filter((h) => h.filter(Boolean).length >= 2);
  if (usable.length === 0) return () => false;
  return (row) =>
    usable.some((h) => {
      for (let i = 0; i < Math.max(row.length, h.length); i++) if (text(row[i] ?? null) !== (h[i] ?? '')) return false;
      return true;
    });
}

/**
 * The data rows of the kept columns, column by column, gathered in one row-major pass (a million-row file
 * is read once), with the grid row of each; ragged rows are reported by line.
 */
function dataRows(grid: Grid, layout: Layout, warnings: ImportMessage[]): { rowIdx: number[]; cells: Cell[][] } {
  const rows = grid.rows;
  const headerLength = rows[layout.headerRow]?.length ?? 0;
  const cols = layout.columns.map((c) => c.col);
  // Sized up front and cut to length after: growing a million-entry array by push costs more than the copy.
  const size = Math.max(0, layout.dataEnd - layout.dataStart + 1);
  const cells: Cell[][] = cols.map(() => new Array<Cell>(size));
  const rowIdx: number[] = new Array<number>(size);
  const ragged: number[] = [];
  const repeated: number[] = [];
  const isHeader = headerRepeat(rows, layout);
  let n = 0;
  for (let r = layout.dataStart - 1; r < layout.dataEnd; r++) {
    const row = rows[r];
    if (!row || row.every(isBlank)) continue;
    if (isHeader(row)) {
      repeated.push(grid.lines?.[r] ?? r + 1);
      continue;
    }
    if (row.length !== headerLength && ((grid.strictWidth ?? false) || lastFilled(row) >= layout.width)) ragged.push(grid.lines?.[r] ?? r + 1);
    for (let k = 0; k < cols.length; k++) cells[k][n] = row[cols[k]] ?? null;
    rowIdx[n++] = r;
  }
  for (const col of cells) col.length = n;
  rowIdx.length = n;
  if (ragged.length) warnings.push({ key: 'import.warn.ragged', params: { count: ragged.length, lines: lineList(ragged), width: layout.width } });
  if (repeated.length) warnings.push({ key: 'import.warn.repeatedHeader', params: { count: repeated.length, lines: lineList(repeated) } });
  return { rowIdx, cells };
}

/** The label column's structure as extra columns next to it; returns the rows to keep. */
function labelColumns(drafts: Draft[], grid: Grid, rowIdx: number[], labelCol: number): { labels: LabelStructure; keep: boolean[] | null } | null {
  const at = drafts.findIndex((d) => d.source === labelCol);
  if (at < 0) return null;
  const label = drafts[at];
  const hasValues = (i: number) => drafts.some((d) => d !== label && !isBlank(grid.rows[rowIdx[i]][d.source]));
  const excel = grid.indents?.size ? rowIdx.map((r) => grid.indents!.get(cellKey(r, labelCol))) : undefined;
  const labels = readLabels(label.cells, hasValues, excel);
  label.cells = labels.labels;
  // Marked only when the labels carry structure, so plain tables keep their plain column specs.
  if (labels.parents || labels.parts || labels.units) label.spec.role = 'label';
  const base = label.name || '指标';
  const extra: Draft[] = [];
  if (labels.parents) extra.push({ name: `上级${base}`, source: labelCol, cells: labels.parents, spec: { role: 'parent' }, type: 'string' });
  if (labels.parts) extra.push({ name: '其中项', source: labelCol, cells: labels.parts, spec: { role: 'part' }, type: 'boolean' });
  const existingUnit = drafts.find((d) => UNIT_HEADER.test(d.name));
  if (existingUnit) {
    existingUnit.spec.role = 'unit';
    if (labels.units) existingUnit.cells = existingUnit.cells.map((c, i) => (isBlank(c) ? labels.units![i] : c));
  } else if (labels.units && new Set(labels.units).size > 1) {
    extra.push({ name: '单位', source: labelCol, cells: labels.units, spec: { role: 'unit' }, type: 'string' });
  }
  drafts.splice(at + 1, 0, ...extra);
  return { labels, keep: labels.drop ? labels.drop.map((d) => !d) : null };
}

export function extractTable(grid: Grid, opts: LayoutOverrides = {}): Omit<ParsedTable, 'sheet'> {
  const layout = detectLayout(grid, opts);
  const warnings: ImportMessage[] = [];
  const { rowIdx, cells } = dataRows(grid, layout, warnings);
  const drafts: Draft[] = layout.columns.map(({ col, header }, k) => ({
    name: layout.beyondHeader.includes(col) ? `列${col + 1}` : pathName(header.path),
    source: col,
    cells: cells[k],
    spec: { ...(header.path.length > 1 ? { path: header.path } : {}), ...(header.unit ? { unit: header.unit } : {}), ...(header.year !== undefined ? { year: header.year } : {}) },
  }));
  if (layout.beyondHeader.length) {
    const named = layout.beyondHeader.map((c) => `列${c + 1}`);
    warnings.push({ key: 'import.warn.beyondHeader', params: { count: named.length, names: named.join('、') } });
  }
  const structure = layout.labelColumn !== undefined ? labelColumns(drafts, grid, rowIdx, layout.labelColumn - 1) : null;
  if (structure?.keep) for (const d of drafts) d.cells = d.cells.filter((_, i) => structure.keep![i]);

  // One unit shared by every row (from the labels, or a units line) is the numeric columns' unit.
  const rowUnits = structure?.labels.units ? new Set(structure.labels.units) : null;
  const unitColumn = drafts.some((d) => d.spec.role === 'unit');
  const sharedUnit = rowUnits ? (rowUnits.size === 1 ? [...rowUnits][0] ?? undefined : undefined) : unitColumn ? undefined : layout.tableUnit;
  const names = uniqueNames(drafts.map((d) => d.name), drafts.map((d) => d.source), warnings);
  const labelAt = layout.labelColumn !== undefined ? drafts.findIndex((d) => d.source === layout.labelColumn! - 1 && !d.type) : -1;
  const columns: ColumnSpec[] = drafts.map((d, i) => {
    const guess = d.type ? { type: d.type, percent: false } : guessColumn(d.cells, names[i]);
    if ('warning' in guess && guess.warning) warnings.push(guess.warning);
    const numeric = guess.type === 'integer' || guess.type === 'bigint' || guess.type === 'double';
    const unit = d.spec.unit ?? (guess.percent ? '%' : numeric && !d.spec.role ? sharedUnit : undefined);
    return { name: names[i], type: guess.type, ...d.spec, ...(unit ? { unit } : {}) };
  });
  const { columns: _c, width: _w, beyondHeader: _b, headerRow, headerRows, titles, notes, title, source, tableUnit: _u, ...detected } = layout;
  return {
    columns,
    data: drafts.map((d) => d.cells),
    rowCount: drafts[0]?.cells.length ?? 0,
    headerRow: headerRow + 1,
    headerRows,
    titles,
    notes,
    ...(title ? { title } : {}),
    ...(source ? { source } : {}),
    layout: {
      ...detected,
      ...(layout.labelColumn !== undefined && labelAt >= 0 ? { labelName: names[labelAt] } : {}),
      ...(structure?.labels.indent ? { indent: structure.labels.indent } : {}),
    },
    totals: { rows: [], columns: [] },
    warnings,
    yearColumns: columns.filter((c) => c.year !== undefined).length,
  };
}
