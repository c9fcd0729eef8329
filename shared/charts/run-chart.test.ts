import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../electron/cli/node-db';
import { DbError, type Db } from '../db';
import { describeTable, type TableInfo } from '../db-catalog';
import { loadBundledDatasets } from '../datasets/load';
import type { DatasetCatalog } from '../model/catalog';
import { newChartSpec, type ChartSpec, type Measure } from '../model/chart-spec';
import { shanghaiDashboard } from './ready-dashboards';
import { buildRollup } from '../sql/rollup';
import { MAX_CHART_ROWS } from '../sql/chart-sql';
import { chartQuery, runChart, type ChartRun } from './run-chart';
import { starterChartSpec } from './starter-chart';

let db: Db;
let catalog: DatasetCatalog;
const info = async (name: string) => (await describeTable(db, name))!;

beforeAll(async () => {
  db = await openNodeDb();
  ({ catalog } = await loadBundledDatasets(db, async (p) => new Uint8Array(await readFile(path.resolve(__dirname, '../../datasets', p)))));
  // Years with a gap (2012 missing), typed INTEGER, and the same years as text.
  await db.exec(`CREATE TABLE gaps AS SELECT * FROM (VALUES (2010, '2010', 100.0), (2011, '2011', 110.0), (2013, '2013', 99.0), (2014, '2014', 121.0)) t(年份, 年份文本, 金额)`);
  // Numbers that trip careless code: DECIMAL, BIGINT beyond 2^31, FLOAT, NULL, NaN, Chinese text.
  await db.exec(`CREATE TABLE mixed AS SELECT * FROM (VALUES
      ('社会团体', 1.25::DECIMAL(18,2), 3000000000::BIGINT, 0.5::FLOAT, 1.0::DOUBLE),
      ('社会团体', 2.50::DECIMAL(18,2), 3000000000::BIGINT, 0.25::FLOAT, NULL::DOUBLE),
      ('基金会', NULL::DECIMAL(18,2), 7::BIGINT, NULL::FLOAT, 'NaN'::DOUBLE),
      ('民办非企业单位', 10.10::DECIMAL(18,2), -1::BIGINT, 2.0::FLOAT, 3.0::DOUBLE)
    ) t(类型, 金额, 人数, 比例, 分值)`);
  await db.exec(`CREATE TABLE many AS SELECT 'id' || i AS 编号, 1 AS n FROM range(${MAX_CHART_ROWS + 1}) t(i)`);
  await db.exec(`CREATE TABLE cube AS SELECT ['北京市','上海市','浙江省'][1 + i % 3] AS 地区, 2010 + i % 4 AS year, (i % 7)::DOUBLE AS 数值, 'n' || i AS 名称 FROM range(3000) t(i)`);
});
afterAll(() => db.close());

const sum = (column: string, over: Partial<Measure> = {}): Measure => ({ column, agg: 'sum', transform: 'none', ...over });
const ready = (run: ChartRun) => {
  if (run.status !== 'ready') throw new Error(`expected a ready run, got ${run.status}`);
  return run;
};

