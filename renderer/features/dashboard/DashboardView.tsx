import { useCallback, useMemo, useRef, useState } from 'react';
import { columnLabel } from '../../../shared/charts/chart-data';
import { READY_DASHBOARDS } from '../../../shared/charts/ready-dashboards';
import type { FilterValue } from '../../../shared/model/chart-spec';
import { addCard, cardGroup, moveCard, removeCard, resizeCard, type ChartCard as ChartCardModel, type Dashboard, type DashboardCard } from '../../../shared/model/dashboard';
import { useLang } from '../../i18n/LangContext';
import { useWorkbench } from '../../workbench-context';
import { useDocument } from '../../workspace';
import { useSavedCharts } from '../chart-builder';
import { ChartCard } from './ChartCard';
import { DashboardExport } from './DashboardExport';
import type { DrawnCard } from './drawn-card';
import { PivotCard } from './PivotCard';
import { DashboardTitleBar } from './DashboardTitleBar';
import { newDashboardId, storeDashboards, useDashboards } from './dashboard-store';
import { GlobalFilterBar, type DashFilters } from './GlobalFilterBar';

const NO_FILTERS: DashFilters = { regions: [], years: {}, cross: [] };
/** Filters survive switching screens (the view unmounts) for the rest of the session. */
const sessionFilters = new Map<string, DashFilters>();

/** A grid of chart cards sharing global filters; a click on one chart filters the others of its group. */
export function DashboardView() {
  const { t, lang } = useLang();
  const { catalog } = useWorkbench();
  const ready = useMemo(() => READY_DASHBOARDS.map((make) => make(lang)), [lang]);
  const [picked, setPicked] = useDocument('dashboardPick');
  const pick = picked ?? ready[0].id;
  const edits = useDashboards();
  const [filters, setFiltersState] = useState<DashFilters>(() => sessionFilters.get(pick) ?? NO_FILTERS);
  const loaded = useRef(new Map<string, DrawnCard>());
  const onCardData = useCallback((id: string, drawn: DrawnCard | undefined) => {
    if (drawn) loaded.current.set(id, drawn);
    else loaded.current.delete(id);
  }, []);
  const [toAdd, setToAdd] = useState('');
  const saved = useSavedCharts().charts;
  const isReady = (id: string) => ready.some((d) => d.id === id);
  const own = useMemo(() => Object.values(edits).filter((d) => !ready.some((r) => r.id === d.id)), [edits, ready]);
  const dashboard = edits[pick] ?? ready.find((d) => d.id === pick) ?? ready[0];
  const setFilters = (f: DashFilters) => {
    sessionFilters.set(dashboard.id, f);
    setFiltersState(f);
  };
  const edit = (next: Dashboard) => {
    storeDashboards({ ...edits, [dashboard.id]: next });
  };
  const reset = () => {
    const { [dashboard.id]: _, ...rest } = edits;
    storeDashboards(rest);
  };
  const create = () => {
    const next: Dashboard = { version: 1, id: newDashboardId(), title: t('dash.newTitle', { n: own.length + 1 }), cards: [] };
    storeDashboards({ ...edits, [next.id]: next });
    choose(next.id);
  };
  const remove = () => {
    reset();
    choose(ready[0].id);
  };

  const choose = (id: string) => {
    setPicked(id);
    setFiltersState(sessionFilters.get(id) ?? NO_FILTERS);
  };
  const select = (card: ChartCardModel, value: FilterValue) => {
    const mine = filters.cross.find((c) => c.sourceId === card.id);
    const others = filters.cross.filter((c) => c.sourceId !== card.id);
    const same = mine && mine.values.length === 1 && mine.values[0] === value;
    const label = columnLabel(catalog, card.spec.table, card.spec.x, lang);
    setFilters({
      ...filters,
      cross: same ? others : [...others, { sourceId: card.id, column: card.spec.x, values: [value], group: cardGroup(card), label }],
    });
  };
  // Region and year filters apply to every card; a chart or pivot card also follows the clicks on charts of its group.
  const placesAndYears = { regions: filters.regions, ...(filters.regionsMode ? { regionsMode: filters.regionsMode } : {}), years: filters.years };
  const globalFor = (card: DashboardCard) => ({ ...placesAndYears, cross: filters.cross.filter((c) => c.group === cardGroup(card)) });
  const add = () => {
    const chart = saved.find((c) => c.id === toAdd);
    // The card refers to the saved chart: saving that chart again updates the card (shared/model/saved-charts).
    if (chart) edit(addCard(dashboard, { id: `${chart.id}-${Date.now().toString(36)}`, size: 'medium', spec: chart.spec, savedId: chart.id }));
  };

  return (
    <div className="dashboard">
      <header className="dash-header">
        <label>
          {t('dash.pick')}
          <select value={dashboard.id} onChange={(e) => choose(e.target.value)}>
            {[...ready, ...own].map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
        </label>
        <DashboardTitleBar own={!isReady(dashboard.id)} title={dashboard.title} onCreate={create} onRename={(title) => edit({ ...dashboard, title })} onDelete={remove} />
        <GlobalFilterBar dashboard={dashboard} filters={filters} onChange={setFilters} />
        <div className="spacer" />
        <label>
          {t('dash.addPick')}
          <select value={toAdd} onChange={(e) => setToAdd(e.target.value)}>
            <option value="" />
            {saved.map((c) => (
              <option key={c.id} value={c.id}>
                {c.spec.title}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={add} disabled={!toAdd}>
          {t('dash.add')}
        </button>
        <DashboardExport title={dashboard.title} filters={filters} cardCount={dashboard.cards.length} charts={() => dashboard.cards.flatMap((c) => loaded.current.get(c.id) ?? [])} />
        {isReady(dashboard.id) && (
          <button type="button" onClick={reset} disabled={!edits[dashboard.id]}>
            {t('dash.reset')}
          </button>
        )}
      </header>
      {dashboard.cards.length === 0 && <p className="muted">{t('dash.noCards')}</p>}
      <div className="dash-grid">
        {dashboard.cards.map((card) => {
          const common = {
            onMove: (d: number) => edit(moveCard(dashboard, card.id, d)),
            onResize: (s: ChartCardModel['size']) => edit(resizeCard(dashboard, card.id, s)),
            onRemove: () => edit(removeCard(dashboard, card.id)),
            onData: onCardData,
            onDropCard: (from: string) => {
              const target = dashboard.cards.findIndex((c) => c.id === card.id);
              const source = dashboard.cards.findIndex((c) => c.id === from);
              edit(moveCard(dashboard, from, target - source));
            },
          };
          if (card.kind === 'pivot') return <PivotCard key={card.id} card={card} global={globalFor(card)} {...common} />;
          return <ChartCard key={card.id} card={card} global={globalFor(card)} selected={filters.cross.find((c) => c.sourceId === card.id)?.values[0]} onSelect={select} {...common} />;
        })}
      </div>
    </div>
  );
}
