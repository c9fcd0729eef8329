/**
 * Makes (or removes) the view of a combined table, with its provenance row (both sources in words, every
 * column's unit), in one transaction: a failure leaves the workspace as it was.
 */
import { toDbError, type Db } from '../db';
import { recordProvenance } from '../import/commit';
import type { JoinDef } from '../model/join';
import { BEGIN_SQL, COMMIT_SQL, ROLLBACK_SQL, deleteByNamesSql, dropTableSql } from '../sql/project-sql';
import { PROVENANCE_SETUP_SQL } from '../sql/import-sql';
import { PROVENANCE_TABLE } from '../import/commit';
import { createViewSql, dropViewSql, joinSelectSql, probeViewSql } from '../sql/join-sql';

/** The steps inside a caller's transaction (project open runs them in its own). `replace`: drop a view of that name first. */
export async function writeJoinView(db: Db, def: JoinDef, replace = false): Promise<void> {
  if (replace) await db.exec(dropViewSql(def.name));
  await db.exec(createViewSql(def.name, joinSelectSql(def)));
  await recordProvenance(db, {
    tableName: def.name,
    fileName: `${def.left.table} + ${def.right.table}`,
    sheet: null,
    encoding: null,
    importedAt: def.createdAt,
    notes: def.note,
    units: def.units,
  });
}

async function inTransaction(db: Db, steps: () => Promise<void>): Promise<void> {
  await db.exec(BEGIN_SQL);
  try {
    await steps();
    await db.exec(COMMIT_SQL);
  } catch (e) {
    await db.exec(ROLLBACK_SQL).catch(() => undefined);
    throw e;
  }
}

/** Makes the view; `replace` when the join is being edited (its old view goes in the same transaction). */
export async function makeJoinView(db: Db, def: JoinDef, replace = false): Promise<void> {
  await inTransaction(db, () => writeJoinView(db, def, replace));
}

/** Removes the view and its provenance row. */
export async function dropJoinView(db: Db, name: string): Promise<void> {
  await inTransaction(db, async () => {
    await db.exec(dropViewSql(name));
    await db.exec(deleteByNamesSql(PROVENANCE_TABLE, 'table_name', [name]));
  });
}

/**
 * Deletes a user table together with the combined views that read it (a view over a missing table would
 * make the engine's table list fail) and every one's provenance row, in one transaction: all or nothing.
 */
export async function dropTableWithViews(db: Db, table: string, views: readonly string[]): Promise<void> {
  await inTransaction(db, async () => {
    for (const v of [...views].reverse()) await db.exec(dropViewSql(v));
    await db.exec(dropTableSql(table));
    for (const s of PROVENANCE_SETUP_SQL) await db.exec(s);
    await db.exec(deleteByNamesSql(PROVENANCE_TABLE, 'table_name', [table, ...views]));
  });
}

/**
 * Drops every combined view that no longer binds — a table it reads was re-imported without a column it
 * needs, or dropped in the console — with its provenance row, and names them. DuckDB does not track view
 * dependencies, and one such view makes `duckdb_columns()`, hence the whole table list, fail. The joins'
 * definitions stay in the project: the 合并表 screen marks them broken, to be edited (made again) or deleted.
 */
export async function dropBrokenJoinViews(db: Db, names: readonly string[]): Promise<string[]> {
  const broken: string[] = [];
  for (const name of names) {
    const ok = await db.query(probeViewSql(name)).then(
      () => true,
      (e: unknown) => !['binder', 'catalog'].includes(toDbError(e).kind),
    );
    if (!ok) broken.push(name);
  }
  if (broken.length) {
    await inTransaction(db, async () => {
      for (const v of broken) await db.exec(dropViewSql(v));
      for (const s of PROVENANCE_SETUP_SQL) await db.exec(s);
      await db.exec(deleteByNamesSql(PROVENANCE_TABLE, 'table_name', broken));
    });
  }
  return broken;
}
