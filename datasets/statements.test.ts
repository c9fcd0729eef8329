// Every bundled statement: its quote is in its seed, its value re-reads from the quote (Chinese numerals,
// fractions and ranges included), document titles are titles, and the checks notice every kind of damage.
import { describe, expect, it } from 'vitest';
import { parseValueText, prefixMultiplier } from './build/numerals.mjs';
import { KINDS, statementProblems, type CheckContext } from './statement-check';
import { SEED_FILE, exact, loadAll, loadCatalog, seedText, seedsPresent, tableFrom } from './test-support';

const catalog = loadCatalog();
const tables = loadAll();
const table = (name: string) => tableFrom(tables, name);
const statements = table('statements').rows;
const figureTables = ['sh_social_org', 'case_indicators', 'jiangsu_community', 'award_programme'];

const index = new Map<string, Map<string, Record<string, string>>>();
for (const [name, t] of tables) index.set(name, new Map(t.rows.map((r) => [name === 'cases' ? r.case_id : r.id, r])));
const ctx: CheckContext = { catalog, seed: seedText, row: (t, id) => index.get(t)?.get(id) };

describe('the seeds are here', () => {
  it('finds ../shared/seeds (the statement tests read the documents)', () => {
    expect(seedsPresent, 'run the tests from a checkout next to ../shared/seeds').toBe(true);
  });
});

describe('statements', () => {
  it('holds several hundred statements of every kind, from every document', () => {
    expect(statements.length).toBeGreaterThan(300);
    expect(new Set(statements.map((r) => r.kind))).toEqual(new Set(KINDS));
    expect(new Set(statements.map((r) => r.source))).toEqual(new Set(Object.keys(catalog.documents ?? {})));
    expect(statements.map((r) => Number(r.id))).toEqual(statements.map((_, i) => i + 1));
  });

  it('every row passes every check: quote in its seed, value re-read from it, kind, names, title, references', () => {
    const problems = statements.flatMap((r) => statementProblems(r, ctx).map((p) => `row ${r.id} (${r.indicator} “${r.value_text}”): ${p}`));
    expect(problems).toEqual([]);
  });

  it('holds each statement of a figure table once, referring to its row', () => {
    for (const name of figureTables) {
      const ids = new Set(statements.filter((s) => s.figure_table === name).map((s) => s.figure_id));
      const covered = table(name).rows.filter((r) => ids.has(r.id) || statements.some((s) => s.source === r.source && s.quote === r.quote && s.figure_table === name));
      expect(covered.length, name).toBe(table(name).rows.length);
    }
    const keys = statements.map((s) => `${s.source}|${s.quote}|${s.value_text}|${s.indicator}|${s.category}|${s.case_id}`);
    expect(keys.length - new Set(keys).size, 'duplicate statements').toBe(0);
  });

  it('states the fractions, ranges, periods and named parts the brief names', () => {
    const find = (kind: string, text: string) => statements.find((r) => r.kind === kind && r.value_text === text);
    expect(Number(find('fraction', '2/3')?.value)).toBeCloseTo(2 / 3, 12);
    expect(Number(find('fraction', '1/5')?.value)).toBe(0.2);
    expect(find('range', '1 〜 2')).toMatchObject({ value: '', value_low: '1', value_high: '2', unit: '次' });
    expect(find('period', '十三五')).toMatchObject({ period_start: '2016', period_end: '2020', value_low: '2016', value_high: '2020' });
    expect(find('parts', '六有')?.names.split(';')).toHaveLength(6);
    expect(find('parts', '五治')?.names).toBe('政治;自治;法治;德治;智治');
    expect(find('duration', '不到一个月')).toMatchObject({ value: '1', unit: '个月', approx: 'less_than' });
    expect(find('rank', '第一名')).toMatchObject({ value: '1', unit: '名次' });
  });
});

