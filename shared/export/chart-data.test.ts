import { tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { COLUMN, COMBO, PIE } from '../../tests/fixtures/export/charts';
import { exportChartFromTable } from './chart-data';
import { exportChartOption } from './chart-option';

describe('exportChartFromTable', () => {
  it('takes wide results: one series per value column', () => {
    const table = tableFromArrays({ 类型: ['社会团体', '基金会'], '2013年': Float64Array.from([3900, 250]), '2014年': [4000, null] });
    const chart = exportChartFromTable(table, { kind: 'column', x: '类型', y: ['2013年', '2014年'], title: '数量', unit: '家' });
    expect(chart).toMatchObject({ kind: 'column', title: '数量', categoryLabel: '类型', categories: ['社会团体', '基金会'], unit: '家' });
    expect(chart.series).toEqual([
      { name: '2013年', values: [3900, 250] },
      { name: '2014年', values: [4000, null] },
    ]);
  });

  it('pivots long results by the series column, summing duplicates and leaving gaps as null', () => {
    const table = tableFromArrays({
      年份: Int32Array.from([2013, 2013, 2014, 2014, 2014]),
      类型: ['社会团体', '基金会', '社会团体', '社会团体', '民办非企业单位'],
      数量: Float64Array.from([3900, 250, 4000, 10, 6300]),
    });
    const chart = exportChartFromTable(table, { kind: 'line', x: '年份', y: ['数量'], series: '类型', title: 't' });
    expect(chart.categories).toEqual(['2013', '2014']);
    expect(chart.series).toEqual([
      { name: '社会团体', values: [3900, 4010] },
      { name: '基金会', values: [250, null] },
      { name: '民办非企业单位', values: [null, 6300] },
    ]);
  });

  it('marks combo series after the first as lines on the secondary axis', () => {
    const table = tableFromArrays({ x: ['a'], n: [1], rate: [0.5] });
    const chart = exportChartFromTable(table, { kind: 'combo', x: 'x', y: ['n', 'rate'], title: 't' });
    expect(chart.series.map((s) => [s.type, s.secondaryAxis])).toEqual([
      ['bar', undefined],
      ['line', true],
    ]);
  });

  it('explains missing columns and bad specs', () => {
    const table = tableFromArrays({ x: ['a'], n: [1] });
    expect(() => exportChartFromTable(table, { kind: 'column', x: 'x', y: ['缺'], title: 't' })).toThrow(/columns not in the result: 缺/);
    expect(() => exportChartFromTable(table, { kind: 'column', x: 'x', y: [], title: 't' })).toThrow(/at least one value column/);
    expect(() => exportChartFromTable(table, { kind: 'column', x: 'x', y: ['n', 'n'], series: 'x', title: 't' })).toThrow(/exactly one value column/);
  });
});

describe('exportChartOption', () => {
  it('reuses the category builder for columns, with title, legend and source line', () => {
    const o = exportChartOption(COLUMN, 'zh-CN');
    expect(o.title).toMatchObject({ text: COLUMN.title, subtext: COLUMN.subtitle });
    expect(o.legend).toBeDefined();
    expect(JSON.stringify(o.graphic)).toContain(COLUMN.source);
    expect((o.series as { type: string }[]).map((s) => s.type)).toEqual(['bar', 'bar']);
    expect(o.animation).toBe(false);
  });

  it('draws pie slices from the categories and combo lines on a second axis', () => {
    const pie = exportChartOption(PIE, 'zh-CN');
    expect((pie.series as { type: string; data: unknown[] }[])[0]).toMatchObject({ type: 'pie', data: [{ name: '民办非企业单位', value: 6300 }, { name: '社会团体', value: 4000 }, { name: '基金会', value: 300 }] });
    expect(pie.xAxis).toBeUndefined();
    const combo = exportChartOption(COMBO, 'zh-CN');
    expect((combo.series as { type: string; yAxisIndex?: number }[]).map((s) => [s.type, s.yAxisIndex])).toEqual([
      ['bar', undefined],
      ['line', 1],
    ]);
    expect(combo.yAxis).toHaveLength(2);
  });
});

describe('exportChartOption without Arrow builders', () => {
  it('keeps nulls as gaps and text intact', () => {
    const o = exportChartOption({ ...COMBO, categories: ['甲', '', 'ｃ'] }, 'zh-CN');
    const source = (o.dataset as { source: Record<string, unknown[]> }).source;
    expect(source['类型']).toEqual(['甲', '', 'ｃ']);
    expect(source['增长率'].slice(0, 2)).toEqual([5, 2.56]);
    const gap = source['增长率'][2];
    expect(gap === null || Number.isNaN(gap)).toBe(true);
  });
});
