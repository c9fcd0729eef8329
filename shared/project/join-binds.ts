import { MessageReader } from 'apache-arrow';
import type { Db } from '../db';
import { bindableJoins } from '../join/binds';
import type { JoinDef } from '../model/join';
import { CATALOG_COLUMNS_SQL } from '../sql/catalog-sql';
import type { ProjectArchive } from './archive';

/** Column names of an Arrow IPC stream, from its schema message alone. */
function streamColumns(stream: Uint8Array): string[] {
  return new MessageReader(stream).readSchema(true)!.fields.map((f) => f.name);
}

/**
 * The project's combined tables that can be made again once it is open, and those that cannot (a table it
 * reads was re-imported without a column and the project saved so). Decided before the transaction, because
 * a CREATE VIEW that fails to bind aborts it: the project opens, and the broken ones show 暂不可用 on 合并表
 * (their definitions stay, to be edited). Columns: the project's tables from their streams, every other
 * table or view that stays in the database (not in `dropped`) from the engine.
 */
export async function joinsThatBind(db: Db, archive: ProjectArchive, dropped: readonly string[]): Promise<{ ok: JoinDef[]; broken: JoinDef[] }> {
  const joins = archive.manifest.documents.joins.flatMap((f) => f.joins);
  if (joins.length === 0) return { ok: [], broken: [] };
  const columns = new Map<string, string[]>();
  try {
    for (const r of (await db.query(CATALOG_COLUMNS_SQL)).toArray()) {
      const t = String(r.t).toLowerCase();
      columns.set(t, [...(columns.get(t) ?? []), String(r.c)]);
    }
  } catch {
    // The table list cannot be read (a view of the previous project no longer binds): let the engine judge each one.
    return { ok: joins, broken: [] };
  }
  for (const name of dropped) columns.delete(name.toLowerCase());
  for (const t of archive.manifest.tables) columns.set(t.name.toLowerCase(), streamColumns(archive.tables.get(t.file)!));
  return bindableJoins(joins, (t) => columns.get(t.toLowerCase()));
}
