import { describe, expect, it } from 'vitest';
import { parseManifest } from './manifest';

const manifest = (provenance: unknown) => ({
  format: 'sgw-project',
  version: 4,
  app: { name: 'sgw', version: 't' },
  savedAt: '2026-12-01T00:00:00.000Z',
  tables: [{ name: '年鉴', file: 'tables/t0.arrow', rows: 3, bytes: 10, crc32: 1, provenance }],
  sql: { draft: '', history: [], snippets: [] },
  documents: { charts: [], dashboards: [], decks: [], calcFields: [], joins: [] },
  settings: { lang: 'zh-CN' },
});

describe('table provenance in a manifest is import’s own saved shape', () => {
  it('keeps every field import writes, typed, and drops fields import does not know', () => {
    const p = {
      fileName: '年鉴.xlsx', sheet: '表3-2', encoding: 'gb18030', importedAt: '2026-11-30 08:00:00', notes: '注：含其中项',
      units: { 数量: '个' }, title: '表 3-2 社会组织', source: '民政部',
      totals: { rows: [{ column: '地区', values: ['全国'] }], columns: ['合计'] }, roles: { label: '地区', part: '其中' },
      madeUp: 'x',
    };
    const { madeUp: _dropped, ...known } = p;
    expect(parseManifest(manifest(p)).tables[0].provenance).toEqual(known);
  });

  it('refuses provenance whose text fields, time or units have the wrong type', () => {
    expect(() => parseManifest(manifest({ fileName: 3 }))).toThrow(/fileName must be text/);
    expect(() => parseManifest(manifest({ importedAt: 'yesterday' }))).toThrow(/not a time/);
    expect(() => parseManifest(manifest({ units: { a: 1 } }))).toThrow(/units must map/);
    expect(() => parseManifest(manifest('x'))).toThrow(/not an object/);
  });
});
