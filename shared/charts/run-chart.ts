/**
 * The one way a chart is run, everywhere: the builder, dashboard cards, the starter chart, slides on screen
 * and in the pptx, every export and `sgw export`. Spec + the table's columns and SQL types (+ its rollup when
 * one covers the chart) → SQL → aggregated rows → ChartData. Drawing is buildChartOption's job.
 */
import type { Table } from 'apache-arrow';
import { baseTable, type TableInfo } from '../db-catalog';
import type { DatasetCatalog, Lang } from '../model/catalog';
import type { ChartSpec } from '../model/chart-spec';
import { buildChartSql, MAX_CHART_ROWS, runnableChartSql, type ChartQuery, type GlobalFilters } from '../sql/chart-sql';
import type { Rollup } from '../sql/rollup';
import { toChartData, type ChartData } from './chart-data';

/** What runChart needs of a database: the app's QueryCoordinator or any Db (CLI, tests). */
export interface ChartRunDb {
  query(sql: string, opts?: { signal?: AbortSignal; priority?: 'high' | 'low' }): Promise<Table>;
}

/** Where a table's rollup comes from (RollupRegistry): built on first use, null when the table has none. */
export interface RollupSource {
  get(info: TableInfo): Promise<Rollup | null>;
}

export interface ChartRunContext {
  /** The spec's table: its column names decide which global filters apply, its SQL types how YoY compares. */
  table: TableInfo;
  catalog: DatasetCatalog | null;
  lang: Lang;
  global?: GlobalFilters;
  /** The chart's id on a dashboard, so its own cross-filter is skipped. */
  chartId?: string;
  signal?: AbortSignal;
  /** 'low' for charts off screen (the coordinator runs visible ones first). */
  priority?: 'high' | 'low';
  /** The table's rollup, or where to get it; absent = read the table. */
  rollups?: RollupSource | Rollup | null;
}

export type ChartRun =
  | { status: 'ready'; query: ChartQuery; rows: Table; data: ChartData; fromRollup: boolean; rollup?: Rollup }
  | { status: 'empty'; query: ChartQuery; rows: Table }
  | { status: 'too-many'; query: ChartQuery; max: number };

const isSource = (r: RollupSource | Rollup): r is RollupSource => typeof (r as RollupSource).get === 'function';

/** The chart's SQL for this table and these filters (with the rollup's SQL when it covers the chart). */
export function chartQuery(spec: ChartSpec, ctx: Pick<ChartRunContext, 'table' | 'global' | 'chartId'>, rollup: Rollup | null = null): ChartQuery {
  if (ctx.table.name !== spec.table) throw new Error(`chart on ${spec.table} run with the columns of ${ctx.table.name}`);
  const columns = ctx.table.columns.map((c) => c.name);
  const columnTypes = Object.fromEntries(ctx.table.columns.map((c) => [c.name, c.type]));
  const relation = ctx.table.relation;
  return buildChartSql(spec, { columns, columnTypes, global: ctx.global, chartId: ctx.chartId, rollup, ...(relation ? { relation } : {}) });
}

/**
 * Runs `spec` on `db`. Ready (rows and ChartData), empty (no rows), or too-many (more than MAX_CHART_ROWS
 * points: the query is limited to one row more, so a dimension with millions of values never floods
 * anything). Database errors propagate as the Db's DbError (cancelled when `signal` aborts).
 */
export async function runChart(db: ChartRunDb, spec: ChartSpec, ctx: ChartRunContext): Promise<ChartRun> {
  // The rollup is built from the table's own columns (never its calculated fields).
  const rollup = ctx.rollups ? (isSource(ctx.rollups) ? await ctx.rollups.get(baseTable(ctx.table)) : ctx.rollups) : null;
  const query = chartQuery(spec, ctx, rollup);
  const rows = await db.query(runnableChartSql(query), { signal: ctx.signal, ...(ctx.priority ? { priority: ctx.priority } : {}) });
  if (rows.numRows === 0) return { status: 'empty', query, rows };
  if (rows.numRows > MAX_CHART_ROWS) return { status: 'too-many', query, max: MAX_CHART_ROWS };
  const data = toChartData(spec, query, rows, ctx.catalog, ctx.lang, ctx.table.columns, ctx.table.origin);
  const used = query.rollupSql && rollup ? rollup : undefined;
  return { status: 'ready', query, rows, data, fromRollup: Boolean(used), ...(used ? { rollup: used } : {}) };
}
