import { useEffect, useMemo, useState } from 'react';
import type { Table } from 'apache-arrow';
import { buildChartOption } from '../../../shared/charts/chart-option';
import { toChartData, type ChartData } from '../../../shared/charts/chart-data';
import { describeDbError } from '../../../shared/db-errors';
import type { ChartSpec, FilterValue } from '../../../shared/model/chart-spec';
import { buildChartSql, MAX_CHART_ROWS, runnableChartSql, type ChartQuery, type GlobalFilters } from '../../../shared/sql/chart-sql';
import { formatNumber } from '../../../shared/format/number';
import { coordinatorFor } from '../../db/coordinator';
import { rollupsFor } from '../../db/rollups';
import type { Rollup } from '../../../shared/sql/rollup';
import type { TableInfo } from '../../../shared/db-catalog';
import { geoMapFeatures } from '../../charts/geo-maps';
import { useLang } from '../../i18n/LangContext';
import { useWorkbench } from '../../workbench-context';

export interface ChartState {
  query: ChartQuery | null;
  status: 'idle' | 'loading' | 'ready' | 'empty' | 'error';
  data?: ChartData;
  option?: ReturnType<typeof buildChartOption>;
  table?: Table;
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

/** Spec → SQL → (coordinator) → rows → ChartData → ECharts option; stale queries are cancelled. */
export function useChartData(spec: ChartSpec | null, { global, chartId, visible = true, highlight }: Options = {}): ChartState {
  const { db, catalog, tables } = useWorkbench();
  const { t, lang } = useLang();
  const info = spec ? tables.find((x) => x.name === spec.table) : undefined;
  const { columns, columnTypes } = useMemo(
    () => ({ columns: info?.columns.map((c) => c.name), columnTypes: info && Object.fromEntries(info.columns.map((c) => [c.name, c.type])) }),
    [info],
  );
  const rollup = useRollup(info);
  const globalKey = JSON.stringify(global ?? null);
  const query = useMemo(() => {
    if (!spec) return null;
    try {
      return buildChartSql(spec, { columns, columnTypes, global: JSON.parse(globalKey) ?? undefined, chartId, rollup: rollup.ready ? rollup.rollup : null });
    } catch {
      return null;
    }
  }, [spec, columns, columnTypes, globalKey, chartId, rollup]);
  const [result, setResult] = useState<{ sql: string; table?: Table; error?: string } | null>(null);

  useEffect(() => {
    // Wait for the rollup, if the table gets one, rather than scanning every row twice.
    if (!db || !query || !rollup.ready) return;
    const ac = new AbortController();
    coordinatorFor(db)
      .query(runnableChartSql(query), { signal: ac.signal, priority: visible ? 'high' : 'low' })
      .then(
        (table) => setResult({ sql: query.sql, table }),
        (e: unknown) => {
          if (ac.signal.aborted) return;
          const d = describeDbError(e, t);
          setResult({ sql: query.sql, error: `${d.title}: ${d.detail}` });
        },
      );
    return () => ac.abort();
  }, [db, query, visible, t, rollup.ready]);

  const used = query?.rollupSql && rollup.rollup ? rollup.rollup : undefined;
  return useMemo<ChartState>(() => {
    if (!spec || !query) return { query, status: 'idle' };
    if (!result || result.sql !== query.sql) return { query, status: 'loading' };
    if (result.error) return { query, status: 'error', error: result.error };
    const table = result.table!;
    if (table.numRows === 0) return { query, status: 'empty', table };
    if (table.numRows > MAX_CHART_ROWS) return { query, status: 'error', error: t('chart.tooMany', { max: formatNumber(MAX_CHART_ROWS, lang) }) };
    try {
      const data = toChartData(spec, query, table, catalog, lang);
      return { query, status: 'ready', data, option: buildChartOption(data, lang, { highlight, basemapFeatures: geoMapFeatures(data.basemap) }), table, ...(used ? { rollup: used } : {}) };
    } catch (e) {
      return { query, status: 'error', error: e instanceof Error ? e.message : String(e) };
    }
  }, [spec, query, result, catalog, lang, highlight, used, t]);
}

interface RollupState {
  ready: boolean;
  rollup: Rollup | null;
}

/** The table's rollup (built on first use for big tables); `ready` once known, at once for small ones. */
function useRollup(info: TableInfo | undefined): RollupState {
  const { db } = useWorkbench();
  const [state, setState] = useState<{ info?: TableInfo; rollup: Rollup | null }>({ rollup: null });
  useEffect(() => {
    if (!db || !info) return;
    let live = true;
    void rollupsFor(db).get(info).then((rollup) => live && setState({ info, rollup }));
    return () => {
      live = false;
    };
  }, [db, info]);
  return useMemo(() => ({ ready: !info || state.info === info, rollup: state.info === info ? state.rollup : null }), [info, state]);
}
