// The audit of statistical statements: finds every numeric expression in the seed documents and says, for
// each, whether a bundled statement holds it or why it was left out (data/audit-exclusions.mjs).
//   node datasets/build/audit.mjs [seedsDir]    prints the coverage and every expression still missing
import { CN_NUMERAL, parseValueText } from './numerals.mjs';

const A = String.raw`\d+(?:\.\d+)?`;
const CN = `[${CN_NUMERAL}]`;
// Joins the parts of one expression: ranges (1 〜 2, 2012年到2015年), fractions (1/5), sums (1+6), dates (8·12).
const JOIN = String.raw`(?:\s*[年%％])?\s*(?:[~〜～—–\-－/+＋·]|至|到)\s*`;
/** Measure words and nouns that make a Chinese numeral a count ("五个环节", "三级", "六大工程", "两届"). */
const CLASSIFIERS = [
  '个', '家', '项', '名', '人', '届', '年', '次', '级', '类', '大', '种', '条', '支', '色', '部分', '方面', '环节', '层',
  '篇', '所', '处', '批', '倍', '位', '元', '分钟', '天', '月', '周', '县', '区', '镇', '村', '组', '期', '轮', '份', '字',
  '成', '座', '套', '张', '步', '道', '线', '片', '块', '重', '型', '招', '社', '治', '有', '包', '专', '理', '创', '化',
  '化', '新', '多', '下降', '基地', '中心', '工程', '全会', '届', '必',
].join('|');
const PATTERNS = [
  // 20.03 万人, 366 千字: the unit prefix belongs to the number.
  `${A}(?:${JOIN}${A})*(?:\\s*(?:千万|[万亿千])(?![${CN_NUMERAL}]))?[%％]?`,
  `${CN}+分之${CN}+`,
  `第${CN}+(?:名|位)`,
  `${CN}+(?=${CLASSIFIERS})`,
  '过半|半数|一半|半(?=年)|翻一番|翻番|全覆盖|之首|首个|首家|首批|零投诉',
  `十[一二三四五六七八九]五`,
  // A numeral opening a short quoted term: “三调联动”, “五治”, “两新”, “一中心六基地”.
  `(?<=“\\s*)${CN}+(?=[^”\\n]{1,6}”)`,
];
const SCAN = new RegExp(PATTERNS.join('|'), 'g');

/** Numeric expressions of `text`, in order, overlapping matches merged: { start, end, text }. */
export function scanExpressions(text) {
  const out = [];
  for (const m of text.matchAll(SCAN)) {
    const start = m.index;
    const end = start + m[0].length;
    const last = out.at(-1);
    if (last && start < last.end) last.end = Math.max(last.end, end);
    else out.push({ start, end });
  }
  return out.map((e) => ({ ...e, text: text.slice(e.start, e.end) }));
}

function occurrences(doc, needle) {
  const at = [];
  for (let i = doc.indexOf(needle); i >= 0; i = doc.indexOf(needle, i + 1)) at.push(i);
  return at;
}

/**
 * Where each statement sits in its seed: every occurrence of its quote, and in it the value_text. Rows with
 * the same quote and value_text take successive occurrences of value_text in the quote ("20 个社区、 20 个社会组织").
 */
export function statementSpans(statements, seeds) {
  const seen = new Map();
  return statements.flatMap((s) => {
    const doc = seeds[s.source];
    const key = `${s.source}\u0000${s.quote}\u0000${s.value_text}`;
    const nth = seen.get(key) ?? 0;
    seen.set(key, nth + 1);
    const inQuote = occurrences(s.quote, s.value_text);
    const offset = inQuote[Math.min(nth, inQuote.length - 1)];
    return occurrences(doc, s.quote).map((q) => ({ row: s, quoteStart: q, quoteEnd: q + s.quote.length, start: q + offset, end: q + offset + s.value_text.length }));
  });
}

const overlaps = (a, b) => a.start < b.end && b.start < a.end;

