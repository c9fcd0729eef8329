import { tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import type { ChartData } from '../../shared/charts/chart-data';
import { translator } from '../../shared/i18n';
import { parseChartSpec } from '../../shared/model/chart-spec';
import { ExportUsageError, QUERY_VIEW, inQueryOrder, specFromFlags } from './export-spec';

const t = translator('zh-CN');

describe('specFromFlags', () => {
  it('turns today’s flags into a valid ChartSpec over the query view: one summed measure per --y, named after it', () => {
    const spec = specFromFlags({ chart: 'combo', x: '类型', y: '2013年, 2014年', unit: '个', source: '来源：国家统计局' }, t);
    // Valid in every field; only its table is the CLI's own view, a name no chart file may use.
    expect(parseChartSpec(JSON.parse(JSON.stringify({ ...spec, table: 'q' })))).toEqual({ ...spec, table: 'q' });
    expect(() => parseChartSpec(spec)).toThrow(/internal/);
    expect(spec).toMatchObject({
      table: QUERY_VIEW,
      kind: 'combo',
      x: '类型',
      title: '2013年、2014年 · 类型',
      sources: [],
      source: '国家统计局',
      measures: [
        { column: '2013年', agg: 'sum', label: '2013年', unit: '个' },
        { column: '2014年', agg: 'sum', label: '2014年', unit: '个' },
      ],
    });
    expect(specFromFlags({ x: 'a', y: 'b' }, t)).toMatchObject({ kind: 'column', title: 'b · a', sources: [] });
    expect(specFromFlags({ x: 'a', y: 'b' }, t)).not.toHaveProperty('source');
  });

  it('refuses what no chart can draw, in words', () => {
    expect(() => specFromFlags({ chart: 'radar', x: 'a', y: 'b' }, t)).toThrow(ExportUsageError);
    expect(() => specFromFlags({ chart: 'scatter', x: 'a', y: 'b' }, t)).toThrow('scatter 图需要两列数值');
    expect(() => specFromFlags({ x: 'a', y: 'b,c', series: 'd' }, t)).toThrow('指定 --series 时，--y 只能给一列');
    expect(() => specFromFlags({ x: 'a', y: ' , ' }, t)).toThrow('请提供 --y');
  });
});

describe('inQueryOrder', () => {
  const data: ChartData = {
    kind: 'column',
    title: 't',
    categoryLabel: '类型',
    categories: ['基金会', '民办非企业单位', '社会团体'],
    keys: ['基金会', '民办非企业单位', '社会团体'],
    series: [
      { name: '2013', values: [null, 6000, 3900], axis: 'left', type: 'bar' },
      { name: '2014', values: [300, 6300, 4000], axis: 'left', type: 'bar' },
    ],
    source: '',
    stack: 'none',
    annotations: [],
  };

  it('puts categories and series in the order the query’s rows bring them, moving every number with its category', () => {
    const rows = tableFromArrays({ 类型: ['民办非企业单位', '社会团体', '民办非企业单位', '社会团体', '基金会'], 年份: Int32Array.from([2014, 2014, 2013, 2013, 2014]) });
    const out = inQueryOrder(data, rows, '类型', '年份');
    expect(out.categories).toEqual(['民办非企业单位', '社会团体', '基金会']);
    expect(out.keys).toEqual(['民办非企业单位', '社会团体', '基金会']);
    expect(out.series.map((s) => [s.name, s.values])).toEqual([
      ['2014', [6300, 4000, 300]],
      ['2013', [6000, 3900, null]],
    ]);
    // Without a series column the series keep their (measure) order.
    expect(inQueryOrder(data, rows, '类型').series.map((s) => s.name)).toEqual(['2013', '2014']);
  });
});
