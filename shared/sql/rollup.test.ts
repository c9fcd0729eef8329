import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../electron/cli/node-db';
import type { Db } from '../db';
import { listTables, type TableInfo } from '../db-catalog';
import { newChartSpec, type ChartSpec, type Measure } from '../model/chart-spec';
import { buildChartSql, type GlobalFilters } from './chart-sql';
import { buildRollup, planRollupColumns, ROLLUP_MIN_ROWS, ROLLUP_SCHEMA, samplePercent, type Rollup } from './rollup';
import { RollupRegistry } from './rollup-registry';

const ROWS = ROLLUP_MIN_ROWS + 50_000;

let db: Db;
let cube: TableInfo;
let rollup: Rollup;
beforeAll(async () => {
  db = await openNodeDb();
  // A region × year × type × indicator cube with a high-cardinality name, NULLs and integer counts.
  await db.exec(`CREATE TABLE cube AS
    SELECT ['北京市','上海市','江苏省','浙江省','广东省','四川省'][1 + (i * 7) % 6] AS 地区,
           2005 + (i * 13) % 15 AS 年份,
           ['社会团体','民办非企业单位','基金会'][1 + (i * 5) % 3] AS 类型,
           CASE WHEN i % 11 = 0 THEN NULL ELSE ['机构数','从业人员'][1 + i % 2] END AS 指标,
           '机构' || i AS 机构名称,
           CASE WHEN i % 17 = 0 THEN NULL ELSE ((i * 7919) % 100003) / 100.0 END::DOUBLE AS 数值,
           ((i * 31) % 2003)::INTEGER AS 人数
      FROM range(${ROWS}) t(i)`);
  await db.exec(`CREATE TABLE small AS SELECT * FROM cube LIMIT 1000`);
  await db.exec(`CREATE VIEW cube_view AS SELECT * FROM cube`);
  await db.exec(`CREATE TABLE spread AS SELECT i % 1000 AS a, (i // 1000) % 1000 AS b, i::DOUBLE AS v FROM range(${ROWS}) t(i)`);
  const tables = await listTables(db);
  cube = tables.find((t) => t.name === 'cube')!;
  rollup = (await buildRollup(db, cube))!;
});
afterAll(() => db.close());

const rows = async (sql: string) => (await db.query(sql)).toArray().map((r) => Object.values(r.toJSON() as Record<string, unknown>));

function expectSameRows(a: unknown[][], b: unknown[][]) {
  expect(b.length).toBe(a.length);
  a.forEach((row, i) =>
    row.forEach((v, j) => {
      const w = b[i][j];
      if (typeof v === 'number' && typeof w === 'number') expect(w).toBeCloseTo(v, 6);
      else expect(w).toEqual(v);
    }),
  );
}

const m = (over: Partial<Measure>): Measure => ({ column: '数值', agg: 'sum', transform: 'none', ...over });
const spec = (over: Partial<ChartSpec>): ChartSpec => ({ ...newChartSpec('cube', '地区'), measures: [m({})], ...over });
const columns = () => cube.columns.map((c) => c.name);
const columnTypes = () => Object.fromEntries(cube.columns.map((c) => [c.name, c.type]));

