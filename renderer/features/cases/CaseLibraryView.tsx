import { useMemo, useState } from 'react';
import { caseFacets, filterCases, type CaseFilter, type CaseSort } from '../../../shared/cases/filter';
import { LEVELS, placeName, yearText, type CaseRecord } from '../../../shared/cases/model';
import { useLang } from '../../i18n/LangContext';
import { useWorkbench } from '../../workbench-context';
import { CaseFilters } from './CaseFilters';
import { CasePage } from './CasePage';
import { CaseOverview } from './CaseOverview';
import { ThemeChip } from './ThemeChip';
import { useCases } from './useCaseData';

/** The case library: filters, a timeline overview and a card per case; a card opens the case page. */
export function CaseLibraryView() {
  const { t } = useLang();
  const { db } = useWorkbench();
  const loaded = useCases(db);
  const [filter, setFilter] = useState<CaseFilter>({});
  const [sort, setSort] = useState<CaseSort>('title');
  const [openId, setOpenId] = useState<string | null>(null);
  const cases = useMemo(() => (loaded.status === 'ready' ? loaded.value : []), [loaded]);
  const facets = useMemo(() => caseFacets(cases, LEVELS), [cases]);
  const shown = useMemo(() => filterCases(cases, filter, sort), [cases, filter, sort]);

  if (loaded.status === 'failed') return <p role="alert" className="sql-error">{loaded.message}</p>;
  if (loaded.status === 'loading') return <p className="muted pad">{t('cases.loading')}</p>;

  const open = cases.find((c) => c.id === openId);
  if (open) return <CasePage key={open.id} record={open} onBack={() => setOpenId(null)} />;

  const yearSet = filter.yearFrom !== undefined || filter.yearTo !== undefined;
  return (
    <div className="case-library">
      <CaseFilters facets={facets} filter={filter} sort={sort} onFilter={setFilter} onSort={setSort} />
      <p className="case-count" role="status">
        {t('cases.count', { count: shown.length })}
        {yearSet && <span className="muted small"> · {t('cases.noYearNote')}</span>}
      </p>
      <CaseOverview cases={shown} onOpen={setOpenId} onProvince={(province) => setFilter((f) => ({ ...f, province }))} />
      {shown.length === 0 ? (
        <p className="muted pad">{t('cases.none')}</p>
      ) : (
        <>
          {/* The cards' titles are h3: this (visually hidden) h2 keeps the heading order whole. */}
          <h2 id="case-list-title" className="sr-only">
            {t('cases.list')}
          </h2>
          <ul className="case-cards" aria-labelledby="case-list-title">
            {shown.map((c) => (
              <CaseCard key={c.id} record={c} onOpen={() => setOpenId(c.id)} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function CaseCard({ record: c, onOpen }: { record: CaseRecord; onOpen(): void }) {
  const { t } = useLang();
  return (
    <li className="case-card" data-theme={c.theme}>
      <h3>
        <button type="button" className="case-card-open" onClick={onOpen}>
          {c.title}
        </button>
      </h3>
      <p className="case-meta">
        <span>{placeName(c) || t('cases.nationwide')}</span>
        <span>{yearText(c) || t('cases.undated')}</span>
      </p>
      <ThemeChip theme={c.theme} />
      <p className="case-summary">{c.summary}</p>
    </li>
  );
}
