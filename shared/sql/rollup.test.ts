import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../electron/cli/node-db';
import type { Db } from '../db';
import { listTables, type TableInfo } from '../db-catalog';
import { newChartSpec, type ChartSpec, type Measure } from '../model/chart-spec';
import { buildChartSql, type GlobalFilters } from './chart-sql';
import { buildRollup, planRollupColumns, ROLLUP_SCHEMA, rollupContentSql, rollupEngineOf, rowRanges, samplePercent, type Rollup } from './rollup';
import { createRollupCube, CUBE_ROWS, differences, rowsOf } from '../../tests/fixtures/rollup-cube';

let db: Db;
let cube: TableInfo;
let rollup: Rollup;
beforeAll(async () => {
  db = await openNodeDb();
  await createRollupCube(db);
  const tables = await listTables(db);
  cube = tables.find((t) => t.name === 'cube')!;
  // Built in row ranges (5 statements and their merge), as the app builds big tables.
  rollup = (await buildRollup(db, cube, { chunkRows: 60_000 }))!;
});
afterAll(() => db.close());

const rows = (sql: string) => rowsOf(db, sql);

const m = (over: Partial<Measure>): Measure => ({ column: '数值', agg: 'sum', transform: 'none', ...over });
const spec = (over: Partial<ChartSpec>): ChartSpec => ({ ...newChartSpec('cube', '地区'), measures: [m({})], ...over });
const columns = () => cube.columns.map((c) => c.name);
const columnTypes = () => Object.fromEntries(cube.columns.map((c) => [c.name, c.type]));
const queryOf = (over: Partial<ChartSpec>, g?: GlobalFilters) => buildChartSql(spec(over), { columns: columns(), columnTypes: columnTypes(), global: g, chartId: 'me', rollup });

const global: GlobalFilters = { regions: ['上海市', '江苏省', '广东省'], years: { from: 2008, to: 2016 } };
const CASES: [string, Partial<ChartSpec>, GlobalFilters?][] = [
  ['column: sum by region', {}],
  ['line: count rows by year, series by type', { kind: 'line', x: '年份', series: '类型', measures: [m({ column: null, agg: 'count' })], sort: 'x_asc' }],
  ['bar: avg of a DOUBLE measure', { kind: 'bar', measures: [m({ agg: 'avg' })] }],
  ['min and max of grouped columns', { x: '类型', measures: [m({ column: '年份', agg: 'min' }), m({ column: '年份', agg: 'max' })] }],
  ['min and max of a measure', { measures: [m({ agg: 'min' }), m({ agg: 'max' })] }],
  ['count of a measure with NULLs', { measures: [m({ agg: 'count' })] }],
  ['aggregations of grouped columns', { x: '类型', measures: [m({ column: '年份', agg: 'avg' }), m({ column: '年份', agg: 'sum' }), m({ column: '指标', agg: 'count' }), m({ column: '年份', agg: 'count_distinct' })] }],
  ['count_distinct of a grouped text column', { x: '类型', measures: [m({ column: '地区', agg: 'count_distinct' })] }],
  ['INTEGER measure', { measures: [m({ column: '人数', agg: 'sum' }), m({ column: '人数', agg: 'avg' })] }],
  ['FLOAT measure', { measures: [m({ column: '浮点', agg: 'sum' }), m({ column: '浮点', agg: 'avg' })] }],
  ['sum of a grouped FLOAT column', { measures: [m({ column: '浮点档', agg: 'sum' }), m({ column: '浮点档', agg: 'avg' })] }],
  ['DECIMAL(18,3) measure', { x: '类型', measures: [m({ column: '金额', agg: 'sum' }), m({ column: '金额', agg: 'avg' })] }],
  ['sum of a grouped DECIMAL column', { measures: [m({ column: '档位', agg: 'sum' }), m({ column: '档位', agg: 'avg' })] }],
  ['BIGINT measure near 2^62', { measures: [m({ column: '大数', agg: 'sum' }), m({ column: '大数', agg: 'avg' }), m({ column: '大数', agg: 'max' })] }],
  ['sum of a grouped BIGINT column near 2^62', { x: '类型', measures: [m({ column: '大数档', agg: 'sum' }), m({ column: '大数档', agg: 'avg' })] }],
  ['NaN and ±Inf by region', { measures: [m({ column: '特殊', agg: 'sum' }), m({ column: '特殊', agg: 'avg' }), m({ column: '特殊', agg: 'min' }), m({ column: '特殊', agg: 'max' })] }],
  ['NaN and ±Inf by year and type', { x: '年份', series: '类型', measures: [m({ column: '特殊', agg: 'sum' })], sort: 'x_asc' }],
  ['NaN and ±Inf sorted by value with top-N', { x: '年份', measures: [m({ column: '特殊', agg: 'sum' })], topN: 5 }],
  ['near-tied and tied sums, by value', { measures: [m({ column: '近值' })] }],
  ['near-tied sums, top-1', { measures: [m({ column: '近值' })], topN: 1 }],
  ['near-tied sums, top-2 and top-3 (a tie at the cut)', { measures: [m({ column: '近值' })], topN: 3 }],
  ['near-tied sums, ascending', { measures: [m({ column: '近值' })], sort: 'value_asc' }],
  ['near-tied sums with series, by total, top-2', { series: '类型', measures: [m({ column: '近值' })], topN: 2 }],
  ['x descending', { x: '年份', sort: 'x_desc' }],
  ['year-on-year by region', { kind: 'line', x: '年份', series: '地区', measures: [m({ transform: 'yoy' })], sort: 'x_asc' }],
  ['index with base year', { kind: 'line', x: '年份', measures: [m({ transform: 'index' })], indexBase: 2010, sort: 'x_asc' }],
  ['index on the first year, by type', { kind: 'line', x: '年份', series: '类型', measures: [m({ column: '浮点', transform: 'index' })], sort: 'x_asc' }],
  ['100 % stacked with top-N', { series: '类型', stack: 'percent', topN: 3 }],
  ['100 % stacked FLOAT shares', { x: '年份', series: '地区', stack: 'percent', measures: [m({ column: '浮点档' })], sort: 'x_asc' }],
  ['IN and range filters', { filters: [{ column: '类型', op: 'in', values: ['基金会'] }, { column: '年份', op: 'range', min: 2010, max: 2012 }] }],
  ['NOT IN and NOT NULL filters', { x: '类型', filters: [{ column: '地区', op: 'not_in', values: ['北京市'] }, { column: '指标', op: 'not_null' }] }],
  ['global and cross filters', { x: '类型' }, { ...global, cross: [{ sourceId: 'other', column: '指标', values: ['机构数'] }] }],
  ['NULL groups left out (x and series with NULLs)', { x: '指标', series: '地区', measures: [m({ agg: 'avg' })], sort: 'x_asc' }],
  ['user columns named like ours', { x: '__sgw_rows', series: '__sgw_x', measures: [m({ column: '__m0' }), m({ column: '__sgw_rows', agg: 'sum' })], filters: [{ column: '__sgw_d0', op: 'in', values: ['甲'] }], sort: 'x_asc' }],
  ['a user column named like a measure alias', { x: 'count_rows', measures: [m({ column: null, agg: 'count' })] }],
];

