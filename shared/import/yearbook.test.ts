/** Yearbook layouts as statistics bureaux print them, through the real pipeline (fixtures: make-fixtures.mjs). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFile, previewRows } from './pipeline';
import type { ColumnSpec, ImportOptions, ParsedTable } from './types';

const fixture = (name: string) => new Uint8Array(readFileSync(path.resolve(__dirname, '../../tests/fixtures/import', name)));
const analyze = async (name: string, opts: ImportOptions = {}) => (await analyzeFile(fixture(name), name, opts)).tables;
const sheet = async (name: string, opts: ImportOptions = {}) => (await analyze('yearbook-shapes.xlsx', { ...opts, sheets: [name] }))[0];
const column = (t: ParsedTable, name: string) => t.data[t.columns.findIndex((c) => c.name === name)];
const year = (y: number, type: ColumnSpec['type'], unit?: string): ColumnSpec => ({ name: `${y}年`, type, path: ['年份', `${y}年`], year: y, ...(unit ? { unit } : {}) });

describe('社会组织: 2-row merged header, years under 年份, a units line, units in labels, Excel indents, 其中', () => {
  it('names every column from its full header and reads the labels’ structure', async () => {
    const t = await sheet('社会组织');
    expect(t.columns).toEqual([
      { name: '指标', type: 'string', role: 'label' },
      { name: '上级指标', type: 'string', role: 'parent' },
      { name: '其中项', type: 'boolean', role: 'part' },
      { name: '单位', type: 'string', role: 'unit' },
      year(2007, 'double'),
      year(2012, 'double'),
      year(2013, 'double'),
      { name: '增长', type: 'double', unit: '%' },
    ]);
    expect(column(t, '指标')).toEqual(['社会组织总数', '社会团体', '民办非企业单位', '基金会', '公募基金会', '从业人员']);
    expect(column(t, '上级指标')).toEqual([null, '社会组织总数', '社会组织总数', '社会组织总数', '基金会', null]);
    expect(column(t, '其中项')).toEqual([false, false, false, false, true, false]);
    expect(column(t, '单位')).toEqual(['家', '家', '家', '家', '家', '万人']);
    expect(previewRows(t)[0]).toEqual(['社会组织总数', '', 'false', '家', '386916', '499268', '547245', '9.6']);
  });

  it('reports the layout, the title, notes and the source line', async () => {
    const t = await sheet('社会组织');
    expect([t.headerRow, t.headerRows]).toEqual([2, 2]);
    expect(t.layout).toEqual({ titleRows: 1, unitRow: 4, dataStart: 5, dataEnd: 10, labelColumn: 1, labelName: '指标', spacerColumns: [2], indent: 'excel' });
    expect(t.title).toBe('表 3-2  社会组织基本情况');
    expect(t.titles).toEqual(['表 3-2  社会组织基本情况', '单位：家、万人']);
    expect(t.notes).toEqual(['注：2013年数据为快报数。', '资料来源：民政部《2013年社会服务发展统计公报》']);
    expect(t.source).toBe('民政部《2013年社会服务发展统计公报》');
    expect(t.totals).toEqual({ rows: [], columns: [] });
    expect(t.yearColumns).toBe(3);
    expect(t.warnings).toEqual([]);
  });

  it('unpivots the years under the merged parent, keeping each row’s unit', async () => {
    const t = await sheet('社会组织', { unpivot: true });
    expect(t.columns.map((c) => [c.name, c.type, c.unit])).toEqual([
      ['指标', 'string', undefined],
      ['上级指标', 'string', undefined],
      ['其中项', 'boolean', undefined],
      ['单位', 'string', undefined],
      ['增长', 'double', '%'],
      ['年份', 'integer', undefined],
      ['数值', 'double', undefined],
    ]);
    expect(t.rowCount).toBe(18);
    expect(previewRows(t).filter((r) => r[0] === '从业人员')).toEqual([
      ['从业人员', '', 'false', '万人', '3.8', '2007', '456.9'],
      ['从业人员', '', 'false', '万人', '3.8', '2012', '613.3'],
      ['从业人员', '', 'false', '万人', '3.8', '2013', '636.6'],
    ]);
  });
});

describe('地区: 3-row merged header, a table unit, 合计 row and 总计 column, padded labels', () => {
  it('joins three header rows, takes the table unit and lists the totals', async () => {
    const t = await sheet('地区');
    const path = (group: string, y: number) => ({ name: `社会组织单位数_${group}_${y}年`, type: 'integer', unit: '个', path: ['社会组织单位数', group, `${y}年`], year: y });
    expect(t.columns).toEqual([{ name: '地区', type: 'string' }, path('社会团体', 2012), path('社会团体', 2013), path('基金会', 2012), path('基金会', 2013), { name: '总计', type: 'integer', unit: '个' }]);
    expect([t.headerRow, t.headerRows, t.layout?.titleRows, t.layout?.dataStart]).toEqual([3, 3, 2, 6]);
    // Full-width spaces between the characters are padding (合计 and 北京 are written with U+3000 inside). The total row is kept.
    expect(column(t, '地区')).toEqual(['合计', '北京', '上海', '浙江']);
    expect(t.totals).toEqual({ rows: [{ column: '地区', values: ['合计'] }], columns: ['总计'] });
    expect(t.notes).toEqual(['注：合计含未列出的地区。']);
    expect(t.source).toBeUndefined();
  });

  it('unpivots into 指标 (the parent under the shared one) and 年份, with the one unit on 数值', async () => {
    const t = await sheet('地区', { unpivot: true });
    expect(t.columns).toEqual([
      { name: '地区', type: 'string' },
      { name: '总计', type: 'integer', unit: '个' },
      { name: '指标', type: 'string' },
      { name: '年份', type: 'integer' },
      { name: '数值', type: 'integer', unit: '个' },
    ]);
    expect(previewRows(t).slice(4, 8)).toEqual([
      ['北京', '7440', '社会团体', '2012', '3400'],
      ['北京', '7440', '社会团体', '2013', '3600'],
      ['北京', '7440', '基金会', '2012', '200'],
      ['北京', '7440', '基金会', '2013', '240'],
    ]);
    expect(t.totals).toEqual({ rows: [{ column: '地区', values: ['合计'] }], columns: ['总计'] });
  });
});

describe('服务: a per-column units row and labels indented with spaces', () => {
  it('takes units from the units row and parents from the indentation', async () => {
    const t = await sheet('服务');
    expect(t.columns).toEqual([
      { name: '项目', type: 'string', role: 'label' },
      { name: '上级项目', type: 'string', role: 'parent' },
      { name: '机构数', type: 'integer', unit: '个' },
      { name: '职工人数', type: 'double', unit: '万人' },
      { name: '增长', type: 'double', unit: '%' },
    ]);
    expect(t.layout).toMatchObject({ unitRow: 3, dataStart: 4, indent: 'spaces' });
    expect(column(t, '上级项目')).toEqual([null, '社区服务机构', '社区服务机构']);
  });
});

describe('a GBK yearbook CSV: parent over blank cells, spacer column, units line, full-width indents, a bare 其中 line', () => {
  it('reads it like the workbook', async () => {
    const [t] = await analyze('yearbook-gbk.csv');
    const y = (n: number) => ({ name: `社区服务机构_${n}年`, type: 'integer', unit: '个', path: ['社区服务机构', `${n}年`], year: n });
    expect(t.columns).toEqual([
      { name: '地区', type: 'string', role: 'label' },
      { name: '上级地区', type: 'string', role: 'parent' },
      { name: '其中项', type: 'boolean', role: 'part' },
      y(2012),
      y(2013),
      y(2014),
      { name: '覆盖率', type: 'double', unit: '%' },
    ]);
    // The bare 其中 line is gone; 成都 is a part of 四川.
    expect(column(t, '地区')).toEqual(['全国', '东部地区', '北京', '上海', '西部地区', '四川', '成都']);
    expect(column(t, '上级地区')).toEqual([null, null, '东部地区', '东部地区', null, '西部地区', '四川']);
    expect(column(t, '其中项')).toEqual([false, false, false, false, false, false, true]);
    expect(t.layout).toEqual({ titleRows: 1, unitRow: 5, dataStart: 6, dataEnd: 13, labelColumn: 1, labelName: '地区', spacerColumns: [2], indent: 'spaces' });
    expect(t.totals).toEqual({ rows: [{ column: '地区', values: ['全国'] }], columns: [] });
    expect([t.title, t.source]).toEqual(['表1 各地区社区服务机构情况', '民政部']);
  });

  it('unpivots without a constant 指标 column (every year column has the same parent)', async () => {
    const [t] = await analyze('yearbook-gbk.csv', { unpivot: true });
    expect(t.columns.map((c) => c.name)).toEqual(['地区', '上级地区', '其中项', '覆盖率', '年份', '数值']);
    expect(t.columns[5].unit).toBe('个');
    expect(t.rowCount).toBe(21);
  });
});

describe('detection and overrides per sheet', () => {
  it('detects each sheet’s own layout in one workbook', async () => {
    const tables = await analyze('yearbook-shapes.xlsx', { sheets: ['社会组织', '地区', '服务'] });
    expect(tables.map((t) => [t.sheet, t.headerRow, t.headerRows, t.layout?.dataStart, t.rowCount])).toEqual([
      ['社会组织', 2, 2, 5, 6],
      ['地区', 3, 3, 6, 4],
      ['服务', 2, 2, 4, 3],
    ]);
  });

  it('an override on one sheet leaves the other sheets’ detection and data untouched', async () => {
    const plain = await analyze('yearbook-shapes.xlsx', { sheets: ['社会组织', '地区'] });
    const changed = await analyze('yearbook-shapes.xlsx', {
      sheets: ['社会组织', '地区'],
      sheetOptions: { 社会组织: { headerRow: 3, headerRows: 1, unpivot: false, columns: [{ name: 'x' }] } },
    });
    expect(changed[0].headerRow).toBe(3);
    expect(changed[0].columns[0].name).toBe('x');
    // A header row set by hand still leaves the units line under it out of the data.
    expect([changed[0].layout?.unitRow, changed[0].layout?.dataStart, changed[0].rowCount]).toEqual([4, 5, 6]);
    expect(changed[0].columns.map((c) => c.name).slice(1)).toEqual(['上级指标', '其中项', '单位', '2007年', '2012年', '2013年', '增长']);
    const { data: plainData, ...plainRest } = plain[1];
    const { data: changedData, ...changedRest } = changed[1];
    expect(changedRest).toEqual(plainRest);
    expect(changedData).toEqual(plainData);
  });

  it('sheet settings win over file-wide ones for that sheet only', async () => {
    const tables = await analyze('yearbook-shapes.xlsx', { sheets: ['社会组织', '地区'], unpivot: true, sheetOptions: { 地区: { unpivot: false } } });
    expect(tables.map((t) => t.rowCount)).toEqual([18, 4]);
  });

  it('honours data-start and label-column overrides', async () => {
    const skipped = await sheet('地区', { sheetOptions: { 地区: { dataStart: 7 } } });
    expect(column(skipped, '地区')).toEqual(['北京', '上海', '浙江']);
    const noLabels = await sheet('社会组织', { sheetOptions: { 社会组织: { labelColumn: 0 } } });
    expect(noLabels.columns.map((c) => c.name)).toEqual(['指标', '2007年', '2012年', '2013年', '增长']);
    expect(column(noLabels, '指标')[0]).toBe('社会组织总数(家)');
  });
});
