import { describe, expect, it } from 'vitest';
import { THEMES, loadAll, loadCatalog, seedText, seedsPresent, tableFrom, unitMultiplier } from './test-support';

const catalog = loadCatalog();
const tables = loadAll();
const table = (name: string) => tableFrom(tables, name);
/** Figure tables: rows carry value_text / value / unit (statements, with ranges and kinds, has statements.test.ts). */
const longTables = catalog.datasets
  .filter((d) => d.columns.some((c) => c.name === 'value_text') && !d.columns.some((c) => c.name === 'kind'))
  .map((d) => d.table);
/** Equal up to a relative 1e-9 (CSV numbers are written with 12 significant digits). */
const closeTo = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
const quoted = catalog.datasets.filter((d) => d.columns.some((c) => c.name === 'quote')).map((d) => d.table);

describe('catalog.json', () => {
  it('parses and lists the expected tables', () => {
    expect(catalog.version).toBe(1);
    expect(catalog.datasets.map((d) => d.table)).toEqual(
      expect.arrayContaining(['sh_social_org', 'cases', 'case_indicators', 'award_programme', 'jiangsu_community']),
    );
  });

  it('names seed documents as sources and gives every column zh and en labels', () => {
    for (const d of catalog.datasets) {
      expect(d.sources.length, d.table).toBeGreaterThan(0);
      for (const s of d.sources) expect(s, d.table).toMatch(/^\d{3}_[0-9a-f]{16}\.txt$/);
      for (const c of d.columns) {
        expect(c.label.zh, `${d.table}.${c.name}`).not.toBe('');
        expect(c.label.en, `${d.table}.${c.name}`).not.toBe('');
      }
    }
  });
});

