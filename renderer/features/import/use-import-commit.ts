/** The import screen's import button: runs commitImport (./commit-import) and keeps its outcome for the card. */
import { useState, type RefObject } from 'react';
import type { Db } from '../../../shared/db';
import { commitImport, type Committed, type TableRequest } from './commit-import';
import type { ImportClient } from './import-client';
import type { FileEntry } from './file-entry';
import type { Prestage } from './prestage';

export interface Outcome {
  done: Committed[];
  error?: unknown;
}

export function useImportCommit(db: Db | null, client: ImportClient, file: FileEntry, setProgress: (p: number | null) => void, prestage?: RefObject<Prestage | null>) {
  const [outcome, setOutcome] = useState<Outcome>();

  const run = async (requests: readonly TableRequest[], tableName: (sheet?: string) => string, replace: boolean) => {
    if (!db) return;
    setOutcome(undefined);
    setProgress(0);
    const done: Committed[] = [];
    // The bench times 导入 by these (bench/browser-import-memory.ts).
    performance.mark('sgw:import-start');
    try {
      await commitImport(db, client, file, requests, tableName, replace, (f) => setProgress(f), (c) => done.push(c), prestage?.current);
      performance.mark('sgw:import-end');
      setOutcome({ done });
    } catch (e) {
      setOutcome({ done, error: e });
    } finally {
      setProgress(null);
    }
  };

  return { outcome, run };
}
