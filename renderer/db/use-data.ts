import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { Table } from 'apache-arrow';
import type { Db } from '../../shared/db';
import { coordinatorFor } from './coordinator';
import { dataChanges } from './data-changes';

const never = () => () => undefined;

/** The database's data epoch; the component re-renders after every run of writes. */
export function useDataEpoch(db: Db | null): number {
  const subscribe = useCallback((l: () => void) => (db ? dataChanges(db).subscribe(l) : never()), [db]);
  return useSyncExternalStore(subscribe, () => (db ? dataChanges(db).epoch : 0));
}

/**
 * The result of `sql` through the coordinator, asked again after any data change (an import, a console
 * statement, a project opened). The previous result of the same SQL stays shown while the new one runs;
 * undefined before the first answer, after an error, and while `sql` is null.
 */
export function useFreshQuery(db: Db | null, sql: string | null, priority: 'high' | 'low' = 'high'): Table | undefined {
  const epoch = useDataEpoch(db);
  const [result, setResult] = useState<{ sql: string; table?: Table }>();
  useEffect(() => {
    if (!db || !sql) return;
    const ac = new AbortController();
    coordinatorFor(db)
      .query(sql, { signal: ac.signal, priority })
      .then(
        (table) => setResult({ sql, table }),
        () => !ac.signal.aborted && setResult({ sql }),
      );
    return () => ac.abort();
  }, [db, sql, priority, epoch]);
  return sql && result?.sql === sql ? result.table : undefined;
}
