/**
 * What the tests demand of every row of `statements` (datasets/README.md: statements). Returns the problems
 * found, empty when the row is sound; the mutation test checks that it notices every kind of damage.
 */
import { parseValueText, prefixMultiplier } from './build/numerals.mjs';
import type { DatasetCatalog } from '../shared/model/catalog';
import { exact, SEED_FILE } from './test-support';

export const KINDS = ['count', 'parts', 'amount', 'measure', 'share', 'rate', 'ratio', 'fraction', 'multiple', 'range', 'duration', 'frequency', 'period', 'year', 'rank'];
export const APPROX = ['', 'about', 'more_than', 'nearly', 'less_than'];

export interface CheckContext {
  catalog: DatasetCatalog;
  seed: (file: string) => string;
  /** Rows of the other tables by table name and id (cases by case_id). */
  row: (table: string, id: string) => Record<string, string> | undefined;
}

const num = (s: string): number | null => (s === '' ? null : Number(s));

function valueProblems(r: Record<string, string>): string[] {
  const out: string[] = [];
  const p = parseValueText(r.value_text);
  if (!p) return [`nothing numeric in value_text “${r.value_text}”`];
  const [value, low, high] = [num(r.value), num(r.value_low), num(r.value_high)];
  const same = (a: number | null, b: number | null) => (a === null ? b === null : b !== null && exact(a, b));
  if (r.kind === 'range' || r.kind === 'period') {
    if (value !== null) out.push('a range has no single value');
    if (low === null || high === null || !same(p.low, low) || !same(p.high, high)) out.push(`ends ${low}–${high} but the text reads ${p.low}–${p.high}`);
    if (low !== null && high !== null && !(low < high)) out.push('low is not below high');
    if (r.kind === 'period' && (num(r.period_start) !== low || num(r.period_end) !== high)) out.push('period_start/period_end differ from the ends');
  } else if (r.kind === 'year') {
    if (value === null || value !== num(r.year)) out.push('a year statement has value = year');
    if (p.value === null ? p.month == null : value === null || !same(p.value, value)) out.push(`value ${value} but the text reads ${p.value}`);
    if (p.month != null && p.month !== num(r.month)) out.push(`month ${r.month} but the text reads ${p.month}`);
    if (r.unit !== '年') out.push('a year is in 年');
    if (low !== null || high !== null) out.push('only ranges and periods have ends');
  } else {
    if (value === null || !same(p.value, value)) out.push(`value ${r.value} but the text reads ${p.value}`);
    if (low !== null || high !== null) out.push('only ranges and periods have ends');
  }
  const mult = prefixMultiplier(r.unit);
  if (value !== null && r.value_norm !== '' && r.kind !== 'fraction' && r.kind !== 'year' && mult !== 1 && !exact(Number(r.value_norm), value * mult)) out.push('value_norm is not value × unit prefix');
  if (r.kind === 'fraction' && (value === null || value <= 0 || value > 1 || (r.value_norm !== '' && !exact(Number(r.value_norm), value * 100)))) out.push('a fraction lies in (0, 1] and value_norm is its percentage');
  return out;
}

function kindProblems(r: Record<string, string>): string[] {
  const out: string[] = [];
  if (!KINDS.includes(r.kind)) out.push(`unknown kind ${r.kind}`);
  if (!APPROX.includes(r.approx)) out.push(`unknown approx ${r.approx}`);
  if (r.kind === 'share' && r.unit !== '%') out.push('a share is in %');
  if (r.kind === 'multiple' && r.unit !== '倍') out.push('a multiple is in 倍');
  if (r.kind === 'rank' && r.unit !== '名次') out.push('a rank is in 名次');
  if (r.names !== '' && r.kind !== 'parts') out.push('only counts of named parts list names');
  const names = r.names === '' ? [] : r.names.split(';');
  if (names.length > 0 && names.length !== Number(r.value) && !/只列出/.test(r.note)) out.push(`${names.length} names for ${r.value} parts`);
  if (names.some((n) => n.trim() === '')) out.push('an empty name');
  return out;
}

function sourceProblems(r: Record<string, string>, ctx: CheckContext): string[] {
  const out: string[] = [];
  const doc = ctx.catalog.documents?.[r.source];
  if (!doc) return [`no document ${r.source}`];
  if (r.document !== doc.short.zh || SEED_FILE.test(r.document)) out.push(`document “${r.document}” is not the title of ${r.source}`);
  if (r.quote === '' || /[\r\n]/.test(r.quote) || [...r.quote].length > 80) out.push('the quote is one line of 1–80 characters');
  if (!ctx.seed(r.source).includes(r.quote)) out.push(`quote not in ${r.source}: ${r.quote}`);
  if (r.value_text === '' || !r.quote.includes(r.value_text)) out.push(`value_text “${r.value_text}” is not in the quote`);
  if (r.case_id !== '' && !ctx.row('cases', r.case_id)) out.push(`unknown case ${r.case_id}`);
  if (r.figure_table !== '') {
    const other = ctx.row(r.figure_table, r.figure_table === 'cases' ? r.case_id : r.figure_id);
    if (!other || other.source !== r.source || other.quote !== r.quote) out.push(`${r.figure_table} row ${r.figure_id || r.case_id} does not hold this quote`);
  }
  return out;
}

export function statementProblems(r: Record<string, string>, ctx: CheckContext): string[] {
  return [...sourceProblems(r, ctx), ...kindProblems(r), ...valueProblems(r)];
}
