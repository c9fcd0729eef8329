/**
 * The import itself, apart from its React state (./use-import-commit): for each table, the worker builds it
 * with the previewed settings and sends its Arrow streams as they are made (a Parquet file's row groups while
 * the rest is read); commitStreamed puts each into a temporary table as it comes, then renames it and writes
 * its provenance in one transaction. A big plain CSV comes back as a plan that the engine reads in pieces.
 * This is the one place the import screen writes to the database.
 */
import type { Db } from '../../../shared/db';
import { commitCsvPlan, commitStreamed, commitTable } from '../../../shared/import/commit';
import type { ImportRunner } from '../../../shared/import/runner';
import type { ImportOptions } from '../../../shared/import/types';
import { dataChanges } from '../../db/data-changes';
import { prestageKey, type Prestage } from './prestage';

export interface TableRequest {
  sheet?: string;
  options: ImportOptions;
}

export interface Committed {
  table: string;
  rows: number;
}

/**
 * Imports every request into `db` (the app's Db: its writes refresh the table list, caches and rollups) as
 * ONE run of writes: the caches are dropped at its start and end, and the table list and the screens that
 * hold results hear once, at the end. Each CSV piece and each Parquet row group is a write of its own, with
 * the file's next bytes awaited in between; heard one by one, every gap refreshed the table list and the
 * open screens on the engine between two pieces (an 80 MB CSV: 导入 1.9 s → 1.05 s in Chromium without them).
 * `done` hears each table as it is committed (kept when a later one fails). A `prestage` read with a request's
 * settings gives that table without a read after the click.
 */
export function commitImport(db: Db, runner: ImportRunner, file: { key: string; name: string }, requests: readonly TableRequest[], tableName: (sheet?: string) => string, replace: boolean, onProgress: (f: number) => void, done: (c: Committed) => void, prestage?: Prestage | null): Promise<void> {
  return dataChanges(db).around(async () => {
    for (const r of requests) {
      // Every request names its sheet once the file is analysed (the first sheet is filled in then).
      const name = tableName(r.sheet);
      // Read ahead with these very settings (./prestage): only its name and provenance are left to write.
      const ahead = prestage?.key === prestageKey(file.key, r.options) ? await prestage.publish(db, name, replace) : null;
      if (ahead !== null) {
        done({ table: name, rows: ahead });
        continue;
      }
      const built = await commitStreamed(db, name, (onBatch) => runner.buildStreamed(file.key, file.name, r.options, onBatch, onProgress, true), { replace });
      // The engine reads a planned CSV; should it not read it as planned, the worker builds Arrow after all.
      if (built.type === 'planned' && !(await commitCsvPlan(db, built.plan, name, { replace }))) {
        const arrow = await runner.build(file.key, file.name, r.options, onProgress);
        await commitTable(db, { tableName: name, ipc: arrow.tables[0].ipc, parsed: { ...arrow.tables[0].preview, data: [] }, source: arrow.source, replace });
      }
      done({ table: name, rows: built.preview.rowCount });
    }
  });
}
