import { useMemo, useRef } from 'react';
import type { ECharts } from 'echarts';
import { starterChartSpec } from '../../../shared/charts/starter-chart';
import { Chart } from '../../charts/Chart';
import { ChartActions } from '../../charts/chart-actions';
import { useLang } from '../../i18n/LangContext';
import { CodeBlock } from '../../CodeBlock';
import { useStarterChart } from './use-starter-chart';

/**
 * The chart the workbench opens with: a ChartSpec over a bundled view, run and drawn like every chart; while
 * the engine starts, drawn from the build's answer and saying so (use-starter-chart.ts).
 */
export function StarterChart({ onOpenSql }: { onOpenSql(sql: string): void }) {
  const { t, lang } = useLang();
  const spec = useMemo(() => starterChartSpec(lang), [lang]);
  const state = useStarterChart(spec);
  const early = state.answer === 'early';
  const instance = useRef<ECharts | null>(null);
  const title = state.data?.title ?? spec.title;
  const target = useMemo(
    // Exports and the rest wait for the engine's own answer.
    () => (!early && state.data && state.option && state.query ? { spec, data: state.data, option: state.option, sql: state.query.sql, getInstance: () => instance.current } : null),
    [early, spec, state.data, state.option, state.query],
  );

  return (
    <section className="panel chart-panel" aria-labelledby="chart-title" data-answer={state.answer}>
      <header className="panel-header">
        <h2 id="chart-title">{t('chart.title')}</h2>
        <div className="spacer" />
        <button type="button" disabled={!state.query} onClick={() => state.query && onOpenSql(state.query.sql)}>
          {t('chart.openInConsole')}
        </button>
        <ChartActions target={target} />
      </header>
      {(state.status === 'loading' || state.status === 'idle') && <p className="muted">{t('chart.loading')}</p>}
      {state.status === 'error' && (
        <p role="alert" className="sql-error">
          {state.error}
        </p>
      )}
      {state.status === 'empty' && <p className="muted">{t('chart.empty')}</p>}
      {early && (
        <p id="starter-early" role="status" className="chart-early muted small">
          {t('chart.early')}
        </p>
      )}
      {state.option && state.data && <Chart option={state.option} label={title} data={state.data} instanceRef={instance} describedBy={early ? 'starter-early' : undefined} />}
      <details className="chart-sql">
        <summary>{t('chart.sql')}</summary>
        <CodeBlock label={t('chart.sql')}>{state.query?.sql}</CodeBlock>
      </details>
    </section>
  );
}
