// Reads the numbers of the seed documents as they are written: Arabic (20.03, 1/5, 1 〜 2), Chinese numerals
// (两, 三十五, 一百二十, 两万多), fractions in words (三分之二, 过半), multiples (2 倍多, 翻一番), years and months
// (2008 年 7 月, 金秋十月), planning periods (2016—2020年, “十三五”) and a few words with a fixed value
// (全覆盖 = 100 %, 第一名 = 1). Used by the build to check hand-entered values and by the tests to re-parse
// every bundled value from its quote. Plain ESM, no dependencies.

const DIGITS = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 双: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNITS = { 十: 10, 百: 100, 千: 1000 };
export const CN_NUMERAL = '零〇一二两双三四五六七八九十百千万亿';

/** A Chinese numeral below 万 (三十五 → 35, 一百二十 → 120, 十 → 10, 千 → 1000); null if not one. */
function smallChinese(s) {
  if (s === '') return null;
  let total = 0;
  let digit = null;
  for (const ch of s) {
    if (ch in DIGITS) {
      if (digit !== null && digit !== 0 && DIGITS[ch] !== 0) return null; // 二三 is not a number
      digit = DIGITS[ch];
    } else if (ch in SMALL_UNITS) {
      total += (digit ?? 1) * SMALL_UNITS[ch];
      digit = null;
    } else return null;
  }
  return total + (digit ?? 0);
}

/**
 * A Chinese numeral of any size: 两万三千 → 23000, 一百二十 → 120. Returns null when `s` is not a numeral.
 * Trailing 万/亿 are part of the number here; `readNumber` treats them as a unit prefix instead.
 */
export function chineseNumber(s) {
  let rest = s;
  let total = 0;
  for (const [ch, mult] of [['亿', 1e8], ['万', 1e4]]) {
    const i = rest.indexOf(ch);
    if (i < 0) continue;
    const head = i === 0 ? 1 : smallChinese(rest.slice(0, i)) ?? chineseNumber(rest.slice(0, i));
    if (head === null) return null;
    total += head * mult;
    rest = rest.slice(i + 1);
  }
  if (rest === '') return s === '' ? null : total;
  const tail = smallChinese(rest);
  return tail === null ? null : total + tail;
}

/** Unit prefixes, longest first: a number followed by one of these is written in that unit (113万 → 113 万). */
export const PREFIXES = [['千万', 1e7], ['亿', 1e8], ['万', 1e4], ['千', 1e3]];

export function prefixMultiplier(unit) {
  for (const [p, m] of PREFIXES) if (unit.startsWith(p)) return m;
  return 1;
}

// Order matters: “约 4.2 万多人次” is a lower bound (多 wins over 约), as in the bundled tables.
const APPROX = [
  [/^不到|^不足/, 'less_than'],
  [/^近/, 'nearly'],
  [/多|余|以上|^过|超过/, 'more_than'],
  [/^约|左右$/, 'about'],
];

export function approxOf(text) {
  for (const [re, code] of APPROX) if (re.test(text)) return code;
  return null;
}

const LEAD = /^(?:约|近|不到|不足|过|超过|共|达|从|每)/;
const ARABIC = /^\d+(?:\.\d+)?/;
const CHINESE = new RegExp(`^[${CN_NUMERAL}]+`);

/**
 * The first number of `text` as written, with the unit that follows it:
 * "20.03 万人" → { value: 20.03, unit: "万人" }; "两万多个" → { value: 2, unit: "万个" };
 * "一百二十项" → { value: 120, unit: "项" }; "三十五" → { value: 35, unit: "" }.
 * A trailing 万/亿/千 with nothing numeric after it belongs to the unit, as in the bundled tables.
 */
export function readNumber(text) {
  const t = text.replace(/\s+/g, '').replace(LEAD, '');
  const a = ARABIC.exec(t);
  if (a) return { value: Number(a[0]), unit: t.slice(a[0].length).replace(/多|余|以上|左右/g, '') };
  const c = CHINESE.exec(t);
  if (!c) return null;
  let num = c[0];
  let unit = t.slice(num.length);
  // 两万多个 → 两 + 万个; 近千万 → 千 + 万; 三十五万 → 三十五 + 万. 一万二千 stays one number.
  const m = /^(.*?[^万亿])?([万亿]+)$/.exec(num);
  if (m && m[1]) {
    num = m[1];
    unit = m[2] + unit;
  }
  const value = chineseNumber(num);
  if (value === null) return null;
  return { value, unit: unit.replace(/多|余|以上|左右/g, '') };
}

