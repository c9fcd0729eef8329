import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../electron/cli/node-db';
import type { Db } from '../db';
import { loadBundledDatasets } from '../datasets/load';
import type { DatasetCatalog } from '../model/catalog';
import { buildCategoryOption } from './category';
import { STARTER_CHART, sourceLine } from './starter-chart';

const datasets = path.resolve(__dirname, '../../datasets');

describe('the starter chart on the bundled data', () => {
  let db: Db;
  let catalog: DatasetCatalog;
  beforeAll(async () => {
    db = await openNodeDb();
    ({ catalog } = await loadBundledDatasets(db, async (p) => new Uint8Array(await readFile(path.join(datasets, p)))));
  });
  afterAll(() => db.close());

  it('aggregates registrations by type for end-2013 and mid-2014 in SQL', async () => {
    const t = await db.query(STARTER_CHART.sql);
    expect(t.toArray().map((r) => r.toJSON())).toEqual([
      { 类型: '民办非企业单位', '2013年末': 7666, '2014年6月末': 7905 },
      { 类型: '社会团体', '2013年末': 3789, '2014年6月末': 3853 },
      { 类型: '基金会', '2013年末': 152, '2014年6月末': 166 },
    ]);
    const option = buildCategoryOption(t, STARTER_CHART.spec, { title: 't', lang: 'zh-CN' });
    expect(option.series).toHaveLength(2);
  });

  it('builds its source line from the dataset catalog', () => {
    expect(sourceLine(STARTER_CHART.tables, catalog, 'zh-CN')).toBe('上海社会组织统计（2007—2014） · 《社会治理创新案例名称4篇》');
    expect(sourceLine(['sh_social_org', 'jiangsu_community'], catalog, 'en')).toBe(
      'Shanghai social organisations, 2007–2014 · Four innovation cases (compilation) | Jiangsu community governance figures and targets · Hou Xueyuan (Jiangsu)',
    );
    expect(sourceLine(['unknown_table'], catalog, 'zh-CN')).toBe('unknown_table');
    // A catalog without document titles still names the seed files.
    expect(sourceLine(STARTER_CHART.tables, { ...catalog, documents: undefined }, 'zh-CN')).toBe('上海社会组织统计（2007—2014） · 003_6abf6539eaf24928.txt');
  });
});
