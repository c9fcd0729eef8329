// Builds datasets/*.csv and datasets/catalog.json from the hand-entered rows in ./data,
// checking every quote against the seed documents first.
//   node datasets/build/build.mjs [seedsDir]      (default: ../shared/seeds next to the project)
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { checkQuote, DOCUMENTS, loadSeeds, sourceFile, splitUnit, tidy, toCsv } from './lib.mjs';
import { parseValueText } from './numerals.mjs';
import { TABLES } from './schema.mjs';
import { SH_ROWS } from './data/sh-social-org.mjs';
import { CASES_A } from './data/cases-a.mjs';
import { CASES_B } from './data/cases-b.mjs';
import { INDICATORS_LOCAL8, INDICATORS_THEORY } from './data/indicators-a.mjs';
import { INDICATORS_FOUR } from './data/indicators-b.mjs';
import { AWARD_EDITIONS, AWARD_ROWS, JIANGSU_ROWS } from './data/jiangsu-award.mjs';
import { caseYearStatements, enteredStatements, figureStatements } from './statements.mjs';
import { FIGURE_PARTS, STATEMENT_GROUPS } from './data/statements.mjs';
import { EXCLUSIONS, REASONS, STATEMENT_REASONS } from './data/audit-exclusions.mjs';
import { audit, renderReport, summarise } from './audit.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(here, '..');
const seedsDir = path.resolve(process.argv[2] ?? path.resolve(here, '../../../shared/seeds'));
const seeds = loadSeeds(seedsDir);
const THEMES = ['网络治理', '文化治理', '居民自治', '依法治理', '公益与社工治理', '综合治理'];

function normalise(value, unit, extra) {
  if (extra.value_norm !== undefined) return [extra.value_norm, extra.unit_norm ?? unit];
  const [mult, base] = splitUnit(unit);
  return [value === null ? null : value * mult, extra.unit_norm ?? base];
}

function shRows() {
  const src = sourceFile('four');
  return SH_ROWS.map(([indicator, indicator_en, dimension, category, category_en, value_text, unit, t, quote, extra = {}], i) => {
    checkQuote(seeds[src], quote, value_text, `sh_social_org row ${i + 1}`);
    const value = extra.value ?? parseValueText(value_text).value;
    const [value_norm, unit_norm] = normalise(value, unit, extra);
    return {
      id: i + 1, region: '上海市', year: t.y, month: t.m, period_start: t.ps, period_end: t.pe,
      indicator, indicator_en, dimension, category, category_en, value, unit, value_norm, unit_norm,
      approx: extra.approx, value_text, source: src, quote, note: extra.note,
    };
  });
}

function indicatorRows(groups, table, caseIds) {
  const rows = [];
  for (const [srcKey, list] of groups) {
    const src = sourceFile(srcKey);
    for (const [case_id, region, t, indicator, indicator_en, value_text, quote, extra = {}] of list) {
      const where = `${table} row ${rows.length + 1} (${indicator})`;
      checkQuote(seeds[src], quote, value_text, where);
      if (case_id && !caseIds.has(case_id)) throw new Error(`${where}: unknown case_id ${case_id}`);
      const parsed = parseValueText(value_text) ?? {};
      const value = extra.value ?? parsed.value;
      const unit = extra.unit ?? parsed.unit;
      if (value === null || value === undefined || unit === null || unit === undefined) throw new Error(`${where}: give value and unit for "${value_text}"`);
      const [value_norm, unit_norm] = normalise(value, unit, extra);
      rows.push({
        id: rows.length + 1, case_id, region, year: t?.y, month: t?.m, period_start: t?.ps, period_end: t?.pe,
        indicator, indicator_en, category: extra.category, category_en: extra.category_en,
        value_text, value: tidy(value), unit, value_norm: tidy(value_norm), unit_norm,
        approx: extra.approx ?? parsed.approx, source: src, quote, note: extra.note,
      });
    }
  }
  return rows;
}

