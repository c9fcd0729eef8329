// Numeric expressions of the seeds that are not statistical statements, or that are left out, with the reason.
// { source: seed key or '*', re: /…/g, reason } excludes the expressions that overlap a match; { source, quote,
// value?, reason } excludes the expressions inside that verbatim text (only those containing `value` if given). A bundled statement always wins over an exclusion; an exclusion that
// excludes nothing fails the audit test.
import { sourceFile } from '../lib.mjs';
import { BOOK_EXCLUSIONS, LOCAL8_EXCLUSIONS, THEORY_EXCLUSIONS } from './audit-exclusions-a.mjs';
import { FOUR_EXCLUSIONS, JIANGSU_EXCLUSIONS } from './audit-exclusions-b.mjs';

export const REASONS = {
  idiom: 'a numeral inside a set phrase (进一步, 一方面, 一系列, 千条线、一根针, 万家): not a quantity',
  article: '一 as an indefinite article or “one and the same” (一个……的平台, 一支队伍, 一篇大文章, 一家社会组织承接)',
  ordinal: 'an ordinal or list marker (第一步, 第二批, 第 1 版, 一是 …, 1. 2. 3.): an order, not a quantity',
  congress: 'the name of a Party congress or plenum (党的十八大, 十八届三中全会)',
  name: 'a number that is part of a name (淮安市126信访, “平安365”, 96345 / 12345 热线, “1+6”文件, 1.0版, “8·12”事故)',
  identifier: 'an identifier, address or telephone number (ISBN, CIP number, classification, postcode)',
  repeat: 'the same statement made again (a repeated title or model name, a summary restating a bundled figure)',
  web: 'web page furniture (time stamp, share and comment counters, image file names)',
  ocr: 'table of contents, page numbers and OCR residue of the thesis front matter (篇二)',
  citation: 'a bibliographic reference or footnote marker (author, year and page of a cited work)',
  vague: 'an indefinite quantity with no number (数十家, 一批, 若干)',
  caption: 'a figure or table number or caption (见图 1, 图 1 2013 年上海社会组织分类): the figures are bundled from the text',
  date: 'the year of figures bundled with that year, written outside their quotes (2013 年,全市社工机构 … 2035 个)',
};

/** Reasons that leave out a statement (said again, dated elsewhere, no number); the others are not statistics. */
export const STATEMENT_REASONS = ['repeat', 'date', 'vague'];

// Seed-specific exclusions first (they say more precisely why), then the patterns for all seeds.
const rules = [
  ...BOOK_EXCLUSIONS,
  ...LOCAL8_EXCLUSIONS,
  ...THEORY_EXCLUSIONS,
  ...FOUR_EXCLUSIONS,
  ...JIANGSU_EXCLUSIONS,
  { source: '*', reason: 'idiom', re: /(?<=进\s*)一(?=\s*步)|一(?=方面|系列|站式|门受理|把手)|(?<=每)一|(?<=[进知解办]\s*)万(?=家)/g },
  { source: '*', reason: 'congress', re: /十[六七八九](?=大|届)/g },
  { source: '*', reason: 'ordinal', re: /(?<=第\s*)(?:[一二三四五六七八九十]+|\d+)(?![名位\d])|(?<=(?:^|[。；：，、\s）)])\s*)[一二三四五六七八九十]+(?=\s*是)|(?<=\*\*)\d(?=\.)|^\d(?=[.、])|(?<=[。；：:]\s*)\d(?=\.\s)/gm },
  { source: '*', reason: 'article', re: /(?<![一二三四五六七八九十两\d])一(?=[个支篇道家片张块类套项条种](?!县|书记))/g },
];

export const EXCLUSIONS = rules.map((x) => ({ ...x, source: x.source === '*' ? '*' : sourceFile(x.source) }));
