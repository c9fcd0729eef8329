import { ident, literal, type Db } from '../db';
import type { ColumnInfo, TableInfo } from '../db-catalog';
import type { Measure } from '../model/chart-spec';

/**
 * A rollup is a pre-aggregated copy of a big table: one row per combination of its low-cardinality
 * columns (region, year, type, indicator …) with the row count and, per numeric column, sum and count. A 10,000,000-row cube becomes ~12,000 rows, so dashboard queries over it take milliseconds in
 * single-threaded wasm instead of seconds. Charts whose columns and aggregations it covers read it
 * (shared/sql/chart-sql.ts); everything else reads the table itself.
 */
export interface Rollup {
  table: string;
  /** Qualified name of the rollup table (in schema sgw_rollup, which catalogs and projects ignore). */
  relation: string;
  /** Grouping columns: every filter and aggregation works on them, count_distinct included. */
  dims: string[];
  /** Numeric columns kept as sum and count: sum, count and avg (min, max, count_distinct read the table). */
  measures: string[];
  /** SQL types of dims and measures. */
  types: Record<string, string>;
  sourceRows: number;
  rows: number;
}

export const ROLLUP_SCHEMA = 'sgw_rollup';
/** Tables smaller than this are fast enough as they are. */
export const ROLLUP_MIN_ROWS = 200_000;
/** A column with more distinct values than this (in a sample) is not grouped on. */
export const MAX_DIM_VALUES = 1000;
/** A rollup that does not shrink the table at least this much is not kept. */
const MIN_REDUCTION = 4;
/** Rows to look at when guessing cardinalities (whole storage vectors: cheap, unlike a reservoir sample). */
const SAMPLE_ROWS = 100_000;

export const ROWS_COLUMN = '__sgw_rows';
const part = (kind: 'sum' | 'n', column: string) => ident(`__sgw_${kind}:${column}`);

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL)/i;
const INTEGER = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT)/i;
/** Nested and binary values cannot be grouped on meaningfully. */
const UNGROUPABLE = /\[\]|^(STRUCT|MAP|LIST|UNION|BLOB|ARRAY)/i;

/** Which columns to group on and which to keep as numeric summaries, from distinct counts in a sample. */
export function planRollupColumns(columns: readonly ColumnInfo[], distinctInSample: Readonly<Record<string, number>>): { dims: string[]; measures: string[] } {
  const dims: string[] = [];
  const measures: string[] = [];
  for (const c of columns) {
    if (UNGROUPABLE.test(c.type)) continue;
    if ((distinctInSample[c.name] ?? Infinity) <= MAX_DIM_VALUES) dims.push(c.name);
    else if (NUMERIC.test(c.type)) measures.push(c.name);
  }
  return { dims, measures };
}

/** Percentage of storage vectors to sample so that about SAMPLE_ROWS rows are read. */
export function samplePercent(rows: number): number {
  return Math.min(100, Math.max(0.1, Math.ceil((SAMPLE_ROWS / Math.max(rows, 1)) * 1000) / 10));
}

export function rollupCreateSql(table: string, relation: string, dims: readonly string[], measures: readonly string[]): string {
  const parts = measures.flatMap((m) => {
    const c = ident(m);
    return [`sum(${c}) AS ${part('sum', m)}`, `count(${c}) AS ${part('n', m)}`];
  });
  const group = dims.map(ident).join(', ');
  return `CREATE OR REPLACE TABLE ${relation} AS
SELECT ${[group, `count(*) AS ${ident(ROWS_COLUMN)}`, ...parts].filter(Boolean).join(', ')}
FROM ${ident(table)}${group ? `\nGROUP BY ${group}` : ''}`;
}

export interface BuildRollupOptions {
  /** Appended to the rollup's name: keeps rollups of different table versions apart while an old one is dropped. */
  suffix?: string;
  /** Default ROLLUP_MIN_ROWS. */
  minRows?: number;
}