/** nth Five-Year Plan → its years (the 3rd began in 1966 after the 1963–1965 adjustment). */
export function fiveYearPlan(n) {
  if (n === 1) return [1953, 1957];
  if (n === 2) return [1958, 1962];
  const start = 1966 + 5 * (n - 3);
  return [start, start + 4];
}

const RANGE = /^(.*?\d|.*?[一二两三四五六七八九十])\s*(?:%|％|年(?:开始|起)?)?\s*[~〜～—–\-－至到]+\s*(.+)$/;
const WORDS = [
  [/^全覆盖$/, { value: 100, unit: '%' }],
  [/^过半$/, { value: 0.5, unit: '' }],
  [/^(?:一半|半数)$/, { value: 0.5, unit: '' }],
  [/^翻一番$/, { value: 2, unit: '倍' }],
  [/^零(.*)$/, (m) => ({ value: 0, unit: m[1] })],
  [/^半(.+?)(?:以上|多)?$/, (m) => ({ value: 0.5, unit: m[1] })],
  [/^(?:首|首个|首家|首批|之首)$/, { value: 1, unit: '名次' }],
];

/**
 * Parses a bundled value_text. Returns { value, unit, low, high, approx }:
 * - a single number: value (as written, before the unit prefix) and unit;
 * - a range ("1 〜 2 次", "0.5%~15.6%", "2016—2020年"): low and high, value null;
 * - a fraction ("1/5", "三分之二"): value = numerator / denominator; a sum of parts ("1+4"): the total;
 * - a multiple ("2 倍多"), a rank ("第一名"), a year and month ("2008 年 7 月": value 2008, month 7);
 * - a Five-Year Plan ("十三五"), a century or decade ("20 世纪 90 年代" = 1990–1999): low and high years.
 * Returns null when nothing numeric is found.
 */
export function parseValueText(text) {
  const t = text.replace(/\s+/g, '');
  const approx = approxOf(t);
  const era = /^(\d+)世纪(?:(\d0)年代)?$/.exec(t);
  if (era) {
    const c = Number(era[1]);
    const low = era[2] ? (c - 1) * 100 + Number(era[2]) : (c - 1) * 100 + 1;
    return { value: null, unit: '年', low, high: era[2] ? low + 9 : c * 100, approx };
  }
  const plan = /^“?十([一二三四五六七八九])五”?(?:规划|时期)?$/.exec(t);
  if (plan) {
    const [low, high] = fiveYearPlan(10 + chineseNumber(plan[1]));
    return { value: null, unit: '年', low, high, approx };
  }
  for (const [re, out] of WORDS) {
    const m = re.exec(t);
    if (m) return { low: null, high: null, approx, ...(typeof out === 'function' ? out(m) : out) };
  }
  const words = new RegExp(`^([${CN_NUMERAL}]+)分之([${CN_NUMERAL}]+)`).exec(t);
  if (words) return { value: chineseNumber(words[2]) / chineseNumber(words[1]), unit: '', low: null, high: null, approx };
  const sum = /^\d+(?:\+\d+)+$/.exec(t);
  if (sum) return { value: t.split('+').reduce((a, b) => a + Number(b), 0), unit: '', low: null, high: null, approx };
  const frac = /(\d+)\/(\d+)/.exec(t);
  if (frac) return { value: Number(frac[1]) / Number(frac[2]), unit: t.slice(frac.index + frac[0].length), low: null, high: null, approx };
  const rank = new RegExp(`^第([${CN_NUMERAL}]+|\\d+)(名|位|家)`).exec(t);
  if (rank) return { value: readNumber(rank[1]).value, unit: '名次', low: null, high: null, approx };
  const ym = new RegExp(`^(\\d{4})年(?:(\\d{1,2}|[${CN_NUMERAL}]+)月)?`).exec(t);
  if (ym && !RANGE.test(t)) return { value: Number(ym[1]), unit: '年', month: ym[2] ? readNumber(ym[2]).value : null, low: null, high: null, approx };
  const month = new RegExp(`^(?:金秋)?([${CN_NUMERAL}]+|\\d{1,2})月$`).exec(t);
  if (month) return { value: null, unit: '月', month: readNumber(month[1]).value, low: null, high: null, approx };
  const range = RANGE.exec(t);
  if (range) {
    const a = readNumber(range[1]);
    const b = readNumber(range[2]);
    if (a && b) return { value: null, unit: b.unit, low: a.value, high: b.value, approx };
  }
  const n = readNumber(t);
  if (!n) return null;
  return { value: n.value, unit: n.unit, low: null, high: null, approx };
}
