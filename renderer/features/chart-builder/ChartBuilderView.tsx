import { useCallback, useMemo, useRef, useState } from 'react';
import type { ECharts } from 'echarts';
import { columnLabel } from '../../../shared/charts/chart-data';
import { formatCompact } from '../../../shared/format/number';
import { CHART_KINDS, SORTS, STACK_MODES, type ChartSpec, type FilterValue } from '../../../shared/model/chart-spec';
import { Chart } from '../../charts/Chart';
import { ChartActions } from '../../charts/chart-actions';
import { useLang } from '../../i18n/LangContext';
import { useWorkbench } from '../../workbench-context';
import { useDocument } from '../../workspace';
import { FilterEditor } from './FilterEditor';
import { MeasureFields } from './MeasureFields';
import { BasemapPicker } from './BasemapPicker';
import { deleteSavedChart, saveChart, useSavedCharts } from './saved-charts';
import { specForTable, withKind } from './spec-edits';
import { useChartData } from './use-chart-data';

/** Build a chart in a few clicks: table, dimension, series, measure, filters, kind; SQL always visible. */
export function ChartBuilderView() {
  const { t, lang } = useLang();
  const wb = useWorkbench();
  const { tables, catalog } = wb;
  // The draft and the saved charts are workspace documents (kept in the profile; saved charts also in projects).
  const [draft, setDraft] = useDocument('chartDraft');
  const saved = useSavedCharts();
  const [notice, setNotice] = useState('');
  const [note, setNote] = useState<{ at: string; text: string }>({ at: '', text: '' });
  const chartRef = useRef<ECharts | null>(null);

  // Start on the first bundled table once the table list is known.
  // Memoised: a fresh default object on every render would re-run the query forever.
  const firstSpec = useMemo(() => (tables.length ? specForTable(tables.find((x) => x.name === 'cases') ?? tables[0]) : null), [tables]);
  const spec = draft?.spec ?? firstSpec;
  const table = tables.find((x) => x.name === spec?.table);
  const update = useCallback(
    (next: ChartSpec) => {
      setDraft({ spec: next, savedId: draft?.savedId });
      setNotice('');
    },
    [draft?.savedId, setDraft],
  );

  const state = useChartData(spec);
  const label = (c: string) => (spec ? columnLabel(catalog, spec.table, c, lang) : c);
  const columnOptions = table?.columns.map((c) => (
    <option key={c.name} value={c.name}>
      {label(c.name)}
      {label(c.name) !== c.name ? ` (${c.name})` : ''}
    </option>
  ));
  const actionTarget = useMemo(
    () => (spec && state.data && state.option && state.query ? { spec, data: state.data, option: state.option, sql: state.query.sql, getInstance: () => chartRef.current } : null),
    [spec, state.data, state.option, state.query],
  );

  if (!spec) return <p className="muted builder-empty">{t('chart.loading')}</p>;

  const save = () => {
    const title = spec.title || state.data?.title || '';
    const file = saveChart({ ...spec, title }, draft?.savedId);
    setDraft({ spec: { ...spec, title }, savedId: file.charts[0].id });
    setNotice(t('builder.saved', { title }));
  };
  const addNote = () => {
    const i = state.data?.categories.indexOf(note.at) ?? -1;
    if (i < 0 || !note.text.trim()) return;
    const x: FilterValue = state.data!.keys[i];
    update({ ...spec, annotations: [...spec.annotations.filter((a) => a.x !== x), { x, text: note.text.trim(), style: 'point' }] });
    setNote({ at: '', text: '' });
  };

  return (
    <div className="builder">
      <form className="panel builder-controls" aria-label={t('builder.title')} onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="b-table">{t('builder.table')}</label>
        <select
          id="b-table"
          value={spec.table}
          onChange={(e) => {
            const next = tables.find((x) => x.name === e.target.value);
            if (next) setDraft({ spec: { ...specForTable(next), kind: spec.kind } });
          }}
        >
          {tables.map((x) => (
            <option key={x.name} value={x.name}>
              {x.name}
            </option>
          ))}
        </select>
        <label htmlFor="b-x">{t('builder.dimension')}</label>
        <select id="b-x" value={spec.x} onChange={(e) => update({ ...spec, x: e.target.value, series: spec.series === e.target.value ? undefined : spec.series, annotations: [] })}>
          {columnOptions}
        </select>
        <label htmlFor="b-series">{t('builder.series')}</label>
        <select id="b-series" value={spec.series ?? ''} onChange={(e) => update({ ...spec, series: e.target.value && e.target.value !== spec.x ? e.target.value : undefined })}>
          <option value="">{t('builder.noSeries')}</option>
          {columnOptions}
        </select>
        <MeasureFields table={table} measure={spec.measures[0]} onChange={(m) => update({ ...spec, measures: [m, ...spec.measures.slice(1)] })} />
        {spec.measures[1] && <MeasureFields second table={table} measure={spec.measures[1]} onChange={(m) => update({ ...spec, measures: [spec.measures[0], m] })} />}
        <FilterEditor table={table} filters={spec.filters} onChange={(filters) => update({ ...spec, filters })} />
        <div className="builder-row">
          <label>
            {t('charts.sort')}
            <select value={spec.sort} onChange={(e) => update({ ...spec, sort: e.target.value as ChartSpec['sort'] })}>
              {SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`charts.sort.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('builder.topN')}
            <input
              type="number"
              min={1}
              max={1000}
              value={spec.topN ?? ''}
              onChange={(e) => {
                const n = Number(e.target.value);
                update({ ...spec, topN: e.target.value && Number.isInteger(n) && n >= 1 && n <= 1000 ? n : undefined });
              }}
            />
          </label>
        </div>
        <div className="builder-row">
          <label>
            {t('charts.stack')}
            <select value={spec.stack} onChange={(e) => update({ ...spec, stack: e.target.value as ChartSpec['stack'] })}>
              {STACK_MODES.map((s) => (
                <option key={s} value={s}>
                  {t(`charts.stack.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('builder.indexBase')}
            <input
              value={spec.indexBase ?? ''}
              onChange={(e) => {
                const v = e.target.value.trim();
                const { indexBase: _, ...rest } = spec;
                update(v ? { ...rest, indexBase: /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v } : rest);
              }}
            />
          </label>
        </div>
      </form>
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
          <button type="button" onClick={save} disabled={state.status !== 'ready'}>
            {t('builder.save')}
          </button>
          <ChartActions target={actionTarget} />
        </div>
        {notice && (
          <p role="status" className="builder-notice">
            {notice}
          </p>
        )}
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
        <div className="builder-notes">
          <label>
            {t('builder.annotationAt')}
            <select value={note.at} onChange={(e) => setNote({ ...note, at: e.target.value })}>
              <option value="" />
              {state.data?.categories.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('builder.annotationText')}
            <input value={note.text} onChange={(e) => setNote({ ...note, text: e.target.value })} />
          </label>
          <button type="button" onClick={addNote} disabled={!note.at || !note.text.trim()}>
            {t('builder.addAnnotation')}
          </button>
          {spec.annotations.map((a) => (
            <span key={String(a.x)} className="chip">
              {String(a.x)}：{a.text}
              <button type="button" aria-label={t('builder.delete', { title: a.text })} onClick={() => update({ ...spec, annotations: spec.annotations.filter((x) => x !== a) })}>
                ×
              </button>
            </span>
          ))}
        </div>
        <details className="chart-sql builder-sql" open>
          <summary>{t('builder.sql')}</summary>
          <pre data-testid="builder-sql">{state.query?.sql}</pre>
          {state.rollup && (
            <p className="muted small" data-testid="builder-rollup">
              {t('builder.rollupUsed', { rows: formatCompact(state.rollup.rows, lang), source: formatCompact(state.rollup.sourceRows, lang) })}
            </p>
          )}
          <button type="button" onClick={() => state.query && wb.openSql(state.query.sql)} disabled={!state.query}>
            {t('builder.openSql')}
          </button>
        </details>
        <section className="saved-charts" aria-label={t('builder.savedCharts')}>
          <h3>{t('builder.savedCharts')}</h3>
          {saved.charts.length === 0 && <p className="muted small">{t('builder.noSaved')}</p>}
          <ul>
            {saved.charts.map((c) => (
              <li key={c.id}>
                <button type="button" className="link" aria-label={t('builder.load', { title: c.spec.title })} onClick={() => setDraft({ spec: c.spec, savedId: c.id })}>
                  {c.spec.title}
                </button>
                <button type="button" aria-label={t('builder.delete', { title: c.spec.title })} onClick={() => deleteSavedChart(c.id)}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        </section>
      </section>
    </div>
  );
}
