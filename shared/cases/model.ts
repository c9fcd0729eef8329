import type { Table } from 'apache-arrow';
import { tableRows, type PlainValue } from '../format/cell';
import { PALETTE } from '../charts/theme';
import type { Lang } from '../model/catalog';

/** The six parts of the case book (datasets/README.md); the order is the book's. */
export const THEMES = ['网络治理', '文化治理', '居民自治', '依法治理', '公益与社工治理', '综合治理'] as const;
export type Theme = (typeof THEMES)[number];
const THEME_EN: Record<Theme, string> = {
  网络治理: 'Network governance',
  文化治理: 'Cultural governance',
  居民自治: 'Resident self-government',
  依法治理: 'Rule of law',
  公益与社工治理: 'Philanthropy and social work',
  综合治理: 'Comprehensive governance',
};

export const LEVELS = ['全国', '省级', '地市级', '区县级', '街镇级', '社区级', '社会组织'] as const;
const LEVEL_EN: Record<string, string> = {
  全国: 'National',
  省级: 'Province',
  地市级: 'City',
  区县级: 'County/district',
  街镇级: 'Town/street',
  社区级: 'Community',
  社会组织: 'Social organisation',
};

export function themeLabel(theme: string, lang: Lang): string {
  return lang === 'en' ? (THEME_EN[theme as Theme] ?? theme) : theme;
}

export function levelLabel(level: string, lang: Lang): string {
  return lang === 'en' ? (LEVEL_EN[level] ?? level) : level;
}

/** Theme colour from the colour-blind-safe palette; unknown themes get grey. */
export function themeColour(theme: string): string {
  const i = THEMES.indexOf(theme as Theme);
  return i >= 0 ? PALETTE[i] : '#888888';
}

export interface CaseRecord {
  id: string;
  title: string;
  province: string;
  city: string;
  district: string;
  level: string;
  adcode: string;
  year: number | null;
  yearEnd: number | null;
  yearBasis: string;
  theme: string;
  tags: string[];
  summary: string;
  source: string;
  quote: string;
  note: string;
}

export interface CaseIndicator {
  id: number;
  caseId: string;
  region: string;
  year: number | null;
  indicator: string;
  indicatorEn: string;
  category: string;
  categoryEn: string;
  valueText: string;
  valueNorm: number | null;
  unitNorm: string;
  approx: string;
  source: string;
  quote: string;
  note: string;
}

const str = (v: PlainValue): string => (v === null || v === undefined ? '' : String(v));
const num = (v: PlainValue): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export function casesFromTable(table: Table): CaseRecord[] {
  return tableRows(table).map((r) => ({
    id: str(r.case_id),
    title: str(r.title),
    province: str(r.province),
    city: str(r.city),
    district: str(r.district),
    level: str(r.level),
    adcode: str(r.adcode),
    year: num(r.year),
    yearEnd: num(r.year_end),
    yearBasis: str(r.year_basis),
    theme: str(r.theme),
    tags: str(r.tags)
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean),
    summary: str(r.summary),
    source: str(r.source),
    quote: str(r.quote),
    note: str(r.note),
  }));
}

export function indicatorsFromTable(table: Table): CaseIndicator[] {
  return tableRows(table).map((r) => ({
    id: num(r.id) ?? 0,
    caseId: str(r.case_id),
    region: str(r.region),
    year: num(r.year),
    indicator: str(r.indicator),
    indicatorEn: str(r.indicator_en),
    category: str(r.category),
    categoryEn: str(r.category_en),
    valueText: str(r.value_text),
    valueNorm: num(r.value_norm),
    unitNorm: str(r.unit_norm),
    approx: str(r.approx),
    source: str(r.source),
    quote: str(r.quote),
    note: str(r.note),
  }));
}

/** "北京市 · 海淀区": the most specific place names, without repeating a municipality. */
export function placeName(c: Pick<CaseRecord, 'province' | 'city' | 'district'>): string {
  const parts = [c.province, c.city !== c.province ? c.city : '', c.district].filter(Boolean);
  return parts.join(' · ');
}

/** "2014" or "2014–2015"; '' when the documents give no year. */
export function yearText(c: Pick<CaseRecord, 'year' | 'yearEnd'>): string {
  if (c.year === null) return '';
  return c.yearEnd !== null && c.yearEnd !== c.year ? `${c.year}–${c.yearEnd}` : String(c.year);
}
