/** A grid of cells as a source delivers it (CSV records, a sheet), before layout detection. */
import type { Cell } from './types';

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
  /** Excel indent levels from cell styles, by cellKey(row, column) (grid-relative, 0-based). */
  indents?: Map<number, number>;
}

/** Excel has at most 16,384 columns, so row * 16384 + column names a cell uniquely. */
export const cellKey = (r: number, c: number) => r * 16384 + c;

/**
 * Fills each merged range with its top-left value, as a reader of the printed table would (idempotent).
 * Ranges are clipped to the cells the grid has: a file declaring a merge over a million rows costs nothing.
 */
export function fillMerges(rows: Cell[][], merges: readonly Merge[]): void {
  const width = rows.reduce((w, row) => Math.max(w, row.length), 0);
  for (const m of merges) {
    const v = rows[m.s.r]?.[m.s.c] ?? null;
    for (let r = Math.max(0, m.s.r); r <= Math.min(m.e.r, rows.length - 1); r++) {
      for (let c = Math.max(0, m.s.c); c <= Math.min(m.e.c, width - 1); c++) rows[r][c] = v;
    }
  }
}
