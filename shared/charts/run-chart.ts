/**
 * The one way a chart is run, everywhere: the builder, dashboard cards, the starter chart, slides on screen
 * and in the pptx, every export and `sgw export`. Spec + the table's columns and SQL types (+ its rollup when
 * one covers the chart) → SQL → aggregated rows → ChartData. Drawing is buildChartOption's job.
 */
import type { Table } from 'apache-arrow';
import { baseTable, type TableInfo } from '../db-catalog';
import type { DatasetCatalog, Lang } from '../model/catalog';
import type { ChartSpec } from '../model/chart-spec';
import type { HasTotals } from '../import/totals';
import { translator } from '../i18n';
import { buildChartSql, MAX_CHART_ROWS, runnableChartSql, type ChartQuery, type GlobalFilters } from '../sql/chart-sql';
import type { Rollup } from '../sql/rollup';
import { toChartData, type ChartData } from './chart-data';
import { mergeFound, totalsInRows, totalsText, withoutTotals, type ChartTotals } from './chart-totals';
import { foldPlaces, mapYearsProbe } from './map-places';

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
  /** The table's import provenance (its recorded totals); absent = totals are recognised by name. */
  provenance?: HasTotals | null;
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
 * Total rows found in the result are left out by running the chart again without them (unless the spec
 * keeps them); a province map over several years draws one map per year; both are said in ChartData.notes.
 */
export async function runChart(db: ChartRunDb, spec: ChartSpec, ctx: ChartRunContext): Promise<ChartRun> {
  // The rollup is built from the table's own columns (never its calculated fields).
  const rollup = ctx.rollups ? (isSource(ctx.rollups) ? await ctx.rollups.get(baseTable(ctx.table)) : ctx.rollups) : null;
  const run = async (s: ChartSpec) => {
    const query = chartQuery(s, ctx, rollup);
    return { query, rows: await db.query(runnableChartSql(query), { signal: ctx.signal, ...(ctx.priority ? { priority: ctx.priority } : {}) }) };
  };
  const t = translator(ctx.lang);
  const notes: string[] = [];
  let drawn = spec;
  // A map cannot show two years in one tile: when the rows span several, one map per year.
  const probe = mapYearsProbe(spec, ctx.table.columns.map((c) => c.name));
  if (probe) {
    const years = (await run(probe.spec)).rows.numRows;
    if (years > 1) {
      drawn = { ...drawn, series: probe.column };
      notes.push(t('charts.mapYears', { count: years }));
    }
  }
  let { query, rows } = await run(drawn);
  let totals: ChartTotals | undefined;
  // Without a total, top-N may rank in another one (合计 out, 全国 in): look again, a few passes at most.
  for (let pass = 0, next = drawn; pass < 4 && rows.numRows > 0; pass++) {
    const found = totalsInRows(next, query, rows, ctx.provenance);
    if (found.length === 0) break;
    totals = { kept: Boolean(spec.keepTotals), found: mergeFound(totals?.found ?? [], found) };
    if (totals.kept) break;
    next = withoutTotals(next, found);
    ({ query, rows } = await run(next));
  }
  if (totals) notes.unshift(t(totals.kept ? 'charts.totalsKept' : 'charts.totalsOut', { values: totalsText(totals) }));
  if (rows.numRows === 0) return { status: 'empty', query, rows };
  if (rows.numRows > MAX_CHART_ROWS) return { status: 'too-many', query, max: MAX_CHART_ROWS };
  let data = toChartData(drawn, query, rows, ctx.catalog, ctx.lang, ctx.table.columns, ctx.table.origin);
  if (drawn.kind === 'map' && !drawn.basemap) data = foldPlaces(data, drawn, ctx.lang);
  data = { ...data, ...(totals ? { totals } : {}), ...(notes.length || data.notes ? { notes: [...notes, ...(data.notes ?? [])] } : {}) };
  const used = query.rollupSql && rollup ? rollup : undefined;
  return { status: 'ready', query, rows, data, fromRollup: Boolean(used), ...(used ? { rollup: used } : {}) };
}
