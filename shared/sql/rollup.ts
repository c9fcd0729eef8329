import { ident, type Db } from '../db';
import type { ColumnInfo, TableInfo } from '../db-catalog';
import type { Measure } from '../model/chart-spec';
import { aggregateSql, floatFraction, floatJoin, floatWhole, numberKind, type AggregateParts } from './aggregate';

/**
 * A rollup is a pre-aggregated copy of a big table: one row per combination of its low-cardinality
 * columns (region, year, type, indicator …) with the row count and, per numeric column, count, sum, min and
 * max. A 10,000,000-row cube becomes ~12,000 rows, so dashboard queries over it take milliseconds in
 * single-threaded wasm instead of seconds. Charts whose columns and aggregations it covers read it
 * (shared/sql/chart-sql.ts) and get the table's answer, bit for bit (shared/sql/aggregate.ts); the rest read the table.
 *
 * Every column of a rollup table has an internal name under the reserved prefix `__sgw_` (dims by position,
 * measures by position and part), so no user column name, `__sgw_rows` included, can be mistaken for ours.
 */
export interface Rollup {
  table: string;
  /** Qualified name of the rollup table (in schema sgw_rollup, which catalogs and projects ignore). */
  relation: string;
  /** Grouping columns (user names; stored as __sgw_d<i>): every filter and aggregation works on them. */
  dims: string[];
  /** Numeric columns kept as count, exact sum, min and max (stored as __sgw_m<j>_n/_s/_lo/_hi; floats' sum as _s and _f). */
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
/**
 * Rows per statement of a build. The engine runs one statement at a time: a chart asked for while a rollup
 * builds waits for one chunk (about a quarter of the 1M-row build), not the whole build. Bigger chunks
 * cost less in all (each chunk's groups are merged again at the end: +18 % CPU at 1M rows in 250k chunks, +60 % in 125k).
 */
export const ROLLUP_CHUNK_ROWS = 250_000;
/** Rows to look at when guessing cardinalities (whole storage vectors: cheap, unlike a reservoir sample). */
const SAMPLE_ROWS = 100_000;

const ROWS = ident('__sgw_rows');
const dimColumn = (i: number) => ident(`__sgw_d${i}`);
type Part = 'n' | 's' | 'f' | 'lo' | 'hi';
const measureColumn = (j: number, part: Part) => ident(`__sgw_m${j}_${part}`);

const NUMERIC = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|DECIMAL)/i;
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

/** The rollup's rows for the table's rows that `where` keeps (all of them when empty). */
export function rollupSelectSql(table: string, dims: readonly string[], measures: readonly string[], types: Readonly<Record<string, string>>, where = ''): string {
  const parts = measures.flatMap((m, j) => {
    const c = ident(m);
    // Floats keep the two exact integer parts of aggregate.ts (whole, fraction), others their exact sum.
    const sums =
      numberKind(types[m]) === 'float'
        ? [`sum(${floatWhole(`${c}::DOUBLE`)}) AS ${measureColumn(j, 's')}`, `sum(${floatFraction(`${c}::DOUBLE`)}) AS ${measureColumn(j, 'f')}`]
        : [`sum(${c}) AS ${measureColumn(j, 's')}`];
    return [`count(${c}) AS ${measureColumn(j, 'n')}`, ...sums, `min(${c}) AS ${measureColumn(j, 'lo')}`, `max(${c}) AS ${measureColumn(j, 'hi')}`];
  });
  return `SELECT ${[...dims.map((d, i) => `${ident(d)} AS ${dimColumn(i)}`), `count(*) AS ${ROWS}`, ...parts].join(', ')}
FROM ${ident(table)}${where ? `\nWHERE ${where}` : ''}
GROUP BY ${dims.map(ident).join(', ')}`;
}

/**
 * The rollup from the partial rollups of row ranges: every part is exact (counts, integer and DECIMAL
 * sums, min, max), so adding them up again gives the rollup of the whole table, bit for bit, with the
 * same column types (counts back to BIGINT; the sums are already HUGEINT or DECIMAL(38, s)).
 */
export function rollupMergeSql(partial: string, dims: readonly string[], measures: readonly string[], types: Readonly<Record<string, string>>): string {
  const again = (c: string, f = 'sum') => `${f}(${c}) AS ${c}`;
  const parts = measures.flatMap((m, j) => [
    `sum(${measureColumn(j, 'n')})::BIGINT AS ${measureColumn(j, 'n')}`,
    again(measureColumn(j, 's')),
    ...(numberKind(types[m]) === 'float' ? [again(measureColumn(j, 'f'))] : []),
    again(measureColumn(j, 'lo'), 'min'),
    again(measureColumn(j, 'hi'), 'max'),
  ]);
  const groups = dims.map((_, i) => dimColumn(i));
  return `SELECT ${[...groups, `sum(${ROWS})::BIGINT AS ${ROWS}`, ...parts].join(', ')}
FROM ${partial}
GROUP BY ${groups.join(', ')}`;
}

