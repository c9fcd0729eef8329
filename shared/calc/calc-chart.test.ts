import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../electron/cli/node-db';
import type { Db } from '../db';
import { describeTable, type TableInfo } from '../db-catalog';
import type { CalcField } from '../model/calc-field';
import { newChartSpec, type ChartSpec, type Measure } from '../model/chart-spec';
import { runChart, type ChartRun } from '../charts/run-chart';
import { buildRollup } from '../sql/rollup';
import { withCalcFields } from './check';

let db: Db;
let table: TableInfo;

const fields: CalcField[] = [
  { name: '每万人社会组织数', table: '地区统计', def: { kind: 'expr', expr: '"社会组织数" / "常住人口"' }, unit: '个/万人' },
  { name: '规模', table: '地区统计', def: { kind: 'expr', expr: `CASE WHEN "常住人口" >= 3000 THEN '大省' ELSE '其他' END` } },
  { name: '同比', table: '地区统计', def: { kind: 'yoy', value: '社会组织数', year: '年份', keys: ['地区'] }, unit: '%' },
];

beforeAll(async () => {
  db = await openNodeDb();
  // Six regions × 2012–2022 with gaps, at most one row per region and year; BIGINT counts, DOUBLE population in 万人, some NULLs.
  await db.exec(`CREATE TABLE 地区统计 AS
    SELECT ['上海市','北京市','浙江省','广东省','内蒙古自治区','广西壮族自治区'][1 + r] AS 地区, 2012 + y AS 年份,
           CASE WHEN (r * 7 + y) % 13 = 0 THEN NULL ELSE (1000 + r * 1371.3 + y * 17.25)::DOUBLE END AS 常住人口,
           CASE WHEN (r + y) % 11 = 5 THEN NULL ELSE (5000 + r * 811 + y * y * 37 + (r * y) % 5)::BIGINT END AS 社会组织数
    FROM range(6) a(r), range(11) b(y) WHERE (r * 3 + y) % 9 <> 4`);
  // The same rows 100 times over (a table big enough for a rollup), for the rollup's cases.
  await db.exec(`CREATE TABLE 大表 AS SELECT 地区, 年份, 常住人口 + i * 1e-3 AS 常住人口, 社会组织数 FROM 地区统计, range(100) t(i)`);
  const calc = await withCalcFields(db, (await describeTable(db, '地区统计'))!, fields);
  expect(calc.broken).toEqual([]);
  table = calc.table;
});
afterAll(() => db.close());

const ready = (run: ChartRun) => {
  if (run.status !== 'ready') throw new Error(`expected a ready run, got ${run.status}`);
  return run;
};
const m = (column: string | null, agg: Measure['agg']): Measure => ({ column, agg, transform: 'none' });
/** Rows of a hand-written query as [x, value] pairs. */
const pairs = async (sql: string) => (await db.query(sql)).toArray().map((r) => [r.x, r.v] as [unknown, number | null]);
/**
 * Float sums on the chart path are exact (shared/sql/aggregate.ts) where a plain sum() is not: a hand-written
 * float sum is taken over DECIMAL(38, 24) (exact to 1e-24 for these magnitudes) and compared within 1e-12 relative.
 */
const closeTo = (got: [unknown, number | null][], want: [unknown, number | null][]) => {
  expect(got.map(([k]) => k)).toEqual(want.map(([k]) => k));
  got.forEach(([, v], i) => expect(Math.abs(v! - want[i][1]!)).toBeLessThanOrEqual(1e-12 * Math.abs(want[i][1]!)));
};
const chartPairs = (run: ChartRun) => {
  const r = ready(run);
  return r.data.keys.map((k, i) => [k, r.data.series[0].values[i]] as [unknown, number | null]);
};

