/** The card's prestage (./prestage): started once its one table is proven as a planned CSV, stopped when its settings change or the card goes. */
import { useEffect, useRef, type RefObject } from 'react';
import type { Db } from '../../../shared/db';
import { rawDb } from '../../db/data-changes';
import type { TableRequest } from './commit-import';
import type { FileEntry } from './file-entry';
import type { ImportClient } from './import-client';
import { startPrestage, type Prestage } from './prestage';
import type { Target } from './use-file-analysis';

/** A ref, read when 导入 is clicked: the prestage changes nothing on screen. */
export function usePrestage(db: Db | null, client: ImportClient, file: FileEntry, requests: readonly TableRequest[], targets: readonly Target[]): RefObject<Prestage | null> {
  const prestage = useRef<Prestage | null>(null);
  const planned = requests.length === 1 && targets.length === 1 && targets[0].planned === true && !targets[0].checking;
  const options = requests[0]?.options;
  useEffect(() => {
    if (!planned || !db || !options) return;
    const p = startPrestage(rawDb(db), client, file, options);
    prestage.current = p;
    return () => {
      if (prestage.current === p) prestage.current = null;
      void p.stop();
    };
  }, [planned, db, client, file, options]);
  return prestage;
}