/** The table's row ranges, `chunkRows` each; the last is open-ended (row ids have gaps after deletes). */
export function rowRanges(rows: number, chunkRows: number): string[] {
  if (rows <= chunkRows) return [''];
  const ranges: string[] = [];
  for (let from = 0; from + chunkRows < rows; from += chunkRows) ranges.push(`rowid >= ${from} AND rowid < ${from + chunkRows}`);
  ranges.push(`rowid >= ${(ranges.length * chunkRows)}`);
  return ranges;
}

/** Every row of a rollup, in one order, every part as text (to compare the rollups two engines built). */
export function rollupContentSql(rollup: Rollup): string {
  const text = (c: string) => `${c}::VARCHAR`;
  const cols = [
    ...rollup.dims.map((_, i) => text(dimColumn(i))),
    text(ROWS),
    ...rollup.measures.flatMap((m, j) => {
      const float = numberKind(rollup.types[m]) === 'float';
      return [measureColumn(j, 'n'), measureColumn(j, 's'), ...(float ? [measureColumn(j, 'f')] : []), measureColumn(j, 'lo'), measureColumn(j, 'hi')].map(text);
    }),
  ];
  return `SELECT ${cols.join(', ')} FROM ${rollup.relation} ORDER BY ${rollup.dims.map((_, i) => `${dimColumn(i)} NULLS LAST`).join(', ')}`;
}

/** What building a rollup needs from an engine: the app's Db here, native DuckDB in the benchmark. */
export interface RollupEngine {
  rows(sql: string): Promise<Record<string, unknown>[]>;
  exec(sql: string): Promise<void>;
}

export const rollupEngineOf = (db: Db): RollupEngine => ({
  rows: async (sql) => (await db.query(sql)).toArray().map((r) => r.toJSON() as Record<string, unknown>),
  exec: (sql) => db.exec(sql),
});

export interface BuildRollupOptions {
  /** Appended to the rollup's name: keeps rollups of different table versions apart while an old one is dropped. */
  suffix?: string;
  /** Default ROLLUP_MIN_ROWS. */
  minRows?: number;
  /** Rows per statement (default ROLLUP_CHUNK_ROWS): between two, other work gets the engine. */
  chunkRows?: number;
  /** Awaited before each statement of the build: yields to other work; throwing abandons the build. */
  between?: () => Promise<void>;
}

/**
 * Builds the rollup of `info` in the engine, or returns null when the table is small, a view, or does
 * not shrink enough (too many distinct combinations). Steps: distinct counts in a sample, plan, the
 * partial rollups of row ranges (one statement each, `between` awaited before each), their merge, row count.
 */
export async function buildRollup(db: Db | RollupEngine, info: TableInfo, opts: BuildRollupOptions = {}): Promise<Rollup | null> {
  const { suffix = '', minRows = ROLLUP_MIN_ROWS, chunkRows = ROLLUP_CHUNK_ROWS, between = async () => {} } = opts;
  const engine = 'rows' in db ? db : rollupEngineOf(db);
  if (info.kind !== 'table' || info.rows < minRows) return null;
  const candidates = info.columns.filter((c) => !UNGROUPABLE.test(c.type));
  if (candidates.length === 0) return null;
  await between();
  const [row = {}] = await engine.rows(
    `SELECT ${candidates.map((c, i) => `count(DISTINCT ${ident(c.name)})::DOUBLE AS d${i}`).join(', ')}
FROM (SELECT * FROM ${ident(info.name)} USING SAMPLE ${samplePercent(info.rows)}% (system))`,
  );
  const distinct = Object.fromEntries(candidates.map((c, i) => [c.name, Number(row[`d${i}`])]));
  const { dims, measures } = planRollupColumns(info.columns, distinct);
  if (dims.length === 0) return null;
  const types = Object.fromEntries(info.columns.filter((c) => dims.includes(c.name) || measures.includes(c.name)).map((c) => [c.name, c.type]));
  await engine.exec(`CREATE SCHEMA IF NOT EXISTS ${ROLLUP_SCHEMA}`);
  const relation = `${ROLLUP_SCHEMA}.${ident(info.name + suffix)}`;
  const ranges = rowRanges(info.rows, chunkRows);
  const select = (where: string) => rollupSelectSql(info.name, dims, measures, types, where);
  if (ranges.length === 1) {
    await between();
    await engine.exec(`CREATE OR REPLACE TABLE ${relation} AS\n${select('')}`);
  } else {
    const partial = `${ROLLUP_SCHEMA}.${ident(`${info.name}${suffix}~partial`)}`;
    try {
      for (const [i, where] of ranges.entries()) {
        await between();
        await engine.exec(i === 0 ? `CREATE OR REPLACE TABLE ${partial} AS\n${select(where)}` : `INSERT INTO ${partial}\n${select(where)}`);
      }
      await between();
      await engine.exec(`CREATE OR REPLACE TABLE ${relation} AS\n${rollupMergeSql(partial, dims, measures, types)}`);
    } finally {
      await engine.exec(`DROP TABLE IF EXISTS ${partial}`);
    }
  }
  const [counted] = await engine.rows(`SELECT count(*)::DOUBLE AS n FROM ${relation}`);
  const n = Number(counted?.n ?? 0);
  if (n * MIN_REDUCTION > info.rows) {
    await engine.exec(`DROP TABLE IF EXISTS ${relation}`);
    return null;
  }
  return { table: info.name, relation, dims, measures, types, sourceRows: info.rows, rows: n };
}

