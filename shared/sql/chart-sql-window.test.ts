/**
 * YoY and index are computed before filters on the x (year) axis: under a 2012–2014 filter, 2012 still compares
 * with 2011. Real engine; expectations computed in plain JS from the raw rows, not by the SQL under test.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../electron/cli/node-db';
import type { Db } from '../db';
import { describeTable } from '../db-catalog';
import { newChartSpec, type ChartSpec, type Filter, type Measure } from '../model/chart-spec';
import { buildChartSql, type GlobalFilters } from './chart-sql';
import { buildRollup, type Rollup } from './rollup';

let db: Db;
let types: Record<string, string>;
let columns: string[];
let rollup: Rollup | null;

// Years 2009–2015 with 2013 missing for 浙江省 (a gap), DECIMAL amounts, a NULL, and 合计 rows.
const REGIONS = ['北京市', '上海市', '浙江省'];
const YEARS = [2009, 2010, 2011, 2012, 2013, 2014, 2015];
const amount = (r: number, y: number) => (r === 2 && y === 2013 ? undefined : r === 1 && y === 2010 ? null : 100 + r * 37.25 + (y - 2009) * (r + 1) * 3.5 + (y % 3) * 0.125);

beforeAll(async () => {
  db = await openNodeDb();
  const values: string[] = [];
  REGIONS.forEach((region, r) =>
    YEARS.forEach((y) => {
      const v = amount(r, y);
      if (v === undefined) return;
      values.push(`('${region}', ${y}, ${v === null ? 'NULL' : (v / 8).toFixed(6)}::DECIMAL(18,6))`);
    }),
  );
  // Each (region, year) split over eight rows (so the sum is an aggregate, and a rollup is 8× smaller).
  await db.exec(`CREATE TABLE growth AS SELECT t.* FROM (VALUES ${values.join(', ')}) t(地区, 年份, 金额), range(8)`);
  const info = (await describeTable(db, 'growth'))!;
  types = Object.fromEntries(info.columns.map((c) => [c.name, c.type]));
  columns = info.columns.map((c) => c.name);
  rollup = await buildRollup(db, info, { minRows: 10, suffix: '#window' });
});
afterAll(() => db.close());

const rows = async (sql: string) => (await db.query(sql)).toArray().map((r) => r.toJSON() as Record<string, unknown>);
const measure = (transform: Measure['transform']): Measure => ({ column: '金额', agg: 'sum', transform });
const range: Filter = { column: '年份', op: 'range', min: 2012, max: 2014 };

/** The reference: the full series in JS, then the filter. */
function expected(region: number, transform: 'yoy' | 'index', years: number[], base?: number) {
  const v = (y: number) => amount(region, y);
  return years.flatMap((y) => {
    const cur = v(y);
    if (cur === undefined) return [];
    if (transform === 'yoy') {
      const prev = v(y - 1);
      return [{ year: y, value: cur === null || prev === undefined || prev === null || prev === 0 ? null : 100 * (cur / prev - 1) }];
    }
    const b = v(base ?? years.find((x) => v(x) !== undefined)!);
    return [{ year: y, value: cur === null || b === null || b === undefined ? null : (100 * cur) / b }];
  });
}

const close = (a: unknown, b: number | null) => (b === null ? a === null : typeof a === 'number' && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)));

function check(got: Record<string, unknown>[], region: string, want: { year: number; value: number | null }[], alias: string) {
  const mine = got.filter((r) => r.地区 === region);
  expect(mine.map((r) => r.年份)).toEqual(want.map((w) => w.year));
  mine.forEach((r, i) => expect(close(r[alias], want[i].value), `${region} ${String(r.年份)}: ${String(r[alias])} ≠ ${String(want[i].value)}`).toBe(true));
}

