/**
 * The import itself: for each table, the worker builds it with the previewed settings and sends its Arrow
 * streams as they are made (a Parquet file's row groups while the rest is read); commitStreamed puts each into
 * a temporary table as it comes, then renames it and writes its provenance in one transaction.
 * This is the one place the import screen writes to the database; the app's Db (renderer/db) counts the
 * write as a data change, which refreshes the table list, caches and rollups.
 */
import { useState } from 'react';
import type { Db } from '../../../shared/db';
import { commitCsvPlan, commitStreamed, commitTable } from '../../../shared/import/commit';
import type { ImportClient } from './import-client';
import type { FileEntry } from './file-entry';
import type { TableRequest } from './use-file-analysis';

export interface Outcome {
  done: { table: string; rows: number }[];
  error?: unknown;
}

export function useImportCommit(db: Db | null, client: ImportClient, file: FileEntry, setProgress: (p: number | null) => void) {
  const [outcome, setOutcome] = useState<Outcome>();

  const run = async (requests: readonly TableRequest[], tableName: (sheet?: string) => string, replace: boolean) => {
    if (!db) return;
    setOutcome(undefined);
    setProgress(0);
    const done: Outcome['done'] = [];
    try {
      for (const r of requests) {
        // Every request names its sheet once the file is analysed (the first sheet is filled in then).
        const name = tableName(r.sheet);
        const built = await commitStreamed(db, name, (onBatch) => client.buildStreamed(file.key, file.name, r.options, onBatch, (f) => setProgress(f), true), { replace });
        // The engine reads a planned CSV; should it not read it as planned, the worker builds Arrow after all.
        if (built.type === 'planned' && !(await commitCsvPlan(db, built.plan, name, { replace }))) {
          const arrow = await client.build(file.key, file.name, r.options, (f) => setProgress(f));
          await commitTable(db, { tableName: name, ipc: arrow.tables[0].ipc, parsed: { ...arrow.tables[0].preview, data: [] }, source: arrow.source, replace });
        }
        done.push({ table: name, rows: built.preview.rowCount });
      }
      setOutcome({ done });
    } catch (e) {
      setOutcome({ done, error: e });
    } finally {
      setProgress(null);
    }
  };

  return { outcome, run };
}