export async function dropRollup(db: Db, rollup: Rollup): Promise<void> {
  await db.exec(`DROP TABLE IF EXISTS ${rollup.relation}`);
}

/** A rollup column for a user column of the table, if the rollup groups on it. */
export function rollupDimSql(rollup: Rollup, column: string): string | undefined {
  const i = rollup.dims.indexOf(column);
  return i < 0 ? undefined : dimColumn(i);
}

/** Sums of grouped DECIMALs multiply by the row count; beyond 18 digits that product could overflow. */
const weightable = (type: string | undefined) => {
  const kind = numberKind(type);
  if (kind === 'decimal') return Number(/^DECIMAL\((\d+)/i.exec(type!)?.[1]) <= 18;
  return kind === 'int' || kind === 'float';
};

/** Whether the rollup can answer this aggregation exactly. */
export function rollupCovers(rollup: Rollup, m: Measure): boolean {
  if (m.column === null) return true;
  const type = rollup.types[m.column];
  if (rollup.dims.includes(m.column)) return m.agg === 'sum' || m.agg === 'avg' ? weightable(type) : true;
  return rollup.measures.includes(m.column) && m.agg !== 'count_distinct' && numberKind(type) !== 'other';
}

/** The parts of aggregate.ts over the rollup: a grouped value stands for __sgw_rows rows. */
function rollupParts(rollup: Rollup): AggregateParts {
  const dim = (c: string) => rollupDimSql(rollup, c);
  const j = (c: string) => rollup.measures.indexOf(c);
  const measure = (c: string, part: Part) => {
    if (j(c) < 0) throw new Error(`rollup of ${rollup.table} has no column ${c}`);
    return measureColumn(j(c), part);
  };
  return {
    rows: `sum(${ROWS})`,
    count: (c) => (dim(c) ? `sum(CASE WHEN ${dim(c)} IS NOT NULL THEN ${ROWS} ELSE 0 END)` : `sum(${measure(c, 'n')})`),
    sum: (c, kind) => {
      const d = dim(c);
      // Widen before multiplying: a FLOAT times a count in single precision loses digits, a BIGINT overflows.
      if (d && kind === 'float') return floatJoin(`sum(${floatWhole(`${d}::DOUBLE`)} * ${ROWS})`, `sum(${floatFraction(`${d}::DOUBLE`)} * ${ROWS})`);
      if (d) return kind === 'int' ? `sum(${d}::HUGEINT * ${ROWS})` : `sum(${d} * ${ROWS})`;
      return kind === 'float' ? floatJoin(`sum(${measure(c, 's')})`, `sum(${measure(c, 'f')})`) : `sum(${measure(c, 's')})`;
    },
    min: (c) => `min(${dim(c) ?? measure(c, 'lo')})`,
    max: (c) => `max(${dim(c) ?? measure(c, 'hi')})`,
    distinct: (c) => {
      const d = dim(c);
      if (!d) throw new Error(`rollup of ${rollup.table} cannot count distinct ${c}`);
      return `count(DISTINCT ${d})`;
    },
  };
}

/** The aggregate expression over the rollup that equals `m` over the table. */
export function rollupAggregateSql(rollup: Rollup, m: Measure): string {
  if (!rollupCovers(rollup, m)) throw new Error(`rollup of ${rollup.table} cannot answer ${m.agg}(${m.column})`);
  return aggregateSql(m, numberKind(m.column === null ? undefined : rollup.types[m.column]), rollupParts(rollup));
}