describe('growth and index before filters on the year axis', () => {
  const spec = (over: Partial<ChartSpec>): ChartSpec => ({ ...newChartSpec('growth', '年份'), series: '地区', kind: 'line', sort: 'x_asc', ...over });

  it('keeps the 2012 YoY under a 2012–2014 filter (own filter), with a gap year giving no growth', async () => {
    const q = buildChartSql(spec({ measures: [measure('yoy')], filters: [range] }), { columns, columnTypes: types });
    const got = await rows(q.sql);
    REGIONS.forEach((region, r) => check(got, region, expected(r, 'yoy', [2012, 2013, 2014]), 'sum_金额_yoy'));
    // Before the change the 2012 value was NULL for every region (2011 was filtered away first).
    expect(got.filter((x) => x.年份 === 2012).every((x) => typeof x.sum_金额_yoy === 'number')).toBe(true);
    // 浙江省 has no 2013: its 2014 growth compares with 2013 only, so none.
    expect(got.find((x) => x.地区 === '浙江省' && x.年份 === 2014)?.sum_金额_yoy).toBeNull();
  });

  it('does the same for a dashboard year range, and leaves filters on other columns before the lag', async () => {
    const global: GlobalFilters = { years: { from: 2012, to: 2014 } };
    const own: Filter = { column: '地区', op: 'not_in', values: ['上海市'] };
    const q = buildChartSql(spec({ measures: [measure('yoy')], filters: [own] }), { columns, columnTypes: types, global });
    const got = await rows(q.sql);
    expect([...new Set(got.map((r) => r.地区))].sort()).toEqual(['北京市', '浙江省'].sort());
    check(got, '北京市', expected(0, 'yoy', [2012, 2013, 2014]), 'sum_金额_yoy');
    check(got, '浙江省', expected(2, 'yoy', [2012, 2013, 2014]), 'sum_金额_yoy');
  });

  it('indexes on the first year shown by default and on a base year outside the filter when asked', async () => {
    const first = await rows(buildChartSql(spec({ measures: [measure('index')], filters: [range] }), { columns, columnTypes: types }).sql);
    REGIONS.forEach((region, r) => check(first, region, expected(r, 'index', [2012, 2013, 2014]), 'sum_金额_index'));
    const based = await rows(buildChartSql(spec({ measures: [measure('index')], filters: [range], indexBase: 2009 }), { columns, columnTypes: types }).sql);
    REGIONS.forEach((region, r) => check(based, region, expected(r, 'index', [2012, 2013, 2014], 2009), 'sum_金额_index'));
  });

  it('gives the same rows over the rollup as over the table', async () => {
    expect(rollup).not.toBeNull();
    for (const s of [spec({ measures: [measure('yoy')], filters: [range] }), spec({ measures: [measure('index')], filters: [range] })]) {
      const q = buildChartSql(s, { columns, columnTypes: types, rollup });
      expect(q.rollupSql).toBeDefined();
      expect(await rows(q.rollupSql!)).toEqual(await rows(q.sql));
    }
  });

  it('ranks top-N among the years shown, with growth still from the year before', async () => {
    // One series of totals by year; the two largest growths of 2011–2013 (2011 jumps back from 上海's NULL in 2010).
    const s: ChartSpec = { ...newChartSpec('growth', '年份'), kind: 'column', sort: 'x_asc', measures: [measure('yoy')], filters: [{ column: '年份', op: 'range', min: 2011, max: 2013 }], topN: 2 };
    const got = await rows(buildChartSql(s, { columns, columnTypes: types }).sql);
    const total = (y: number) => REGIONS.reduce((a, _, r) => a + (amount(r, y) ?? 0), 0);
    const growth = (y: number) => 100 * (total(y) / total(y - 1) - 1);
    // Ranked by the YoY measure itself (the first measure), largest first, among 2011–2013 only.
    const want = [2011, 2012, 2013].sort((a, b) => growth(b) - growth(a)).slice(0, 2).sort((a, b) => a - b);
    expect(want).toContain(2011);
    expect(got.map((r) => r.年份)).toEqual(want);
    got.forEach((r) => expect(close(r.sum_金额_yoy, growth(r.年份 as number))).toBe(true));
  });

  it('keeps rows without a value under an exclude filter (不等于 北京市 is not 不等于 anything)', async () => {
    await db.exec(`CREATE TABLE IF NOT EXISTS nullable AS SELECT * FROM (VALUES ('北京市', 'a', 1), (NULL, 'a', 2), ('上海市', 'b', 4)) t(地区, 类, n)`);
    const q = buildChartSql({ ...newChartSpec('nullable', '类'), measures: [{ column: 'n', agg: 'sum', transform: 'none' }], filters: [{ column: '地区', op: 'not_in', values: ['北京市'] }], sort: 'x_asc' });
    expect((await rows(q.sql)).map((r) => [r.类, r.sum_n])).toEqual([['a', 2], ['b', 4]]);
  });

  it('filters x before aggregation when no measure has a transform (nothing to look back at)', () => {
    const q = buildChartSql(spec({ measures: [measure('none')], filters: [range] }), { columns, columnTypes: types });
    expect(q.sql).toContain('"年份" >= 2012 AND "年份" <= 2014');
    expect(q.sql).not.toContain('calc.__sgw_x >= 2012');
  });
});
