import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../electron/cli/node-db';
import type { Db } from '../db';
import { describeTable } from '../db-catalog';
import { loadBundledDatasets } from '../datasets/load';
import type { DatasetCatalog } from '../model/catalog';
import { newChartSpec, parseChartSpec, type ChartSpec } from '../model/chart-spec';
import { sourceAndNotes } from './chart-data';
import { casesDashboard, shanghaiDashboard } from './ready-dashboards';
import { runChart, type ChartRun } from './run-chart';
import { starterChartSpec } from './starter-chart';

let db: Db;
let catalog: DatasetCatalog;
const info = async (name: string) => (await describeTable(db, name))!;
const ready = (run: ChartRun) => {
  if (run.status !== 'ready') throw new Error(`expected a ready run, got ${run.status}`);
  return run;
};

beforeAll(async () => {
  db = await openNodeDb();
  ({ catalog } = await loadBundledDatasets(db, async (p) => new Uint8Array(await readFile(path.resolve(__dirname, '../../datasets', p)))));
  // A by-region sheet as imported: the 合计 row (with a stray space) sums the regions; 全国 as a series value.
  await db.exec(`CREATE TABLE regions AS SELECT * FROM (VALUES
      ('北京市', '2013', 120.5::DECIMAL(10,1)), ('上海市', '2013', 98.0), ('浙江省', '2013', 75.25),
      ('合计 ', '2013', 293.75), ('全省', '2013', 1.0),
      ('北京市', '全国', 400.0), ('上海市', '全国', 400.0)
    ) t(地区, 口径, 数量)`);
});
afterAll(() => db.close());

const spec = (over: Partial<ChartSpec> = {}): ChartSpec => ({ ...newChartSpec('regions', '地区'), measures: [{ column: '数量', agg: 'sum', transform: 'none' }], ...over });
const only2013 = { column: '口径', op: 'in' as const, values: ['2013'] };

describe('totals are kept out of comparisons by default', () => {
  it('leaves the 合计 row out of a chart by region and says so; keepTotals brings it back', async () => {
    const ctx = { table: await info('regions'), catalog, lang: 'zh-CN' as const };
    const out = ready(await runChart(db, spec({ filters: [only2013] }), ctx));
    // 全省 is a total by name too (no provenance here).
    expect(out.data.categories).toEqual(['北京市', '上海市', '浙江省']);
    expect(out.data.series[0].values).toEqual([120.5, 98, 75.25]);
    expect(out.data.totals).toEqual({ kept: false, found: [{ column: '地区', values: ['全省', '合计 '] }] });
    expect(out.data.notes).toEqual(['已排除合计行：全省、合计']);
    expect(sourceAndNotes(out.data)).toContain('已排除合计行：全省、合计');
    expect(out.query.sql).toContain(`"地区" NOT IN ('全省', '合计 ')`);

    const kept = ready(await runChart(db, parseChartSpec(JSON.parse(JSON.stringify(spec({ filters: [only2013], keepTotals: true })))), ctx));
    expect(kept.data.categories).toEqual(['合计 ', '北京市', '上海市', '浙江省', '全省']);
    expect(kept.data.totals?.kept).toBe(true);
    expect(kept.data.notes).toEqual(['含合计行：全省、合计']);
  });

  it('leaves totals out of the series too, ranks top-N without them, and in English', async () => {
    const ctx = { table: await info('regions'), catalog, lang: 'en' as const };
    const bySeries = ready(await runChart(db, spec({ x: '口径', series: '地区' }), ctx));
    // 全国 in the dimension and 合计/全省 in the series: both left out.
    expect(bySeries.data.categories).toEqual(['2013']);
    expect(bySeries.data.series.map((s) => s.name).sort()).toEqual(['上海市', '北京市', '浙江省'].sort());
    expect(bySeries.data.totals!.found).toEqual([
      { column: '口径', values: ['全国'] },
      { column: '地区', values: ['全省', '合计 '] },
    ]);
    const top = ready(await runChart(db, spec({ filters: [only2013], topN: 2 }), ctx));
    expect(top.data.categories).toEqual(['北京市', '上海市']);
    // Top-2 ranked 合计 first; 全省 never made the top, so it is not named.
    expect(top.data.notes).toEqual(['Total rows left out: 合计']);
    // Two totals above every region: the second only ranks in once the first is out.
    await db.exec(`CREATE TABLE stacked_totals AS SELECT * FROM (VALUES ('合计', 300), ('全国', 200), ('北京市', 100), ('上海市', 90)) t(地区, 数量)`);
    const one = ready(await runChart(db, { ...spec({ table: 'stacked_totals' }), topN: 1 }, { ...ctx, table: await info('stacked_totals') }));
    expect(one.data.categories).toEqual(['北京市']);
    expect(one.data.totals?.found).toEqual([{ column: '地区', values: ['全国', '合计'] }]);
  });

  it('takes the totals from provenance when the table has it, and keeps a total the user filters for', async () => {
    const ctx = { table: await info('regions'), catalog, lang: 'zh-CN' as const, provenance: { totals: { rows: [{ column: '地区', values: ['合计'] }], columns: [] } } };
    const prov = ready(await runChart(db, spec({ filters: [only2013] }), ctx));
    // Provenance lists 合计 only (trimmed, as import records it): 全省 stays, 合计 (with its space) goes.
    expect(prov.data.categories).toEqual(['北京市', '上海市', '浙江省', '全省']);
    const asked = ready(await runChart(db, spec({ filters: [only2013, { column: '地区', op: 'in', values: ['合计 ', '北京市'] }] }), { ...ctx, provenance: null }));
    expect(asked.data.categories).toEqual(['合计 ', '北京市']);
    expect(asked.data.totals).toBeUndefined();
  });

  it('changes no ready dashboard card and not the starter chart (their totals are NULL categories or filtered)', async () => {
    const specs = [...shanghaiDashboard('zh-CN').cards, ...casesDashboard('zh-CN').cards].map((c) => c.spec);
    for (const s of [...specs, starterChartSpec('zh-CN')]) {
      const ctx = { table: await info(s.table), catalog, lang: 'zh-CN' as const };
      const dflt = ready(await runChart(db, s, ctx));
      const kept = ready(await runChart(db, { ...s, keepTotals: true }, ctx));
      expect(dflt.data.totals, `${s.table}: ${s.title}`).toBeUndefined();
      expect(dflt.data).toEqual(kept.data);
    }
  });

  it('refuses a keepTotals that is not true or false', () => {
    expect(() => parseChartSpec({ ...spec(), keepTotals: 'yes' })).toThrow(/keepTotals/);
    expect(parseChartSpec({ ...spec(), keepTotals: false }).keepTotals).toBeUndefined();
  });
});
