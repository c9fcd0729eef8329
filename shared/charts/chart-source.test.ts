/** A chart's source line by default: the provenance of its data, on the real engine with real imports. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBundledDb } from '../../tests/fixtures/bundled-db';
import type { Db } from '../db';
import { describeTable, listTables } from '../db-catalog';
import { importIntoDb } from '../import/commit';
import type { DatasetCatalog } from '../model/catalog';
import type { ChartSpec } from '../model/chart-spec';
import { defaultSourceText } from './chart-data';
import { runChart } from './run-chart';

const fixture = (name: string) => new Uint8Array(readFileSync(path.resolve(__dirname, '../../tests/fixtures/import', name)));
const spec = (table: string, x: string, extra: Partial<ChartSpec> = {}): ChartSpec => ({
  version: 1,
  table,
  kind: 'column',
  x,
  measures: [{ column: null, agg: 'count', transform: 'none' }],
  filters: [],
  sort: 'x_asc',
  stack: 'none',
  title: '',
  annotations: [],
  ...extra,
});

describe('source lines from provenance', () => {
  let db: Db;
  let catalog: DatasetCatalog;
  beforeAll(async () => {
    ({ db, catalog } = await openBundledDb());
  });
  afterAll(() => db.close());

  it('bundled tables cite their dataset and documents by title before anything is imported', async () => {
    const table = (await describeTable(db, 'sh_social_org'))!;
    expect(table.origin).toBeUndefined();
    const run = await runChart(db, spec('sh_social_org', 'category'), { table, catalog, lang: 'zh-CN' });
    expect(run.status === 'ready' && run.data.source).toBe('来源：上海社会组织统计（2007—2014） · 《社会治理创新案例名称4篇》');
  });

  it('a workbook with a 资料来源 note cites that source; a CSV without one cites its file', async () => {
    await importIntoDb(db, fixture('yearbook-shapes.xlsx'), '上海统计年鉴.xlsx', { sheets: ['社会组织'], tableNames: ['年鉴_社会组织'] });
    await importIntoDb(db, fixture('gbk.csv'), '社区问卷.csv', { tableNames: ['社区问卷'] });
    const tables = await listTables(db);
    const yearbook = tables.find((t) => t.name === '年鉴_社会组织')!;
    expect(yearbook.origin).toEqual({ fileName: '上海统计年鉴.xlsx', sheet: '社会组织', source: '民政部《2013年社会服务发展统计公报》' });
    const run = await runChart(db, spec('年鉴_社会组织', '指标'), { table: yearbook, catalog, lang: 'zh-CN' });
    expect(run.status === 'ready' && run.data.source).toBe('来源：民政部《2013年社会服务发展统计公报》');

    const csv = tables.find((t) => t.name === '社区问卷')!;
    expect(csv.origin).toEqual({ fileName: '社区问卷.csv', sheet: null });
    const first = csv.columns[0].name;
    const plain = await runChart(db, spec('社区问卷', first), { table: csv, catalog, lang: 'en' });
    expect(plain.status === 'ready' && plain.data.source).toBe('Source: 社区问卷.csv');
  });

  it('the user’s own text wins; a sheet without a source line cites file and sheet', async () => {
    const table = (await describeTable(db, '年鉴_社会组织'))!;
    const own = await runChart(db, spec('年鉴_社会组织', '指标', { source: '上海市统计局' }), { table, catalog, lang: 'zh-CN' });
    expect(own.status === 'ready' && own.data.source).toBe('来源：上海市统计局');
    expect(defaultSourceText(spec('t', 'x'), catalog, 'zh-CN', { fileName: '年鉴.xlsx', sheet: '表3', source: undefined })).toBe('年鉴.xlsx · 表3');
    // Citing bundled tables explicitly still names them, whatever the chart's own table.
    expect(defaultSourceText(spec('年鉴_社会组织', '指标', { sources: ['sh_social_org'] }), catalog, 'zh-CN', table.origin)).toBe('上海社会组织统计（2007—2014） · 《社会治理创新案例名称4篇》');
  });
});
