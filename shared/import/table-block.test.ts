import { describe, expect, it } from 'vitest';
import type { Grid } from './grid';
import { extractTable } from './table-block';

describe('extractTable', () => {
  it('reads a plain table and guesses types', () => {
    const t = extractTable({ rows: [['地区', '年份', '数量', '占比'], ['上海', '2013', '1,200', '12.5%'], ['北京', '2014', '—', '８%']] });
    expect(t.columns).toEqual([
      { name: '地区', type: 'string' },
      { name: '年份', type: 'integer' },
      { name: '数量', type: 'integer' },
      { name: '占比', type: 'double', unit: '%' },
    ]);
    expect(t.rowCount).toBe(2);
    expect(t.headerRow).toBe(1);
    expect(t.warnings).toEqual([]);
  });

  it('skips title rows, joins a merged two-row header, reads units and drops footnotes', () => {
    const grid: Grid = {
      rows: [
        ['表 3-1 各地区社会组织情况', null, null, null],
        ['单位：个', null, null, null],
        ['地区', '社会组织', null, '从业人数(万人)'],
        [null, '社会团体', '基金会', null],
        ['上海', 4000, 300, 1.5],
        ['北京', '3,800', '—', 2],
        [null, null, null, null],
        ['注：本表数据不含港澳台地区。', null, null, null],
        ['资料来源：民政统计年鉴', null, null, null],
      ],
      merges: [
        { s: { r: 0, c: 0 }, e: { r: 0, c: 3 } },
        { s: { r: 2, c: 0 }, e: { r: 3, c: 0 } },
        { s: { r: 2, c: 1 }, e: { r: 2, c: 2 } },
        { s: { r: 2, c: 3 }, e: { r: 3, c: 3 } },
      ],
    };
    const t = extractTable(grid);
    expect(t.titles).toEqual(['表 3-1 各地区社会组织情况', '单位：个']);
    expect(t.headerRow).toBe(3);
    expect(t.headerRows).toBe(2);
    expect(t.columns).toEqual([
      { name: '地区', type: 'string' },
      { name: '社会组织_社会团体', type: 'integer', unit: '个', path: ['社会组织', '社会团体'] },
      { name: '社会组织_基金会', type: 'integer', unit: '个', path: ['社会组织', '基金会'] },
      { name: '从业人数', type: 'double', unit: '万人' },
    ]);
    expect(t.notes).toEqual(['注：本表数据不含港澳台地区。', '资料来源：民政统计年鉴']);
    expect(t.data[2]).toEqual([300, '—']);
  });

  it('takes a units row under the header', () => {
    const t = extractTable({ rows: [['指标', '人口', '收入'], [null, '（万人）', '（亿元）'], ['上海', '2,415', '3.2']] });
    expect(t.headerRows).toBe(2);
    expect(t.columns.map((c) => [c.name, c.unit])).toEqual([
      ['指标', undefined],
      ['人口', '万人'],
      ['收入', '亿元'],
    ]);
  });

  it('names blank and duplicate headers and says so', () => {
    const t = extractTable({ rows: [['a', '', 'a', 'b'], ['1', '2', '3', '4']] });
    expect(t.columns.map((c) => c.name)).toEqual(['a', '列2', 'a_2', 'b']);
    expect(t.warnings.map((w) => w.key)).toEqual(['import.warn.blankHeader', 'import.warn.duplicateHeader']);
  });

  it('reports ragged rows with their source lines', () => {
    const t = extractTable({ rows: [['a', 'b'], ['1', '2'], ['3'], ['4', '5', '6']], lines: [1, 2, 4, 5], strictWidth: true });
    expect(t.rowCount).toBe(3);
    expect(t.warnings[0]).toEqual({ key: 'import.warn.ragged', params: { count: 2, lines: '4, 5', width: 2 } });
    expect(t.data[1]).toEqual(['2', null, '5']);
  });

  it('honours header-row overrides and counts year columns', () => {
    const t = extractTable({ rows: [['x'], ['地区', '2013', '2014年'], ['上海', '1', '2']] }, { headerRow: 2, headerRows: 1 });
    expect(t.columns.map((c) => c.name)).toEqual(['地区', '2013', '2014年']);
    expect(t.yearColumns).toBe(2);
    expect(t.titles).toEqual(['x']);
  });

  it('keeps numeric columns numeric when a stray mark appears, with a warning', () => {
    const rows = [['n'], ...Array.from({ length: 60 }, (_, i) => [String(i)]), ['12(a)']];
    const t = extractTable({ rows });
    expect(t.columns[0].type).toBe('integer');
    expect(t.warnings[0]).toMatchObject({ key: 'import.warn.badValues', params: { column: 'n', count: 1, examples: '12(a)' } });
  });
});
