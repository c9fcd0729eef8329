import type { Db } from '../db';
import type { TableInfo } from '../db-catalog';
import { buildRollup, dropRollup, type Rollup } from './rollup';

/**
 * Builds each big table's rollup once, on first use; `invalidate()` forgets (and drops) all of them. The
 * renderer calls it at every data change (renderer/db/rollups.ts): a rollup must never answer for data it
 * was not built from. Concurrent requests for one table share one build.
 */
export class RollupRegistry {
  private readonly built = new Map<string, Promise<Rollup | null>>();
  private generation = 0;
  /** Rollups built so far (for diagnostics and tests). */
  builds = 0;

  constructor(private readonly db: Db) {}

  /** The rollup of `info`, or null when it has none; a failed build means no rollup, never an error. */
  get(info: TableInfo): Promise<Rollup | null> {
    let p = this.built.get(info.name);
    if (!p) {
      const suffix = `#${++this.generation}`;
      p = buildRollup(this.db, info, { suffix }).then(
        (r) => {
          if (r) this.builds++;
          return r;
        },
        () => null,
      );
      this.built.set(info.name, p);
    }
    return p;
  }

  invalidate(): void {
    const old = [...this.built.values()];
    this.built.clear();
    for (const p of old) void p.then((r) => (r ? dropRollup(this.db, r) : undefined)).catch(() => undefined);
  }
}
