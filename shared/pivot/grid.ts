/**
 * The pivot's long result (one row per non-empty cell, shared/sql/pivot-sql.ts) laid out as a grid: row
 * entries × column entries × values, in typed arrays so a 10,000 × 200 result is a few megabytes and the
 * screen's virtual grid, the exports and `sgw pivot` read the same numbers. Sorting by a value column is
 * done here, on the aggregated grid, keeping every subtotal after its members.
 */
import type { Table, Vector } from 'apache-arrow';
import type { PivotKey, PivotSort, PivotSpec } from '../model/pivot-spec';
import { PIVOT_COLUMNS } from '../sql/pivot-sql';

/** One row or one column of the grid. */
export interface AxisEntry {
  /** One key per dimension (null for an empty value); keys at and after `depth` belong to a total. */
  keys: PivotKey;
  /** How many leading dimensions are members: equal to the dimension count for a plain entry, less for a total. */
  depth: number;
}

export interface PivotGrid {
  rowDims: string[];
  colDims: string[];
  values: number;
  rows: AxisEntry[];
  cols: AxisEntry[];
  /** cells[m][r * cols.length + c]: value m of row r under column c; NaN where the cell is empty. */
  cells: Float64Array[];
}

export const isTotal = (e: AxisEntry, dims: number) => e.depth < dims;

export function cell(grid: PivotGrid, r: number, c: number, m: number): number {
  return grid.cells[m][r * grid.cols.length + c];
}

/** A DOUBLE column with NaN for NULL (Vector.toArray() leaves NULL slots as whatever bytes they hold). */
function floats(v: Vector): Float64Array {
  const out = new Float64Array(v.length);
  let at = 0;
  for (const chunk of v.data) {
    const values = chunk.values as Float64Array;
    const bitmap = chunk.nullBitmap as Uint8Array | undefined;
    for (let i = 0; i < chunk.length; i++) {
      const bitIndex = chunk.offset + i;
      const valid = !bitmap || chunk.nullCount === 0 || (bitmap[bitIndex >> 3] & (1 << (bitIndex & 7))) !== 0;
      out[at++] = valid ? values[chunk.offset + i] : NaN;
    }
  }
  return out;
}

function ints(v: Vector): Int32Array {
  return v.toArray() as Int32Array;
}

function column(table: Table, name: string): Vector {
  const v = table.getChild(name);
  if (!v) throw new Error(`pivot result has no column ${name}`);
  return v;
}

/** Depth of an entry from its dimensions' GROUPING bits (totals group a suffix of the dimensions). */
function depthOf(bits: number, dims: number): number {
  let depth = 0;
  while (depth < dims && ((bits >> (dims - 1 - depth)) & 1) === 0) depth++;
  return depth;
}

/** Lays the long result out; `spec` decides whether totals are kept (they may be computed only to sort by). */
export function gridFromResult(spec: PivotSpec, table: Table): PivotGrid {
  const nr = spec.rows.length;
  const nc = spec.cols.length;
  const n = table.numRows;
  const g = ints(column(table, PIVOT_COLUMNS.grouping));
  const r = ints(column(table, PIVOT_COLUMNS.row));
  const c = ints(column(table, PIVOT_COLUMNS.col));
  const keyCols = [...spec.rows, ...spec.cols].map((_, i) => column(table, PIVOT_COLUMNS.key(i)));
  const rowAt = new Map<number, AxisEntry>();
  const colAt = new Map<number, AxisEntry>();
  for (let i = 0; i < n; i++) {
    if (!rowAt.has(r[i])) rowAt.set(r[i], { keys: spec.rows.map((_, k) => (keyCols[k].get(i) as string | null) ?? null), depth: depthOf(g[i] >> nc, nr) });
    if (!colAt.has(c[i])) colAt.set(c[i], { keys: spec.cols.map((_, k) => (keyCols[nr + k].get(i) as string | null) ?? null), depth: depthOf(g[i] & ((1 << nc) - 1), nc) });
  }
  const rowPos = [...rowAt.keys()].sort((x, y) => x - y);
  const colPos = [...colAt.keys()].sort((x, y) => x - y);
  const rowIndex = new Map(rowPos.map((p, i) => [p, i]));
  const colIndex = new Map(colPos.map((p, i) => [p, i]));
  const width = colPos.length;
  const values = spec.values.map((_, m) => floats(column(table, PIVOT_COLUMNS.value(m))));
  const cells = spec.values.map(() => new Float64Array(rowPos.length * width).fill(NaN));
  for (let i = 0; i < n; i++) {
    const at = rowIndex.get(r[i])! * width + colIndex.get(c[i])!;
    for (let m = 0; m < values.length; m++) cells[m][at] = values[m][i];
  }
  let grid: PivotGrid = { rowDims: spec.rows, colDims: spec.cols, values: spec.values.length, rows: rowPos.map((p) => rowAt.get(p)!), cols: colPos.map((p) => colAt.get(p)!), cells };
  grid = sortGrid(grid, spec.sort);
  return spec.totals ? grid : withoutTotals(grid);
}

