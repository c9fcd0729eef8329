import { useMemo, useRef } from 'react';
import { isTotalName } from '../../../shared/import/totals';
import type { Dashboard } from '../../../shared/model/dashboard';
import { valuesAcrossSql } from '../../../shared/sql/browse-sql';
import { regionColumn, type CrossFilter } from '../../../shared/sql/chart-sql';
import { useFreshQuery } from '../../db/use-data';
import { useLang } from '../../i18n/LangContext';
import { useWorkbench } from '../../workbench-context';

export interface DashFilters {
  regions: string[];
  /** Include the picked regions, or every region but them. */
  regionsMode?: 'in' | 'not_in';
  years: { from?: number; to?: number };
  cross: (CrossFilter & { group: string; label: string })[];
}

interface Props {
  dashboard: Dashboard;
  filters: DashFilters;
  onChange(f: DashFilters): void;
}

/** Regions and years for every chart, the linked (click) filters, and one button to clear them all. */
export function GlobalFilterBar({ dashboard, filters, onChange }: Props) {
  const { t } = useLang();
  const { db, tables } = useWorkbench();
  // Chart and pivot cards take the region filter: their tables offer the regions.
  const sources = [...new Set(dashboard.cards.map((c) => c.spec.table))].flatMap((table) => {
    const info = tables.find((x) => x.name === table);
    const column = info && regionColumn(info.columns.map((c) => c.name));
    return column ? [{ table, column }] : [];
  });
  // Asked again after any data change (renderer/db): an import or a DELETE shows in the list at once.
  const answer = useFreshQuery(db, valuesAcrossSql(sources), 'low');
  // Totals (全国, 合计) are left out of every card unless it keeps them, so they are not places to pick.
  const regions = useMemo(() => (answer ? Array.from(answer.getChild('v')! as Iterable<unknown>, String).filter((r) => !isTotalName(r)) : []), [answer]);
  const popover = useRef<HTMLDetailsElement>(null);

  const toggle = (r: string) =>
    onChange({ ...filters, regions: filters.regions.includes(r) ? filters.regions.filter((x) => x !== r) : [...filters.regions, r] });
  const year = (part: 'from' | 'to', text: string) => {
    const n = Number(text);
    onChange({ ...filters, years: { ...filters.years, [part]: text && Number.isFinite(n) ? n : undefined } });
  };
  const exclude = filters.regionsMode === 'not_in';
  const summary = filters.regions.length ? t(exclude ? 'dash.regionsExcluded' : 'dash.regionsSummary', { value: filters.regions.join('、') }) : t('dash.regionsSummary', { value: t('dash.allRegions') });
  const clear = () => {
    // The region popover closes with the filters it showed.
    if (popover.current) popover.current.open = false;
    onChange({ regions: [], years: {}, cross: [] });
  };
  const active = filters.regions.length > 0 || filters.years.from !== undefined || filters.years.to !== undefined || filters.cross.length > 0;

  return (
    <section className="dash-filters" aria-label={t('dash.filters')}>
      <details className="region-picker" ref={popover}>
        <summary>{summary}</summary>
        {/* Outside the group of places: the group lists places only. */}
        <label className="region-mode">
          {t('dash.regionMode')}
          <select value={filters.regionsMode ?? 'in'} onChange={(e) => onChange({ ...filters, regionsMode: e.target.value === 'not_in' ? 'not_in' : 'in' })}>
            <option value="in">{t('builder.filterMode.in')}</option>
            <option value="not_in">{t('builder.filterMode.not_in')}</option>
          </select>
        </label>
        <fieldset>
          <legend className="sr-only">{t('dash.regions')}</legend>
          {regions.map((r) => (
            <label key={r}>
              <input type="checkbox" checked={filters.regions.includes(r)} onChange={() => toggle(r)} />
              {r}
            </label>
          ))}
        </fieldset>
      </details>
      <label>
        {t('dash.yearFrom')}
        <input type="number" className="year-input" value={filters.years.from ?? ''} onChange={(e) => year('from', e.target.value)} />
      </label>
      <label>
        {t('dash.yearTo')}
        <input type="number" className="year-input" value={filters.years.to ?? ''} onChange={(e) => year('to', e.target.value)} />
      </label>
      {filters.cross.map((c) => (
        <span key={c.sourceId} className="chip" data-testid="cross-filter">
          {t('dash.crossFilter', { column: c.label, values: c.values.join('、') })}
          <button type="button" aria-label={t('builder.removeFilter', { column: c.label })} onClick={() => onChange({ ...filters, cross: filters.cross.filter((x) => x !== c) })}>
            ×
          </button>
        </span>
      ))}
      <button type="button" onClick={clear} disabled={!active}>
        {t('dash.clear')}
      </button>
    </section>
  );
}
