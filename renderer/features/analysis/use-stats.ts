import { useEffect, useState } from 'react';
import { describeDbError } from '../../../shared/db-errors';
import { StatsError, describeStatsError } from '../../../shared/stats/errors';
import type { StatsDb } from '../../../shared/stats/stats-db';
import { coordinatorFor } from '../../db/coordinator';
import { useDataEpoch } from '../../db/use-data';
import { useLang } from '../../i18n/LangContext';
import { useWorkbench } from '../../workbench-context';

export type StatsRun<T> = { status: 'idle' | 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: string };

/**
 * Runs one statistic through the query coordinator whenever `key` changes (or the data does); a stale run
 * is cancelled. `compute` null = nothing asked yet. Errors become the user's words (StatsError or the engine's).
 */
export function useStats<T>(key: string | null, compute: ((db: StatsDb, signal: AbortSignal) => Promise<T>) | null): StatsRun<T> {
  const { db } = useWorkbench();
  const { t } = useLang();
  const epoch = useDataEpoch(db);
  const [result, setResult] = useState<{ key: string; run: StatsRun<T> } | null>(null);
  useEffect(() => {
    if (!db || !key || !compute) return;
    const ac = new AbortController();
    compute(coordinatorFor(db), ac.signal).then(
      (value) => !ac.signal.aborted && setResult({ key, run: { status: 'ready', value } }),
      (e: unknown) => {
        if (ac.signal.aborted) return;
        const d = e instanceof StatsError ? { title: describeStatsError(e, t), detail: '' } : describeDbError(e, t);
        setResult({ key, run: { status: 'error', error: d.detail ? `${d.title}: ${d.detail}` : d.title } });
      },
    );
    return () => ac.abort();
    // compute is a fresh closure each render; `key` names what it computes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, key, epoch, t]);
  if (!key || !compute) return { status: 'idle' };
  return result && result.key === key ? result.run : { status: 'loading' };
}