describe('rollups', () => {
  it('groups the low-cardinality columns and keeps the numeric ones as summaries', () => {
    expect(rollup.dims).toEqual(['地区', '年份', '类型', '指标']);
    expect(rollup.measures).toEqual(['数值', '人数']);
    // 6 regions × 15 years × 3 types × 3 indicators (NULL included) at most.
    expect(rollup.rows).toBeLessThanOrEqual(6 * 15 * 3 * 3);
    expect(rollup.relation.startsWith(`${ROLLUP_SCHEMA}.`)).toBe(true);
  });

  it('samples about 100,000 rows whatever the size', () => {
    expect(samplePercent(50_000)).toBe(100);
    expect(samplePercent(1_000_000)).toBe(10);
    expect(samplePercent(10_000_000)).toBe(1);
    expect(samplePercent(1e9)).toBe(0.1);
  });

  it('plans from distinct counts and column types', () => {
    const plan = planRollupColumns(
      [
        { name: 'r', type: 'VARCHAR' },
        { name: 'name', type: 'VARCHAR' },
        { name: 'v', type: 'DOUBLE' },
        { name: 'tags', type: 'VARCHAR[]' },
      ],
      { r: 31, name: 50_000, v: 90_000, tags: 3 },
    );
    expect(plan).toEqual({ dims: ['r'], measures: ['v'] });
  });

  const global: GlobalFilters = { regions: ['上海市', '江苏省', '广东省'], years: { from: 2008, to: 2016 } };
  const cases: [string, Partial<ChartSpec>, GlobalFilters?][] = [
    ['sum by region', {}],
    ['count rows by year, series by type', { x: '年份', series: '类型', measures: [m({ column: null, agg: 'count' })], sort: 'x_asc' }],
    ['avg of a measure', { measures: [m({ agg: 'avg' })] }],
    ['min and max of grouped columns', { x: '类型', measures: [m({ column: '年份', agg: 'min' }), m({ column: '年份', agg: 'max' })] }],
    ['count of a measure with NULLs', { measures: [m({ agg: 'count' })] }],
    ['aggregations of a grouped column', { x: '类型', measures: [m({ column: '年份', agg: 'avg' }), m({ column: '年份', agg: 'sum' }), m({ column: '指标', agg: 'count' }), m({ column: '年份', agg: 'count_distinct' })] }],
    ['integer measure', { measures: [m({ column: '人数', agg: 'sum' }), m({ column: '人数', agg: 'avg' })] }],
    ['year-on-year by region', { x: '年份', series: '地区', measures: [m({ transform: 'yoy' })], sort: 'x_asc' }],
    ['index with base year', { x: '年份', measures: [m({ transform: 'index' })], indexBase: 2010, sort: 'x_asc' }],
    ['100 % stacked with top-N', { series: '类型', stack: 'percent', topN: 3 }],
    ['IN and range filters', { filters: [{ column: '类型', op: 'in', values: ['基金会'] }, { column: '年份', op: 'range', min: 2010, max: 2012 }] }],
    ['global and cross filters', { x: '类型' }, { ...global, cross: [{ sourceId: 'other', column: '指标', values: ['机构数'] }] }],
  ];
  it.each(cases)('answers exactly like the table: %s', async (_name, over, g) => {
    const q = buildChartSql(spec(over), { columns: columns(), columnTypes: columnTypes(), global: g, chartId: 'me', rollup });
    expect(q.rollupSql).toContain(rollup.relation);
    expect(q.sql).not.toContain(ROLLUP_SCHEMA);
    expectSameRows(await rows(q.sql), await rows(q.rollupSql!));
  });

  it('leaves charts it cannot answer to the table', () => {
    const ctx = { columns: columns(), rollup };
    expect(buildChartSql(spec({ measures: [m({ agg: 'count_distinct' })] }), ctx).rollupSql).toBeUndefined();
    expect(buildChartSql(spec({ measures: [m({ agg: 'min' })] }), ctx).rollupSql).toBeUndefined();
    expect(buildChartSql(spec({ measures: [m({ agg: 'sum' }), m({ agg: 'max' })] }), ctx).rollupSql).toBeUndefined();
    expect(buildChartSql(spec({ x: '机构名称' }), ctx).rollupSql).toBeUndefined();
    expect(buildChartSql(spec({ filters: [{ column: '数值', op: 'range', min: 5 }] }), ctx).rollupSql).toBeUndefined();
    expect(buildChartSql(spec({ table: 'small' }), ctx).rollupSql).toBeUndefined();
  });

  it('is not built for small tables, views, or tables that hardly shrink', async () => {
    const tables = await listTables(db);
    const info = (name: string) => tables.find((t) => t.name === name)!;
    expect(await buildRollup(db, info('small'))).toBeNull();
    expect(await buildRollup(db, info('cube_view'))).toBeNull();
    expect(await buildRollup(db, info('spread'))).toBeNull();
    const left = await rows(`SELECT table_name FROM duckdb_tables() WHERE schema_name = '${ROLLUP_SCHEMA}' AND table_name LIKE 'spread%'`);
    expect(left).toEqual([]);
  });

  it('is invisible to the table list', async () => {
    expect((await listTables(db)).map((t) => t.name)).not.toContain(rollup.relation);
    expect((await listTables(db)).some((t) => t.name.startsWith('cube#'))).toBe(false);
  });
});

describe('RollupRegistry', () => {
  const rollupTables = async () => (await rows(`SELECT table_name FROM duckdb_tables() WHERE schema_name = '${ROLLUP_SCHEMA}' ORDER BY 1`)).map((r) => r[0]);

  it('builds once per table, and drops and rebuilds after invalidate()', async () => {
    const registry = new RollupRegistry(db);
    const v1 = await listTables(db);
    const info = v1.find((t) => t.name === 'cube')!;
    const [a, b] = await Promise.all([registry.get(info), registry.get(info)]);
    expect(a).toBe(b);
    expect(registry.builds).toBe(1);
    expect(await rollupTables()).toContain(a!.relation.split('.')[1].replaceAll('"', ''));

    await db.exec(`UPDATE cube SET 数值 = 数值 + 1 WHERE 地区 = '上海市'`);
    const v2 = await listTables(db);
    registry.invalidate();
    const c = await registry.get(v2.find((t) => t.name === 'cube')!);
    expect(registry.builds).toBe(2);
    expect(c!.relation).not.toBe(a!.relation);
    await expect.poll(rollupTables).not.toContain(a!.relation.split('.')[1].replaceAll('"', ''));
    const q = buildChartSql(spec({}), { columns: columns(), rollup: c });
    expectSameRows(await rows(q.sql), await rows(q.rollupSql!));
  });

  it('answers null for small tables without building anything', async () => {
    const registry = new RollupRegistry(db);
    const small = (await listTables(db)).find((t) => t.name === 'small')!;
    expect(await registry.get(small)).toBeNull();
    expect(registry.builds).toBe(0);
  });
});
