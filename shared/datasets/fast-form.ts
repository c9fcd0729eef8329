import type { Db } from '../db';
import { listTables, type TableInfo } from '../db-catalog';
import { selectAllSql } from '../sql/project-sql';
import type { DatasetCatalog } from '../model/catalog';

/**
 * The bundled datasets in the form start-up loads fastest, made at build time from the CSV path's result
 * (build/scripts/bundled-fast.ts, run by the web build): each table as the engine's own Arrow IPC (typed,
 * inserted without parsing or casting text) and the table list as listTables gives it once everything is
 * loaded, so the first screen need not ask the engine for it (its catalog and row-count queries over every
 * view were the slowest step before the first chart: engine code is compiled on its first use).
 * The CSVs stay the source (git, the CLI, the tests, the dev server); shared/datasets/fast-form.test.ts
 * proves the fast form gives the very same tables, types, values and list.
 */
export interface FastForm {
  version: 1;
  /** Table name → its Arrow IPC stream file beside catalog.json. */
  files: Record<string, string>;
  tables: TableInfo[];
}

export const FAST_FORM_FILE = 'fast.json';

/** The pieces of one IPC stream as one file (made once, at build time: the copy costs nothing at start-up). */
export function joined(pieces: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The fast form of what `db` holds after loading the bundled datasets through CSV. */
export async function makeFastForm(db: Db, catalog: DatasetCatalog): Promise<{ form: FastForm; arrow: Map<string, Uint8Array> }> {
  const arrow = new Map<string, Uint8Array>();
  for (const d of catalog.datasets) arrow.set(`${d.table}.arrow`, joined(await db.queryArrow(selectAllSql(d.table))));
  const files = Object.fromEntries(catalog.datasets.map((d) => [d.table, `${d.table}.arrow`]));
  return { form: { version: 1, files, tables: await listTables(db) }, arrow };
}

function isTableInfo(t: unknown): t is TableInfo {
  if (typeof t !== 'object' || t === null) return false;
  const o = t as Record<string, unknown>;
  const isColumn = (c: unknown) => typeof c === 'object' && c !== null && typeof (c as Record<string, unknown>).name === 'string' && typeof (c as Record<string, unknown>).type === 'string';
  return typeof o.name === 'string' && (o.kind === 'table' || o.kind === 'view') && typeof o.rows === 'number' && Array.isArray(o.columns) && o.columns.every(isColumn);
}

/** The fast form described by `text` when it covers exactly the catalog's tables; otherwise null (load the CSVs). */
export function parseFastForm(text: string, catalog: DatasetCatalog): FastForm | null {
  try {
    const f = JSON.parse(text) as Partial<FastForm>;
    if (f.version !== 1 || typeof f.files !== 'object' || f.files === null || !Array.isArray(f.tables) || !f.tables.every(isTableInfo)) return null;
    const files = f.files as Record<string, unknown>;
    const names = Object.keys(files);
    const covers = names.length === catalog.datasets.length && catalog.datasets.every((d) => typeof files[d.table] === 'string');
    return covers ? (f as FastForm) : null;
  } catch {
    return null;
  }
}
