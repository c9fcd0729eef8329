import { ident, literal } from '../db';
import type { ChartSpec, Filter, FilterValue, Measure } from '../model/chart-spec';
import { rollupAggregateSql, rollupCovers, type Rollup } from './rollup';

/** Filters a dashboard applies to every chart whose table has the column. */
export interface GlobalFilters {
  /** Places: matched against `province`, else `region`. */
  regions?: string[];
  years?: { from?: number; to?: number };
  /** Clicks on other charts. A chart is never filtered by its own click. */
  cross?: CrossFilter[];
}

export interface CrossFilter {
  sourceId: string;
  column: string;
  values: FilterValue[];
}

export interface ChartQueryContext {
  /** Columns of the spec's table; global filters only apply to columns it has. */
  columns?: readonly string[];
  global?: GlobalFilters;
  /** The chart's id on a dashboard, so its own cross-filter is skipped. */
  chartId?: string;
  /** SQL types of the table's columns: a numeric x (years) makes growth compare with x − 1 only. */
  columnTypes?: Readonly<Record<string, string>>;
  /** A pre-aggregated copy of the table: when it covers the chart, `rollupSql` reads it instead. */
  rollup?: Rollup | null;
  /**
   * What to read instead of the table itself: the table with its calculated fields (TableInfo.relation).
   * The rollup only knows the table's own columns, so a chart using a field is never answered from it.
   */
  relation?: string;
}

/** The SQL and the names of its result columns: x, optional series, then one column per measure. */
export interface ChartQuery {
  sql: string;
  x: string;
  series?: string;
  measures: string[];
  /** The same query over the table's rollup (same result, far fewer rows), when the rollup covers it. */
  rollupSql?: string;
}

/** A chart draws at most this many aggregated rows (x values × series); more is a mistake, not a chart. */
export const MAX_CHART_ROWS = 5000;

/**
 * The text to run for a chart: over the rollup when it covers the chart, and limited to one row more
 * than a chart may draw, so a dimension with millions of values (an id, a name) never floods the UI.
 */
export function runnableChartSql(q: ChartQuery): string {
  return `${q.rollupSql ?? q.sql}\nLIMIT ${MAX_CHART_ROWS + 1}`;
}

/** SQL types that hold numbers (years, counts, amounts). */
export const NUMERIC_TYPE = /INT|DOUBLE|DECIMAL|FLOAT|REAL|NUMERIC/i;

/** Column names (in order of preference) a dashboard's region filter applies to; imported yearbooks use Chinese ones. */
export const REGION_COLUMNS = ['province', 'region', '省份', '地区', '省', '省区市'] as const;
export const YEAR_COLUMNS = ['year', '年份', '年度', '年'] as const;

/** The column a region filter applies to in a table, if any. */
export function regionColumn(columns: readonly string[]): string | undefined {
  return REGION_COLUMNS.find((c) => columns.includes(c));
}

/** The column a year range applies to in a table, if any. */
export function yearColumn(columns: readonly string[]): string | undefined {
  return YEAR_COLUMNS.find((c) => columns.includes(c));
}

const value = (v: FilterValue) => (typeof v === 'number' ? String(v) : literal(v));

export function filterSql(f: Filter): string {
  const col = ident(f.column);
  switch (f.op) {
    case 'in':
      return f.values.length === 0 ? 'false' : `${col} IN (${f.values.map(value).join(', ')})`;
    case 'not_in':
      return f.values.length === 0 ? 'true' : `${col} NOT IN (${f.values.map(value).join(', ')})`;
    case 'not_null':
      return `${col} IS NOT NULL`;
    case 'range': {
      const parts = [f.min !== undefined ? `${col} >= ${f.min}` : '', f.max !== undefined ? `${col} <= ${f.max}` : ''].filter(Boolean);
      return parts.length ? parts.join(' AND ') : 'true';
    }
  }
}

/** The filters global settings add for a table with these columns. */
export function globalFilterList(ctx: ChartQueryContext): Filter[] {
  const { columns, global } = ctx;
  if (!columns || !global) return [];
  const out: Filter[] = [];
  const region = regionColumn(columns);
  if (region && global.regions && global.regions.length > 0) out.push({ column: region, op: 'in', values: global.regions });
  const year = yearColumn(columns);
  if (year && global.years && (global.years.from !== undefined || global.years.to !== undefined)) {
    const { from, to } = global.years;
    out.push({ column: year, op: 'range', ...(from !== undefined ? { min: from } : {}), ...(to !== undefined ? { max: to } : {}) });
  }
  for (const c of global.cross ?? []) {
    if (c.sourceId !== ctx.chartId && columns.includes(c.column)) out.push({ column: c.column, op: 'in', values: c.values });
  }
  return out;
}

function tableAggregateSql(m: Measure): string {
  const col = m.column ? ident(m.column) : '*';
  switch (m.agg) {
    case 'count':
      return `count(${col})`;
    case 'count_distinct':
      return `count(DISTINCT ${col})`;
    default:
      return `${m.agg}(${col})`;
  }
}

/** Result column name of a measure: sum_value, count_rows, sum_value_yoy … */
export function measureAlias(m: Measure): string {
  return [m.agg, m.column ?? 'rows', ...(m.transform === 'none' ? [] : [m.transform])].join('_');
}

