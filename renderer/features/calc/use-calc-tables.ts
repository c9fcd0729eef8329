import { useEffect, useMemo, useState } from 'react';
import { withCalcFields } from '../../../shared/calc/check';
import type { Db } from '../../../shared/db';
import type { TableInfo } from '../../../shared/db-catalog';
import type { CalcField } from '../../../shared/model/calc-field';
import { useDocument } from '../../workspace';

/** Each table with its working calculated fields as columns (and the relation that adds them). */
export async function applyCalcFields(db: Db, tables: readonly TableInfo[], fields: readonly CalcField[]): Promise<TableInfo[]> {
  const out: TableInfo[] = [];
  for (const info of tables) {
    const mine = fields.filter((f) => f.table === info.name);
    // A table whose fields cannot be checked right now (e.g. dropped meanwhile) is listed as it is.
    out.push(mine.length ? await withCalcFields(db, info, mine).then((c) => c.table, () => info) : info);
  }
  return out;
}

/**
 * The live table list as every screen sees it: the calculated fields (workspace document `calcFields`)
 * become columns of their tables, so the chart builder, filters, dashboards, exports and the pivot read
 * them like any column, through TableInfo.relation.
 */
export function useCalcTables(db: Db | null, tables: TableInfo[]): TableInfo[] {
  const [file] = useDocument('calcFields');
  const [done, setDone] = useState<{ from: TableInfo[]; fields: CalcField[]; out: TableInfo[] } | null>(null);
  const active = db !== null && file.fields.length > 0;
  useEffect(() => {
    if (!db || !file.fields.length) return;
    let live = true;
    void applyCalcFields(db, tables, file.fields).then((out) => live && setDone({ from: tables, fields: file.fields, out }));
    return () => {
      live = false;
    };
  }, [db, tables, file]);
  return useMemo(() => {
    if (!active || !done) return tables;
    if (done.from === tables && done.fields === file.fields) return done.out;
    // A new list (after any data change) while its fields are being checked again: the same fields keep
    // their columns and relation meanwhile, so a chart on a field does not flicker into "no such column".
    return done.fields === file.fields ? carryFields(tables, done.out) : tables;
  }, [active, done, tables, file.fields]);
}

function carryFields(fresh: readonly TableInfo[], before: readonly TableInfo[]): TableInfo[] {
  return fresh.map((t) => {
    const prev = before.find((b) => b.name === t.name && b.relation !== undefined);
    return prev ? { ...t, columns: [...t.columns, ...prev.columns.filter((c) => c.calculated)], relation: prev.relation } : t;
  });
}