describe('rollups', () => {
  it('groups the low-cardinality columns and keeps the numeric ones as summaries, all under internal names', async () => {
    expect(rollup.dims).toEqual(['地区', '年份', '类型', '指标', '浮点档', '档位', '大数档', '__sgw_rows', '__sgw_d0', '__sgw_x', 'count_rows']);
    expect(rollup.measures).toEqual(['数值', '人数', '浮点', '金额', '大数', '特殊', '近值', '__m0']);
    expect(rollup.relation.startsWith(`${ROLLUP_SCHEMA}.`)).toBe(true);
    const names = (await db.query(`SELECT * FROM ${rollup.relation} LIMIT 0`)).schema.fields.map((f) => f.name);
    expect(names.every((n) => n.startsWith('__sgw_'))).toBe(true);
    expect(names.filter((n) => n === '__sgw_rows')).toHaveLength(1);
    expect(rollup.rows * 4).toBeLessThanOrEqual(CUBE_ROWS);
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

  it.each(CASES)('answers exactly like the table, order and top-N included: %s', async (_name, over, g) => {
    const q = queryOf(over, g);
    expect(q.rollupSql).toContain(rollup.relation);
    expect(q.sql).not.toContain(ROLLUP_SCHEMA);
    const raw = await rows(q.sql);
    expect(raw.length).toBeGreaterThan(0);
    expect(differences(raw, await rows(q.rollupSql!))).toEqual([]);
  });

  it('gives the exact answer: sums of doubles within 2 ulp of the exactly rounded sum, FLOAT and BIGINT sums exact', async () => {
    // The exact sum of the doubles of each region, in JavaScript BigInt (every value here is a multiple of 2^-60).
    const values = await rows(`SELECT 地区, 数值, 浮点档::DOUBLE, 大数::VARCHAR FROM cube WHERE 地区 IS NOT NULL`);
    const exact = new Map<string, [bigint, bigint, bigint]>();
    const scaled = (v: number) => BigInt(v * 2 ** 60);
    for (const [region, v, f, big] of values) {
      const e = exact.get(String(region)) ?? [0n, 0n, 0n];
      exact.set(String(region), [e[0] + (typeof v === 'number' ? scaled(v) : 0n), e[1] + scaled(f as number), e[2] + BigInt(String(big))]);
    }
    const got = await rows(queryOf({ measures: [m({}), m({ column: '浮点档' }), m({ column: '大数' })], sort: 'x_asc' }).rollupSql!);
    for (const [region, sum, floatSum, bigSum] of got) {
      const [e, f, b] = exact.get(String(region))!;
      const truth = Number(e) / 2 ** 60;
      expect(Math.abs((sum as number) - truth)).toBeLessThanOrEqual(2 * Number.EPSILON * truth);
      // 0.1f etc. times whole row counts: no single-precision product (the measured bug gave 15000 for 15000.0002235…).
      expect(floatSum).toBe(Number(f) / 2 ** 60);
      expect(bigSum).toBe(Number(b));
    }
  });

  it('defines NaN and ±Inf like exact arithmetic: NaN wins, +Inf with -Inf is NaN, else the infinity', async () => {
    const q = queryOf({ measures: [m({ column: '特殊' }), m({ column: '特殊', agg: 'avg' })], sort: 'x_asc' });
    const byRegion = Object.fromEntries((await rows(q.sql)).map(([r, sum, avg]) => [String(r), [sum, avg]]));
    expect(byRegion['北京市']).toEqual([NaN, NaN]);
    expect(byRegion['上海市']).toEqual([Infinity, Infinity]);
    expect(byRegion['四川省']).toEqual([-Infinity, -Infinity]);
    expect(byRegion['广东省']).toEqual([NaN, NaN]);
    for (const r of ['江苏省', '浙江省']) expect(byRegion[r].every((v) => Number.isFinite(v))).toBe(true);
    expect(differences(await rows(q.sql), await rows(q.rollupSql!))).toEqual([]);
  });

  it('orders near-ties by value and exact ties by name, on both paths', async () => {
    const raw = await rows(queryOf({ measures: [m({ column: '近值' })] }).sql);
    expect(raw.map((r) => r[0])).toEqual(['江苏省', '上海市', '北京市', '四川省', '广东省', '浙江省']);
    expect(raw[0][1]).not.toBe(raw[1][1]);
    expect(new Set(raw.slice(2).map((r) => r[1])).size).toBe(1);
  });

  // Deliberately broken rollup SQL: each must make at least one case above differ from the table.
  const MUTATIONS: [string, (sql: string) => string][] = [
    ['grouped values not weighted by their row count', (s) => s.replaceAll(' * "__sgw_rows"', '')],
    ['count(*) as a count of rollup rows', (s) => s.replaceAll('sum("__sgw_rows")', 'count(*)')],
    ['non-NULL count of a grouped column ignores NULLs', (s) => s.replace(/CASE WHEN ("__sgw_d\d+") IS NOT NULL THEN "__sgw_rows" ELSE 0 END/g, '"__sgw_rows"')],
    ['float parts joined per rollup row, then added as doubles', (s) => s.replace(/sum\(("__sgw_m\d+)_s"\)::DOUBLE \+ sum\(("__sgw_m\d+)_f"\)::DOUBLE/g, 'sum($1_s"::DOUBLE + $2_f"::DOUBLE / 7.737125245533627e25) + 0 * sum($2_f")::DOUBLE')],
    [
      'grouped FLOAT multiplied in single precision',
      (s) =>
        s.replace(
          /sum\(try_cast\(round\(("__sgw_d\d+")::DOUBLE\) AS HUGEINT\) \* "__sgw_rows"\)::DOUBLE \+ sum\(try_cast\(\("__sgw_d\d+"::DOUBLE - round\("__sgw_d\d+"::DOUBLE\)\) \* 7\.737125245533627e25 AS HUGEINT\) \* "__sgw_rows"\)::DOUBLE \/ 7\.737125245533627e25/g,
          (_m, d: string) => `sum(${d} * "__sgw_rows")`,
        ),
    ],
    ['BIGINT grouped values multiplied without widening', (s) => s.replaceAll('::HUGEINT * "__sgw_rows"', ' * "__sgw_rows"')],
    ['NaN ignored', (s) => s.replaceAll('WHEN isnan(', 'WHEN false AND isnan(')],
    ['+Inf ignored', (s) => s.replace(/WHEN (max\([^)]*\)) = 'inf' THEN 'inf'::DOUBLE/g, "WHEN false THEN 'inf'::DOUBLE")],
    ['ties in the order broken the other way', (s) => s.replace(/(ORDER BY calc\.[^\n]*NULLS LAST, calc\.__sgw_x) ASC/, '$1 DESC')],
    ['ties at the top-N cut broken the other way', (s) => s.replace(' __sgw_x ASC LIMIT', ' __sgw_x DESC LIMIT')],
    ['average over all rows instead of the non-NULL values', (s) => s.replace(/\/ nullif\(sum\("__sgw_m\d+_n"\), 0\)/g, '/ nullif(sum("__sgw_rows"), 0)')],
    ['minimum of a measure from its maximum', (s) => s.replace(/min\(("__sgw_m\d+)_lo"\)/g, 'min($1_hi")')],
  ];
  it.each(MUTATIONS)('fails when the rollup SQL is broken: %s', async (_name, mutate) => {
    let applied = 0;
    let caught = 0;
    for (const [, over, g] of CASES) {
      const q = queryOf(over, g);
      const broken = mutate(q.rollupSql!);
      if (broken === q.rollupSql) continue;
      applied++;
      const got = await rows(broken).catch(() => null);
      if (!got || differences(await rows(q.sql), got).length > 0) caught++;
    }
    expect(applied).toBeGreaterThan(0);
    expect(caught).toBeGreaterThan(0);
  });

  it('leaves charts it cannot answer to the table', () => {
    const ctx = { columns: columns(), rollup };
    expect(buildChartSql(spec({ measures: [m({ agg: 'count_distinct' })] }), ctx).rollupSql).toBeUndefined();
    expect(buildChartSql(spec({ measures: [m({ agg: 'sum' }), m({ agg: 'count_distinct' })] }), ctx).rollupSql).toBeUndefined();
    expect(buildChartSql(spec({ x: '机构名称' }), ctx).rollupSql).toBeUndefined();
    expect(buildChartSql(spec({ filters: [{ column: '数值', op: 'range', min: 5 }] }), ctx).rollupSql).toBeUndefined();
    expect(buildChartSql(spec({ table: 'small' }), ctx).rollupSql).toBeUndefined();
    expect(buildChartSql(spec({ measures: [m({ column: '地区', agg: 'sum' })] }), ctx).rollupSql).toBeUndefined();
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

  it('built in row ranges, holds exactly what one statement over the whole table gives, row ids with gaps included', async () => {
    expect(rowRanges(10, 4)).toEqual(['rowid >= 0 AND rowid < 4', 'rowid >= 4 AND rowid < 8', 'rowid >= 8']);
    expect(rowRanges(10, 10)).toEqual(['']);
    // Deleted rows leave gaps in the row ids: the last range is open-ended, so no row is left out.
    await db.exec(`CREATE TABLE gappy AS SELECT * FROM cube`);
    await db.exec(`DELETE FROM gappy WHERE 年份 = 2010`);
    const info = (await listTables(db)).find((t) => t.name === 'gappy')!;
    const whole = (await buildRollup(db, info, { suffix: '#whole', chunkRows: Infinity }))!;
    const statements: string[] = [];
    const engine = rollupEngineOf(db);
    const ranged = (await buildRollup({ rows: engine.rows, exec: (sql) => (statements.push(sql), engine.exec(sql)) }, info, { suffix: '#ranged', chunkRows: 7_000 }))!;
    expect(info.rows).toBeLessThan(CUBE_ROWS);
    expect(statements.filter((sql) => sql.startsWith('INSERT INTO')).length).toBe(Math.ceil(info.rows / 7_000) - 1);
    expect(await rows(rollupContentSql(ranged))).toEqual(await rows(rollupContentSql(whole)));
    const typesOf = async (r: Rollup) => rows(`SELECT column_name, data_type FROM duckdb_columns() WHERE schema_name = '${ROLLUP_SCHEMA}' AND table_name = '${r.relation.split('.')[1].replaceAll('"', '')}' ORDER BY column_index`);
    expect(await typesOf(ranged)).toEqual(await typesOf(whole));
    expect(await rows(`SELECT sum(__sgw_rows)::BIGINT FROM ${ranged.relation}`)).toEqual([[info.rows]]);
    const left = await rows(`SELECT table_name FROM duckdb_tables() WHERE schema_name = '${ROLLUP_SCHEMA}' AND table_name LIKE '%~partial'`);
    expect(left).toEqual([]);
    for (const [over] of [[{}], [{ x: '年份', measures: [m({ column: '特殊' }), m({ column: '浮点' }), m({ column: '金额' }), m({ column: '大数' })] }]] as [Partial<ChartSpec>][]) {
      const q = buildChartSql({ ...spec(over), table: 'gappy' }, { columns: columns(), columnTypes: columnTypes(), rollup: ranged });
      expect(differences(await rows(q.sql), await rows(q.rollupSql!))).toEqual([]);
    }
  });

  it('lists its contents in one order, every part as text', async () => {
    const content = await rows(rollupContentSql(rollup));
    expect(content).toHaveLength(rollup.rows);
    expect(content.every((r) => r.every((c) => c === null || typeof c === 'string'))).toBe(true);
    expect(content).toEqual(await rows(rollupContentSql(rollup)));
  });
});
