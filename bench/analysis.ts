/**
 * The analysis rows of the benchmark (issue 17): a pivot of region × year with subtotals and totals over the
 * table and over its rollup, and an OLS regression with 5 regressors. Ours runs the app's code (runPivot:
 * SQL → Arrow → grid; regress: three engine passes + the JS solve); native DuckDB runs the same SQL (and the
 * same solve over its sums). Both engines' answers are compared and a mismatch fails the run.
 */
import type { Table } from 'apache-arrow';
import type { Db } from '../shared/db';
import { newPivotSpec, type PivotSpec } from '../shared/model/pivot-spec';
import { runPivot, runnablePivotSql } from '../shared/pivot/run-pivot';
import { pivotSql } from '../shared/sql/pivot-sql';
import type { Rollup } from '../shared/sql/rollup';
import { tableSource, type AnalysisSource } from '../shared/sql/source';
import { regress, type Regression } from '../shared/stats/regression';
import type { StatsDb } from '../shared/stats/stats-db';
import type { BenchEngine } from './engines';
import { time, type Timing } from './stats';

const CUBE: AnalysisSource = tableSource({
  name: 'cube',
  columns: [
    { name: '地区', type: 'VARCHAR' },
    { name: '年份', type: 'INTEGER' },
    { name: '类型', type: 'VARCHAR' },
    { name: '指标', type: 'VARCHAR' },
    { name: '机构名称', type: 'VARCHAR' },
    { name: '数值', type: 'DOUBLE' },
  ],
});

export const BENCH_PIVOT: PivotSpec = {
  ...newPivotSpec('cube'),
  rows: ['地区'],
  cols: ['年份'],
  values: [
    { column: '数值', agg: 'sum', show: 'value', format: 'auto' },
    { column: null, agg: 'count', show: 'value', format: 'auto' },
  ],
  totals: true,
};

/** y and five regressors derived from the cube's columns (the same in both engines; no hash functions). */
const REGRESSION_TABLE = `CREATE OR REPLACE TABLE reg AS
  SELECT 数值 AS y, 年份::DOUBLE AS x1, regexp_extract(机构名称, '第(\\d+)', 1)::DOUBLE AS x2,
         (regexp_extract(机构名称, '第(\\d+)', 1)::BIGINT * 7919 % 1013)::DOUBLE AS x3,
         length(地区)::DOUBLE AS x4, length(类型)::DOUBLE + length(指标) * 0.5 AS x5
  FROM cube`;
const REG: AnalysisSource = tableSource({ name: 'reg', columns: ['y', 'x1', 'x2', 'x3', 'x4', 'x5'].map((name) => ({ name, type: 'DOUBLE' })) });
/** The regression is measured up to this many rows (the target is 1M; 10M adds minutes for no new fact). */
export const MAX_REGRESSION_ROWS = 1_000_000;

export interface AnalysisAnswers {
  pivot: Record<string, unknown>[];
  pivotRollup?: Record<string, unknown>[];
  regression?: Regression;
}

/** A StatsDb over an engine's plain rows (native DuckDB has no Arrow tables here). */
function statsDb(engine: BenchEngine): StatsDb {
  return {
    async query(sql) {
      const rows = await engine.rows(sql);
      return { numRows: rows.length, get: (i: number) => ({ toJSON: () => rows[i] }), toArray: () => rows.map((r) => ({ toJSON: () => r })) } as unknown as Table;
    },
  };
}

