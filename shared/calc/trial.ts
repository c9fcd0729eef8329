/**
 * The editor's trial of a field: bound and planned by the engine (./check.ts), then every row of the table
 * computed inside a read-only transaction (a value that cannot be computed shows now, not in a chart
 * later), the first rows as a preview, and a warning in words when it combines columns of different units.
 */
import type { Db } from '../db';
import { baseTable, type TableInfo } from '../db-catalog';
import type { CalcField } from '../model/calc-field';
import { calcRelationSql, fieldPreviewSql, fieldStatsSql } from '../sql/calc-sql';
import { bindField, withCalcFields } from './check';
import { problemFromEngine, type CalcProblem } from './problems';
import { mixedUnits, type UnitUse } from './units';

export type FieldTrial =
  | {
      ok: true;
      type: string;
      /** Columns the field reads (found by the engine's plan). */
      uses: string[];
      rows: number;
      /** Rows where the field has a value. */
      filled: number;
      min: string | null;
      max: string | null;
      preview: { columns: string[]; rows: unknown[][] };
      /** Set when the columns it combines carry different units: each with its unit. */
      mixedUnits?: UnitUse[];
    }
  | { ok: false; problem: CalcProblem };

/**
 * Tries `candidate` on `info`'s table (the table's real columns; `fields` its current fields, in order).
 * Editing field `replacing` keeps its place, so the fields before it stay usable and the ones after it are
 * not. Nothing is written: the evaluation runs read-only.
 */
export async function tryField(
  db: Db,
  info: TableInfo,
  fields: readonly CalcField[],
  candidate: CalcField,
  units: Readonly<Record<string, string>>,
  replacing?: string,
): Promise<FieldTrial> {
  const base = baseTable(info);
  const mine = fields.filter((f) => f.table === base.name);
  const at = replacing === undefined ? mine.length : mine.findIndex((f) => f.name === replacing);
  const before = mine.slice(0, at < 0 ? mine.length : at);
  const prior = await withCalcFields(db, base, before);
  const taken = [...base.columns.map((c) => c.name), ...mine.filter((f) => f.name !== replacing).map((f) => f.name)];
  const bound = await bindField(db, prior.table.columns, candidate, taken);
  if (!bound.ok) return bound;
  const working = before.filter((f) => !prior.broken.some((b) => b.field === f));
  const relation = calcRelationSql(base.name, [...working, candidate]);
  const unitsNow = { ...units, ...Object.fromEntries(prior.table.columns.filter((c) => c.unit).map((c) => [c.name, c.unit!])) };
  try {
    const stats = (await db.query(fieldStatsSql(relation, candidate.name))).toArray()[0];
    const preview = await db.query(fieldPreviewSql(relation, candidate.name, bound.uses));
    const columns = preview.schema.fields.map((f) => f.name);
    const mixed = mixedUnits(bound.uses, unitsNow);
    return {
      ok: true,
      type: bound.type,
      uses: bound.uses,
      rows: Number(stats?.n ?? 0),
      filled: Number(stats?.filled ?? 0),
      min: stats?.lo == null ? null : String(stats.lo),
      max: stats?.hi == null ? null : String(stats.hi),
      preview: { columns, rows: preview.toArray().map((r) => columns.map((c) => (r as Record<string, unknown>)[c])) },
      ...(mixed ? { mixedUnits: mixed } : {}),
    };
  } catch (e) {
    return { ok: false, problem: problemFromEngine(e) };
  }
}
