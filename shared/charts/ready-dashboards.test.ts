import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../electron/cli/node-db';
import type { Db } from '../db';
import { listTables } from '../db-catalog';
import { loadBundledDatasets } from '../datasets/load';
import type { DatasetCatalog } from '../model/catalog';
import { parseDashboard } from '../model/dashboard';
import { buildChartSql } from '../sql/chart-sql';
import { toChartData } from './chart-data';
import { buildChartOption } from './chart-option';
import { casesDashboard, shanghaiDashboard } from './ready-dashboards';

const datasets = path.resolve(__dirname, '../../datasets');
let db: Db;
let catalog: DatasetCatalog;
let columnsOf: (t: string) => string[];
beforeAll(async () => {
  db = await openNodeDb();
  ({ catalog } = await loadBundledDatasets(db, async (p) => new Uint8Array(await readFile(path.join(datasets, p)))));
  const tables = await listTables(db);
  columnsOf = (t) => tables.find((x) => x.name === t)?.columns.map((c) => c.name) ?? [];
});
afterAll(() => db.close());

describe('ready dashboards on the bundled data', () => {
  for (const make of [shanghaiDashboard, casesDashboard]) {
    it(`${make('zh-CN').title}: every card parses, queries real rows and draws`, async () => {
      const d = parseDashboard(JSON.parse(JSON.stringify(make('zh-CN'))));
      // Ready dashboards hold charts only.
      const cards = d.cards.flatMap((c) => (c.kind === 'pivot' ? [] : [c]));
      expect(cards).toHaveLength(make('zh-CN').cards.length);
      for (const card of cards) {
        const q = buildChartSql(card.spec, { columns: columnsOf(card.spec.table) });
        const table = await db.query(q.sql);
        expect(table.numRows, card.id).toBeGreaterThan(0);
        const data = toChartData(card.spec, q, table, catalog, 'zh-CN');
        expect(buildChartOption(data, 'zh-CN').series, card.id).toBeDefined();
      }
    });
  }

  it('shows Shanghai staff 2007 → 2013, full- and part-time, from the source figures', async () => {
    const card = shanghaiDashboard('zh-CN').cards.find((c) => c.id === 'sh-staff')!;
    const q = buildChartSql(card.spec);
    const data = toChartData(card.spec, q, await db.query(q.sql), catalog, 'zh-CN');
    expect(data.categories).toEqual(['2007', '2013']);
    expect(data.series.map((s) => [s.name, s.values])).toEqual([
      ['专职', [4.4, 14.31]],
      ['兼职', [8.1, 5.72]],
    ]);
    expect(data.unit).toBe('万人');
  });

  it('cross-filters the cases charts by a clicked province', async () => {
    const d = casesDashboard('zh-CN');
    const theme = d.cards.find((c) => c.id === 'cases-theme')!;
    const cross = [{ sourceId: 'cases-map', column: 'province', values: ['浙江省'] }];
    const q = buildChartSql(theme.spec, { columns: columnsOf('cases'), global: { cross }, chartId: theme.id });
    const t = await db.query(q.sql);
    const total = t.toArray().reduce((a, r) => a + Number(r.count_rows), 0);
    const check = await db.query(`SELECT count(*)::DOUBLE AS n FROM cases WHERE province = '浙江省' AND theme IS NOT NULL`);
    expect(total).toBe(check.get(0)!.n);
  });
});