/** A year or month inside a statement's quote that dates the statement ("截至 2014 年 6 月底 …" for year 2014, month 6). */
function datesStatement(e, span, doc) {
  if (e.start < span.quoteStart || e.end > span.quoteEnd) return false;
  const after = doc.slice(e.end, e.end + 2).trimStart();
  const n = Number(e.text);
  const r = span.row;
  if (/^年/.test(after) && /^\d{4}$/.test(e.text)) return [r.year, r.period_start, r.period_end].includes(n);
  if (/^年/.test(after)) {
    const p = parseValueText(`${e.text}年`);
    return p?.low != null && p.low === r.period_start && p.high === r.period_end;
  }
  if (/^月/.test(after)) return r.month === (parseValueText(`${e.text}月`)?.month ?? NaN);
  return false;
}

/** Numbers that are part of a statement's category, indicator or unit ("35 岁及以下", "家/万人"), with the character after. */
function labelsStatement(e, span, doc) {
  if (e.start < span.quoteStart || e.end > span.quoteEnd) return false;
  const next = /\S/.exec(doc.slice(e.end, e.end + 3))?.[0] ?? '';
  const written = (e.text + next).replace(/\s+/g, '');
  const label = `${span.row.category ?? ''} ${span.row.indicator ?? ''} ${span.row.unit ?? ''}`.replace(/\s+/g, '');
  return label.includes(written);
}

function excludedBy(e, doc, exclusion, line) {
  if (exclusion.lines) return line >= exclusion.lines[0] && line <= exclusion.lines[1];
  if (exclusion.re) {
    for (const m of doc.matchAll(exclusion.re)) {
      if (overlaps(e, { start: m.index, end: m.index + m[0].length })) return true;
    }
    return false;
  }
  return occurrences(doc, exclusion.quote).some((q) => {
    const within = { start: q, end: q + exclusion.quote.length };
    return e.start >= within.start && e.end <= within.end && (!exclusion.value || doc.slice(e.start, e.end).includes(exclusion.value));
  });
}

/**
 * Classifies every expression of every seed: bundled (a statement's value), dated / labelled (the year, month or
 * label of a bundled statement, inside its quote), excluded (with the reason code) or missing. Also returns the
 * exclusions that exclude nothing (stale).
 */
export function audit(seeds, statements, exclusions) {
  const spans = statementSpans(statements, seeds);
  const used = new Set();
  const expressions = [];
  for (const [source, doc] of Object.entries(seeds)) {
    const mine = spans.filter((s) => s.row.source === source);
    const rules = exclusions.filter((x) => x.source === source || x.source === '*');
    for (const e of scanExpressions(doc)) {
      const line = doc.slice(0, e.start).split('\n').length;
      const hit = mine.find((s) => overlaps(e, s));
      let status = 'missing';
      let by = null;
      if (hit) [status, by] = ['bundled', hit.row.id];
      else if (mine.some((s) => datesStatement(e, s, doc))) status = 'dated';
      else if (mine.some((s) => labelsStatement(e, s, doc))) status = 'labelled';
      else {
        const x = rules.find((r) => excludedBy(e, doc, r, line));
        if (x) {
          [status, by] = ['excluded', x.reason];
          used.add(x);
          expressions.push({ source, line, ...e, status, by, exclusion: x });
          continue;
        }
      }
      expressions.push({ source, line, ...e, status, by });
    }
  }
  return { expressions, stale: exclusions.filter((x) => !used.has(x)) };
}

/** Coverage figures for the report: counts by status, by reason, by seed. */
export function summarise(result) {
  const count = (f) => result.expressions.filter(f).length;
  const bySeed = {};
  for (const e of result.expressions) {
    bySeed[e.source] ??= { found: 0, bundled: 0, dated: 0, labelled: 0, excluded: 0, missing: 0 };
    bySeed[e.source].found += 1;
    bySeed[e.source][e.status] += 1;
  }
  const byReason = {};
  for (const e of result.expressions) if (e.status === 'excluded') byReason[e.by] = (byReason[e.by] ?? 0) + 1;
  return {
    found: result.expressions.length,
    bundled: count((e) => e.status === 'bundled'),
    dated: count((e) => e.status === 'dated'),
    labelled: count((e) => e.status === 'labelled'),
    excluded: count((e) => e.status === 'excluded'),
    missing: count((e) => e.status === 'missing'),
    statements: new Set(result.expressions.filter((e) => e.status === 'bundled').map((e) => e.by)).size,
    bySeed,
    byReason,
  };
}

