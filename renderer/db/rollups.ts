import type { Db } from '../../shared/db';
import type { TableInfo } from '../../shared/db-catalog';
import { ROLLUP_MIN_ROWS, type Rollup } from '../../shared/sql/rollup';
import { RollupRegistry } from '../../shared/sql/rollup-registry';
import { dataChanges, rawDb, type DataChanges } from './data-changes';
import { perDb } from './per-db';

/**
 * A registry that every data change empties (renderer/db/data-changes.ts), and that answers "no rollup"
 * for a build a data change overtook and for a table described by a list read before the latest write
 * (building from it would label the rollup with the old row count), so a chart reads the table instead
 * until the refreshed list arrives.
 */
class LiveRollups extends RollupRegistry {
  constructor(
    db: Db,
    private readonly changes: DataChanges,
  ) {
    super(db);
  }

  override get(info: TableInfo): Promise<Rollup | null> {
    if (!this.changes.isCurrent(info)) return Promise.resolve(null);
    const epoch = this.changes.epoch;
    return super.get(info).then((r) => (this.changes.epoch === epoch ? r : null));
  }

  override ready(info: TableInfo): Rollup | null {
    return this.changes.isCurrent(info) ? super.ready(info) : null;
  }
}

/** The one rollup registry of a database, shared by every chart. Its own tables are built on the raw engine. */
export const rollupsFor = perDb((db): RollupRegistry => {
  const changes = dataChanges(db);
  const registry = new LiveRollups(rawDb(db), changes);
  changes.onInvalidate(() => registry.invalidate());
  return registry;
});

/**
 * Where a chart on screen gets its rollup: one that is built already, never one to wait for. The first
 * chart after an import is answered by the table (the same numbers, exactly) while the rollup builds in
 * the background; the charts after it read the rollup (see RollupRegistry.onBuilt).
 */
export const readyRollupsFor = (db: Db) => {
  const registry = rollupsFor(db);
  return { get: (info: TableInfo) => Promise.resolve(registry.ready(info)) };
};

/**
 * Builds the rollups of the big tables in the background, so the first chart on them after an import or
 * a project opened does not wait for the build.
 */
export function prepareRollups(db: Db, tables: TableInfo[]): void {
  const registry = rollupsFor(db);
  for (const info of tables) if (info.kind === 'table' && info.rows >= ROLLUP_MIN_ROWS) void registry.get(info);
}