describe('calculated fields through the one chart path', () => {
  it('a field as measure equals the hand-written SQL, with the field’s unit on the axis', async () => {
    const spec: ChartSpec = { ...newChartSpec('地区统计', '地区'), sort: 'x_asc', measures: [m('每万人社会组织数', 'avg')] };
    const run = await runChart(db, spec, { table, catalog: null, lang: 'zh-CN' });
    closeTo(chartPairs(run), await pairs(`SELECT 地区 AS x, avg((社会组织数 / 常住人口)::DECIMAL(38, 24))::DOUBLE AS v FROM 地区统计 GROUP BY 地区 ORDER BY 地区`));
    expect(ready(run).data.unit).toBe('个/万人');
  });

  it('a field as dimension and as filters (range on a number field, in on a text field) equals the hand-written SQL', async () => {
    const spec: ChartSpec = {
      ...newChartSpec('地区统计', '规模'),
      sort: 'x_asc',
      measures: [m('社会组织数', 'sum')],
      filters: [
        { column: '每万人社会组织数', op: 'range', min: 1.2, max: 4 },
        { column: '规模', op: 'in', values: ['大省', '其他'] },
      ],
    };
    const run = await runChart(db, spec, { table, catalog: null, lang: 'zh-CN' });
    const expected = await pairs(`SELECT CASE WHEN 常住人口 >= 3000 THEN '大省' ELSE '其他' END AS x, sum(社会组织数)::DOUBLE AS v FROM 地区统计
      WHERE 社会组织数 / 常住人口 BETWEEN 1.2 AND 4 GROUP BY x ORDER BY x`);
    expect(expected.length).toBe(2);
    expect(chartPairs(run)).toEqual(expected);
  });

  it('year-over-year: the row of the same region one year before, computed before the chart’s year filter', async () => {
    const spec: ChartSpec = { ...newChartSpec('地区统计', '年份'), series: '地区', kind: 'line', sort: 'x_asc', measures: [m('同比', 'avg')] };
    const run = ready(await runChart(db, spec, { table, catalog: null, lang: 'zh-CN', global: { years: { from: 2015 } } }));
    const hand = await db.query(`SELECT a.年份 AS x, a.地区 AS s, (100 * (a.社会组织数::DOUBLE / nullif(b.社会组织数::DOUBLE, 0) - 1))::DOUBLE AS v
      FROM 地区统计 a LEFT JOIN 地区统计 b ON b.地区 = a.地区 AND b.年份 = a.年份 - 1 WHERE a.年份 >= 2015`);
    const expected = new Map(hand.toArray().map((r) => [`${r.s}|${r.x}`, r.v as number | null]));
    const got = new Map(run.data.series.flatMap((s) => run.data.keys.map((k, i) => [`${s.name}|${k}`, s.values[i]] as const)));
    // The chart's grid has a cell for every year × region; a missing row is an empty cell.
    expect(new Map([...got].filter(([k]) => expected.has(k)))).toEqual(expected);
    expect([...got].filter(([k]) => !expected.has(k)).every(([, v]) => v === null)).toBe(true);
    expect(expected.size).toBeGreaterThan(30);
    // The first year shown still has its change from 2014, which the filter leaves out.
    expect(run.data.keys[0]).toBe(2015);
    expect(run.data.series.some((s) => s.values[0] !== null)).toBe(true);
  });

  it('is answered from the rollup only when the chart uses no field, with the same numbers', async () => {
    const big = await withCalcFields(db, (await describeTable(db, '大表'))!, fields.map((f) => ({ ...f, table: '大表' })));
    const rollup = await buildRollup(db, (await describeTable(db, '大表'))!, { minRows: 100, suffix: '#calc' });
    expect(rollup).not.toBeNull();
    const seen: TableInfo[] = [];
    const rollups = { get: async (t: TableInfo) => (seen.push(t), rollup) };
    const plain: ChartSpec = { ...newChartSpec('大表', '地区'), sort: 'x_asc', measures: [m('社会组织数', 'sum')] };
    const viaRollup = ready(await runChart(db, plain, { table: big.table, catalog: null, lang: 'zh-CN', rollups }));
    expect(viaRollup.fromRollup).toBe(true);
    // The registry is asked with the table's own columns only.
    expect(seen[0].columns.some((c) => c.calculated)).toBe(false);
    expect(seen[0].relation).toBeUndefined();
    closeTo(chartPairs(viaRollup), await pairs(`SELECT 地区 AS x, sum(社会组织数::DECIMAL(38, 24))::DOUBLE AS v FROM 大表 GROUP BY 地区 ORDER BY 地区`));
    // And exactly the numbers of the raw path (rollups are exact).
    expect(chartPairs(viaRollup)).toEqual(chartPairs(ready(await runChart(db, plain, { table: big.table, catalog: null, lang: 'zh-CN' }))));
    for (const spec of [
      { ...plain, measures: [m('每万人社会组织数', 'sum')] },
      { ...plain, filters: [{ column: '规模', op: 'in' as const, values: ['大省'] }] },
      { ...plain, x: '规模' },
    ]) {
      const run = ready(await runChart(db, spec, { table: big.table, catalog: null, lang: 'zh-CN', rollups: rollup }));
      expect(run.fromRollup).toBe(false);
      expect(run.query.rollupSql).toBeUndefined();
    }
    const perCapita = ready(await runChart(db, { ...plain, measures: [m('每万人社会组织数', 'sum')] }, { table: big.table, catalog: null, lang: 'zh-CN', rollups: rollup }));
    closeTo(chartPairs(perCapita), await pairs(`SELECT 地区 AS x, sum((社会组织数 / 常住人口)::DECIMAL(38, 24))::DOUBLE AS v FROM 大表 GROUP BY 地区 ORDER BY 地区`));
  });
});

describe('year-over-year, exactly as defined', () => {
  it('empty for a gap, a previous 0 or empty value, an empty key or year, and a key with two rows that year', async () => {
    await db.exec(`CREATE TABLE 增长 AS SELECT * FROM (VALUES
        ('上海', 2018, 100), ('上海', 2019, 110), ('上海', 2021, 121),
        ('北京', 2019, 0), ('北京', 2020, 50),
        ('浙江', 2019, 80), ('浙江', 2020, NULL), ('浙江', 2021, 90),
        ('广东', 2019, 10), ('广东', 2019, 20), ('广东', 2020, 30), ('广东', 2021, 60),
        (NULL, 2019, 5), (NULL, 2020, 10),
        ('江苏', NULL, 7), ('江苏', 2020, 8)
      ) t(地区, 年份, 数值)`);
    const yoy: CalcField = { name: '同比', table: '增长', def: { kind: 'yoy', value: '数值', year: '年份', keys: ['地区'] } };
    const { table: t } = await withCalcFields(db, (await describeTable(db, '增长'))!, [yoy]);
    const rows = (await db.query(`SELECT 地区, 年份, 数值, 同比 FROM ${t.relation}`)).toArray().map((r) => `${r['地区']}|${r['年份']}|${r['数值']}→${r['同比']}`);
    expect(rows.sort()).toEqual(
      [
        '上海|2018|100→null',
        '上海|2019|110→10.000000000000009',
        '上海|2021|121→null',
        '北京|2019|0→null',
        '北京|2020|50→null',
        '浙江|2019|80→null',
        '浙江|2020|null→null',
        '浙江|2021|90→null',
        '广东|2019|10→null',
        '广东|2019|20→null',
        '广东|2020|30→null',
        '广东|2021|60→100',
        'null|2019|5→null',
        'null|2020|10→null',
        '江苏|null|7→null',
        '江苏|2020|8→null',
      ].sort(),
    );
    expect(100 * (110 / 100 - 1)).toBe(10.000000000000009);
  });
});
