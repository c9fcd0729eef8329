import type { Db } from '../db';
import type { TableInfo } from '../db-catalog';
import { buildRollup, dropRollup, type Rollup } from './rollup';

/** Lets whatever else is waiting for the engine (a chart) go first: the build is background work. */
const yieldToOthers = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Builds each big table's rollup once, on first use; `invalidate()` forgets (and drops) all of them. The
 * renderer calls it at every data change (renderer/db/rollups.ts): a rollup must never answer for data it
 * was not built from. Concurrent requests for one table share one build. A build yields to other work
 * before each of its statements (shared/sql/rollup.ts ROLLUP_CHUNK_ROWS), and one that an invalidate()
 * overtook stops at its next statement and answers null.
 */
export class RollupRegistry {
  private readonly built = new Map<string, Promise<Rollup | null>>();
  /** Builds that have finished and still stand: what ready() answers without waiting. */
  private readonly finished = new Map<string, Rollup | null>();
  private readonly listeners = new Set<(table: string) => void>();
  private generation = 0;
  private version = 0;
  /** Rollups built so far (for diagnostics and tests). */
  builds = 0;

  constructor(private readonly db: Db) {}

  /** The rollup of `info`, or null when it has none; a failed or overtaken build means no rollup, never an error. */
  get(info: TableInfo): Promise<Rollup | null> {
    let p = this.built.get(info.name);
    if (!p) {
      const suffix = `#${++this.generation}`;
      const version = this.version;
      const between = async () => {
        await yieldToOthers();
        if (this.version !== version) throw new Error('the data changed during the build');
      };
      const build: Promise<Rollup | null> = buildRollup(this.db, info, { suffix, between }).then(
        (r) => {
          // Overtaken by invalidate() after its last statement: it holds the old data.
          if (this.built.get(info.name) !== build) {
            if (r) void dropRollup(this.db, r).catch(() => undefined);
            return null;
          }
          if (r) this.builds++;
          this.finished.set(info.name, r);
          if (r) this.listeners.forEach((l) => l(info.name));
          return r;
        },
        () => null,
      );
      p = build;
      this.built.set(info.name, p);
    }
    return p;
  }

  /**
   * The rollup of `info` if its build has finished, else null at once (and the build starts if it had
   * not): for a chart, which the table answers as exactly, and sooner than a build it would wait for.
   */
  ready(info: TableInfo): Rollup | null {
    if (!this.built.has(info.name)) void this.get(info);
    return this.finished.get(info.name) ?? null;
  }

  /** Told (with the table's name) each time a rollup has been built, so that charts drawn from the table can read it from then on. */
  onBuilt(listener: (table: string) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  invalidate(): void {
    this.version++;
    const old = [...this.built.values()];
    this.built.clear();
    this.finished.clear();
    for (const p of old) void p.then((r) => (r ? dropRollup(this.db, r) : undefined)).catch(() => undefined);
  }
}
