import { languageTag, type Lang } from '../model/catalog';

const grouping = new Map<string, Intl.NumberFormat>();

/** A cached grouping number format of the language (`minFractionDigits` pads with zeros). */
export function formatter(lang: Lang, maxFractionDigits: number, minFractionDigits = 0): Intl.NumberFormat {
  const key = `${lang}|${maxFractionDigits}|${minFractionDigits}`;
  let f = grouping.get(key);
  if (!f) {
    f = new Intl.NumberFormat(languageTag(lang), { maximumFractionDigits: maxFractionDigits, minimumFractionDigits: minFractionDigits });
    grouping.set(key, f);
  }
  return f;
}

/** Full number with thousands separators (up to 4 decimals), e.g. 1,234,567.5 */
export function formatNumber(n: number, lang: Lang = 'zh-CN', maxFractionDigits = 4): string {
  if (!Number.isFinite(n)) return String(n);
  return formatter(lang, maxFractionDigits).format(n);
}

const ZH_UNITS: [number, string][] = [
  [1e12, '万亿'],
  [1e8, '亿'],
  [1e4, '万'],
];
const EN_UNITS: [number, string][] = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
  [1e3, 'K'],
];

/**
 * Compact form for axes and labels: 12,345 → 1.23万, 310,000,000 → 3.1亿 (zh-CN); 1.23K, 310M (en).
 * Values below the first unit keep up to 2 decimals.
 */
export function formatCompact(n: number, lang: Lang = 'zh-CN'): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  for (const [size, suffix] of lang === 'en' ? EN_UNITS : ZH_UNITS) {
    if (abs >= size) return `${formatter(lang, 2).format(n / size)}${suffix}`;
  }
  return formatter(lang, 2).format(n);
}