describe('runChart on the real engine', () => {
  it('draws the starter chart with the numbers of the old hand-written starter SQL', async () => {
    // The query the workbench's starter chart ran before it was a ChartSpec, kept here as the reference.
    const legacy = await db.query(`SELECT category AS 类型,
       sum(value) FILTER (WHERE year = 2013 AND month = 12) AS "2013年末",
       sum(value) FILTER (WHERE year = 2014 AND month = 6) AS "2014年6月末"
      FROM sh_social_org WHERE indicator = '注册社会组织数' AND category IS NOT NULL GROUP BY category ORDER BY "2014年6月末" DESC`);
    const expected = legacy.toArray().map((r) => r.toJSON() as Record<string, unknown>);
    const spec = starterChartSpec('zh-CN');
    const run = ready(await runChart(db, spec, { table: await info(spec.table), catalog, lang: 'zh-CN' }));
    expect(run.data.categories).toEqual(expected.map((r) => r['类型']));
    expect(run.data.series.map((s) => s.name)).toEqual(['2013年末', '2014年6月末']);
    expect(run.data.series[0].values).toEqual(expected.map((r) => r['2013年末']));
    expect(run.data.series[1].values).toEqual(expected.map((r) => r['2014年6月末']));
    expect(run.data).toMatchObject({ kind: 'column', title: '上海注册社会组织数（按类型）', categoryLabel: '类型', unit: '家', source: '来源：上海社会组织统计（2007—2014） · 《社会治理创新案例名称4篇》' });
    expect(run.data.series[0].values).toEqual([7666, 3789, 152]);
    expect(run.fromRollup).toBe(false);
  });

  it('gives a ready dashboard card the numbers its rows hold (long rows pivoted by series)', async () => {
    const staff = shanghaiDashboard('zh-CN').cards.find((c) => c.id === 'sh-staff')!.spec;
    const run = ready(await runChart(db, staff, { table: await info('sh_social_org'), catalog, lang: 'zh-CN' }));
    expect(run.data.categories).toEqual(['2007', '2013']);
    expect(run.data.series.map((s) => [s.name, s.values])).toEqual([
      ['专职', [4.4, 14.31]],
      ['兼职', [8.1, 5.72]],
    ]);
    expect(run.rows.numRows).toBe(4);
  });

  it('honours the column types: YoY over gapped INTEGER years compares with x − 1 only', async () => {
    const spec: ChartSpec = { ...newChartSpec('gaps', '年份'), kind: 'line', sort: 'x_asc', measures: [sum('金额', { transform: 'yoy' })] };
    const table = await info('gaps');
    expect(table.columns.find((c) => c.name === '年份')!.type).toBe('INTEGER');
    const run = ready(await runChart(db, spec, { table, catalog, lang: 'zh-CN' }));
    expect(run.data.categories).toEqual(['2010', '2011', '2013', '2014']);
    // 2011: 110/100 − 1; 2013 has no 2012 to compare with; 2014: 121/99 − 1.
    const [y2010, y2011, y2013, y2014] = run.data.series[0].values;
    expect([y2010, y2013]).toEqual([null, null]);
    expect(y2011).toBeCloseTo(10, 12);
    expect(y2014).toBeCloseTo((100 * 22) / 99, 12);
    // Text years have no arithmetic: growth is on the previous row, as the SQL says.
    const text = ready(await runChart(db, { ...spec, x: '年份文本' }, { table, catalog, lang: 'zh-CN' }));
    expect(text.data.series[0].values[2]).toBeCloseTo(-10, 12);
    // The types come from the table info, nowhere else: the same spec with the year typed as text compares rows.
    const untyped: TableInfo = { ...table, columns: table.columns.map((c) => (c.name === '年份' ? { ...c, type: 'VARCHAR' } : c)) };
    expect(ready(await runChart(db, spec, { table: untyped, catalog, lang: 'zh-CN' })).data.series[0].values[2]).toBeCloseTo(-10, 12);
  });

  it('sums DECIMAL, BIGINT and FLOAT exactly as the engine does, NULL a gap and NaN no number', async () => {
    const table = await info('mixed');
    const spec: ChartSpec = { ...newChartSpec('mixed', '类型'), sort: 'x_asc', measures: [sum('金额'), sum('人数')] };
    const run = ready(await runChart(db, spec, { table, catalog, lang: 'zh-CN' }));
    expect(run.data.categories).toEqual(['基金会', '民办非企业单位', '社会团体']);
    expect(run.data.series[0].values).toEqual([null, 10.1, 3.75]);
    expect(run.data.series[1].values).toEqual([7, -1, 6000000000]);
    const floats = ready(await runChart(db, { ...spec, measures: [sum('比例'), sum('分值')] }, { table, catalog, lang: 'zh-CN' }));
    expect(floats.data.series[0].values).toEqual([null, 2, 0.75]);
    expect(floats.data.series[1].values).toEqual([null, 3, 1]);
  });

  it('reads the rollup when it covers the chart, with the same ChartData as the table, and the table when not', async () => {
    const table = await info('cube');
    const rollup = await buildRollup(db, table, { minRows: 100, suffix: '#run' });
    expect(rollup).not.toBeNull();
    let asked = 0;
    const rollups = { get: async (t: TableInfo) => (asked++, t.name === 'cube' ? rollup : null) };
    const spec: ChartSpec = { ...newChartSpec('cube', '地区'), series: 'year', measures: [sum('数值')] };
    const ctx = { table, catalog, lang: 'zh-CN' as const, global: { years: { from: 2011 } } };
    const viaRollup = ready(await runChart(db, spec, { ...ctx, rollups }));
    expect(asked).toBe(1);
    expect(viaRollup.fromRollup).toBe(true);
    expect(viaRollup.rollup).toBe(rollup);
    expect(viaRollup.query.rollupSql).toContain(rollup!.relation);
    const direct = ready(await runChart(db, spec, ctx));
    expect(direct.fromRollup).toBe(false);
    expect(viaRollup.data).toEqual(direct.data);
    // count_distinct of a column the rollup does not group: not covered, so the table answers.
    const names: ChartSpec = { ...spec, measures: [{ column: '名称', agg: 'count_distinct', transform: 'none' }] };
    const uncovered = ready(await runChart(db, names, { ...ctx, rollups: rollup }));
    expect(uncovered.fromRollup).toBe(false);
    expect(uncovered.query.rollupSql).toBeUndefined();
  });

  it('refuses more than MAX_CHART_ROWS points and reports an empty result', async () => {
    const many = await runChart(db, newChartSpec('many', '编号'), { table: await info('many'), catalog, lang: 'zh-CN' });
    expect(many).toMatchObject({ status: 'too-many', max: MAX_CHART_ROWS });
    const spec: ChartSpec = { ...newChartSpec('gaps', '年份'), filters: [{ column: '年份', op: 'range', min: 3000 }] };
    const empty = await runChart(db, spec, { table: await info('gaps'), catalog, lang: 'zh-CN' });
    expect(empty.status).toBe('empty');
  });

  it('lets database errors through as DbError, cancelled when the signal aborts', async () => {
    const table = await info('gaps');
    await expect(runChart(db, { ...newChartSpec('gaps', '年份'), measures: [sum('不存在')] }, { table, catalog, lang: 'zh-CN' })).rejects.toMatchObject({ name: 'DbError', kind: 'binder' });
    const ac = new AbortController();
    ac.abort();
    const cancelled = runChart(db, newChartSpec('gaps', '年份'), { table, catalog, lang: 'zh-CN', signal: ac.signal });
    await expect(cancelled).rejects.toBeInstanceOf(DbError);
    await expect(cancelled).rejects.toMatchObject({ kind: 'cancelled' });
    // The table info must be the spec's table: no caller can run a chart with another table's types.
    expect(() => chartQuery(newChartSpec('gaps', '年份'), { table: { ...table, name: 'mixed' } })).toThrow(/gaps/);
  });
});

describe('describeTable', () => {
  it('describes one table or view with its SQL types and row count, null when absent', async () => {
    expect(await describeTable(db, 'gaps')).toEqual({
      name: 'gaps',
      kind: 'table',
      rows: 4,
      columns: [
        { name: '年份', type: 'INTEGER' },
        { name: '年份文本', type: 'VARCHAR' },
        { name: '金额', type: 'DECIMAL(4,1)' },
      ],
    });
    const view = await describeTable(db, 'sh_registrations_wide');
    expect(view).toMatchObject({ kind: 'view', rows: 4 });
    expect(view!.columns.map((c) => c.name)).toContain('end_2013');
    expect(await describeTable(db, '不存在')).toBeNull();
  });
});
