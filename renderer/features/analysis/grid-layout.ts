/**
 * The screen's pivot grid laid out for a virtual window: header spans (merged column keys) computed once,
 * body cells read from the PivotGrid's typed arrays only for the rows and columns in view, so a
 * 10,000 × 200 result costs a few hundred DOM nodes (shared/pivot/table.ts builds the full table for exports).
 */
import { translator } from '../../../shared/i18n';
import type { Lang } from '../../../shared/model/catalog';
import type { PivotSpec } from '../../../shared/model/pivot-spec';
import { cell, isTotal, type PivotGrid } from '../../../shared/pivot/grid';
import { entryLabel, formatValue, wholeValues } from '../../../shared/pivot/labels';
import { headerRows, heatRanges, type PivotCell } from '../../../shared/pivot/table';

export const ROW_H = 28;
export const COL_W = 116;
export const KEY_W = 132;

export interface Span {
  /** First data column (or corner column) and how many it covers. */
  start: number;
  span: number;
  rows: number;
  cell: PivotCell;
}

export interface GridLayout {
  keyCols: number;
  dataCols: number;
  headerRows: number;
  /** Per header row: the corner cells and the column-key spans over the data columns. */
  corner: Span[][];
  header: Span[][];
  heat: [number, number][] | null;
  /** Per value: all its cells whole (labels.ts wholeValues), computed once, not per cell in view. */
  whole: boolean[];
}

function spans(cells: readonly PivotCell[]): Span[] {
  const out: Span[] = [];
  cells.forEach((c, i) => {
    if (c.kind !== 'covered') out.push({ start: i, span: c.colSpan ?? 1, rows: c.rowSpan ?? 1, cell: c });
  });
  return out;
}

export function gridLayout(grid: PivotGrid, spec: PivotSpec, lang: Lang): GridLayout {
  const keyCols = Math.max(1, grid.rowDims.length);
  const rows = headerRows(grid, spec, lang);
  return {
    keyCols,
    dataCols: grid.cols.length * grid.values,
    headerRows: rows.length,
    corner: rows.map((r) => spans(r.slice(0, keyCols))),
    header: rows.map((r) => spans(r.slice(keyCols))),
    heat: spec.heat ? heatRanges(grid) : null,
    whole: wholeValues(grid),
  };
}

/** Spans of one header row that reach into data columns [first, first + count). */
export const visibleSpans = (row: readonly Span[], first: number, count: number) => row.filter((s) => s.start < first + count && s.start + s.span > first);

export interface BodyCell {
  text: string;
  total: boolean;
  /** Background for heat colouring (plain cells only). */
  background?: string;
  empty: boolean;
}

/** The cell of grid row r at data column x (column entry ⌊x / values⌋, value x mod values). */
export function bodyCell(grid: PivotGrid, spec: PivotSpec, layout: GridLayout, r: number, x: number, lang: Lang): BodyCell {
  const c = Math.floor(x / grid.values);
  const m = x % grid.values;
  const v = cell(grid, r, c, m);
  const total = isTotal(grid.rows[r], grid.rowDims.length) || isTotal(grid.cols[c], grid.colDims.length);
  const range = layout.heat?.[m];
  let background: string | undefined;
  if (range && !total && Number.isFinite(v)) {
    const h = range[1] > range[0] ? (v - range[0]) / (range[1] - range[0]) : 0.5;
    background = `rgba(214, 72, 46, ${(0.06 + 0.6 * h).toFixed(3)})`;
  }
  return { text: formatValue(v, spec.values[m].format, lang, layout.whole[m]), total, empty: Number.isNaN(v), ...(background ? { background } : {}) };
}

/**
 * The row-key text of row r at a level: shown on the first row of its group, and again on the first row
 * in view so a scrolled group keeps its name.
 */
export function rowKeyText(grid: PivotGrid, r: number, level: number, firstInView: number, lang: Lang): string {
  const t = translator(lang);
  const e = grid.rows[r];
  if (grid.rowDims.length === 0) return r === 0 && grid.rows.length === 1 ? t('pivot.total') : '';
  if (level > e.depth) return '';
  if (level === e.depth || r === firstInView) return entryLabel(e, level, t);
  const prev = grid.rows[r - 1];
  const same = prev && level < prev.depth && prev.keys.slice(0, level + 1).every((k, i) => k === e.keys[i]);
  return same ? '' : entryLabel(e, level, t);
}

/** The keys of a cell for the drill-down: one per dimension, undefined where the cell is a total over it. */
export function cellKeys(grid: PivotGrid, r: number, x: number): { row: (string | null | undefined)[]; col: (string | null | undefined)[] } {
  const re = grid.rows[r];
  const ce = grid.cols[Math.floor(x / grid.values)];
  return { row: grid.rowDims.map((_, i) => (i < re.depth ? re.keys[i] : undefined)), col: grid.colDims.map((_, j) => (j < ce.depth ? ce.keys[j] : undefined)) };
}