describe('the checks bite: every mutation of every statement is noticed', () => {
  const shift = (r: Record<string, string>): Record<string, string> => {
    if (r.kind === 'range' || r.kind === 'period') return { ...r, value_high: String(Number(r.value_high) + 1) };
    // “金秋十月” states the month only (the year is in the note): shift what the text says.
    if (r.kind === 'year' && !/\d{4}/.test(r.value_text.replace(/\s+/g, ''))) return { ...r, month: String(Number(r.month) + 1) };
    if (r.kind === 'year') return { ...r, value: String(Number(r.value) + 1), year: String(Number(r.year) + 1) };
    return { ...r, value: String(Number(r.value) + (r.kind === 'fraction' ? 0.01 : 1)) };
  };
  const mutations: [string, (r: Record<string, string>) => Record<string, string>][] = [
    ['value shifted', shift],
    ['quote altered', (r) => ({ ...r, quote: r.quote.slice(0, 1) + '〇' + r.quote.slice(1) })],
    ['value_text not in the quote', (r) => ({ ...r, value_text: `${r.value_text}9` })],
    ['seed file name as the document', (r) => ({ ...r, document: r.source })],
    ['unknown kind', (r) => ({ ...r, kind: 'amounts' })],
    ['low and high swapped or a range end added', (r) => (r.value_low ? { ...r, value_low: r.value_high, value_high: r.value_low } : { ...r, value_low: r.value || '1' })],
  ];
  it.each(mutations)('%s', (_name, mutate) => {
    const unnoticed = statements.filter((r) => statementProblems(mutate(r), ctx).length === 0).map((r) => `row ${r.id} ${r.value_text}`);
    expect(unnoticed).toEqual([]);
  });

  it('notices a count of named parts whose names do not add up, and a name list on a plain count', () => {
    const parts = statements.filter((r) => r.kind === 'parts' && r.names !== '' && !/只列出/.test(r.note));
    expect(parts.length).toBeGreaterThan(40);
    for (const r of parts) expect(statementProblems({ ...r, names: `${r.names};多出一项` }, ctx), r.id).not.toEqual([]);
    const count = statements.find((r) => r.kind === 'count')!;
    expect(statementProblems({ ...count, names: '甲;乙' }, ctx)).not.toEqual([]);
  });
});

describe('every figure table: values re-read from the quote', () => {
  it.each(figureTables.map((n) => [n]))('%s: value_text is in the quote and reads as the stored value', (name) => {
    const problems: string[] = [];
    for (const r of table(name).rows) {
      const where = `${name} row ${r.id} (${r.indicator} “${r.value_text}”)`;
      const p = parseValueText(r.value_text);
      if (!r.quote.includes(r.value_text)) problems.push(`${where}: not in the quote`);
      if (!seedText(r.source).includes(r.quote)) problems.push(`${where}: quote not in ${r.source}`);
      if (!p || p.value === null || !exact(p.value, Number(r.value))) problems.push(`${where}: stored ${r.value}, the text reads ${p?.value}`);
      const mult = prefixMultiplier(r.unit);
      if (mult !== 1 && !exact(Number(r.value_norm), Number(r.value) * mult)) problems.push(`${where}: value_norm`);
    }
    expect(problems).toEqual([]);
  });
});

describe('document titles, never seed file names, where a title belongs', () => {
  it('catalog titles, descriptions and document titles name no seed file', () => {
    for (const d of catalog.datasets) {
      for (const text of [d.title.zh, d.title.en, d.description.zh, d.description.en]) expect(text, d.table).not.toMatch(SEED_FILE);
    }
    for (const [file, doc] of Object.entries(catalog.documents ?? {})) {
      for (const text of [doc.title.zh, doc.title.en, doc.short.zh, doc.short.en]) expect(text, file).not.toMatch(SEED_FILE);
    }
  });

  it.each([...tables.keys()].map((n) => [n]))('%s: only the source column holds seed file names', (name) => {
    for (const r of table(name).rows) {
      for (const [col, v] of Object.entries(r)) if (col !== 'source') expect(v, `${name} row ${r.id ?? r.case_id} ${col}`).not.toMatch(SEED_FILE);
    }
  });
});
