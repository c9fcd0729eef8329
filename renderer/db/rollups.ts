import type { Db } from '../../shared/db';
import type { TableInfo } from '../../shared/db-catalog';
import { ROLLUP_MIN_ROWS } from '../../shared/sql/rollup';
import { RollupRegistry } from '../../shared/sql/rollup-registry';
import { perDb } from './per-db';

/** The one rollup registry of a database, shared by every chart. */
export const rollupsFor = perDb((db) => new RollupRegistry(db));

/**
 * Builds the rollups of the big tables in a new table list in the background, so the first chart on
 * them after an import or a project opened does not wait for the build.
 */
export function prepareRollups(db: Db, tables: TableInfo[]): void {
  const registry = rollupsFor(db);
  registry.sync(tables);
  for (const info of tables) if (info.kind === 'table' && info.rows >= ROLLUP_MIN_ROWS) void registry.get(info);
}
