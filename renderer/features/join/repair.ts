import type { Db } from '../../../shared/db';
import type { TableInfo } from '../../../shared/db-catalog';
import { dropBrokenJoinViews } from '../../../shared/join/commit';
import { workspace } from '../../workspace';

/**
 * The table list when reading it failed: a combined view over a table re-imported with other columns (or
 * dropped in the console) makes the engine's list fail, so such views are dropped (their definitions stay,
 * marked broken on the 合并表 screen) and the list is read again. Rethrows when that was not the cause.
 */
export async function listAfterRepair(db: Db, list: (db: Db) => Promise<TableInfo[]>, failure: unknown): Promise<TableInfo[]> {
  const dropped = await dropBrokenJoinViews(db, workspace.get('joins').joins.map((j) => j.name));
  if (dropped.length === 0) throw failure;
  return list(db);
}
