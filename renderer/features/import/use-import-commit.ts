/**
 * The import itself: for each table, the worker builds the Arrow stream with the previewed settings and
 * commitTable puts it into the database (temporary table, then rename and provenance in one transaction).
 * This is the one place the import screen writes to the database; the app's Db (renderer/db) counts the
 * write as a data change, which refreshes the table list, caches and rollups.
 */
import { useState } from 'react';
import type { Db } from '../../../shared/db';
import { commitCsvPlan, commitTable } from '../../../shared/import/commit';
import type { Built, ImportClient } from './import-client';
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
        let built: Built = await client.build(file.key, file.name, r.options, (f) => setProgress(f));
        const preview = built.type === 'planned' ? built.preview : built.tables[0].preview;
        const name = tableName(r.sheet ?? preview.sheet);
        // The engine reads a planned CSV; should it not read it as planned, the worker builds Arrow after all.
        if (built.type === 'planned' && !(await commitCsvPlan(db, built.plan, name, { replace }))) built = await client.build(file.key, file.name, r.options, (f) => setProgress(f), false);
        if (built.type === 'built') await commitTable(db, { tableName: name, ipc: built.tables[0].ipc, parsed: { ...built.tables[0].preview, data: [] }, source: built.source, replace });
        done.push({ table: name, rows: preview.rowCount });
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
