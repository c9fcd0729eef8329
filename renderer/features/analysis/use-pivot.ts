import { useEffect, useMemo, useState } from 'react';
import { describeDbError } from '../../../shared/db-errors';
import type { TableInfo } from '../../../shared/db-catalog';
import { formatNumber } from '../../../shared/format/number';
import type { PivotSpec } from '../../../shared/model/pivot-spec';
import { sortGrid, type PivotGrid } from '../../../shared/pivot/grid';
import { checkPivot } from '../../../shared/pivot/labels';
import { runPivot } from '../../../shared/pivot/run-pivot';
import { pivotSql, type PivotQuery } from '../../../shared/sql/pivot-sql';
import { tableSource, type AnalysisSource } from '../../../shared/sql/source';
import { coordinatorFor } from '../../db/coordinator';
import { rollupsFor } from '../../db/rollups';
import { useDataEpoch } from '../../db/use-data';
import { useLang } from '../../i18n/LangContext';
import { useWorkbench } from '../../workbench-context';

export interface PivotState {
  status: 'idle' | 'loading' | 'ready' | 'error';
  source?: AnalysisSource;
  /** The SQL shown (over the table, also when the engine reads the rollup). */
  query?: PivotQuery;
  grid?: PivotGrid;
  fromRollup?: boolean;
  ms?: number;
  error?: string;
}

type Outcome = { grid: PivotGrid; fromRollup: boolean; ms: number } | { error: string };

/** Runs the pivot through the query coordinator (over the table's rollup when it covers); stale runs are cancelled. */
/** A list filter with nothing picked yet is not applied (an empty IN list would hide every row). */
const effective = (spec: PivotSpec): PivotSpec => ({ ...spec, filters: spec.filters.filter((f) => !('values' in f) || f.values.length > 0) });

export function usePivot(picked: PivotSpec | null, info: TableInfo | undefined): PivotState {
  const spec = useMemo(() => (picked ? effective(picked) : null), [picked]);
  const { db } = useWorkbench();
  const { t, lang } = useLang();
  // Asked again after any data change (an import, a console statement, a project opened): cards and slides refresh.
  const epoch = useDataEpoch(db);
  const source = useMemo(() => (info ? tableSource(info) : undefined), [info]);
  // Re-sorting needs no new query: the engine's grid is sorted here (shared/pivot/grid.ts).
  const runKey = spec ? JSON.stringify({ ...spec, sort: null, heat: null, title: null }) : null;
  const problem = spec && source ? checkPivot(spec, source, t) : null;
  const [result, setResult] = useState<{ key: string; source: AnalysisSource; outcome: Outcome } | null>(null);

  useEffect(() => {
    if (!db || !spec || !source || !runKey || problem) return;
    const ac = new AbortController();
    const coordinator = coordinatorFor(db);
    rollupsFor(db)
      .get(info!)
      .then((rollup) => runPivot(coordinator, spec, source, { rollup, signal: ac.signal }))
      .then(
        (run) => {
          if (ac.signal.aborted) return;
          if (run.status === 'ready') setResult({ key: runKey, source, outcome: { grid: run.grid, fromRollup: run.fromRollup, ms: run.ms } });
          else setResult({ key: runKey, source, outcome: { error: run.status === 'empty' ? t('pivot.error.empty') : t('pivot.error.tooMany', { max: formatNumber(run.max, lang) }) } });
        },
        (e: unknown) => {
          if (ac.signal.aborted) return;
          const d = describeDbError(e, t);
          setResult({ key: runKey, source, outcome: { error: d.detail ? `${d.title}: ${d.detail}` : d.title } });
        },
      );
    return () => ac.abort();
    // spec's sort/heat/title do not change the query (runKey leaves them out).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, runKey, source, problem, info, t, lang, epoch]);

  const query = useMemo(() => (spec && source && !problem ? pivotSql(spec, source) : undefined), [runKey, source, problem]); // eslint-disable-line react-hooks/exhaustive-deps
  const outcome = result && result.key === runKey && result.source === source ? result.outcome : null;
  const sorted = useMemo(() => (outcome && 'grid' in outcome && spec ? sortGrid(outcome.grid, spec.sort) : undefined), [outcome, spec?.sort]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!spec || !source) return { status: 'idle' };
  if (problem) return { status: 'error', source, error: problem };
  if (!outcome) return { status: 'loading', source, query };
  if ('error' in outcome) return { status: 'error', source, query, error: outcome.error };
  return { status: 'ready', source, query, grid: sorted, fromRollup: outcome.fromRollup, ms: outcome.ms };
}
