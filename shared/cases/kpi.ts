import { formatCompact, formatNumber } from '../format/number';
import type { Lang } from '../model/catalog';
import type { CaseIndicator } from './model';
import { paren } from '../format/paren';

export interface Kpi {
  /** The headline row (for a range, its lower bound: both bounds quote the same sentence). */
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
const unitText = (unit: string, lang: Lang) => (unit === '%' ? '%' : unit ? (lang === 'en' ? ` ${unit}` : unit) : '');

/** The number alone (with its approximation word), or the written text when nothing is numeric. */
function figure(ind: Pick<CaseIndicator, 'valueNorm' | 'approx' | 'valueText'>, lang: Lang): string {
  if (ind.valueNorm === null) return ind.valueText;
  const n = Math.abs(ind.valueNorm) >= 1e4 ? formatCompact(ind.valueNorm, lang) : formatNumber(ind.valueNorm, lang);
  return `${APPROX[ind.approx]?.[lang] ?? ''}${n}`;
}

export function formatIndicatorValue(ind: Pick<CaseIndicator, 'valueNorm' | 'unitNorm' | 'approx' | 'valueText'>, lang: Lang): string {
  return ind.valueNorm === null ? ind.valueText : `${figure(ind, lang)}${unitText(ind.unitNorm, lang)}`;
}

export function indicatorLabel(ind: Pick<CaseIndicator, 'indicator' | 'indicatorEn' | 'category' | 'categoryEn'>, lang: Lang): string {
  const name = lang === 'en' && ind.indicatorEn ? ind.indicatorEn : ind.indicator;
  const cat = lang === 'en' && ind.categoryEn ? ind.categoryEn : ind.category;
  return cat ? `${name}${paren(cat, lang)}` : name;
}

const isTotal = (i: CaseIndicator) => !i.category || i.category === '合计';

/** The table writes a range ("1 〜 2 次") as two rows, X（下限） and X（上限）; together they are one figure. */
const BOUND = /（(下限|上限)）$/;
const BOUND_EN = /\s*\((lowest|highest)\)$/;

/** "1〜2次": both bounds in one figure, the unit once. */
export function formatRange(lo: CaseIndicator, hi: CaseIndicator, lang: Lang): string {
  const both = lo.valueNorm !== null && hi.valueNorm !== null && lo.unitNorm === hi.unitNorm;
  if (!both) return `${formatIndicatorValue(lo, lang)}${lang === 'en' ? '–' : '〜'}${formatIndicatorValue(hi, lang)}`;
  return `${figure(lo, lang)}${lang === 'en' ? '–' : '〜'}${figure(hi, lang)}${unitText(hi.unitNorm, lang)}`;
}

/** Pairs of bound rows become one row named without the suffix, carrying its upper bound. */
function joinRanges(indicators: CaseIndicator[]): { row: CaseIndicator; upper?: CaseIndicator }[] {
  const key = (i: CaseIndicator) => `${i.indicator.replace(BOUND, '')}|${i.category}|${i.quote}`;
  const uppers = new Map(indicators.filter((i) => BOUND.exec(i.indicator)?.[1] === '上限').map((i) => [key(i), i]));
  const lowers = new Set(indicators.filter((i) => BOUND.exec(i.indicator)?.[1] === '下限' && uppers.has(key(i))).map(key));
  return indicators.flatMap((i) => {
    const bound = BOUND.exec(i.indicator)?.[1];
    if (!bound || !lowers.has(key(i))) return [{ row: i }];
    if (bound === '上限') return [];
    const row = { ...i, indicator: i.indicator.replace(BOUND, ''), indicatorEn: i.indicatorEn.replace(BOUND_EN, '') };
    return [{ row, upper: uppers.get(key(i))! }];
  });
}

/**
 * One tile per indicator: the total (or the first row) is the headline, the other rows of the same
 * indicator are its parts. Order follows the table (the order of the text).
 */
export function pickKpis(indicators: CaseIndicator[], lang: Lang, max = Infinity): Kpi[] {
  const groups = new Map<string, { row: CaseIndicator; upper?: CaseIndicator }[]>();
  for (const entry of joinRanges(indicators)) {
    const g = groups.get(entry.row.indicator);
    if (g) g.push(entry);
    else groups.set(entry.row.indicator, [entry]);
  }
  const kpis: Kpi[] = [];
  for (const rows of groups.values()) {
    const head = rows.find((r) => isTotal(r.row)) ?? rows[0];
    const ind = head.row;
    const label = ind.category && ind.category !== '合计' ? indicatorLabel(ind, lang) : lang === 'en' && ind.indicatorEn ? ind.indicatorEn : ind.indicator;
    const value = head.upper ? formatRange(ind, head.upper, lang) : formatIndicatorValue(ind, lang);
    kpis.push({ indicator: ind, label, value, parts: rows.filter((r) => r !== head).map((r) => r.row) });
    if (kpis.length >= max) break;
  }
  return kpis;
}
