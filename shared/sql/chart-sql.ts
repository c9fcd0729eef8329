import { ident, literal } from '../db';
import type { ChartSpec, Filter, FilterValue, Measure } from '../model/chart-spec';
import { aggregateSql, numberKind, TABLE_PARTS } from './aggregate';
import { rollupAggregateSql, rollupCovers, rollupDimSql, type Rollup } from './rollup';

/** Filters a dashboard applies to every chart whose table has the column. */
export interface GlobalFilters {
  /** Places: matched against `province`, else `region`. */
  regions?: string[];
  /** 'not_in': every place but `regions` (排除); default 'in'. */
  regionsMode?: 'in' | 'not_in';
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
  return filterOn(f, ident);
}

/** A filter as SQL; `col` gives the SQL of a column (the table's own, or its rollup's). */
export function filterOn(f: Filter, col: (column: string) => string): string {
  const c = col(f.column);
  switch (f.op) {
    case 'in':
      return f.values.length === 0 ? 'false' : `${c} IN (${f.values.map(value).join(', ')})`;
    case 'not_in':
      // 不等于 keeps rows without a value (SQL's NOT IN alone would drop them with the excluded ones).
      return f.values.length === 0 ? 'true' : `(${c} IS NULL OR ${c} NOT IN (${f.values.map(value).join(', ')}))`;
    case 'not_null':
      return `${c} IS NOT NULL`;
    case 'range': {
      const parts = [f.min !== undefined ? `${c} >= ${f.min}` : '', f.max !== undefined ? `${c} <= ${f.max}` : ''].filter(Boolean);
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
  if (region && global.regions && global.regions.length > 0) out.push({ column: region, op: global.regionsMode ?? 'in', values: global.regions });
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

/** Result column name of a measure: sum_value, count_rows, sum_value_yoy … */
export function measureAlias(m: Measure): string {
  return [m.agg, m.column ?? 'rows', ...(m.transform === 'none' ? [] : [m.transform])].join('_');
}

/** Measure aliases, unique among themselves and distinct from the x and series names. */
function uniqueAliases(spec: ChartSpec): string[] {
  const seen = new Set<string>([spec.x, ...(spec.series ? [spec.series] : [])]);
  return spec.measures.map((m) => {
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
 * largest first measure. Rows with an empty x or series are left out. Every order is total and explicit
 * (value, then x, then series; ASC/DESC and NULLS spelled out, so no engine setting changes it).
 */
export function buildChartSql(spec: ChartSpec, ctx: ChartQueryContext = {}): ChartQuery {
  const filters = [...spec.filters, ...globalFilterList(ctx)];
  // Growth and index look at neighbouring x values: filters on x (a 2012–2014 year range) apply after the
  // window functions, so 2012 still compares with 2011. Every other filter applies before aggregation.
  const transformed = spec.measures.some((m) => m.transform !== 'none');
  const late = transformed ? filters.filter((f) => f.column === spec.x) : [];
  const early = filters.filter((f) => !late.includes(f));
  const { rollup } = ctx;
  const typeOf = (column: string) => ctx.columnTypes?.[column] ?? rollup?.types[column];
  const kindOf = (m: Measure) => numberKind(m.column === null ? undefined : typeOf(m.column));
  const sql = composeSql(spec, early, late, typeOf, { from: ctx.relation ?? ident(spec.table), col: ident, aggregate: (m) => aggregateSql(m, kindOf(m), TABLE_PARTS) });
  const covered =
    rollup &&
    rollup.table === spec.table &&
    [spec.x, ...(spec.series ? [spec.series] : []), ...filters.map((f) => f.column)].every((c) => rollup.dims.includes(c)) &&
    spec.measures.every((m) => rollupCovers(rollup, m));
  const rollupSql = covered
    ? composeSql(spec, early, late, typeOf, { from: rollup.relation, col: (c) => rollupDimSql(rollup, c)!, aggregate: (m) => rollupAggregateSql(rollup, m) })
    : undefined;
  return { sql, x: spec.x, ...(spec.series ? { series: spec.series } : {}), measures: uniqueAliases(spec), ...(rollupSql ? { rollupSql } : {}) };
}

interface Source {
  from: string;
  /** SQL of a user column in `from`. */
  col(column: string): string;
  aggregate(m: Measure): string;
}

/*
 * Inside the query, x, series and measures go by internal names under the reserved prefix __sgw_, and the
 * outer query names calc's columns qualified (calc.…): a user column called __sgw_x, __sgw_total or
 * count_rows can never be taken for one of ours. User names appear only as the result's column names.
 */
const X = '__sgw_x';
const S = '__sgw_s';
const TOTAL = '__sgw_total';

function composeSql(spec: ChartSpec, filters: Filter[], late: Filter[], typeOf: (column: string) => string | undefined, source: Source): string {
  const s = spec.series !== undefined;
  const dims = s ? `${X}, ${S}` : X;
  const aliases = uniqueAliases(spec);
  const raw = spec.measures.map((_, i) => `__sgw_v${i}`);

  const where = [`${source.col(spec.x)} IS NOT NULL`, ...(s ? [`${source.col(spec.series!)} IS NOT NULL`] : []), ...filters.map((f) => filterOn(f, source.col))];
  const aggCols = spec.measures.map((m, i) => `(${source.aggregate(m)})::DOUBLE AS ${raw[i]}`);
  // Sums over the series of one x add the same values in the same order on both paths.
  const perX = (v: string) => `sum(${v}) OVER (PARTITION BY ${X} ORDER BY ${S} ASC ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)`;

  const bySeries = s ? `PARTITION BY ${S} ` : '';
  // The x values shown (late filters on the aggregated x): the default index base is the first one shown.
  const shown = (c: string) => late.map((f) => filterOn(f, () => c)).join(' AND ');
  const calcCols = spec.measures.map((m, i) => {
    const v = raw[i];
    let expr: string;
    if (m.transform === 'yoy') {
      const w = `OVER (${bySeries}ORDER BY ${X} ASC)`;
      const prev = NUMERIC_TYPE.test(typeOf(spec.x) ?? '') ? `CASE WHEN lag(${X}) ${w} = ${X} - 1 THEN lag(${v}) ${w} END` : `lag(${v}) ${w}`;
      expr = `100 * (${v} / nullif(${prev}, 0) - 1)`;
    } else if (m.transform === 'index') {
      const base =
        spec.indexBase !== undefined
          ? `max(CASE WHEN ${X} = ${value(spec.indexBase)} THEN ${v} END) OVER (${s ? `PARTITION BY ${S}` : ''})`
          : late.length
            ? `first_value(${v}) OVER (PARTITION BY ${s ? `${S}, ` : ''}(${shown(X)}) ORDER BY ${X} ASC)`
            : `first_value(${v}) OVER (${bySeries}ORDER BY ${X} ASC)`;
      expr = `100 * ${v} / nullif(${base}, 0)`;
    } else if (spec.stack === 'percent' && s) {
      expr = `100 * ${v} / nullif(${perX(v)}, 0)`;
    } else {
      expr = v;
    }
    return `${expr} AS ${ident(aliases[i])}`;
  });

  const q = (c: string) => `calc.${c}`;
  const order = (() => {
    switch (spec.sort) {
      case 'x_asc':
        return s ? `${q(X)} ASC, ${q(S)} ASC` : `${q(X)} ASC`;
      case 'x_desc':
        return s ? `${q(X)} DESC, ${q(S)} ASC` : `${q(X)} DESC`;
      case 'value_asc':
      case 'value_desc': {
        const dir = spec.sort === 'value_asc' ? 'ASC' : 'DESC';
        return s ? `${q(TOTAL)} ${dir} NULLS LAST, ${q(X)} ASC, ${q(S)} ASC` : `${q(ident(aliases[0]))} ${dir} NULLS LAST, ${q(X)} ASC`;
      }
    }
  })();

  const top = spec.topN
    ? [`${q(X)} IN (SELECT ${X} FROM agg${late.length ? ` WHERE ${shown(X)}` : ''} GROUP BY ${X} ORDER BY sum(${raw[0]}${s ? ` ORDER BY ${S} ASC` : ''}) DESC NULLS LAST, ${X} ASC LIMIT ${spec.topN})`]
    : [];
  const outerWhere = [...(late.length ? [shown(q(X))] : []), ...top];
  const out = [`${q(X)} AS ${ident(spec.x)}`, ...(s ? [`${q(S)} AS ${ident(spec.series!)}`] : []), ...aliases.map((a) => q(ident(a)))];
  return `WITH agg AS (
  SELECT ${[`${source.col(spec.x)} AS ${X}`, ...(s ? [`${source.col(spec.series!)} AS ${S}`] : []), ...aggCols].join(', ')}
  FROM ${source.from}
  WHERE ${where.join('\n    AND ')}
  GROUP BY ${[source.col(spec.x), ...(s ? [source.col(spec.series!)] : [])].join(', ')}
), calc AS (
  SELECT ${dims}, ${[...raw, ...(s ? [`${perX(raw[0])} AS ${TOTAL}`] : [])].join(', ')}, ${calcCols.join(', ')}
  FROM agg
)
SELECT ${out.join(', ')}
FROM calc${outerWhere.length ? `\nWHERE ${outerWhere.join('\n  AND ')}` : ''}
ORDER BY ${order}`;
}
