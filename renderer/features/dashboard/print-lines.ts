import type { Translate } from '../../../shared/i18n';
import type { Lang } from '../../../shared/model/catalog';
import type { DashFilters } from './GlobalFilterBar';

/**
 * The lines under a dashboard's title in its Word and PDF outputs: the filters in force (in the words the
 * filter bar uses), then the date it was exported — a printed page must say what it shows and when.
 */
export function dashboardLines(filters: DashFilters, t: Translate, lang: Lang, now: Date = new Date()): string[] {
  const parts = [t('dash.regionsSummary', { value: filters.regions.length ? filters.regions.join('、') : t('dash.allRegions') })];
  const { from, to } = filters.years;
  if (from !== undefined || to !== undefined) parts.push(t('dash.print.years', { from: from ?? '…', to: to ?? '…' }));
  for (const c of filters.cross) parts.push(t('dash.crossFilter', { column: c.label, values: c.values.join('、') }));
  const date = new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric' }).format(now);
  return [t('dash.print.filters', { filters: parts.join(lang === 'en' ? '; ' : '；') }), t('dash.print.date', { date })];
}