function uniqueAliases(measures: Measure[]): string[] {
  const seen = new Set<string>();
  return measures.map((m) => {
    let a = measureAlias(m);
    while (seen.has(a)) a = `${a}_2`;
    seen.add(a);
    return a;
  });
}

/**
 * Turns a chart spec (plus dashboard filters) into one aggregate query. Only aggregated rows leave the
 * engine: GROUP BY x (and series), results cast to DOUBLE; year-on-year growth, index (base = 100) and
 * 100 % stacking shares are window functions over the aggregate; top-N keeps the x values with the
 * largest first measure. Rows with an empty x or series are left out.
 */
export function buildChartSql(spec: ChartSpec, ctx: ChartQueryContext = {}): ChartQuery {
  const filters = [...spec.filters, ...globalFilterList(ctx)];
  const sql = composeSql(spec, filters, ctx, { from: ctx.relation ?? ident(spec.table), aggregate: tableAggregateSql });
  const { rollup } = ctx;
  const covered =
    rollup &&
    rollup.table === spec.table &&
    [spec.x, ...(spec.series ? [spec.series] : []), ...filters.map((f) => f.column)].every((c) => rollup.dims.includes(c)) &&
    spec.measures.every((m) => rollupCovers(rollup, m));
  const rollupSql = covered ? composeSql(spec, filters, ctx, { from: rollup.relation, aggregate: (m) => rollupAggregateSql(rollup, m) }) : undefined;
  return { sql, x: spec.x, ...(spec.series ? { series: spec.series } : {}), measures: uniqueAliases(spec.measures), ...(rollupSql ? { rollupSql } : {}) };
}

interface Source {
  from: string;
  aggregate(m: Measure): string;
}

function composeSql(spec: ChartSpec, filters: Filter[], ctx: ChartQueryContext, source: Source): string {
  const x = ident(spec.x);
  const s = spec.series ? ident(spec.series) : undefined;
  const dims = s ? `${x}, ${s}` : x;
  const aliases = uniqueAliases(spec.measures);
  const raw = spec.measures.map((_, i) => `__m${i}`);

  const where = [`${x} IS NOT NULL`, ...(s ? [`${s} IS NOT NULL`] : []), ...filters.map(filterSql)];
  const aggCols = spec.measures.map((m, i) => `${source.aggregate(m)}::DOUBLE AS ${raw[i]}`);

  const bySeries = s ? `PARTITION BY ${s} ` : '';
  const calcCols = spec.measures.map((m, i) => {
    const v = raw[i];
    let expr: string;
    if (m.transform === 'yoy') {
      const w = `OVER (${bySeries}ORDER BY ${x})`;
      const prev = NUMERIC_TYPE.test(ctx.columnTypes?.[spec.x] ?? '')
        ? `CASE WHEN lag(${x}) ${w} = ${x} - 1 THEN lag(${v}) ${w} END`
        : `lag(${v}) ${w}`;
      expr = `100 * (${v} / nullif(${prev}, 0) - 1)`;
    } else if (m.transform === 'index') {
      const base =
        spec.indexBase !== undefined
          ? `max(CASE WHEN ${x} = ${value(spec.indexBase)} THEN ${v} END) OVER (${s ? `PARTITION BY ${s}` : ''})`
          : `first_value(${v}) OVER (${bySeries}ORDER BY ${x})`;
      expr = `100 * ${v} / nullif(${base}, 0)`;
    } else if (spec.stack === 'percent' && s) {
      expr = `100 * ${v} / nullif(sum(${v}) OVER (PARTITION BY ${x}), 0)`;
    } else {
      expr = v;
    }
    return `${expr} AS ${ident(aliases[i])}`;
  });

  const first = ident(aliases[0]);
  const order = (() => {
    switch (spec.sort) {
      case 'x_asc':
        return s ? `${x}, ${s}` : x;
      case 'x_desc':
        return s ? `${x} DESC, ${s}` : `${x} DESC`;
      case 'value_asc':
      case 'value_desc': {
        const dir = spec.sort === 'value_asc' ? 'ASC' : 'DESC';
        return s ? `__x_total ${dir} NULLS LAST, ${x}, ${s}` : `${first} ${dir} NULLS LAST, ${x}`;
      }
    }
  })();

  const top = spec.topN
    ? `\nWHERE ${x} IN (SELECT ${x} FROM agg GROUP BY ${x} ORDER BY sum(${raw[0]}) DESC NULLS LAST, ${x} LIMIT ${spec.topN})`
    : '';
  return `WITH agg AS (
  SELECT ${dims}, ${aggCols.join(', ')}
  FROM ${source.from}
  WHERE ${where.join('\n    AND ')}
  GROUP BY ${dims}
), calc AS (
  SELECT ${dims}, ${[...raw, ...(s ? [`sum(${raw[0]}) OVER (PARTITION BY ${x}) AS __x_total`] : [])].join(', ')}, ${calcCols.join(', ')}
  FROM agg
)
SELECT ${dims}, ${aliases.map(ident).join(', ')}
FROM calc${top}
ORDER BY ${order}`;
}
