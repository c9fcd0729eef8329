// Helpers for the dataset generator (datasets/build/build.mjs): seed lookup, unit normalisation and
// RFC 4180 CSV writing (numbers are read by numerals.mjs). Plain Node ESM, no dependencies.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PREFIXES } from './numerals.mjs';

/** Short keys for the five seed documents (file names in ../shared/seeds). */
export const SOURCES = {
  book: '000_4119fd236b250628.txt', // 2012–2015 全国社会治理创新典型案例 (front matter, preface, introduction)
  local8: '001_4409e097a7b9d6ff.txt', // 王礼鹏《社会治理创新的地方经验及启示》, 8 local cases
  theory: '002_901dc838336308e0.txt', // 宁波 theory page (俞雅乖, 邵一琼, 王仕龙)
  four: '003_6abf6539eaf24928.txt', // 4 case texts: 嘉兴, 玄武 thesis, 上海社会组织, 海淀
  jiangsu: '004_3c0527d6f07961a3.txt', // 侯学元, Jiangsu community governance
};

/**
 * Human titles of the seed documents for source lines and the catalog. `quote` is text of the document
 * that identifies it (checked by datasets.test.ts), so every title stays traceable.
 */
export const DOCUMENTS = {
  book: {
    title: { zh: '《全国社会治理创新典型案例》（2012—2015年选编，于军、李欣玉主编，国家行政学院出版社）', en: 'National Typical Cases of Social Governance Innovation, 2012–2015 (eds. Yu Jun and Li Xinyu, National School of Administration Press)' },
    short: { zh: '《全国社会治理创新典型案例》', en: 'National Typical Cases of Social Governance Innovation' },
    quote: '2012—2015年全国社会治理创新典型案例选编',
  },
  local8: {
    title: { zh: '王礼鹏：《社会治理创新的地方经验及启示》，《国家治理》周刊，2016年6月21日', en: 'Wang Lipeng, “Local experience of social governance innovation and its lessons”, Governance Weekly, 21 June 2016' },
    short: { zh: '王礼鹏《社会治理创新的地方经验及启示》', en: 'Wang Lipeng (2016)' },
    quote: '社会治理创新的地方经验及启示',
  },
  theory: {
    title: { zh: '推进社会治理现代化理论文章（俞雅乖、邵一琼、王仕龙，宁波）', en: 'Articles on modernising social governance (Yu Yaguai, Shao Yiqiong, Wang Shilong; Ningbo)' },
    short: { zh: '俞雅乖等理论文章', en: 'Yu Yaguai et al.' },
    quote: '俞雅乖',
  },
  four: {
    title: { zh: '《社会治理创新案例名称4篇》（嘉兴“三社互动”、玄武、上海社会组织、海淀等案例汇编）', en: '“Four social governance innovation cases” (Jiaxing, Xuanwu, Shanghai social organisations, Haidian)' },
    short: { zh: '《社会治理创新案例名称4篇》', en: 'Four innovation cases (compilation)' },
    quote: '社会治理创新案例名称4篇',
  },
  jiangsu: {
    title: { zh: '侯学元：《创新驱动 转型升级 着力推进社区治理现代化》（江苏）', en: 'Hou Xueyuan, “Innovation-driven transformation: modernising community governance” (Jiangsu)' },
    short: { zh: '侯学元《创新驱动 转型升级 着力推进社区治理现代化》', en: 'Hou Xueyuan (Jiangsu)' },
    quote: '创新驱动 转型升级 着力推进社区治理现代化',
  },
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

/** Multiplier and base unit for a unit as written: 万人 → [1e4, 人]; % → [1, %]. */
export function splitUnit(unit) {
  const p = PREFIXES.find(([prefix]) => unit.startsWith(prefix));
  return p ? [p[1], unit.slice(p[0].length)] : [1, unit];
}

/** Rounds away binary noise (20.03 * 1e4 = 200299.99999999997 → 200300). */
export function tidy(x) {
  if (x === null || x === undefined) return null;
  return Number(x.toPrecision(15));
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
