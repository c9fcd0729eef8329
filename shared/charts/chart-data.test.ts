import { tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { parseCatalog, type DatasetCatalog } from '../model/catalog';
import { newChartSpec, type ChartSpec } from '../model/chart-spec';
import { buildChartSql } from '../sql/chart-sql';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sourceLine, toChartData } from './chart-data';

const catalog: DatasetCatalog = parseCatalog({
  version: 1,
  datasets: [
    {
      table: 'orgs',
      file: 'orgs.csv',
      title: { zh: '社会组织', en: 'Organisations' },
      description: { zh: '', en: '' },
      sources: ['a.txt'],
      columns: [
        { name: 'year', type: 'INTEGER', label: { zh: '年份', en: 'Year' } },
        { name: 'kind', type: 'VARCHAR', label: { zh: '类型', en: 'Type' } },
        { name: 'staff', type: 'DOUBLE', label: { zh: '从业人员', en: 'Staff' }, unit: '万人' },
      ],
    },
  ],
});

const spec = (over: Partial<ChartSpec>): ChartSpec => ({ ...newChartSpec('orgs', 'year'), ...over });

describe('toChartData', () => {
  it('pivots long rows into one series per series value, keeping raw x keys and the catalog unit', () => {
    const s = spec({ series: 'kind', measures: [{ column: 'staff', agg: 'sum', transform: 'none' }], kind: 'column', stack: 'stacked' });
    const q = buildChartSql(s);
    const table = tableFromArrays({
      year: Int32Array.from([2007, 2007, 2013, 2013]),
      kind: ['专职', '兼职', '专职', '兼职'],
      sum_staff: Float64Array.from([4.4, 8.1, 14.31, 5.72]),
    });
    const d = toChartData(s, q, table, catalog, 'zh-CN');
    expect(d).toMatchObject({
      kind: 'column',
      categories: ['2007', '2013'],
      keys: [2007, 2013],
      categoryLabel: '年份',
      unit: '万人',
      stack: 'stacked',
      title: '从业人员（求和） · 按年份',
      source: '来源：社会组织 · a.txt',
      series: [
        { name: '专职', values: [4.4, 14.31], axis: 'left', type: 'bar', unit: '万人' },
        { name: '兼职', values: [8.1, 5.72], axis: 'left', type: 'bar', unit: '万人' },
      ],
    });
  });

  it('puts the second measure of a combo on the right axis as a line, in %', () => {
    const s = spec({
      kind: 'combo',
      title: '登记数与增长',
      measures: [
        { column: null, agg: 'count', transform: 'none', unit: '家' },
        { column: null, agg: 'count', transform: 'yoy' },
      ],
    });
    const q = buildChartSql(s);
    const table = tableFromArrays({ year: Int32Array.from([2012, 2013]), count_rows: Float64Array.from([10, 12]), count_rows_yoy: [null, 20] });
    const d = toChartData(s, q, table, catalog, 'en');
    expect(d.title).toBe('登记数与增长');
    expect(d.series).toEqual([
      { name: 'Rows', values: [10, 12], axis: 'left', type: 'bar', unit: '家' },
      { name: 'Rows YoY growth', values: [null, 20], axis: 'right', type: 'line', unit: '%' },
    ]);
    expect(d.source).toBe('Source: Organisations · a.txt');
  });

  it('refuses a result that lacks the query’s columns', () => {
    const s = spec({});
    expect(() => toChartData(s, buildChartSql(s), tableFromArrays({ year: [1] }), catalog, 'zh-CN')).toThrow(/count_rows/);
  });
});

describe('source lines', () => {
  it('name the bundled datasets and their documents from the catalog', async () => {
    const bundled = parseCatalog(JSON.parse(await readFile(path.resolve(__dirname, '../../datasets/catalog.json'), 'utf8')));
    expect(sourceLine(['sh_social_org'], bundled, 'zh-CN')).toBe('上海社会组织统计（2007—2014） · 《社会治理创新案例名称4篇》');
    expect(sourceLine(['sh_social_org', 'jiangsu_community'], bundled, 'en')).toBe(
      'Shanghai social organisations, 2007–2014 · Four innovation cases (compilation) | Jiangsu community governance figures and targets · Hou Xueyuan (Jiangsu)',
    );
    expect(sourceLine(['unknown_table'], bundled, 'zh-CN')).toBe('unknown_table');
    // A catalog without document titles still names the seed files.
    expect(sourceLine(['sh_social_org'], { ...bundled, documents: undefined }, 'zh-CN')).toBe('上海社会组织统计（2007—2014） · 003_6abf6539eaf24928.txt');
  });

  it('use the text the user gave, cite nothing for an empty source list, and label x as asked', () => {
    const s = spec({ xLabel: '登记年度' });
    const q = buildChartSql(s);
    const table = tableFromArrays({ year: Int32Array.from([2012]), count_rows: Float64Array.from([3]) });
    expect(toChartData({ ...s, source: '国家统计局' }, q, table, catalog, 'zh-CN')).toMatchObject({ source: '来源：国家统计局', categoryLabel: '登记年度', title: '记录数 · 按登记年度' });
    expect(toChartData({ ...s, sources: [] }, q, table, catalog, 'zh-CN').source).toBe('');
    expect(toChartData(s, q, table, catalog, 'en').source).toBe('Source: Organisations · a.txt');
  });
});
