import { useMemo, useRef } from 'react';
import type { ECharts } from 'echarts';
import { formatCompact } from '../../../shared/format/number';
import { CHART_KINDS } from '../../../shared/model/chart-spec';
import { Chart } from '../../charts/Chart';
import { ChartActions } from '../../charts/chart-actions';
import { useLang } from '../../i18n/LangContext';
import { useWorkbench } from '../../workbench-context';
import { AnnotationEditor } from './AnnotationEditor';
import { BasemapPicker } from './BasemapPicker';
import { BuilderForm } from './BuilderForm';
import { SaveControls } from './SaveControls';
import { SavedChartsList } from './SavedChartsList';
import { SourceField } from './SourceField';
import { TotalsChip } from './TotalsChip';
import { withKind } from './spec-edits';
import { useChartData } from './use-chart-data';
import { useChartDraft } from './use-chart-draft';
import { CodeBlock } from '../../CodeBlock';

/** Build a chart in a few clicks: table, dimension, series, measure, filters, kind; SQL always visible. */
export function ChartBuilderView() {
  const { t, lang } = useLang();
  const wb = useWorkbench();
  const { spec, update, pickTable, load, save, saveAs, detach, target, notice, savedId } = useChartDraft(wb.tables);
  const state = useChartData(spec);
  const chartRef = useRef<ECharts | null>(null);
  const actionTarget = useMemo(
    () => (spec && state.data && state.option && state.query ? { spec, data: state.data, option: state.option, sql: state.query.sql, getInstance: () => chartRef.current } : null),
    [spec, state.data, state.option, state.query],
  );

  const fallbackTitle = state.data?.title ?? '';
  if (!spec) return <p className="muted builder-empty">{t('chart.loading')}</p>;
  return (
    <div className="builder">
      <BuilderForm spec={spec} update={update} pickTable={pickTable} />
      <section className="panel builder-preview" aria-label={t('builder.preview')}>
        <div role="toolbar" aria-label={t('charts.kinds')} className="kind-bar">
          {CHART_KINDS.map((k) => (
            <button key={k} type="button" aria-pressed={spec.kind === k} onClick={() => update(withKind(spec, k))}>
              {t(`charts.kind.${k}`)}
            </button>
          ))}
        </div>
        {spec.kind === 'map' && <BasemapPicker spec={spec} onChange={update} />}
        <div className="builder-titles">
          <label>
            {t('builder.chartTitle')}
            <input value={spec.title} placeholder={state.data?.title} onChange={(e) => update({ ...spec, title: e.target.value })} />
          </label>
          <label>
            {t('builder.subtitle')}
            <input value={spec.subtitle ?? ''} onChange={(e) => update({ ...spec, subtitle: e.target.value || undefined })} />
          </label>
          <SourceField spec={spec} update={update} />
          <ChartActions target={actionTarget} />
        </div>
        <SaveControls
          target={target(fallbackTitle)}
          title={spec.title || fallbackTitle}
          disabled={state.status !== 'ready'}
          onSave={() => save(fallbackTitle)}
          onSaveAs={saveAs}
          onNew={detach}
        />
        {notice && (
          <p role="status" className="builder-notice">
            {notice}
          </p>
        )}
        <TotalsChip totals={state.data?.totals} onKeep={(keep) => update({ ...spec, keepTotals: keep || undefined })} />
        <div className="builder-chart">
          {state.status === 'loading' && <p className="muted">{t('builder.loading')}</p>}
          {state.status === 'empty' && <p className="muted">{t('chart.empty')}</p>}
          {state.status === 'error' && (
            <p role="alert" className="sql-error">
              {state.error}
            </p>
          )}
          {state.option && state.data && <Chart option={state.option} label={state.data.title} data={state.data} instanceRef={chartRef} />}
        </div>
        <AnnotationEditor spec={spec} data={state.data} update={update} />
        <details className="chart-sql builder-sql" open>
          <summary>{t('builder.sql')}</summary>
          <CodeBlock label={t('builder.sql')} testId="builder-sql">
            {state.query?.sql}
          </CodeBlock>
          {state.rollup && (
            <p className="muted small" data-testid="builder-rollup">
              {t('builder.rollupUsed', { rows: formatCompact(state.rollup.rows, lang), source: formatCompact(state.rollup.sourceRows, lang) })}
            </p>
          )}
          <button type="button" onClick={() => state.query && wb.openSql(state.query.sql)} disabled={!state.query}>
            {t('builder.openSql')}
          </button>
        </details>
        <SavedChartsList currentId={savedId} onLoad={load} />
      </section>
    </div>
  );
}
