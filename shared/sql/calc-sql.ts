/**
 * SQL of calculated fields (shared/model/calc-field.ts): the relation that adds them to a table, the
 * year-over-year window, and the statements the engine checks a formula with (shared/calc/check.ts).
 */
import { ident, literal } from '../db';
import type { ColumnInfo } from '../db-catalog';
import type { CalcDefinition, CalcField } from '../model/calc-field';

/**
 * A formula as a value: in brackets, the closing one on a line of its own so that a trailing `-- comment`
 * ends before it. Only ever called with text exprTextProblem accepted (no semicolon) and the engine checked.
 */
const formula = (expr: string): string => `(${expr}\n)`;

/** Rows of the same key in the year before (RANGE on the year: exactly Y − 1, gaps stay gaps). */
function yoySql(value: string, year: string, keys: readonly string[]): string {
  const y = ident(year);
  const v = `${ident(value)}::DOUBLE`;
  const by = keys.map(ident).join(', ');
  const part = keys.length ? `PARTITION BY ${by} ` : '';
  const prev = `OVER (${part}ORDER BY ${y} ASC RANGE BETWEEN 1 PRECEDING AND 1 PRECEDING)`;
  const known = [y, ...keys.map(ident)].map((c) => `${c} IS NOT NULL`).join(' AND ');
  return `(CASE WHEN ${known}
  AND count(*) OVER (PARTITION BY ${[by, y].filter(Boolean).join(', ')}) = 1
  AND count(*) ${prev} = 1
  THEN 100 * (${v} / nullif(sum(${v}) ${prev}, 0) - 1) END)`;
}

/** The SQL value of a field's definition (a formula in brackets, or the year-over-year window). */
export function definitionSql(def: CalcDefinition): string {
  return def.kind === 'expr' ? formula(def.expr) : yoySql(def.value, def.year, def.keys);
}

/**
 * The FROM item of `table` with its fields: one layer per field, in order, so a field may use the fields
 * before it. Without fields, the table itself. A window (year-over-year) sees every row of the table: chart
 * filters apply outside, so filtering years keeps the first year's change from the year before.
 */
export function calcRelationSql(table: string, fields: readonly Pick<CalcField, 'name' | 'def'>[]): string {
  return fields.reduce((from, f) => `(SELECT *, ${definitionSql(f.def)} AS ${ident(f.name)} FROM ${from})`, ident(table));
}

/**
 * SQL types the sandbox can write as `NULL::<type>` (the engine's own type names: INTEGER, DECIMAL(18,3),
 * TIMESTAMP WITH TIME ZONE, VARCHAR[] …). STRUCT, MAP, UNION and ENUM carry names or values inside and are left out.
 */
const PLAIN_TYPE = /^[A-Z][A-Z0-9_ ]*(\(\d+(, ?\d+)?\))?(\[\d*\])*$/i;

export function isPlainType(type: string): boolean {
  return PLAIN_TYPE.test(type) && !/^(STRUCT|MAP|UNION|ENUM)\b/i.test(type);
}

/**
 * One row of typed NULLs named like the table's columns and read from no table: a formula is bound (names,
 * types) and planned over it, so its plan shows anything beyond computing one value per row.
 */
export function sandboxSql(columns: readonly ColumnInfo[]): string {
  const cols = columns.filter((c) => isPlainType(c.type));
  return `(SELECT ${cols.length ? cols.map((c) => `NULL::${c.type} AS ${ident(c.name)}`).join(', ') : 'NULL AS __sgw_none'})`;
}

/**
 * The formula last in the statement: a string, quoted name or comment it leaves open cannot be closed by
 * text of ours, so a statement that binds proves the formula is closed. One result column, or it is not one value.
 */
export const describeFormulaSql = (columns: readonly ColumnInfo[], expr: string): string => `DESCRIBE FROM ${sandboxSql(columns)} SELECT ${expr}`;

/** Our own definitions (year-over-year) bound over the sandbox, for their type. */
export const describeDefinitionSql = (columns: readonly ColumnInfo[], def: CalcDefinition): string => `DESCRIBE FROM ${sandboxSql(columns)} SELECT ${definitionSql(def)}`;

/** The formula in brackets as it is used, planned over the sandbox: the plan must be projections over the sandbox's one row. */
export const explainFormulaSql = (columns: readonly ColumnInfo[], expr: string): string => `EXPLAIN (FORMAT JSON) FROM ${sandboxSql(columns)} SELECT ${formula(expr)}`;

/** The columns of a relation, as the engine binds them. */
export const describeRelationSql = (relation: string): string => `DESCRIBE SELECT * FROM ${relation}`;

/**
 * Runs the statements inside a read-only transaction: the engine refuses anything that would write
 * (nextval on a sequence …). The browser and Node adapters give each query its own connection, which
 * ends the transaction with the call.
 */
export const readOnlySql = (select: string): string => `BEGIN TRANSACTION READ ONLY;\n${select}`;

/** Every row of the table through the field (so a value that cannot be computed anywhere shows now), with its range. */
export function fieldStatsSql(relation: string, field: string): string {
  const f = ident(field);
  return readOnlySql(`SELECT count(*)::DOUBLE AS n, count(${f})::DOUBLE AS filled, min(${f})::VARCHAR AS lo, max(${f})::VARCHAR AS hi FROM ${relation}`);
}

/** The first rows: the columns the field uses, then the field. */
export function fieldPreviewSql(relation: string, field: string, used: readonly string[], limit = 10): string {
  return readOnlySql(`SELECT ${[...used, field].map(ident).join(', ')} FROM ${relation} LIMIT ${Math.max(1, Math.floor(limit))}`);
}

/**
 * Formula text for "per 10,000 people" (每万人): the count over a population column, scaled by the
 * population's unit. `/` is always a division with decimals in DuckDB, and a division by 0 gives an empty value.
 */
export function perTenThousandExpr(count: string, population: string, populationUnit: '人' | '万人' | '亿人'): string {
  const ratio = `${ident(count)} / ${ident(population)}`;
  switch (populationUnit) {
    case '人':
      return `${ratio} * 10000`;
    case '万人':
      return ratio;
    case '亿人':
      return `${ratio} / 10000`;
  }
}

/** A formula's text for a column name, as the editor inserts it on completion. */
export const columnRef = (name: string): string => ident(name);

/** Formula starters the editor offers (ratio, rounding, CASE, text join, year from a date). */
export const formulaTemplates = {
  // nullif: a DOUBLE divided by 0 is ±Infinity in DuckDB, which no reader wants in a ratio; empty instead.
  ratio: (a: string, b: string) => `${ident(a)} / nullif(${ident(b)}, 0)`,
  round: (a: string, digits: number) => `round(${ident(a)}, ${Math.trunc(digits)})`,
  ifThen: (a: string, threshold: number, yes: string, no: string) => `CASE WHEN ${ident(a)} >= ${threshold} THEN ${literal(yes)} ELSE ${literal(no)} END`,
  join: (a: string, b: string, sep: string) => `concat_ws(${literal(sep)}, ${ident(a)}, ${ident(b)})`,
  year: (date: string) => `year(${ident(date)})`,
} as const;
