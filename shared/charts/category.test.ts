import { tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { buildCategoryOption } from './category';

const table = tableFromArrays({
  类型: ['社会团体', '民办非企业单位', '基金会'],
  数量: Float64Array.from([3963, 7059, 209]),
  上年: Float64Array.from([3800, 6800, 180]),
});

describe('buildCategoryOption', () => {
  it('puts the result in a dataset and encodes x and y by column name', () => {
    const o = buildCategoryOption(table, { kind: 'bar', x: '类型', y: ['数量'] }, { title: '登记数', unit: '个', source: '来源：上海', lang: 'zh-CN' });
    expect(o.dataset).toEqual({ source: { 类型: ['社会团体', '民办非企业单位', '基金会'], 数量: [3963, 7059, 209] }, dimensions: ['类型', '数量'] });
    expect(o.series).toMatchObject([{ type: 'bar', name: '数量', encode: { x: '类型', y: '数量' } }]);
    expect(o.yAxis).toMatchObject({ type: 'value', name: '个' });
    expect(o.graphic).toMatchObject([{ style: { text: '来源：上海' } }]);
    expect(o.legend).toBeUndefined();
  });

  it('formats axis labels in 万 and tooltips with unit', () => {
    const o = buildCategoryOption(table, { kind: 'bar', x: '类型', y: ['数量'] }, { title: 't', unit: '人', lang: 'zh-CN' });
    const axis = o.yAxis as { axisLabel: { formatter: (v: number) => string } };
    expect(axis.axisLabel.formatter(200300)).toBe('20.03万');
    const tooltip = o.tooltip as { valueFormatter: (v: number) => string };
    expect(tooltip.valueFormatter(200300)).toBe('200,300 人');
  });

  it('swaps axes when horizontal, one series per measure with a legend, stacked on request', () => {
    const o = buildCategoryOption(table, { kind: 'bar', x: '类型', y: ['数量', '上年'], horizontal: true, stacked: true }, { title: 't', lang: 'en' });
    expect(o.xAxis).toMatchObject({ type: 'value' });
    expect(o.yAxis).toMatchObject({ type: 'category', inverse: true });
    expect(o.series).toMatchObject([
      { encode: { x: '数量', y: '类型' }, stack: 'total' },
      { encode: { x: '上年', y: '类型' }, stack: 'total' },
    ]);
    expect(o.legend).toBeDefined();
  });

  it('refuses a spec naming a column the result lacks', () => {
    expect(() => buildCategoryOption(table, { kind: 'line', x: '年份', y: ['数量'] }, { title: 't', lang: 'zh-CN' })).toThrow(/年份/);
  });
});