/** Keeps the rows and columns listed (in that order). */
function pick(grid: PivotGrid, rows: number[], cols: number[]): PivotGrid {
  const width = grid.cols.length;
  const cells = grid.cells.map((src) => {
    const out = new Float64Array(rows.length * cols.length);
    rows.forEach((r, i) => {
      const from = r * width;
      cols.forEach((c, j) => (out[i * cols.length + j] = src[from + c]));
    });
    return out;
  });
  return { ...grid, rows: rows.map((r) => grid.rows[r]), cols: cols.map((c) => grid.cols[c]), cells };
}

function withoutTotals(grid: PivotGrid): PivotGrid {
  const keep = (entries: AxisEntry[], dims: number) => entries.flatMap((e, i) => (isTotal(e, dims) ? [] : [i]));
  return pick(grid, keep(grid.rows, grid.rowDims.length), keep(grid.cols, grid.colDims.length));
}

const sameKey = (a: PivotKey, b: PivotKey) => a.length === b.length && a.every((k, i) => k === b[i]);

/** The column a value sort reads: the one with the given keys, or the row total (the only column without column dimensions). */
function sortColumn(grid: PivotGrid, col: PivotKey | undefined): number {
  const nc = grid.colDims.length;
  if (col === undefined) return grid.cols.findIndex((e) => e.depth === 0);
  return grid.cols.findIndex((e) => e.depth === nc && sameKey(e.keys, col));
}

/**
 * Sorts the rows level by level: the members under each parent by their own value (a member of an upper
 * level by its subtotal) or by label, each subtotal after its members, the grand total last. Empty values
 * sort last either way; ties keep label order.
 */
export function sortGrid(grid: PivotGrid, sort: PivotSort): PivotGrid {
  const nr = grid.rowDims.length;
  if (nr === 0 || (sort.by === 'label' && sort.dir === 'asc')) return grid;
  const col = sort.by === 'value' ? sortColumn(grid, sort.col) : -1;
  if (sort.by === 'value' && col < 0) return grid;
  const sign = sort.dir === 'asc' ? 1 : -1;
  const valueOf = (r: number) => (sort.by === 'value' ? cell(grid, r, col, sort.value) : NaN);
  // rows under one parent: indices of rows whose first `level` keys are the parent's.
  const order = (rows: number[], level: number): number[] => {
    if (level === nr) return rows;
    const totals = rows.filter((r) => grid.rows[r].depth === level);
    const groups = new Map<string | null, number[]>();
    for (const r of rows) {
      if (grid.rows[r].depth === level) continue;
      const k = grid.rows[r].keys[level];
      const list = groups.get(k);
      if (list) list.push(r);
      else groups.set(k, [r]);
    }
    const members = [...groups.values()].map((list, at) => {
      // The group's own figure: its subtotal row, or the leaf itself.
      const head = list.find((r) => grid.rows[r].depth === level + 1) ?? list[0];
      return { list, at, v: valueOf(head) };
    });
    members.sort((x, y) => {
      if (sort.by === 'label') return sign * (x.at - y.at);
      const xn = Number.isNaN(x.v);
      const yn = Number.isNaN(y.v);
      if (xn || yn) return xn === yn ? x.at - y.at : xn ? 1 : -1;
      return x.v === y.v ? x.at - y.at : sign * (x.v - y.v);
    });
    return [...members.flatMap((m) => order(m.list, level + 1)), ...totals];
  };
  return pick(grid, order(grid.rows.map((_, i) => i), 0), grid.cols.map((_, i) => i));
}
