import type { Db } from '../db';
import type { TableInfo } from '../db-catalog';
import { buildRollup, dropRollup, type Rollup } from './rollup';

/**
 * Builds each big table's rollup once, on first use, and forgets all of them when the table list
 * changes (an import, DDL or DML in the SQL console, a project opened): a rollup must never answer for
 * data it was not built from. Concurrent requests for one table share one build.
 */
export class RollupRegistry {
  private readonly built = new Map<string, Promise<Rollup | null>>();
  private version: unknown;
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

  /** Forgets (and drops) every rollup when `version` (e.g. the live table list) is not the one seen last. */
  sync(version: unknown): void {
    if (version === this.version) return;
    if (this.version !== undefined) this.invalidate();
    this.version = version;
  }

  invalidate(): void {
    const old = [...this.built.values()];
    this.built.clear();
    for (const p of old) void p.then((r) => (r ? dropRollup(this.db, r) : undefined)).catch(() => undefined);
  }
}
