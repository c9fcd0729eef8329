import { useId } from 'react';
import type { CaseFacets, CaseFilter, CaseSort } from '../../../shared/cases/filter';
import { THEMES, levelLabel, themeLabel } from '../../../shared/cases/model';
import { useLang } from '../../i18n/LangContext';

interface Props {
  facets: CaseFacets;
  filter: CaseFilter;
  sort: CaseSort;
  onFilter(f: CaseFilter): void;
  onSort(s: CaseSort): void;
}

const SORTS: CaseSort[] = ['title', 'year', 'province'];

/** Theme, province, year range, level, full-text search and sort; every control has a visible label. */
export function CaseFilters({ facets, filter, sort, onFilter, onSort }: Props) {
  const { t, lang } = useLang();
  const id = useId();
  const set = (patch: Partial<CaseFilter>) => onFilter({ ...filter, ...patch });
  const optional = (v: string) => v || undefined;
  const year = (v: string) => (v ? Number(v) : undefined);
  const select = (key: string, label: string, value: string, options: { value: string; label: string }[], onChange: (v: string) => void, allLabel = t('cases.all')) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <select id={`${id}-${key}`} value={value} onChange={(e) => onChange(e.target.value)}>
        {allLabel && <option value="">{allLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  const years = facets.years.map((y) => ({ value: String(y), label: String(y) }));
  const active = Object.values(filter).some((v) => v !== undefined && v !== '');
  return (
    <form className="case-filters" role="search" aria-label={t('cases.filters')} onSubmit={(e) => e.preventDefault()}>
      <div className="field search-field">
        <label htmlFor={`${id}-search`}>{t('cases.search')}</label>
        <input id={`${id}-search`} type="search" value={filter.search ?? ''} placeholder={t('cases.searchPlaceholder')} onChange={(e) => set({ search: optional(e.target.value) })} />
      </div>
      {select('theme', t('cases.theme'), filter.theme ?? '', THEMES.map((th) => ({ value: th, label: themeLabel(th, lang) })), (v) => set({ theme: optional(v) }))}
      {select('province', t('cases.province'), filter.province ?? '', facets.provinces.map((p) => ({ value: p, label: p })), (v) => set({ province: optional(v) }))}
      {select('from', t('cases.yearFrom'), filter.yearFrom?.toString() ?? '', years, (v) => set({ yearFrom: year(v) }))}
      {select('to', t('cases.yearTo'), filter.yearTo?.toString() ?? '', years, (v) => set({ yearTo: year(v) }))}
      {select('level', t('cases.level'), filter.level ?? '', facets.levels.map((l) => ({ value: l, label: levelLabel(l, lang) })), (v) => set({ level: optional(v) }))}
      {select('sort', t('cases.sort'), sort, SORTS.map((s) => ({ value: s, label: t(`cases.sort.${s}`) })), (v) => onSort(v as CaseSort), '')}
      {active && (
        <button type="button" className="reset" onClick={() => onFilter({})}>
          {t('cases.reset')}
        </button>
      )}
    </form>
  );
}