/**
 * Builds the rollup of `info` in the engine, or returns null when the table is small, a view, or does
 * not shrink enough (too many distinct combinations).
 */
export async function buildRollup(db: Db, info: TableInfo, { suffix = '', minRows = ROLLUP_MIN_ROWS }: BuildRollupOptions = {}): Promise<Rollup | null> {
  if (info.kind !== 'table' || info.rows < minRows) return null;
  const candidates = info.columns.filter((c) => !UNGROUPABLE.test(c.type));
  if (candidates.length === 0) return null;
  const counts = await db.query(
    `SELECT ${candidates.map((c, i) => `count(DISTINCT ${ident(c.name)})::DOUBLE AS d${i}`).join(', ')}
FROM (SELECT * FROM ${ident(info.name)} USING SAMPLE ${samplePercent(info.rows)}% (system))`,
  );
  const row = counts.get(0)?.toJSON() ?? {};
  const distinct = Object.fromEntries(candidates.map((c, i) => [c.name, Number(row[`d${i}`])]));
  const { dims, measures } = planRollupColumns(info.columns, distinct);
  if (dims.length === 0) return null;
  await db.exec(`CREATE SCHEMA IF NOT EXISTS ${ROLLUP_SCHEMA}`);
  const relation = `${ROLLUP_SCHEMA}.${ident(info.name + suffix)}`;
  await db.exec(rollupCreateSql(info.name, relation, dims, measures));
  const n = Number((await db.query(`SELECT count(*)::DOUBLE AS n FROM ${relation}`)).get(0)?.n ?? 0);
  if (n * MIN_REDUCTION > info.rows) {
    await db.exec(`DROP TABLE IF EXISTS ${relation}`);
    return null;
  }
  const types = Object.fromEntries(info.columns.filter((c) => dims.includes(c.name) || measures.includes(c.name)).map((c) => [c.name, c.type]));
  return { table: info.name, relation, dims, measures, types, sourceRows: info.rows, rows: n };
}

export async function dropRollup(db: Db, rollup: Rollup): Promise<void> {
  await db.exec(`DROP TABLE IF EXISTS ${rollup.relation}`);
}

/** Whether the rollup can answer this aggregation exactly. */
export function rollupCovers(rollup: Rollup, m: Measure): boolean {
  if (m.column === null) return true;
  if (rollup.dims.includes(m.column)) return true;
  return rollup.measures.includes(m.column) && (m.agg === 'sum' || m.agg === 'count' || m.agg === 'avg');
}

/** The aggregate expression over the rollup that equals `m` over the table. */
export function rollupAggregateSql(rollup: Rollup, m: Measure): string {
  const rows = ident(ROWS_COLUMN);
  if (m.column === null) return `sum(${rows})`;
  const c = ident(m.column);
  if (rollup.dims.includes(m.column)) {
    const nonNull = `sum(CASE WHEN ${c} IS NOT NULL THEN ${rows} ELSE 0 END)`;
    // A grouped value stands for __sgw_rows rows; widen integers so the product cannot overflow.
    const weighted = `sum(${INTEGER.test(rollup.types[m.column] ?? '') ? `${c}::HUGEINT` : c} * ${rows})`;
    switch (m.agg) {
      case 'count':
        return nonNull;
      case 'count_distinct':
        return `count(DISTINCT ${c})`;
      case 'sum':
        return weighted;
      case 'avg':
        return `${weighted} / nullif(${nonNull}, 0)`;
      case 'min':
      case 'max':
        return `${m.agg}(${c})`;
    }
  }
  switch (m.agg) {
    case 'count':
      return `sum(${part('n', m.column)})`;
    case 'sum':
      return `sum(${part('sum', m.column)})`;
    case 'avg':
      return `sum(${part('sum', m.column)}) / nullif(sum(${part('n', m.column)}), 0)`;
    default:
      throw new Error(`rollup of ${literal(rollup.table)} cannot answer ${m.agg}(${m.column})`);
  }
}