function caseRows() {
  const all = [...CASES_A, ...CASES_B];
  const seen = new Set();
  return all.map((k) => {
    const where = `case ${k.id}`;
    if (seen.has(k.id)) throw new Error(`${where}: duplicate id`);
    seen.add(k.id);
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(k.id)) throw new Error(`${where}: bad slug`);
    if (!THEMES.includes(k.theme)) throw new Error(`${where}: bad theme ${k.theme}`);
    if (k.adcode && !/^\d{6}$/.test(k.adcode)) throw new Error(`${where}: bad adcode`);
    const src = sourceFile(k.src);
    checkQuote(seeds[src], k.quote, null, where);
    return {
      case_id: k.id, title: k.title, province: k.province, city: k.city, district: k.district, level: k.level,
      adcode: k.adcode, year: k.year, year_end: k.year_end, year_basis: k.year_basis, theme: k.theme,
      theme_basis: k.theme_basis, tags: k.tags, summary: k.summary, source: src, quote: k.quote, note: k.note,
    };
  });
}

function editionRows() {
  const src = sourceFile('book');
  return AWARD_EDITIONS.map((e) => {
    checkQuote(seeds[src], e.quote, null, `award_editions ${e.edition}`);
    return { ...e, source: src };
  });
}

const cases = caseRows();
const caseIds = new Set(cases.map((k) => k.case_id));
const data = {
  sh_social_org: shRows(),
  cases,
  case_indicators: indicatorRows([['local8', INDICATORS_LOCAL8], ['theory', INDICATORS_THEORY], ['four', INDICATORS_FOUR]], 'case_indicators', caseIds),
  jiangsu_community: indicatorRows([['jiangsu', JIANGSU_ROWS]], 'jiangsu_community', caseIds),
  award_programme: indicatorRows([['book', AWARD_ROWS]], 'award_programme', caseIds),
  award_editions: editionRows(),
};
data.statements = [...figureStatements(data, FIGURE_PARTS), ...caseYearStatements(cases), ...enteredStatements(STATEMENT_GROUPS, seeds, caseIds)].map((r, i) => ({ id: i + 1, ...r }));

const SOURCES_BY_TABLE = {
  sh_social_org: ['four'],
  cases: ['book', 'local8', 'theory', 'four', 'jiangsu'],
  case_indicators: ['local8', 'theory', 'four'],
  jiangsu_community: ['jiangsu'],
  award_programme: ['book'],
  award_editions: ['book'],
  statements: ['book', 'local8', 'theory', 'four', 'jiangsu'],
};

for (const [key, doc] of Object.entries(DOCUMENTS)) checkQuote(seeds[sourceFile(key)], doc.quote, doc.quote, `document ${key}`);
const documents = Object.fromEntries(Object.entries(DOCUMENTS).map(([key, doc]) => [sourceFile(key), doc]));
const catalog = { version: 1, documents, datasets: [] };
for (const [table, meta] of Object.entries(TABLES)) {
  const file = `${table}.csv`;
  writeFileSync(path.join(outDir, file), toCsv(meta.columns.map((c) => c.name), data[table]));
  catalog.datasets.push({ table, file, title: meta.title, description: meta.description, columns: meta.columns, sources: SOURCES_BY_TABLE[table].map(sourceFile) });
  process.stdout.write(`${table}: ${data[table].length} rows\n`);
}
writeFileSync(path.join(outDir, 'catalog.json'), JSON.stringify(catalog, null, 2) + '\n');

// The audit: every numeric expression of the seeds is a bundled statement or left out with a reason.
const result = audit(seeds, data.statements, EXCLUSIONS);
const summary = summarise(result);
writeFileSync(path.join(outDir, 'AUDIT.md'), renderReport(summary, result, EXCLUSIONS, { reasons: REASONS, statements: STATEMENT_REASONS }, seeds));
process.stdout.write(`audit: ${summary.found} expressions, ${summary.bundled} bundled, ${summary.dated + summary.labelled} dating or labelling a statement, ${summary.excluded} left out, ${summary.missing} missing; ${result.stale.length} stale exclusions\n`);
if (process.env.SGW_AUDIT_LIST) for (const x of result.stale) process.stdout.write(`  stale: ${x.source.slice(0, 3)} ${x.reason} ${x.quote ?? x.re}\n`);
if (process.env.SGW_AUDIT_LIST) for (const e of result.expressions.filter((x) => x.status === 'missing')) process.stdout.write(`  ${e.source.slice(0, 3)}:${e.line} ${e.text}  …${seeds[e.source].slice(Math.max(0, e.start - 25), e.end + 15).replace(/\n/g, '⏎')}\n`);

