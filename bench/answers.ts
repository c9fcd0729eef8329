/**
 * What both engines answered, compared so that every timed row of the benchmark is also a checked one: the
 * table each load produced (row count, sums, distinct counts, text lengths and extremes), the four analytical
 * queries and the dashboard's SQL over the table and over its rollup. The run fails on any difference
 * (doubles to 1e-10 relative: the engines add in different orders and threads).
 */
import type { Db } from '../shared/db';
import type { Rollup } from '../shared/sql/rollup';
import { near } from './analysis';
import { dashboardSql } from './dashboard';
import type { BenchEngine } from './engines';
import { QUERIES } from './queries';

type Rows = Record<string, unknown>[];

/** Everything the cube holds, in a few numbers that do not depend on row order. */
export const FINGERPRINT_SQL = `SELECT count(*)::BIGINT AS 行数, count(数值)::BIGINT AS 数值个数, sum(数值) AS 数值合计, sum(年份)::BIGINT AS 年份合计,
  count(DISTINCT 地区)::BIGINT AS 地区数, count(DISTINCT 类型)::BIGINT AS 类型数, count(DISTINCT 指标)::BIGINT AS 指标数,
  count(DISTINCT 机构名称)::BIGINT AS 机构数, sum(length(机构名称) + length(地区) + length(类型) + length(指标))::BIGINT AS 字数,
  min(机构名称) AS 最小名称, max(机构名称) AS 最大名称, min(数值) AS 最小值, max(数值) AS 最大值 FROM cube`;

export const fingerprint = async (engine: Pick<BenchEngine, 'rows'>): Promise<Rows> => engine.rows(FINGERPRINT_SQL);

/** Plain rows from one of our Dbs (a reopened project's engine). */
export const dbRows = (db: Db): Pick<BenchEngine, 'rows'> => ({ rows: async (sql) => (await db.query(sql)).toArray().map((r) => r.toJSON() as Record<string, unknown>) });

/** Rows in a canonical order (the queries' own order is not part of their answer unless they sort). */
const sorted = (rows: Rows) => [...rows].map((r) => JSON.stringify(Object.values(r))).sort();

export function sameRows(what: string, a: Rows, b: Rows): void {
  const fail = (detail: string) => {
    throw new Error(`${what} differs between the engines: ${detail}`);
  };
  if (a.length !== b.length) fail(`${a.length} rows vs ${b.length}`);
  const [x, y] = [sorted(a).map((r) => JSON.parse(r) as unknown[]), sorted(b).map((r) => JSON.parse(r) as unknown[])];
  x.forEach((row, i) => row.forEach((v, k) => near(v, y[i][k]) || fail(`row ${i} column ${k}: ${String(v)} vs ${String(y[i][k])}`)));
}

export interface QueryAnswers {
  queries: Record<string, Rows>;
  dashboard: Rows[];
  dashboardRollup?: Rows[];
}

export async function queryAnswers(engine: BenchEngine, rollup?: Rollup): Promise<QueryAnswers> {
  const queries: Record<string, Rows> = {};
  for (const [name, sql] of Object.entries(QUERIES)) queries[name] = await engine.rows(sql);
  const dashboard = await Promise.all(dashboardSql(0).map((sql) => engine.rows(sql)));
  const dashboardRollup = rollup ? await Promise.all(dashboardSql(0, rollup).map((sql) => engine.rows(sql))) : undefined;
  return { queries, dashboard, ...(dashboardRollup ? { dashboardRollup } : {}) };
}

/**
 * A growth rate is a ratio of two sums minus 1: the 1e-15 by which the engines' sums differ (order of addition)
 * becomes ~1e-10 of a growth near 0 (seen at 10M rows: 4.93054747403e-5 against 4.93054747352e-5). The ratio
 * itself (1 + growth) is what is compared to 1e-10 relative.
 */
const asRatio = (rs: Rows): Rows => rs.map((r) => ({ ...r, 同比: typeof r.同比 === 'number' ? 1 + r.同比 : r.同比 }));

/** Throws on the first difference; returns how many answers were compared. */
export function compareQueryAnswers(rows: number, ours: QueryAnswers, native: QueryAnswers): number {
  let n = 0;
  for (const name of Object.keys(QUERIES)) {
    const comparable = name === 'yoyGrowth' ? asRatio : (rs: Rows) => rs;
    sameRows(`bench at ${rows} rows: ${name}`, comparable(ours.queries[name]), comparable(native.queries[name]));
    n++;
  }
  ours.dashboard.forEach((r, i) => sameRows(`bench at ${rows} rows: dashboard card ${i}`, r, native.dashboard[i]));
  n += ours.dashboard.length;
  if (ours.dashboardRollup && native.dashboardRollup) {
    ours.dashboardRollup.forEach((r, i) => sameRows(`bench at ${rows} rows: dashboard card ${i} over the rollup`, r, native.dashboardRollup![i]));
    // The rollup answers exactly like the table (the app's promise), in each engine.
    ours.dashboardRollup.forEach((r, i) => sameRows(`bench at ${rows} rows: dashboard card ${i}, rollup against table`, r, ours.dashboard[i]));
    n += 2 * ours.dashboardRollup.length;
  }
  return n;
}
