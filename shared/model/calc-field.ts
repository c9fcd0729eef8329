/**
 * Calculated fields (计算字段): columns a table gains without changing it, computed by the engine row by row
 * from the table's own columns. Plain serialisable data; `parseCalcFields` validates it at every boundary
 * (the workspace store, project files). shared/sql/calc-sql.ts turns them into SQL; shared/calc/check.ts
 * has the engine check them.
 */
import { isReservedName } from '../reserved-names';

/**
 * A field is either one scalar SQL expression over the table's columns (arithmetic, CASE, round(), ||,
 * year(date) …), or a year-over-year change, which needs an ordered window and so is built by us, not typed:
 * for a row with key K (e.g. the region) and year Y, 100 × (value ÷ value of the row with key K and year
 * Y − 1 − 1). It is empty when that row is missing, when its value is 0 or empty, when the key or year is
 * empty, or when the key has more than one row in year Y or Y − 1 (ambiguous).
 */
export type CalcDefinition = { kind: 'expr'; expr: string } | { kind: 'yoy'; value: string; year: string; keys: string[] };

export interface CalcField {
  /** The column's name; unique in its table among real columns and fields (compared as DuckDB does, case-insensitively). */
  name: string;
  /** The table or view whose rows it is computed on. */
  table: string;
  def: CalcDefinition;
  /** The result's unit (the editor asks for it); absent = none. */
  unit?: string;
}

/** The workspace document: every field of every table, in order; a field may use fields of its table listed before it. */
export interface CalcFieldsFile {
  version: 1;
  fields: CalcField[];
}

export const MAX_EXPR_CHARS = 2000;
export const MAX_YOY_KEYS = 4;

export class CalcFieldError extends Error {}

const fail = (msg: string): never => {
  throw new CalcFieldError(`calculated field: ${msg}`);
};
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A name a field (or a table) may take: what import allows for a table name — 1–63 characters, trimmed, no
 * double quote, no control character, not under the app's reserved prefix.
 */
export function validFieldName(name: unknown): name is string {
  // Control characters are exactly what must be refused here.
  // eslint-disable-next-line no-control-regex
  return typeof name === 'string' && name.length > 0 && name.length <= 63 && name === name.trim() && !isReservedName(name) && !/["\u0000-\u001f\u007f]/.test(name);
}

/**
 * Why an expression's text is refused before the engine sees it, or null. A semicolon anywhere (even in a
 * text value) is refused: without one the text cannot hold a second statement, whatever the lexer makes of
 * it. Control characters other than tab and line breaks have no place in a formula.
 */
export function exprTextProblem(expr: string): 'empty' | 'too-long' | 'semicolon' | 'control' | null {
  if (expr.trim() === '') return 'empty';
  if (expr.length > MAX_EXPR_CHARS) return 'too-long';
  if (expr.includes(';')) return 'semicolon';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(expr)) return 'control';
  return null;
}

function parseDefinition(v: unknown, where: string): CalcDefinition {
  if (!isObj(v)) fail(`${where}.def is not an object`);
  const d = v as Record<string, unknown>;
  if (d.kind === 'expr') {
    if (typeof d.expr !== 'string') fail(`${where}.def.expr must be text`);
    const problem = exprTextProblem(d.expr as string);
    if (problem) fail(`${where}.def.expr is not a formula (${problem})`);
    return { kind: 'expr', expr: d.expr as string };
  }
  if (d.kind === 'yoy') {
    if (!validFieldName(d.value) || !validFieldName(d.year)) fail(`${where}.def needs value and year columns`);
    if (!Array.isArray(d.keys) || d.keys.length > MAX_YOY_KEYS || !d.keys.every(validFieldName)) fail(`${where}.def.keys must be up to ${MAX_YOY_KEYS} column names`);
    const keys = d.keys as string[];
    const all = [d.value as string, d.year as string, ...keys].map((c) => c.toLowerCase());
    if (new Set(all).size !== all.length) fail(`${where}.def uses a column twice`);
    return { kind: 'yoy', value: d.value as string, year: d.year as string, keys: [...keys] };
  }
  return fail(`${where}.def.kind must be expr or yoy`);
}

export function parseCalcField(v: unknown, i: number): CalcField {
  const where = `fields[${i}]`;
  if (!isObj(v)) fail(`${where} is not an object`);
  const f = v as Record<string, unknown>;
  const extra = Object.keys(f).find((k) => !['name', 'table', 'def', 'unit'].includes(k));
  if (extra !== undefined) fail(`${where} has an unknown field ${JSON.stringify(extra)}`);
  if (!validFieldName(f.name)) fail(`${where}.name is not a valid column name`);
  if (!validFieldName(f.table)) fail(`${where}.table is not a valid table name`);
  if (f.unit !== undefined && (typeof f.unit !== 'string' || f.unit.length > 40)) fail(`${where}.unit must be short text`);
  const def = parseDefinition(f.def, where);
  const unit = typeof f.unit === 'string' && f.unit.trim() ? f.unit.trim() : undefined;
  return { name: f.name as string, table: f.table as string, def, ...(unit ? { unit } : {}) };
}

/** Validates untrusted JSON into the document; throws naming the bad entry. Names are unique per table. */
export function parseCalcFields(json: unknown): CalcFieldsFile {
  if (!isObj(json) || json.version !== 1 || !Array.isArray(json.fields)) fail('not a version 1 fields document');
  const fields = (json as { fields: unknown[] }).fields.map(parseCalcField);
  const seen = new Set<string>();
  for (const f of fields) {
    const key = `${f.table.toLowerCase()}\u0000${f.name.toLowerCase()}`;
    if (seen.has(key)) fail(`${f.table} has two fields named ${f.name}`);
    seen.add(key);
  }
  return { version: 1, fields };
}

export const emptyCalcFields = (): CalcFieldsFile => ({ version: 1, fields: [] });

/** The fields of one table, in order. */
export function fieldsOf(file: CalcFieldsFile, table: string): CalcField[] {
  return file.fields.filter((f) => f.table === table);
}

/** The columns a definition names itself (a formula's columns are found by the engine, see shared/calc/check.ts). */
export function definitionColumns(def: CalcDefinition): string[] {
  return def.kind === 'yoy' ? [def.value, def.year, ...def.keys] : [];
}
