import { useMemo, useRef, useState } from 'react';
import type { ECharts } from 'echarts';
import type { TableInfo } from '../../../shared/db-catalog';
import { isTotalName } from '../../../shared/import/totals';
import { columnValuesSql } from '../../../shared/sql/browse-sql';
import { regionColumn, yearColumn } from '../../../shared/sql/chart-sql';
import type { AnalysisSource } from '../../../shared/sql/source';
import { numericColumns } from '../../../shared/stats/correlation';
import { trendSpec } from '../../../shared/stats/trend-spec';
import { Chart } from '../../charts/Chart';
import { useFreshQuery } from '../../db/use-data';
import { useLang } from '../../i18n/LangContext';
import { useWorkbench } from '../../workbench-context';
import { useChartData } from '../chart-builder';
import { SqlDetails } from './SqlDetails';
import { TrendFacts } from './TrendFacts';

const ALL = '\u0000all';

/** 趋势: a measure summed per year (one place or all), on a line chart with its linear fit, slope, R² and CAGR. */
export function TrendSection({ table, source }: { table: TableInfo; source: AnalysisSource }) {
  const { t } = useLang();
  const { db } = useWorkbench();
  const names = table.columns.map((c) => c.name);
  const numeric = numericColumns(source);
  const [measure, setMeasure] = useState(numeric.find((c) => c !== yearColumn(names)) ?? '');
  const [year, setYear] = useState(yearColumn(names) ?? '');
  const [region, setRegion] = useState(regionColumn(names) ?? '');
  const [place, setPlace] = useState(ALL);
  const values = useFreshQuery(db, region ? columnValuesSql(table, region) : null);
  const places = useMemo(() => (values ? Array.from(values.getChild('v') as Iterable<unknown>, String).filter((v) => v !== 'null') : []), [values]);
  const totals = places.filter(isTotalName);
  const one = place !== ALL && places.includes(place) ? place : undefined;
  const spec = useMemo(
    () =>
      measure && year && measure !== year
        ? trendSpec({ table: table.name, measure, year, ...(region ? { region, totals } : {}), ...(one !== undefined ? { place: one } : {}), title: t('stats.trendTitle', { measure, place: one ?? t('stats.trendAll') }) })
        : null,
    // totals is derived from places
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [table.name, measure, year, region, one, places, t],
  );
  const state = useChartData(spec);
  const instance = useRef<ECharts | null>(null);
  const select = (label: string, value: string, set: (v: string) => void, options: string[], none?: string) => (
    <label>
      {label}
      <select value={value} onChange={(e) => set(e.target.value)}>
        {none !== undefined && <option value="">{none}</option>}
        {options.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section aria-label={t('stats.trend')}>
      <h3>{t('stats.trend')}</h3>
      <div className="stats-form">
        {select(t('stats.trendMeasure'), measure, setMeasure, numeric)}
        {select(t('stats.trendYear'), year, setYear, names)}
        {select(t('stats.trendRegion'), region, (v) => (setRegion(v), setPlace(ALL)), names, t('stats.trendNoRegion'))}
        {region && (
          <label>
            {t('stats.trendPlace')}
            <select value={one ?? ALL} onChange={(e) => setPlace(e.target.value)}>
              <option value={ALL}>{t('stats.trendAll')}</option>
              {places.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {!spec && <p className="muted">{t('stats.trendPick')}</p>}
      {spec && (state.status === 'loading' || state.status === 'idle') && <p className="muted">{t('analysis.running')}</p>}
      {state.status === 'error' && <p role="alert" className="sql-error">{state.error}</p>}
      {state.status === 'empty' && <p className="muted">{t('chart.empty')}</p>}
      {spec && one === undefined && region && totals.length > 0 && <p className="muted small">{t('stats.trendTotals', { totals: totals.join(t('calc.listSep')) })}</p>}
      {state.data && state.option && (
        <>
          <TrendFacts data={state.data} />
          <div className="trend-chart">
            <Chart option={state.option} label={state.data.title} data={state.data} instanceRef={instance} />
          </div>
        </>
      )}
      {state.query && <SqlDetails sql={[state.query.sql]} />}
    </section>
  );
}
