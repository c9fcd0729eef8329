// The `statements` table: one row per statistical statement of the five seed documents. Statements that a
// figure table already holds are derived from its rows (figure_table / figure_id name the row); the others are
// entered by hand in data/statements-*.mjs with their value, which is checked against the value re-read from
// the quote (numerals.mjs).
import { checkQuote, DOCUMENTS, sourceFile, splitUnit, tidy } from './lib.mjs';
import { parseValueText } from './numerals.mjs';
import { scanExpressions } from './audit.mjs';

export const KINDS = ['count', 'parts', 'amount', 'measure', 'share', 'rate', 'ratio', 'fraction', 'multiple', 'range', 'duration', 'frequency', 'period', 'year', 'rank'];

const shortTitle = (source) => Object.entries(DOCUMENTS).find(([key]) => sourceFile(key) === source)[1].short.zh;

/** The kind of a figure-table row, from its unit and indicator (see README: statements). */
export function kindOf(r) {
  if (/\/|分之/.test(r.value_text)) return 'fraction';
  if (r.unit === '名次') return 'rank';
  if (r.unit === '倍') return 'multiple';
  if (r.unit === '%') return /增长|增幅|上浮|下降/.test(r.indicator) ? 'rate' : 'share';
  if (r.unit_norm === '元') return 'amount';
  if (/每万|密度/.test(r.indicator) || (r.unit ?? '').includes('/')) return 'ratio';
  if (/平方|字$|印张/.test(r.unit ?? '') || r.indicator === '印张') return 'measure';
  if (r.unit === '小时' || /年数/.test(r.indicator)) return 'duration';
  return 'count';
}

const RANGE_SUFFIX = /（(?:下限|上限|最低|最高)）$/;

function base(r, table) {
  return {
    kind: kindOf(r), case_id: r.case_id ?? null, region: r.region, indicator: r.indicator, indicator_en: r.indicator_en,
    category: r.category || null, category_en: r.category_en || null, value_text: r.value_text, value: r.value,
    value_low: null, value_high: null, unit: r.unit, value_norm: r.value_norm, unit_norm: r.unit_norm, approx: r.approx || null,
    names: null, year: r.year ?? null, month: r.month ?? null, period_start: r.period_start ?? null, period_end: r.period_end ?? null,
    document: shortTitle(r.source), source: r.source, quote: r.quote, note: r.note ?? null, figure_table: table, figure_id: r.id,
  };
}

/** Two rows of one range (“1 〜 2 次” as 下限 and 上限 rows) become one range statement. */
function mergeRange(low, high) {
  const inQuote = low.quote.indexOf(low.value_text);
  const expr = scanExpressions(low.quote).find((e) => e.start <= inQuote && e.end >= low.quote.indexOf(high.value_text, inQuote + 1));
  const strip = (s) => s?.replace(RANGE_SUFFIX, '') ?? null;
  return {
    ...low, kind: 'range', indicator: strip(low.indicator), indicator_en: low.indicator_en.replace(/ \((?:lowest|highest)\)$/, ''),
    category: strip(low.category), category_en: low.category_en?.replace(/ \((?:lowest|highest)\)$/, '') ?? null,
    value_text: expr.text, value: null, value_low: low.value, value_high: high.value, unit: high.unit, value_norm: null,
    unit_norm: high.unit_norm, note: [low.note, '区间的下限、上限在来源表中为两行'].filter(Boolean).join('；'),
  };
}

/** The same figure repeated per year (“每年评选最佳案例10个” for 2012–2015) is one statement over the period. */
function mergeYears(rows) {
  const years = rows.map((r) => r.year);
  return { ...rows[0], year: null, period_start: Math.min(...years), period_end: Math.max(...years) };
}

/** Statements derived from the figure tables, in table order; `parts` names the parts some rows count. */
export function figureStatements(data, parts) {
  const out = [];
  const used = new Set();
  const withParts = (table) => (r) => {
    const key = `${table}|${r.indicator}`;
    if (!parts[key]) return r;
    used.add(key);
    return { ...r, kind: 'parts', names: parts[key].join(';') };
  };
  for (const table of ['sh_social_org', 'case_indicators', 'jiangsu_community', 'award_programme']) {
    const rows = data[table].map((r) => base(r, table)).map(withParts(table));
    for (let i = 0; i < rows.length; i += 1) {
      const r = rows[i];
      const same = (s) => s.quote === r.quote && s.value_text === r.value_text && s.indicator === r.indicator && s.category === r.category;
      if (RANGE_SUFFIX.test(r.indicator) || RANGE_SUFFIX.test(r.category ?? '')) {
        if (rows[i + 1]?.quote !== r.quote) throw new Error(`${table} row ${r.figure_id}: a range row needs its other end next`);
        out.push(mergeRange(r, rows[i + 1]));
        i += 1;
      } else if (rows.slice(i + 1).some(same)) {
        const group = rows.filter(same);
        if (rows.indexOf(group[0]) === i) out.push(mergeYears(group));
      } else if (!rows.slice(0, i).some(same)) out.push(r);
    }
  }
  const unused = Object.keys(parts).filter((k) => !used.has(k));
  if (unused.length > 0) throw new Error(`FIGURE_PARTS: no row for ${unused.join(', ')}`);
  return out;
}

