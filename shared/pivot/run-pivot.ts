/**
 * The one way a pivot is run: the 分析 screen, dashboard cards, slides, exports and `sgw pivot`. Spec + its
 * source (a relation with columns) + the source table's rollup when it covers the pivot → SQL → long
 * result → PivotGrid.
 */
import type { Table } from 'apache-arrow';
import type { PivotSpec } from '../model/pivot-spec';
import { pivotSql, type PivotQuery } from '../sql/pivot-sql';
import type { Rollup } from '../sql/rollup';
import type { AnalysisSource } from '../sql/source';
import { gridFromResult, type PivotGrid } from './grid';

/** What runPivot needs of a database: the app's QueryCoordinator or any Db. */
export interface PivotRunDb {
  query(sql: string, opts?: { signal?: AbortSignal }): Promise<Table>;
}

/** At most this many non-empty cells (per value) and grid positions: 10,000 × 200 with totals fits with room. */
export const MAX_PIVOT_CELLS = 4_000_000;

export type PivotRun =
  | { status: 'ready'; query: PivotQuery; grid: PivotGrid; fromRollup: boolean; ms: number }
  | { status: 'empty'; query: PivotQuery }
  | { status: 'too-many'; query: PivotQuery; max: number };

/** The text the engine runs: over the rollup when it covers, limited to one cell more than a grid holds. */
export function runnablePivotSql(q: PivotQuery): string {
  return `${q.rollupSql ?? q.sql}\nLIMIT ${MAX_PIVOT_CELLS + 1}`;
}

export async function runPivot(db: PivotRunDb, spec: PivotSpec, source: AnalysisSource, opts: { rollup?: Rollup | null; signal?: AbortSignal } = {}): Promise<PivotRun> {
  const query = pivotSql(spec, source, opts.rollup);
  const t0 = Date.now();
  const rows = await db.query(runnablePivotSql(query), { signal: opts.signal });
  if (rows.numRows === 0) return { status: 'empty', query };
  if (rows.numRows > MAX_PIVOT_CELLS) return { status: 'too-many', query, max: MAX_PIVOT_CELLS };
  const grid = gridFromResult(spec, rows);
  if (grid.rows.length * grid.cols.length > MAX_PIVOT_CELLS) return { status: 'too-many', query, max: MAX_PIVOT_CELLS };
  return { status: 'ready', query, grid, fromRollup: query.rollupSql !== undefined, ms: Date.now() - t0 };
}
