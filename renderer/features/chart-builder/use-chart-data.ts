import { useEffect, useMemo, useState } from 'react';
import type { EChartsOption } from 'echarts';
import type { ChartData } from '../../../shared/charts/chart-data';
import { chartQuery, runChart, type ChartRun } from '../../../shared/charts/run-chart';
import { describeDbError } from '../../../shared/db-errors';
import { formatNumber } from '../../../shared/format/number';
import type { ChartSpec, FilterValue } from '../../../shared/model/chart-spec';
import type { ChartQuery, GlobalFilters } from '../../../shared/sql/chart-sql';
import type { Rollup } from '../../../shared/sql/rollup';
import { screenOption } from '../../charts/screen-option';
import { coordinatorFor } from '../../db/coordinator';
import { readyRollupsFor, rollupsFor } from '../../db/rollups';
import { useLang } from '../../i18n/LangContext';
import { useWorkbench } from '../../workbench-context';

export interface ChartState {
  query: ChartQuery | null;
  status: 'idle' | 'loading' | 'ready' | 'empty' | 'error';
  data?: ChartData;
  /** The option the screen renders (and every picture of the chart is drawn from). */
  option?: EChartsOption;
  error?: string;
  /** Set when the rows came from the table's rollup rather than the table itself. */
  rollup?: Rollup;
}

interface Options {
  global?: GlobalFilters;
  chartId?: string;
  /** Off-screen charts wait behind visible ones. */
  visible?: boolean;
  /** The x value picked by a click on this chart: drawn highlighted. */
  highlight?: FilterValue;
}

type Outcome = { run: ChartRun } | { error: string };

/** A thin wrapper over runChart (through the query coordinator and the table's rollup); stale runs are cancelled. */
export function useChartData(spec: ChartSpec | null, { global, chartId, visible = true, highlight }: Options = {}): ChartState {
  const { db, catalog, tables } = useWorkbench();
  const { t, lang } = useLang();
  const table = spec ? tables.find((x) => x.name === spec.table) : undefined;
  const globalKey = JSON.stringify(global ?? null);
  // One object per distinct run: a result belongs to the request it answers.
  const request = useMemo(
    () => (spec && table ? { spec, table, global: (JSON.parse(globalKey) as GlobalFilters | null) ?? undefined, chartId, lang, catalog } : null),
    [spec, table, globalKey, chartId, lang, catalog],
  );
  // The SQL is known before the run (the builder shows it while the rows load); the rollup's is not needed for that.
  const shownQuery = useMemo(() => {
    try {
      return request ? chartQuery(request.spec, request) : null;
    } catch {
      return null;
    }
  }, [request]);
  const [result, setResult] = useState<{ request: unknown; outcome: Outcome } | null>(null);
  // Bumped when the table's rollup has been built: the chart, drawn from the table meanwhile, reads it from then on.
  const [rollupsBuilt, setRollupsBuilt] = useState(0);
  const tableName = table?.name;
  useEffect(() => (db && tableName ? rollupsFor(db).onBuilt((built) => built === tableName && setRollupsBuilt((n) => n + 1)) : undefined), [db, tableName]);

  useEffect(() => {
    if (!db || !request) return;
    const ac = new AbortController();
    const coordinator = coordinatorFor(db);
    const rollups = readyRollupsFor(db);
    // No sync here: renderer/db drops cached results and rollups whenever the data changes; a new table
    // list (new TableInfo objects) makes a new request, so the chart runs again.
    runChart(coordinator, request.spec, { ...request, signal: ac.signal, priority: visible ? 'high' : 'low', rollups }).then(
      (run) => !ac.signal.aborted && setResult({ request, outcome: { run } }),
      (e: unknown) => {
        if (ac.signal.aborted) return;
        const d = describeDbError(e, t);
        setResult({ request, outcome: { error: d.detail ? `${d.title}: ${d.detail}` : d.title } });
      },
    );
    return () => ac.abort();
  }, [db, request, visible, t, tables, rollupsBuilt]);

  const outcome = result && result.request === request ? result.outcome : null;
  const data = outcome && 'run' in outcome && outcome.run.status === 'ready' ? outcome.run.data : undefined;
  const option = useMemo(() => (data ? screenOption(data, lang, { highlight }) : undefined), [data, lang, highlight]);
  return useMemo<ChartState>(() => {
    // Once the table list is known, a chart on a table that is not in it says so (e.g. a saved chart's import is gone).
    if (!request) return spec && tables.length ? { query: null, status: 'error', error: t('chart.noTable', { table: spec.table }) } : { query: null, status: 'idle' };
    if (!outcome) return { query: shownQuery, status: 'loading' };
    if ('error' in outcome) return { query: shownQuery, status: 'error', error: outcome.error };
    const { run } = outcome;
    if (run.status === 'empty') return { query: run.query, status: 'empty' };
    if (run.status === 'too-many') return { query: run.query, status: 'error', error: t('chart.tooMany', { max: formatNumber(run.max, lang) }) };
    return { query: run.query, status: 'ready', data: run.data, option, ...(run.rollup ? { rollup: run.rollup } : {}) };
  }, [request, outcome, shownQuery, option, t, lang, spec, tables.length]);
}
