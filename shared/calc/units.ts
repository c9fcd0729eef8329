/** Units of a table's columns, and the warning when a calculation combines columns of different units. */
import type { Db } from '../db';
import type { TableInfo } from '../db-catalog';
import { getProvenance } from '../import/commit';
import type { DatasetCatalog } from '../model/catalog';

export interface UnitUse {
  column: string;
  unit: string;
}

/** Columns it reads that have a unit, when there are at least two different units among them. */
export function mixedUnits(uses: readonly string[], units: Readonly<Record<string, string>>): UnitUse[] | undefined {
  const withUnit = uses.filter((c) => units[c]).map((column) => ({ column, unit: units[column] }));
  return new Set(withUnit.map((u) => u.unit)).size >= 2 ? withUnit : undefined;
}

/** Every column's unit: the bundled catalog's, then the import's (or joined view's) provenance, then a field's own. */
export async function tableUnits(db: Db, info: TableInfo, catalog: DatasetCatalog | null): Promise<Record<string, string>> {
  const fromCatalog = Object.fromEntries(
    (catalog?.datasets.find((d) => d.table === info.name)?.columns ?? []).filter((c) => c.unit).map((c) => [c.name, c.unit!]),
  );
  const provenance = catalog?.datasets.some((d) => d.table === info.name) ? null : await getProvenance(db, info.name);
  const own = Object.fromEntries(info.columns.filter((c) => c.unit).map((c) => [c.name, c.unit!]));
  return { ...fromCatalog, ...(provenance?.units ?? {}), ...own };
}

