import { ident } from '../db';
import type { Measure } from '../model/chart-spec';

/**
 * One definition of every chart aggregate, computed from the same sub-aggregates over the table or over a
 * rollup's stored parts, so that both give the same answer, bit for bit:
 * - integer and DECIMAL sums are exact (HUGEINT / DECIMAL(38, s)); only the final value becomes DOUBLE;
 * - FLOAT/DOUBLE sums are integer sums too: each value is split into round(v) and round((v − round(v))·2^86),
 *   both summed exactly as HUGEINT in any order, and joined once at the end (error ≤ rows·2^-87 absolute,
 *   then one rounding). Floating-point addition would depend on the order of the rows, and two paths that
 *   add the same values in different orders could break a tie differently;
 * - NaN and ±Inf come from min and max, as exact arithmetic would give them: any NaN, or +Inf together with
 *   -Inf, gives NaN; else +Inf or -Inf if present. Finite values of 2^127 (1.7e38) or more are refused
 *   with an error rather than summed wrongly;
 * - avg = that sum / the non-NULL count, on both paths; count, min, max and count_distinct are exact.
 */

const TWO_86 = '7.737125245533627e25';
const TWO_127 = '1.7014118346046923e38';

/** The two exact integer parts of a DOUBLE value `v` (NULL for NaN, ±Inf and |v| ≥ 2^127). */
export const floatWhole = (v: string) => `try_cast(round(${v}) AS HUGEINT)`;
export const floatFraction = (v: string) => `try_cast((${v} - round(${v})) * ${TWO_86} AS HUGEINT)`;
/** The finite sum from the sums of the two parts. */
export const floatJoin = (whole: string, fraction: string) => `${whole}::DOUBLE + ${fraction}::DOUBLE / ${TWO_86}`;

/** How a column adds up: exactly (integers, decimals), by Kahan summation (floats), or as DuckDB pleases. */
export type NumberKind = 'int' | 'decimal' | 'float' | 'other';

export function numberKind(type: string | undefined): NumberKind {
  if (!type) return 'other';
  if (/^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT)$/i.test(type)) return 'int';
  if (/^DECIMAL\(\d+,\s*\d+\)$/i.test(type)) return 'decimal';
  if (/^(FLOAT|DOUBLE|REAL|FLOAT4|FLOAT8)$/i.test(type)) return 'float';
  return 'other';
}

/** The sub-aggregates a measure is built from, as SQL over the rows being grouped. */
export interface AggregateParts {
  /** Number of rows. */
  rows: string;
  /** Non-NULL values of the column. */
  count(column: string): string;
  /** Exact sum (int, decimal), or floatJoin of the summed parts (float; used when no value is NaN or ±Inf). */
  sum(column: string, kind: NumberKind): string;
  min(column: string): string;
  max(column: string): string;
  distinct(column: string): string;
}

/** The parts over the table itself. */
export const TABLE_PARTS: AggregateParts = {
  rows: 'count(*)',
  count: (c) => `count(${ident(c)})`,
  sum: (c, kind) => {
    if (kind !== 'float') return `sum(${ident(c)})`;
    const v = `${ident(c)}::DOUBLE`;
    return floatJoin(`sum(${floatWhole(v)})`, `sum(${floatFraction(v)})`);
  },
  min: (c) => `min(${ident(c)})`,
  max: (c) => `max(${ident(c)})`,
  distinct: (c) => `count(DISTINCT ${ident(c)})`,
};

/** A sum with IEEE special values decided from min and max, so the order of the rows never matters. */
export function floatSumSql(min: string, max: string, finiteSum: string): string {
  return `CASE WHEN isnan(${max}) OR (${max} = 'inf' AND ${min} = '-inf') THEN 'nan'::DOUBLE
    WHEN ${max} = 'inf' THEN 'inf'::DOUBLE WHEN ${min} = '-inf' THEN '-inf'::DOUBLE
    WHEN greatest(${max}, -${min}) >= ${TWO_127} THEN error('sum of values beyond ±2^127 is not supported')
    ELSE ${finiteSum} END`;
}

function sumSql(column: string, kind: NumberKind, parts: AggregateParts): string {
  const sum = parts.sum(column, kind);
  return kind === 'float' ? floatSumSql(parts.min(column), parts.max(column), sum) : sum;
}

/** The SQL of measure `m` (not yet cast to DOUBLE) over the given parts; `kind` is its column's. */
export function aggregateSql(m: Measure, kind: NumberKind, parts: AggregateParts): string {
  if (m.column === null) return parts.rows;
  switch (m.agg) {
    case 'count':
      return parts.count(m.column);
    case 'count_distinct':
      return parts.distinct(m.column);
    case 'min':
      return parts.min(m.column);
    case 'max':
      return parts.max(m.column);
    case 'sum':
      return sumSql(m.column, kind, parts);
    case 'avg':
      return `(${sumSql(m.column, kind, parts)})::DOUBLE / nullif(${parts.count(m.column)}, 0)`;
  }
}
