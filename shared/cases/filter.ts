import type { CaseRecord } from './model';

export type CaseSort = 'title' | 'year' | 'province';

export interface CaseFilter {
  theme?: string;
  province?: string;
  level?: string;
  yearFrom?: number;
  yearTo?: number;
  search?: string;
}

const PUNCTUATION = /[\s“”"'‘’「」『』《》()（）·・,，、。.:：;；!！?？\-—–+＋]/g;

/** Full-width to half-width, lower case, no spaces or punctuation: "“枫桥经验”" and "枫桥 经验" meet. */
export function normalizeText(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(PUNCTUATION, '');
}

function haystack(c: CaseRecord): { title: string; all: string } {
  const title = normalizeText(c.title);
  return { title, all: normalizeText([c.title, c.province, c.city, c.district, c.summary, c.tags.join(' '), c.theme, c.level].join(' ')) };
}

/**
 * Relevance of a case for a query, 0 when it does not match. Every whitespace-separated term must match:
 * as a substring (title 3, elsewhere 2) or, failing that, character by character anywhere (1), which lets
 * "海淀网格" find "海淀区网格化服务管理体系".
 */
export function matchScore(c: CaseRecord, query: string): number {
  const terms = query.split(/\s+/).map(normalizeText).filter(Boolean);
  if (terms.length === 0) return 1;
  const h = haystack(c);
  let score = 0;
  for (const term of terms) {
    if (h.title.includes(term)) score += 3;
    else if (h.all.includes(term)) score += 2;
    else if ([...term].every((ch) => h.all.includes(ch))) score += 1;
    else return 0;
  }
  return score;
}

function inYearRange(c: CaseRecord, from?: number, to?: number): boolean {
  if (from === undefined && to === undefined) return true;
  if (c.year === null) return false;
  const end = c.yearEnd ?? c.year;
  return (from === undefined || end >= from) && (to === undefined || c.year <= to);
}

const collator = new Intl.Collator('zh-CN');
// Leading quotes (“枫桥经验”) would otherwise sort every quoted title first.
const byTitle = (a: CaseRecord, b: CaseRecord) => collator.compare(normalizeText(a.title), normalizeText(b.title));
const SORTERS: Record<CaseSort, (a: CaseRecord, b: CaseRecord) => number> = {
  title: byTitle,
  // Undated cases last.
  year: (a, b) => (a.year ?? 9999) - (b.year ?? 9999) || byTitle(a, b),
  province: (a, b) => collator.compare(a.province || '\uffff', b.province || '\uffff') || byTitle(a, b),
};

/** Filters, then sorts; with a search query the best matches come first and `sort` breaks ties. */
export function filterCases(cases: CaseRecord[], f: CaseFilter, sort: CaseSort = 'title'): CaseRecord[] {
  const scored = cases
    .filter(
      (c) =>
        (!f.theme || c.theme === f.theme) &&
        (!f.province || c.province === f.province) &&
        (!f.level || c.level === f.level) &&
        inYearRange(c, f.yearFrom, f.yearTo),
    )
    .map((c) => ({ c, score: f.search ? matchScore(c, f.search) : 1 }))
    .filter((x) => x.score > 0);
  return scored.sort((a, b) => b.score - a.score || SORTERS[sort](a.c, b.c)).map((x) => x.c);
}

export interface CaseFacets {
  provinces: string[];
  levels: string[];
  years: number[];
}

/** The values the filter menus offer, from the data itself. */
export function caseFacets(cases: CaseRecord[], levelOrder: readonly string[]): CaseFacets {
  const provinces = [...new Set(cases.map((c) => c.province).filter(Boolean))].sort(collator.compare);
  const levels = [...new Set(cases.map((c) => c.level).filter(Boolean))].sort((a, b) => rank(levelOrder, a) - rank(levelOrder, b));
  const years = [...new Set(cases.flatMap((c) => (c.year === null ? [] : [c.year, c.yearEnd ?? c.year])))].sort((a, b) => a - b);
  return { provinces, levels, years };
}

function rank(order: readonly string[], v: string): number {
  const i = order.indexOf(v);
  return i < 0 ? order.length : i;
}