const YEAR_BASIS = {
  start: ['案例起始时间', 'Year the practice began'],
  award: ['入选案例评选年份', 'Award edition that selected the case'],
  reported: ['案例所述年份', 'Year the case is reported for'],
};

/** Case years the case quotes state (“2004年创立的辽宁民心网”). */
export function caseYearStatements(cases) {
  return cases.flatMap((k) => {
    const m = k.year ? new RegExp(`${k.year}\\s*年(?:\\s*\\d{1,2}\\s*月)?`).exec(k.quote) : null;
    if (!m) return [];
    const month = parseValueText(m[0]).month ?? null;
    const [indicator, indicator_en] = YEAR_BASIS[k.year_basis];
    return [{
      kind: 'year', case_id: k.case_id, region: [k.province, k.city, k.district].filter(Boolean).join('') || null, indicator, indicator_en,
      category: null, category_en: null, value_text: m[0], value: k.year, value_low: null, value_high: null, unit: '年',
      value_norm: k.year, unit_norm: '年', approx: null, names: null, year: k.year, month, period_start: null, period_end: null,
      document: shortTitle(k.source), source: k.source, quote: k.quote, note: null, figure_table: 'cases', figure_id: null,
    }];
  });
}

const close = (a, b) => a === b || (a !== null && b !== null && Math.abs(a - b) <= 1e-12 * Math.max(1, Math.abs(b)));

/** Hand-entered statements: [kind, case_id, region, time, indicator, indicator_en, value_text, quote, extra]. */
export function enteredStatements(groups, seeds, caseIds) {
  const out = [];
  for (const [srcKey, list] of groups) {
    const source = sourceFile(srcKey);
    for (const [kind, case_id, region, t, indicator, indicator_en, value_text, quote, x = {}] of list) {
      const where = `statements (${srcKey}) ${indicator} “${value_text}”`;
      checkQuote(seeds[source], quote, value_text, where);
      if (!KINDS.includes(kind)) throw new Error(`${where}: unknown kind ${kind}`);
      if (case_id && !caseIds.has(case_id)) throw new Error(`${where}: unknown case_id ${case_id}`);
      const parsed = parseValueText(value_text);
      if (!parsed) throw new Error(`${where}: no number in value_text`);
      const two = kind === 'range' || kind === 'period';
      const value = kind === 'year' ? t.y : two ? null : x.v;
      const [low, high] = kind === 'period' ? [t.ps, t.pe] : two ? [x.lo, x.hi] : [null, null];
      if (kind !== 'year' && !two && typeof x.v !== 'number') throw new Error(`${where}: give the value (v)`);
      // A month alone (“金秋十月”) dates an event whose year the document gives elsewhere (see note).
      const readValue = kind === 'year' && parsed.value === null && parsed.month !== null ? value : parsed.value;
      if (!close(readValue, value) || !close(parsed.low, low) || !close(parsed.high, high)) {
        throw new Error(`${where}: stated ${JSON.stringify({ value, low, high })} but the text reads ${JSON.stringify(parsed)}`);
      }
      if (kind === 'year' && (parsed.month ?? null) !== (t.m ?? null)) throw new Error(`${where}: month ${t.m} but the text reads ${parsed.month}`);
      // Years and periods are in 年 whatever the text adds (“金秋十月”, “2011 〜 2020 年)”).
      const unit = kind === 'year' || kind === 'period' ? '年' : x.u ?? parsed.unit;
      const [mult, unitBase] = splitUnit(unit);
      out.push({
        kind, case_id, region, indicator, indicator_en, category: x.category ?? null, category_en: x.category_en ?? null,
        value_text, value, value_low: low, value_high: high, unit,
        value_norm: x.norm ?? (value === null ? null : tidy(value * mult)), unit_norm: x.unit_norm ?? unitBase,
        approx: x.approx ?? parsed.approx, names: x.names ? x.names.join(';') : null,
        year: t?.y ?? null, month: t?.m ?? null, period_start: t?.ps ?? null, period_end: t?.pe ?? null,
        document: shortTitle(source), source, quote, note: x.note ?? null, figure_table: null, figure_id: null,
      });
    }
  }
  return out;
}
