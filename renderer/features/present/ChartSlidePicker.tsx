import { useState } from 'react';
import type { PivotSlide, SpecChartSlide } from '../../../shared/cases/deck';
import type { DashboardCard } from '../../../shared/model/dashboard';
import { READY_DASHBOARDS } from '../../../shared/charts/ready-dashboards';
import { useLang } from '../../i18n/LangContext';
import { useSavedCharts } from '../chart-builder';
import { useDashboards } from '../dashboard';

type NewChartSlide = Omit<SpecChartSlide, 'id'> | Omit<PivotSlide, 'id'>;

/** Adds a saved chart-builder chart, or every card of a dashboard (ready or the user's own), to the deck as live chart (or pivot) slides. */
export function ChartSlidePicker({ onAdd }: { onAdd(slides: NewChartSlide[]): void }) {
  const { t, lang } = useLang();
  const saved = useSavedCharts().charts;
  const edited = useDashboards();
  // The ready dashboards (as the user edited them), then the user's own.
  const ready = READY_DASHBOARDS.map((make) => make(lang));
  const dashboards = [...ready.map((d) => edited[d.id] ?? d), ...Object.values(edited).filter((d) => !ready.some((r) => r.id === d.id))];
  const [chartId, setChartId] = useState('');
  const [dashboardId, setDashboardId] = useState('');
  // Slides refer to the saved chart they show, as dashboard cards do (they follow its updates).
  const slide = (spec: SpecChartSlide['spec'], savedId?: string): NewChartSlide => ({ kind: 'spec-chart', spec, notes: '', ...(savedId ? { savedId } : {}) });
  // A dashboard's pivot cards become pivot slides.
  const cardSlide = (c: DashboardCard): NewChartSlide => (c.kind === 'pivot' ? { kind: 'pivot', spec: c.spec, notes: '', ...(c.savedId ? { savedId: c.savedId } : {}) } : slide(c.spec, c.savedId));

  return (
    <>
      <label className="field">
        <span>{t('present.savedPick')}</span>
        <select value={chartId} onChange={(e) => setChartId(e.target.value)}>
          <option value="" />
          {saved.map((c) => (
            <option key={c.id} value={c.id}>
              {c.spec.title || c.id}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={!chartId} onClick={() => onAdd(saved.filter((c) => c.id === chartId).map((c) => slide(c.spec, c.id)))}>
        {t('present.addSaved')}
      </button>
      <label className="field">
        <span>{t('present.dashboardPick')}</span>
        <select value={dashboardId} onChange={(e) => setDashboardId(e.target.value)}>
          <option value="" />
          {dashboards.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title}
            </option>
          ))}
        </select>
      </label>
      <button type="button" disabled={!dashboardId} onClick={() => onAdd(dashboards.find((d) => d.id === dashboardId)?.cards.map(cardSlide) ?? [])}>
        {t('present.addDashboard')}
      </button>
    </>
  );
}
