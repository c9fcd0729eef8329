import { useEffect, useState } from 'react';
import { tryField, type FieldTrial } from '../../../shared/calc/trial';
import { tableUnits } from '../../../shared/calc/units';
import { baseTable, type TableInfo } from '../../../shared/db-catalog';
import type { CalcField } from '../../../shared/model/calc-field';
import { useWorkbench } from '../../workbench-context';

/** Every column's unit of `table` (catalog, import or joined view's provenance, fields). */
export function useTableUnits(table: TableInfo | undefined): Record<string, string> {
  const { db, catalog } = useWorkbench();
  const [units, setUnits] = useState<Record<string, string>>({});
  useEffect(() => {
    if (!db || !table) return;
    let live = true;
    void tableUnits(db, table, catalog).then((u) => live && setUnits(u), () => undefined);
    return () => {
      live = false;
    };
  }, [db, table, catalog]);
  return units;
}

/** The engine's trial of a candidate field; `stale` once the candidate changed after the last check. */
export function useFieldTrial(table: TableInfo, fields: readonly CalcField[], candidate: CalcField, units: Record<string, string>, replacing?: string) {
  const { db } = useWorkbench();
  const [result, setResult] = useState<{ trial: FieldTrial; key: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const key = JSON.stringify(candidate);
  const check = async () => {
    if (!db) return;
    setBusy(true);
    try {
      setResult({ trial: await tryField(db, baseTable(table), fields, candidate, units, replacing), key });
    } finally {
      setBusy(false);
    }
  };
  return { trial: result?.trial ?? null, stale: result !== null && result.key !== key, busy, check, reset: () => setResult(null) };
}
