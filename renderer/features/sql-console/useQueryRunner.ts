import { useCallback, useRef, useState } from 'react';
import type { Table } from 'apache-arrow';
import type { Db } from '../../../shared/db';
import { describeDbError, type DbErrorDescription } from '../../../shared/db-errors';
import type { Translate } from '../../../shared/i18n';

export type RunState =
  | { status: 'idle' }
  | { status: 'running'; sql: string; startedAt: number }
  | { status: 'done'; sql: string; table: Table; ms: number }
  | { status: 'failed'; sql: string; error: DbErrorDescription; ms: number };

/** Runs one query at a time; a new run cancels the previous one, and `cancel` aborts the running query. */
export function useQueryRunner(db: Db | null, t: Translate, onFinished?: (s: RunState) => void) {
  const [state, setState] = useState<RunState>({ status: 'idle' });
  const running = useRef<AbortController | null>(null);

  const run = useCallback(
    async (sql: string) => {
      if (!db || !sql.trim()) return;
      running.current?.abort();
      const ac = new AbortController();
      running.current = ac;
      const startedAt = performance.now();
      setState({ status: 'running', sql, startedAt });
      let next: RunState;
      try {
        const table = await db.query(sql, { signal: ac.signal });
        next = { status: 'done', sql, table, ms: Math.round(performance.now() - startedAt) };
      } catch (e) {
        next = { status: 'failed', sql, error: describeDbError(e, t), ms: Math.round(performance.now() - startedAt) };
      }
      if (running.current !== ac && next.status === 'failed' && next.error.kind === 'cancelled') return;
      if (running.current === ac) running.current = null;
      setState(next);
      onFinished?.(next);
    },
    [db, t, onFinished],
  );

  const cancel = useCallback(() => running.current?.abort(), []);
  return { state, run, cancel };
}
