import { formatCompact, formatNumber } from '../format/number';
import type { Lang } from '../model/catalog';
import type { CaseIndicator } from './model';

export interface Kpi {
  indicator: CaseIndicator;
  label: string;
  /** Formatted value with unit, e.g. "约145万人", "20%". */
  value: string;
  /** Breakdown rows of the same indicator (category set), e.g. 民办 35 家. */
  parts: CaseIndicator[];
}

const APPROX: Record<string, Record<Lang, string>> = {
  about: { 'zh-CN': '约', en: 'about ' },
  nearly: { 'zh-CN': '近', en: 'nearly ' },
  more_than: { 'zh-CN': '逾', en: 'over ' },
};

/** Number with its unit in 万/亿 where apt; the written value_text stays the fallback when nothing is numeric. */
export function formatIndicatorValue(ind: Pick<CaseIndicator, 'valueNorm' | 'unitNorm' | 'approx' | 'valueText'>, lang: Lang): string {
  if (ind.valueNorm === null) return ind.valueText;
  const n = Math.abs(ind.valueNorm) >= 1e4 ? formatCompact(ind.valueNorm, lang) : formatNumber(ind.valueNorm, lang);
  const unit = ind.unitNorm === '%' ? '%' : ind.unitNorm ? (lang === 'en' ? ` ${ind.unitNorm}` : ind.unitNorm) : '';
  return `${APPROX[ind.approx]?.[lang] ?? ''}${n}${unit}`;
}

export function indicatorLabel(ind: Pick<CaseIndicator, 'indicator' | 'indicatorEn' | 'category' | 'categoryEn'>, lang: Lang): string {
  const name = lang === 'en' && ind.indicatorEn ? ind.indicatorEn : ind.indicator;
  const cat = lang === 'en' && ind.categoryEn ? ind.categoryEn : ind.category;
  return cat ? `${name}（${cat}）` : name;
}

const isTotal = (i: CaseIndicator) => !i.category || i.category === '合计';

/**
 * One tile per indicator: the total (or the first row) is the headline, the other rows of the same
 * indicator are its parts. Order follows the table (the order of the text).
 */
export function pickKpis(indicators: CaseIndicator[], lang: Lang, max = Infinity): Kpi[] {
  const groups = new Map<string, CaseIndicator[]>();
  for (const ind of indicators) {
    const g = groups.get(ind.indicator);
    if (g) g.push(ind);
    else groups.set(ind.indicator, [ind]);
  }
  const kpis: Kpi[] = [];
  for (const rows of groups.values()) {
    const head = rows.find(isTotal) ?? rows[0];
    const label = head.category && head.category !== '合计' ? indicatorLabel(head, lang) : lang === 'en' && head.indicatorEn ? head.indicatorEn : head.indicator;
    kpis.push({ indicator: head, label, value: formatIndicatorValue(head, lang), parts: rows.filter((r) => r !== head) });
    if (kpis.length >= max) break;
  }
  return kpis;
}
