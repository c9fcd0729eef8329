/**
 * The engine checks calculated fields; nothing here parses SQL. A formula is one scalar expression over one
 * table's columns, enforced in four steps:
 *  1. its text has no semicolon, so it cannot hold a second statement (exprTextProblem);
 *  2. `DESCRIBE FROM <sandbox> SELECT <formula>` binds it LAST in the statement over a one-row sandbox of
 *     typed NULLs named like the columns: anything left open (a string, a quoted name, a comment) would
 *     fail, so a binding formula is closed; it must give exactly one column, whose type is the field's type;
 *  3. the plan of `FROM <sandbox> SELECT (<formula>)` must be projections over the sandbox's one row: a
 *     subquery (any other table, a table function, even the sandbox again), an aggregate, a window, unnest,
 *     a filter or a limit each add an operator and are refused, named;
 *  4. the editor's trial evaluates every row inside a read-only transaction, where the engine refuses
 *     whatever would write (nextval).
 * The formula is then used exactly as planned: `(<formula>\n)` in calcRelationSql.
 */
import type { Db } from '../db';
import { baseTable, type ColumnInfo, type TableInfo } from '../db-catalog';
import { exprTextProblem, validFieldName, type CalcDefinition, type CalcField } from '../model/calc-field';
import { calcRelationSql, describeDefinitionSql, describeFormulaSql, describeRelationSql, explainFormulaSql, isPlainType } from '../sql/calc-sql';
import { NUMERIC_TYPE } from '../sql/chart-sql';
import { problemFromEngine, type CalcProblem } from './problems';

export type Bound = { ok: true; type: string; uses: string[] } | { ok: false; problem: CalcProblem };

/** Nested results cannot be a chart's dimension or measure. */
const NESTED = /\[\]$|^(STRUCT|MAP|UNION|LIST|ARRAY)\b/i;
const AGGREGATES = /AGGREGATE|GROUP_BY/;
const SCANS_AND_JOINS = /SCAN|JOIN|CROSS_PRODUCT|UNION|CTE|DELIM|RANGE|TABLE|READ|POSITIONAL|INOUT/;

interface PlanNode {
  name: string;
  children?: PlanNode[];
  extra_info?: Record<string, unknown>;
}

function operators(node: PlanNode, out: PlanNode[] = []): PlanNode[] {
  out.push(node);
  for (const c of node.children ?? []) operators(c, out);
  return out;
}

/** Which plan shape breaks the rule "projections over the one sandbox row", or null when none does. */
export function planProblem(plan: PlanNode[]): CalcProblem['code'] | null {
  const ops = plan.flatMap((n) => operators(n));
  const names = ops.map((o) => o.name.trim().toUpperCase());
  const others = names.filter((n) => n !== 'PROJECTION' && n !== 'DUMMY_SCAN');
  if (others.length === 0 && names.filter((n) => n === 'DUMMY_SCAN').length === 1) return null;
  if (others.some((n) => SCANS_AND_JOINS.test(n))) return 'subquery';
  if (others.some((n) => AGGREGATES.test(n))) return 'aggregate';
  if (others.some((n) => n.includes('WINDOW'))) return 'window';
  if (others.some((n) => n.includes('UNNEST'))) return 'unnest';
  return 'not-scalar';
}

/** The sandbox columns the plan reads: the projection right above the sandbox's row lists them. */
export function planColumns(plan: PlanNode[], columns: readonly string[]): string[] {
  const ops = plan.flatMap((n) => operators(n));
  const above = ops.find((o) => o.children?.some((c) => c.name.trim().toUpperCase() === 'DUMMY_SCAN'));
  const listed = above?.extra_info?.Projections;
  const names = new Set(Array.isArray(listed) ? listed.map(String) : typeof listed === 'string' ? [listed] : []);
  return columns.filter((c) => names.has(c));
}

function nameProblem(name: string, taken: readonly string[]): CalcProblem | null {
  if (!validFieldName(name)) return { code: 'name-invalid', params: { name } };
  if (taken.some((c) => c.toLowerCase() === name.toLowerCase())) return { code: 'name-taken', params: { name } };
  return null;
}

/** Columns the sandbox cannot hold (their types carry names or values), by name with their types. */
const complexColumns = (columns: readonly ColumnInfo[]) => new Map(columns.filter((c) => !isPlainType(c.type)).map((c) => [c.name, c.type]));

async function describeOne(db: Db, sql: string, complex: ReadonlyMap<string, string>): Promise<{ ok: true; type: string } | { ok: false; problem: CalcProblem }> {
  try {
    const rows = (await db.query(sql)).toArray();
    if (rows.length !== 1) return { ok: false, problem: { code: 'not-one-value' } };
    const type = String(rows[0].column_type);
    if (NESTED.test(type)) return { ok: false, problem: { code: 'nested-result', params: { type } } };
    return { ok: true, type };
  } catch (e) {
    return { ok: false, problem: problemFromEngine(e, complex) };
  }
}