export async function measureAnalysis(engine: BenchEngine & { db?: Db }, reps: number, rows: number, rollup?: Rollup): Promise<{ timings: Record<string, Timing>; answers: AnalysisAnswers }> {
  const timings: Record<string, Timing> = {};
  const plain = pivotSql(BENCH_PIVOT, CUBE);
  const overRollup = rollup ? pivotSql(BENCH_PIVOT, CUBE, rollup) : undefined;
  if (rollup && !overRollup?.rollupSql) throw new Error('the bench pivot is not covered by the rollup');
  const { db } = engine;
  if (db) {
    timings.pivotRegionYear = await time(() => runPivot(db, BENCH_PIVOT, CUBE), reps);
    if (rollup) timings.pivotRegionYearRollup = await time(() => runPivot(db, BENCH_PIVOT, CUBE, { rollup }), reps);
  } else {
    timings.pivotRegionYear = await time(() => engine.query(runnablePivotSql(plain)), reps);
    if (overRollup) timings.pivotRegionYearRollup = await time(() => engine.query(runnablePivotSql(overRollup)), reps);
  }
  const answers: AnalysisAnswers = { pivot: await engine.rows(runnablePivotSql(plain)), ...(overRollup ? { pivotRollup: await engine.rows(runnablePivotSql(overRollup)) } : {}) };
  if (rows <= MAX_REGRESSION_ROWS) {
    await engine.query(REGRESSION_TABLE);
    const target: StatsDb = db ?? statsDb(engine);
    let fit: Regression | undefined;
    timings.regression5 = await time(async () => {
      fit = await regress(target, REG, 'y', ['x1', 'x2', 'x3', 'x4', 'x5']);
    }, reps);
    answers.regression = fit;
    await engine.query('DROP TABLE reg');
  }
  return { timings, answers };
}

const RELATIVE = 1e-10;
export const near = (a: unknown, b: unknown): boolean =>
  typeof a === 'number' && typeof b === 'number' ? (Number.isNaN(a) && Number.isNaN(b)) || Math.abs(a - b) <= RELATIVE * Math.max(Math.abs(a), Math.abs(b)) : a === b;

/** Throws when the engines disagree (beyond 1e-10 relative: both add doubles, in different orders and threads). */
export function compareAnswers(rows: number, ours: AnalysisAnswers, native: AnalysisAnswers): void {
  const fail = (what: string, detail: string) => {
    throw new Error(`bench at ${rows} rows: ${what} differs between the engines: ${detail}`);
  };
  // The pivot's rows come in no particular order: compare them by position.
  const byPosition = (rs: Record<string, unknown>[]) => [...rs].sort((x, y) => Number(x.__sgw_r) - Number(y.__sgw_r) || Number(x.__sgw_c) - Number(y.__sgw_c));
  const sameRows = (what: string, a?: Record<string, unknown>[], b?: Record<string, unknown>[]) => {
    if (!a && !b) return;
    [a, b] = [a && byPosition(a), b && byPosition(b)];
    if (!a || !b || a.length !== b.length) return fail(what, `${a?.length} rows vs ${b?.length}`);
    a.forEach((row, i) => Object.keys(row).forEach((k) => near(row[k], b[i][k]) || fail(what, `row ${i} ${k}: ${String(row[k])} vs ${String(b[i][k])}`)));
  };
  sameRows('pivot', ours.pivot, native.pivot);
  sameRows('pivot over the rollup', ours.pivotRollup, native.pivotRollup);
  sameRows('pivot over the rollup vs the table', ours.pivot, ours.pivotRollup ?? ours.pivot);
  const [a, b] = [ours.regression, native.regression];
  if (a || b) {
    if (!a || !b) return fail('regression', 'missing on one side');
    if (a.n !== b.n) fail('regression', `n ${a.n} vs ${b.n}`);
    a.coefficients.forEach((c, i) => (['estimate', 'se'] as const).forEach((k) => near(c[k], b.coefficients[i][k]) || fail('regression', `${c.term} ${k}: ${c[k]} vs ${b.coefficients[i][k]}`)));
    // R² = 1 − RSS/TSS: compare the ratio (a fit near R² = 0 leaves R² itself with few significant digits).
    if (!near(1 - a.r2, 1 - b.r2)) fail('regression', `R² ${a.r2} vs ${b.r2}`);
  }
}