describe.each(catalog.datasets.map((d) => [d.table]))('%s.csv', (name) => {
  const t = table(name);

  it('has a header equal to the declared columns and rectangular records', () => {
    expect(t.header).toEqual(t.entry.columns.map((c) => c.name));
    expect(t.rows.length).toBeGreaterThan(0);
    for (const [i, r] of t.records.entries()) expect(r.length, `record ${i + 2}`).toBe(t.header.length);
  });

  it('has cells that parse as their declared types', () => {
    for (const col of t.entry.columns) {
      for (const [i, row] of t.rows.entries()) {
        const v = row[col.name];
        if (v === '') continue;
        const where = `${name} row ${i + 2} ${col.name}=${v}`;
        if (col.type === 'INTEGER' || col.type === 'BIGINT') expect(v, where).toMatch(/^-?\d+$/);
        if (col.type === 'INTEGER') expect(Math.abs(Number(v)), where).toBeLessThan(2 ** 31);
        if (col.type === 'DOUBLE') expect(Number.isFinite(Number(v)) && /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(v), where).toBe(true);
        if (col.type === 'BOOLEAN') expect(v, where).toMatch(/^(true|false)$/);
        if (col.type === 'DATE') expect(v, where).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });

  it('has years and months in range', () => {
    for (const [i, row] of t.rows.entries()) {
      for (const c of ['year', 'year_end', 'period_start', 'period_end']) {
        if (row[c]) expect(Number(row[c]), `${name} row ${i + 2} ${c}`).toBeGreaterThanOrEqual(1949);
        if (row[c]) expect(Number(row[c]), `${name} row ${i + 2} ${c}`).toBeLessThanOrEqual(2030);
      }
      if (row.month) expect(Number(row.month)).toBeGreaterThanOrEqual(1);
      if (row.month) expect(Number(row.month)).toBeLessThanOrEqual(12);
      if (row.period_start && row.period_end) expect(Number(row.period_start)).toBeLessThanOrEqual(Number(row.period_end));
    }
  });
});

describe('quotes (shape)', () => {
  it.each(quoted.map((n) => [n]))('%s: every quote is one line of at most 80 characters, with a source', (name) => {
    for (const [i, row] of table(name).rows.entries()) {
      const where = `${name} row ${i + 2}`;
      expect(row.quote, where).not.toBe('');
      expect([...row.quote].length, where).toBeLessThanOrEqual(80);
      expect(row.quote, where).not.toMatch(/[\r\n]/);
      expect(table(name).entry.sources, where).toContain(row.source);
    }
  });
});

describe('long tables: values', () => {
  it.each(longTables.map((n) => [n]))('%s: quote contains value_text; value_norm = value × unit prefix', (name) => {
    for (const [i, row] of table(name).rows.entries()) {
      const where = `${name} row ${i + 2} (${row.indicator} ${row.value_text})`;
      expect(row.value_text, where).not.toBe('');
      expect(row.quote.includes(row.value_text), where).toBe(true);
      expect(row.value, where).not.toBe('');
      const value = Number(row.value);
      const mult = unitMultiplier(row.unit);
      if (mult !== 1) {
        expect(closeTo(Number(row.value_norm), value * mult), where).toBe(true);
        expect(row.unit_norm, where).not.toMatch(/^[万亿千]/);
      } else if (row.unit_norm === row.unit && row.value_norm !== '') {
        expect(closeTo(Number(row.value_norm), value), where).toBe(true);
      }
    }
  });

  it.each(longTables.map((n) => [n]))('%s: value equals the Arabic number in value_text when it has one', (name) => {
    for (const [i, row] of table(name).rows.entries()) {
      const m = /(\d+(?:\.\d+)?)(?:\/(\d+))?/.exec(row.value_text.replace(/\s+/g, ''));
      if (!m) continue; // Chinese numerals (十多个, 两万多个, 全覆盖): value given by hand, explained in note
      const written = m[2] ? Number(m[1]) / Number(m[2]) : Number(m[1]);
      const where = `${name} row ${i + 2} (${row.value_text})`;
      expect(closeTo(Number(row.value), written), where).toBe(true);
    }
  });

  it('approx is one of the documented codes', () => {
    for (const name of longTables) for (const row of table(name).rows) expect(['', 'about', 'more_than', 'nearly']).toContain(row.approx);
  });
});

describe('cases', () => {
  const t = table('cases');

  it('has at least 70 cases with unique slugs', () => {
    expect(t.rows.length).toBeGreaterThanOrEqual(70);
    const ids = t.rows.map((r) => r.case_id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('uses only the six themes, six-digit adcodes and documented levels', () => {
    for (const r of t.rows) {
      expect(THEMES as readonly string[], r.case_id).toContain(r.theme);
      if (r.adcode) expect(r.adcode, r.case_id).toMatch(/^\d{6}$/);
      expect(['全国', '省级', '地市级', '区县级', '街镇级', '社区级', '社会组织'], r.case_id).toContain(r.level);
      expect(['intro', 'assigned'], r.case_id).toContain(r.theme_basis);
      if (r.year) expect(['start', 'award', 'reported'], r.case_id).toContain(r.year_basis);
      expect(r.title, r.case_id).not.toBe('');
      expect(r.summary, r.case_id).not.toBe('');
      expect(r.summary, r.case_id).not.toBe(r.quote);
    }
  });

  it('adcode agrees with the province where both are given', () => {
    const prefix: Record<string, string> = { 北京市: '11', 上海市: '31', 江苏省: '32', 浙江省: '33', 安徽省: '34', 福建省: '35', 山东省: '37', 广东省: '44', 广西壮族自治区: '45', 重庆市: '50', 四川省: '51', 贵州省: '52', 陕西省: '61', 辽宁省: '21', 吉林省: '22' };
    for (const r of t.rows) {
      if (!r.adcode || !r.province) continue;
      expect(prefix[r.province], `${r.case_id}: add ${r.province} to the test`).toBeDefined();
      expect(r.adcode.slice(0, 2), r.case_id).toBe(prefix[r.province]);
    }
  });

  it('is referenced correctly by the figure tables', () => {
    const ids = new Set(t.rows.map((r) => r.case_id));
    for (const name of longTables) {
      for (const row of table(name).rows) if (row.case_id) expect(ids.has(row.case_id), `${name}: ${row.case_id}`).toBe(true);
    }
  });
});

describe('quotes against the seed documents', () => {
  it('gives every source document a title, a short title and an identifying quote', () => {
    for (const d of catalog.datasets) for (const s of d.sources) expect(catalog.documents?.[s]?.short.zh, `${d.table}: ${s}`).toBeTruthy();
  });

  it.skipIf(!seedsPresent)('finds each document title quote in its document', () => {
    for (const [file, doc] of Object.entries(catalog.documents ?? {})) expect(seedText(file).includes(doc.quote), `${file}: ${doc.quote}`).toBe(true);
  });

  it.skipIf(!seedsPresent).each(quoted.map((n) => [n]))('%s: every quote occurs verbatim in its source', (name) => {
    for (const [i, row] of table(name).rows.entries()) {
      expect(seedText(row.source).includes(row.quote), `${name} row ${i + 2}: ${row.quote}`).toBe(true);
    }
  });

  it.skipIf(!seedsPresent)('the corrected places are recorded in notes', () => {
    const byId = new Map(table('cases').rows.map((r) => [r.case_id, r]));
    expect(byId.get('daying-sanshan')?.province).toBe('四川省');
    expect(byId.get('daying-sanshan')?.note).toMatch(/重庆市大英县/);
    expect(byId.get('liaoyuan-shiwei-yiti')?.province).toBe('吉林省');
    expect(byId.get('liaoyuan-shiwei-yiti')?.note).toMatch(/辽宁省辽源市/);
    expect(byId.get('luan-654321')?.note).toMatch(/664321/);
  });
});
