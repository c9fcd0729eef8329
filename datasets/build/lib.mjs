// Helpers for the dataset generator (datasets/build/build.mjs): seed lookup, quantity parsing,
// unit normalisation and RFC 4180 CSV writing. Plain Node ESM, no dependencies.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Short keys for the five seed documents (file names in ../shared/seeds). */
export const SOURCES = {
  book: '000_4119fd236b250628.txt', // 2012–2015 全国社会治理创新典型案例 (front matter, preface, introduction)
  local8: '001_4409e097a7b9d6ff.txt', // 王礼鹏《社会治理创新的地方经验及启示》, 8 local cases
  theory: '002_901dc838336308e0.txt', // 宁波 theory page (俞雅乖, 邵一琼, 王仕龙)
  four: '003_6abf6539eaf24928.txt', // 4 case texts: 嘉兴, 玄武 thesis, 上海社会组织, 海淀
  jiangsu: '004_3c0527d6f07961a3.txt', // 侯学元, Jiangsu community governance
};

export function sourceFile(key) {
  const f = SOURCES[key];
  if (!f) throw new Error(`unknown source key ${key}`);
  return f;
}

export function loadSeeds(dir) {
  const out = {};
  for (const f of Object.values(SOURCES)) out[f] = readFileSync(path.join(dir, f), 'utf8');
  return out;
}

/** Unit prefixes that scale a value, longest first. */
const PREFIXES = [
  ['千万', 1e7],
  ['亿', 1e8],
  ['万', 1e4],
  ['千', 1e3],
];

/** Multiplier and base unit for a unit as written: 万人 → [1e4, 人]; % → [1, %]. */
export function splitUnit(unit) {
  for (const [p, m] of PREFIXES) if (unit.startsWith(p)) return [m, unit.slice(p.length)];
  return [1, unit];
}

/**
 * Reads a quantity as written ("20.03 万人", "9800多件", "约 4.2 万多人次", "1/5") into
 * { value, unit, approx }. value is the number as written (before the unit prefix is applied).
 * value and unit are null when there is no Arabic number (十多个, 两万多个): the row must then give them.
 */
export function parseQuantity(text) {
  const t = text.replace(/\s+/g, '');
  let approx = null;
  if (/多|余|以上/.test(t)) approx = 'more_than';
  else if (/^约/.test(t)) approx = 'about';
  else if (/^近/.test(t)) approx = 'nearly';
  const m = /(\d+(?:\.\d+)?)(?:\/(\d+))?/.exec(t);
  if (!m) return { value: null, unit: null, approx };
  const value = m[2] ? Number(m[1]) / Number(m[2]) : Number(m[1]);
  const unit = t.slice(m.index + m[0].length).replace(/多|余|以上/g, '');
  return { value, unit, approx };
}

/** Rounds away binary noise (20.03 * 1e4 = 200299.99999999997 → 200300). */
export function tidy(x) {
  if (x === null || x === undefined) return null;
  return Number(x.toPrecision(12));
}

function cell(v) {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? String(tidy(v)) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** RFC 4180 CSV text (LF record separator, quoting only where needed), header first. */
export function toCsv(columns, rows) {
  const lines = [columns.map(cell).join(',')];
  for (const r of rows) lines.push(columns.map((c) => cell(r[c])).join(','));
  return lines.join('\n') + '\n';
}

/** Throws unless `quote` is a single-line verbatim substring of `doc` of at most 80 characters containing `needle`. */
export function checkQuote(doc, quote, needle, where) {
  if (!quote) throw new Error(`${where}: empty quote`);
  if ([...quote].length > 80) throw new Error(`${where}: quote longer than 80 characters (${[...quote].length}): ${quote}`);
  if (/[\r\n]/.test(quote)) throw new Error(`${where}: quote spans a line break`);
  if (!doc.includes(quote)) throw new Error(`${where}: quote not found in source: ${quote}`);
  if (needle && !quote.includes(needle)) throw new Error(`${where}: quote does not contain value_text "${needle}": ${quote}`);
}
