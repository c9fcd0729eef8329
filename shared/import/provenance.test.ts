import { describe, expect, it } from 'vitest';
import { fromSaved, parseSavedProvenance, toSaved, type Provenance } from './provenance';

const full: Provenance = {
  tableName: 't',
  fileName: '年鉴.xlsx',
  sheet: '地区',
  encoding: null,
  importedAt: '2024-01-02 03:04:05',
  notes: '表 3-5\n注：…',
  units: { 总计: '个' },
  title: '表 3-5  各地区社会组织单位数',
  source: '民政部',
  totals: { rows: [{ column: '地区', values: ['合计'] }], columns: ['总计'] },
  roles: { label: '地区', parent: '上级地区' },
};

describe('provenance in project files', () => {
  it('round-trips every field through the saved shape and its parser', () => {
    const saved = JSON.parse(JSON.stringify(toSaved(full))) as unknown;
    expect(fromSaved('t', parseSavedProvenance(saved)!)).toEqual(full);
  });

  it('opens older provenance (no title, source, totals, roles) as before', () => {
    expect(fromSaved('t', parseSavedProvenance({ fileName: 'a.csv', encoding: 'gb18030' })!)).toEqual({
      tableName: 't',
      fileName: 'a.csv',
      sheet: null,
      encoding: 'gb18030',
      importedAt: '1970-01-01 00:00:00',
      notes: '',
      units: {},
    });
    expect(fromSaved('t', {})).toBeNull();
  });

  it('drops what a crafted file puts in the wrong shape', () => {
    const parsed = parseSavedProvenance({
      fileName: 'a.csv',
      title: 3,
      units: { a: '个', b: 4 },
      totals: { rows: [{ column: '地区', values: ['全国', 5] }, { values: ['x'] }, 'y'], columns: 'no' },
      roles: { label: '地区', parent: 7, evil: 'x' },
      extra: '<script>',
    });
    expect(parsed).toEqual({ fileName: 'a.csv', units: { a: '个' }, totals: { rows: [{ column: '地区', values: ['全国'] }], columns: [] }, roles: { label: '地区' } });
    expect(parseSavedProvenance('x')).toBeUndefined();
  });
});