async function bindFormula(db: Db, columns: readonly ColumnInfo[], expr: string): Promise<Bound> {
  const text = exprTextProblem(expr);
  if (text) return { ok: false, problem: { code: text } };
  const complex = complexColumns(columns);
  const described = await describeOne(db, describeFormulaSql(columns, expr), complex);
  if (!described.ok) return described;
  let plan: PlanNode[];
  try {
    plan = JSON.parse(String((await db.query(explainFormulaSql(columns, expr))).toArray()[0]?.explain_value ?? '[]')) as PlanNode[];
  } catch (e) {
    // It binds as the end of a SELECT but not in brackets: more than an expression (an alias, WHERE, UNION …).
    const problem = problemFromEngine(e, complex);
    return { ok: false, problem: problem.code === 'syntax' || problem.code === 'incomplete' ? { code: 'not-scalar', ...(problem.detail ? { detail: problem.detail } : {}) } : problem };
  }
  const shape = planProblem(plan);
  if (shape) return { ok: false, problem: { code: shape } };
  return { ok: true, type: described.type, uses: planColumns(plan, columns.map((c) => c.name)) };
}

async function bindYoy(db: Db, columns: readonly ColumnInfo[], def: Extract<CalcDefinition, { kind: 'yoy' }>): Promise<Bound> {
  const typeOf = (name: string) => columns.find((c) => c.name.toLowerCase() === name.toLowerCase())?.type;
  for (const c of [def.value, def.year, ...def.keys]) if (typeOf(c) === undefined) return { ok: false, problem: { code: 'no-column', params: { column: c, candidates: '' } } };
  if (!NUMERIC_TYPE.test(typeOf(def.year)!)) return { ok: false, problem: { code: 'yoy-year-type', params: { column: def.year } } };
  if (!NUMERIC_TYPE.test(typeOf(def.value)!)) return { ok: false, problem: { code: 'yoy-value-type', params: { column: def.value } } };
  const described = await describeOne(db, describeDefinitionSql(columns, def), complexColumns(columns));
  return described.ok ? { ok: true, type: described.type, uses: [def.value, def.year, ...def.keys] } : described;
}

/**
 * Binds one field over `columns` (the table's columns and the fields before it), names checked against
 * `taken` (every other column and field name of the table). Binding and planning only: no row is read.
 */
export async function bindField(db: Db, columns: readonly ColumnInfo[], field: Pick<CalcField, 'name' | 'def'>, taken: readonly string[]): Promise<Bound> {
  const named = nameProblem(field.name, taken);
  if (named) return { ok: false, problem: named };
  return field.def.kind === 'expr' ? bindFormula(db, columns, field.def.expr) : bindYoy(db, columns, field.def);
}

export interface CalcTable {
  /** The table with its working fields as columns (`calculated: true`, engine types) and `relation` to read it through. */
  table: TableInfo;
  /** Fields that do not bind (a column they use is gone, a changed type …), with why; they are left out. */
  broken: { field: CalcField; problem: CalcProblem }[];
  /** The columns each working field reads, by field name. */
  uses: Record<string, string[]>;
}

/**
 * `info` with `fields` (those of its table, in order): each is bound over the columns before it, the ones
 * that bind become columns, and the relation that adds them is bound once more as a whole by the engine,
 * which must report exactly the expected names and types.
 */
export async function withCalcFields(db: Db, info: TableInfo, fields: readonly CalcField[]): Promise<CalcTable> {
  const base = baseTable(info);
  const columns: ColumnInfo[] = [...base.columns];
  const ok: CalcField[] = [];
  const broken: CalcTable['broken'] = [];
  const uses: Record<string, string[]> = {};
  const mine = fields.filter((f) => f.table === info.name);
  for (const field of mine) {
    const taken = [...base.columns.map((c) => c.name), ...mine.filter((f) => f !== field).map((f) => f.name)];
    const bound = await bindField(db, columns, field, taken);
    if (!bound.ok) {
      broken.push({ field, problem: bound.problem });
      continue;
    }
    ok.push(field);
    uses[field.name] = bound.uses;
    columns.push({ name: field.name, type: bound.type, calculated: true, ...(field.unit ? { unit: field.unit } : {}) });
  }
  if (ok.length === 0) return { table: base, broken, uses };
  const relation = calcRelationSql(info.name, ok);
  const described = (await db.query(describeRelationSql(relation))).toArray().map((r) => `${String(r.column_name)}\u0000${String(r.column_type)}`);
  const expected = columns.map((c) => `${c.name}\u0000${c.type}`);
  if (described.join('\n') !== expected.join('\n')) throw new Error(`calculated fields of ${info.name}: the engine bound other columns than checked`);
  return { table: { ...base, columns, relation }, broken, uses };
}
