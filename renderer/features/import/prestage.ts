/**
 * A big CSV read into the engine while its proven preview is still being looked at: once the worker has
 * proven the file with the card's settings, the engine reads it by the plan into a staging table of its own
 * (shared/import/commit.ts stageCsvAhead); 导入 with the same settings then only names it and writes its
 * provenance (publishStagedCsv), instead of reading 80 MB after the click. Settings that change, a removed
 * card or another 导入 stop it between two pieces and drop what it read. The staging table is the app's own
 * (a reserved name: not in the table list, not saved in projects) until it is published.
 * It writes through the engine without DataChanges (rawDb): nothing the user sees has changed until 导入,
 * whose publish goes through the app's Db and is heard as the import.
 */
import type { Db } from '../../../shared/db';
import { dropTableSql } from '../../../shared/sql/import-sql';
import { publishStagedCsv, stageCsvAhead, type StagedCsv } from '../../../shared/import/commit';
import type { ImportRunner } from '../../../shared/import/runner';
import { ImportError, type ImportOptions } from '../../../shared/import/types';

export interface Prestage {
  /** The file and settings it was read for (prestageKey). */
  readonly key: string;
  /**
   * Imports the staged table as `name` through `appDb` (its name checked first: a refused name throws and
   * keeps the staged table for the next try); its rows, or null when nothing is staged (the read failed or
   * was stopped, or an earlier publish took it): then the caller imports the usual way.
   */
  publish(appDb: Db, name: string, replace: boolean): Promise<number | null>;
  /** Stops the read between two pieces and drops whatever was staged and not published. */
  stop(): Promise<void>;
}

export const prestageKey = (fileKey: string, options: ImportOptions) => `${fileKey}\n${JSON.stringify(options)}`;

/** A plan comes back without batches: a batch would mean the file is not a planned CSV after all. */
const noBatches = () => Promise.reject(new Error('not a planned CSV'));

/** Starts reading `file`'s plan for `options` into a staging table on `db` (the raw engine). */
export function startPrestage(db: Db, runner: ImportRunner, file: { key: string; name: string }, options: ImportOptions): Prestage {
  let stopped = false;
  let published = false;
  const staged: Promise<StagedCsv | null> = (async () => {
    const built = await runner.buildStreamed(file.key, file.name, options, noBatches, undefined, true);
    if (built.type !== 'planned' || stopped) return null;
    return stageCsvAhead(db, built.plan, () => stopped);
  })().catch(() => null);
  // A publish in flight: stop waits for it, so it never drops a table being renamed.
  let publishing: Promise<unknown> = Promise.resolve();
  return {
    key: prestageKey(file.key, options),
    publish(appDb, name, replace) {
      const run = (async () => {
        const s = await staged;
        if (!s || stopped || published) return null;
        try {
          await publishStagedCsv(appDb, s, name, { replace });
        } catch (e) {
          // A refused name leaves the staged table as it was; any other failure dropped it (publish rolls back).
          if (!(e instanceof ImportError)) published = true;
          throw e;
        }
        published = true;
        return s.plan.parsed.rowCount;
      })();
      publishing = run.catch(() => undefined);
      return run;
    },
    async stop() {
      stopped = true;
      await publishing;
      const s = await staged;
      if (s && !published) await db.exec(dropTableSql(s.tmp)).catch(() => undefined);
    },
  };
}
