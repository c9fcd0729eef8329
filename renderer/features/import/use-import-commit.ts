/**
 * The import itself: for each table, the worker builds the Arrow stream with the previewed settings and
 * commitTable puts it into the database (temporary table, then rename and provenance in one transaction).
 * This is the one place the import screen writes to the database; the app's Db (renderer/db) counts the
 * write as a data change, which refreshes the table list, caches and rollups.
 */
import { useState } from 'react';
import type { Db } from '../../../shared/db';
import { commitCsvPlan, commitTable } from '../../../shared/import/commit';
import type { Built } from '../../../shared/import/runner';
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
        const built: Built = await client.buildOrPlan(file.key, file.name, r.options, (f) => setProgress(f));
        const preview = built.type === 'planned' ? built.preview : built.tables[0].preview;
        const name = tableName(r.sheet ?? preview.sheet);
        // The engine reads a planned CSV; should it not read it as planned, the worker builds Arrow after all.
        const arrow = built.type === 'built' ? built : (await commitCsvPlan(db, built.plan, name, { replace })) ? null : await client.build(file.key, file.name, r.options, (f) => setProgress(f));
        if (arrow) await commitTable(db, { tableName: name, ipc: arrow.tables[0].ipc, parsed: { ...arrow.tables[0].preview, data: [] }, source: arrow.source, replace });
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
