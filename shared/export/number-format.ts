/**
 * How a measure's numbers are written in Office files: one NumberStyle per series, from its unit and values,
 * giving the Excel format code (cells, chart caches and axes), the number a cell holds, and the same text
 * for Word and PowerPoint tables. See docs/export.md ("Number formats").
 */
import type { Lang } from '../model/catalog';

export type NumberStyle =
  /** Percent numbers (4.38 means 4.38 %): the cell holds 0.0438 and shows 4.4%. */
  | { kind: 'percent'; decimals: number }
  /** 万 (10^4) or 亿 (10^8): the cell keeps the full number and shows 12.3万 / 1.23亿. */
  | { kind: 'wan' | 'yi' }
  | { kind: 'plain'; decimals: number };

/** Units whose numbers are money: cents shown whenever any value has them. */
const MONEY = /元$/;
const MAX_DECIMALS = 2;

/** Decimals a value needs to be shown exactly, up to MAX_DECIMALS. */
function decimalsOf(v: number): number {
  for (let d = 0; d < MAX_DECIMALS; d++) {
    const scaled = v * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) <= 1e-9 * Math.max(1, Math.abs(scaled))) return d;
  }
  return MAX_DECIMALS;
}

/**
 * The style of one series: percent numbers for the unit %, 万/亿 for large numbers in Chinese (unless the unit
 * already is in 万 or 亿), else grouped digits with the decimals the values need (money: 0 or 2).
 */
export function numberStyle(values: readonly (number | null)[], unit: string | undefined, lang: Lang): NumberStyle {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (unit === '%') return { kind: 'percent', decimals: 1 };
  const max = Math.max(0, ...finite.map(Math.abs));
  if (lang === 'zh-CN' && !/[万亿]/.test(unit ?? '')) {
    if (max >= 1e8) return { kind: 'yi' };
    if (max >= 1e5) return { kind: 'wan' };
  }
  const decimals = Math.max(0, ...finite.map(decimalsOf));
  return { kind: 'plain', decimals: MONEY.test(unit ?? '') && decimals > 0 ? 2 : decimals };
}

/**
 * The Excel format code. Excel scales only by thousands (a trailing comma), so 万 divides by 1,000 and writes
 * the last digit after a literal dot: 123456 → 123 → "12.3万" (`\.` is the escape LibreOffice reads too; it
 * does not read `!.`). Likewise 亿 divides by 10^6 and writes two digits after the dot.
 */
export function excelFormat(style: NumberStyle): string {
  const fraction = (d: number) => (d > 0 ? `.${'0'.repeat(d)}` : '');
  switch (style.kind) {
    case 'percent':
      return `0${fraction(style.decimals)}%`;
    case 'wan':
      return '0\\.0,"万"';
    case 'yi':
      return '0\\.00,,"亿"';
    default:
      return `#,##0${fraction(style.decimals)}`;
  }
}

/** The number a cell (and a chart cache) holds. */
export function cellValue(v: number, style: NumberStyle): number {
  return style.kind === 'percent' ? v / 100 : v;
}

const formatters = new Map<string, Intl.NumberFormat>();
/** Intl rounds half away from zero, as Excel does. Excel groups digits only where the code says #,##0. */
function fixed(v: number, decimals: number, useGrouping: boolean): string {
  const key = `${decimals}|${useGrouping}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping })));
  return f.format(v);
}

/** "12.3" from 123456 and one digit after the dot: Excel's scaling, rounded half away from zero as Excel does. */
function scaled(v: number, divisor: number, digits: number): string {
  const n = Math.round(Math.abs(v) / divisor);
  const s = String(n).padStart(digits + 1, '0');
  const text = `${s.slice(0, -digits)}.${s.slice(-digits)}`;
  return v < 0 && n !== 0 ? `-${text}` : text;
}

/** The text Excel shows for `v` in `style` (Word and PowerPoint tables use it, so all three agree). */
export function formatValue(v: number | null, style: NumberStyle): string {
  if (v === null || !Number.isFinite(v)) return '';
  switch (style.kind) {
    case 'percent':
      return `${fixed(v, style.decimals, false)}%`;
    case 'wan':
      return `${scaled(v, 1e3, 1)}万`;
    case 'yi':
      return `${scaled(v, 1e6, 2)}亿`;
    default:
      return fixed(v, style.decimals, true);
  }
}