const context = (doc, e) => doc.slice(Math.max(0, e.start - 12), e.end + 12).replace(/\s+/g, ' ').replaceAll('|', '\\|');

/**
 * datasets/AUDIT.md: the coverage figures, every exclusion with its count and every expression left out, with
 * its reason and context (regenerated by the build). `legend` = { reasons: code → text, statements: the codes that
 * leave out a statement rather than text that is not a statistic }.
 */
export function renderReport(summary, result, exclusions, legend, seeds) {
  const left = result.expressions.filter((e) => e.status === 'excluded');
  const leftStatements = left.filter((e) => legend.statements.includes(e.by)).length;
  const lines = [
    '# Audit of the statistical statements in the seed documents',
    '',
    'Generated by `node datasets/build/build.mjs` (datasets/build/audit.mjs); checked by datasets/audit.test.ts.',
    'Every numeric expression the scanner finds in a seed (Arabic numbers, Chinese numerals before a measure word,',
    'fractions, ranges, shares in words, ranks) is either the value of a row of `statements`, the year, month or label',
    'of such a row inside its quote, or left out for the reason given here.',
    '',
    `- expressions found: **${summary.found}**`,
    `- bundled (the value of a statement): **${summary.bundled}**, in **${summary.statements}** statements`,
    `- the year or month (${summary.dated}) or a label (${summary.labelled}) of a bundled statement, inside its quote`,
    `- left out, with a reason: **${summary.excluded}** — ${summary.excluded - leftStatements} are not statistics (idioms, ordinals, names, identifiers, OCR …), ${leftStatements} are statements left out (${legend.statements.join(', ')})`,
    `- missing: **${summary.missing}**`,
    '',
    '| Seed | Found | Bundled | Dating | Labelling | Left out | Missing |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...Object.entries(summary.bySeed).map(([s, c]) => `| ${s} | ${c.found} | ${c.bundled} | ${c.dated} | ${c.labelled} | ${c.excluded} | ${c.missing} |`),
    '',
    '## Left out, by reason',
    '',
    '| Reason | Expressions |',
    '|---|---:|',
    ...Object.entries(summary.byReason).sort((a, b) => b[1] - a[1]).map(([code, n]) => `| ${code}: ${legend.reasons[code]} | ${n} |`),
    '',
    '## Every exclusion',
    '',
    '| Seed | Reason | Text | Expressions |',
    '|---|---|---|---:|',
  ];
  for (const x of exclusions) {
    const n = left.filter((e) => e.exclusion === x).length;
    const text = x.lines ? `lines ${x.lines[0]}–${x.lines[1]}` : x.re ? `pattern \`${x.re.source.replaceAll('|', '\\|')}\`` : `“${x.quote}”${x.value ? ` (${x.value})` : ''}`;
    lines.push(`| ${x.source === '*' ? 'all' : x.source.slice(0, 3)} | ${x.reason}${x.detail ? `: ${x.detail}` : ''} | ${text} | ${n} |`);
  }
  lines.push('', '## Every expression left out', '', '| Seed:line | Expression | Reason | Context |', '|---|---|---|---|');
  for (const e of left) lines.push(`| ${e.source.slice(0, 3)}:${e.line} | ${e.text.replaceAll('|', '\\|')} | ${e.by} | …${context(seeds[e.source], e)}… |`);
  const missing = result.expressions.filter((e) => e.status === 'missing');
  if (missing.length > 0) lines.push('', '## Missing', '', ...missing.map((e) => `- ${e.source.slice(0, 3)} line ${e.line}: ${e.text}`));
  return lines.join('\n') + '\n';
}
