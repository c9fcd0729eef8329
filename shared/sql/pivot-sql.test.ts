import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../electron/cli/node-db';
import type { Db } from '../db';
import { listTables, type TableInfo } from '../db-catalog';
import { newPivotSpec, type PivotAgg, type PivotSpec, type PivotValue } from '../model/pivot-spec';
import { cell, isTotal, type PivotGrid } from '../pivot/grid';
import { runPivot } from '../pivot/run-pivot';
import { pivotDrillSql, pivotSql } from './pivot-sql';
import { tableSource } from './source';

let db: Db;
let facts: TableInfo;
beforeAll(async () => {
  db = await openNodeDb();
  // Chinese labels, a quote in a column name, NULL groups, DOUBLE with near-ties, DECIMAL, BIGINT, INTEGER.
  await db.exec(`CREATE TABLE facts AS
    SELECT CASE WHEN i % 23 = 0 THEN NULL ELSE ['北京市','上海市','内蒙古自治区','广西壮族自治区','O''Brien 区'][1 + (i * 7) % 5] END AS "地""区",
           2015 + (i * 13) % 6 AS 年份,
           CASE WHEN i % 31 = 0 THEN NULL ELSE ['社会团体','基金会','民办非企业单位'][1 + (i * 5) % 3] END AS 类型,
           CASE WHEN i % 17 = 0 THEN NULL ELSE ((i * 7919) % 100003) / 7.0 END::DOUBLE AS 数值,
           ((i * 31) % 2003)::DECIMAL(18,3) / 8 AS 金额,
           (4611686018427387 + i * 1000003)::BIGINT AS 大数,
           ((i * 37) % 101)::INTEGER AS 人数
      FROM range(5000) t(i)`);
  facts = (await listTables(db)).find((t) => t.name === 'facts')!;
});
afterAll(() => db.close());

const REGION = '地"区';
const v = (agg: PivotAgg, column: string | null, over: Partial<PivotValue> = {}): PivotValue => ({ column, agg, show: 'value', format: 'auto', ...over });
const spec = (over: Partial<PivotSpec>): PivotSpec => ({ ...newPivotSpec('facts'), ...over });
const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function run(s: PivotSpec): Promise<PivotGrid> {
  const r = await runPivot(db, s, tableSource(facts));
  if (r.status !== 'ready') throw new Error(r.status);
  return r.grid;
}

/** Plain GROUP BY over the given dimensions (written here, not by the builder): key text (JSON) → value. */
async function plain(dims: string[], aggregate: string, where = 'true'): Promise<Map<string, number | null>> {
  const keys = dims.map((c) => `CAST(${q(c)} AS VARCHAR)`);
  const sql = `SELECT ${[...keys.map((k, i) => `${k} AS k${i}`), `(${aggregate})::DOUBLE AS v`].join(', ')} FROM facts WHERE ${where}${dims.length ? ` GROUP BY ${keys.join(', ')}` : ''}`;
  const out = new Map<string, number | null>();
  for (const row of (await db.query(sql)).toArray()) {
    const o = row.toJSON() as Record<string, unknown>;
    out.set(JSON.stringify(dims.map((_, i) => o[`k${i}`] ?? null)), (o.v as number | null) ?? null);
  }
  return out;
}

/**
 * Equal for exact aggregates (counts, integer and decimal sums, min, max, median of one value); within 1e-12
 * relative where doubles are added in another order (sums and averages of DOUBLE, shares).
 */
function same(actual: number, expected: number | null | undefined, where: string, exact = false) {
  if (expected === null || expected === undefined || Number.isNaN(expected)) return expect(Number.isNaN(actual), where).toBe(true);
  if (exact) return expect(actual, where).toBe(expected);
  expect(Math.abs(actual - expected), where).toBeLessThanOrEqual(1e-12 * Math.abs(expected));
}

const INEXACT = /^(sum|avg)\("数值"\)$/;

/** Every cell of the grid against the plain GROUP BY of its level. */
async function expectCellsLikePlain(grid: PivotGrid, s: PivotSpec, aggregates: string[], where = 'true') {
  const cache = new Map<string, Map<string, number | null>>();
  let checked = 0;
  for (let r = 0; r < grid.rows.length; r++) {
    for (let c = 0; c < grid.cols.length; c++) {
      const row = grid.rows[r];
      const col = grid.cols[c];
      const dims = [...s.rows.slice(0, row.depth), ...s.cols.slice(0, col.depth)];
      const key = JSON.stringify([...row.keys.slice(0, row.depth), ...col.keys.slice(0, col.depth)]);
      for (let m = 0; m < aggregates.length; m++) {
        const id = `${dims.join('|')}#${m}`;
        if (!cache.has(id)) cache.set(id, await plain(dims, aggregates[m], where));
        same(cell(grid, r, c, m), cache.get(id)!.get(key), `${key} value ${m}`, !INEXACT.test(aggregates[m]));
        checked++;
      }
    }
  }
  return checked;
}

describe('pivotSql as text', () => {
  it('quotes every name, groups with GROUPING SETS and aggregates once at the finest level for additive values', () => {
    const s = spec({ rows: [REGION], cols: ['年份'], values: [v('sum', '数值')] });
    const { sql } = pivotSql(s, tableSource(facts));
    // The finest cells hold the exact parts of aggregate.ts, a DOUBLE's sum as BIGINT sums over per-row helpers.
    expect(sql).toContain(
      `SELECT "地""区" AS "__sgw_d0", "年份" AS "__sgw_d1", count(*) AS "__sgw_rows", sum(try_cast("__sgw_w0" AS BIGINT)) AS "__sgw_p0_s", ` +
        `sum(try_cast(round("__sgw_q0") AS BIGINT)) AS "__sgw_p0_fh", sum(try_cast(("__sgw_q0" - round("__sgw_q0")) * 8796093022208.0 AS BIGINT)) AS "__sgw_p0_fl"`,
    );
    expect(sql).toContain(`FROM (SELECT *, round("数值"::DOUBLE) AS "__sgw_w0", ("数值"::DOUBLE - round("数值"::DOUBLE)) * 8796093022208.0 AS "__sgw_q0"\n  FROM "facts" AS __sgw_src)`);
    expect(sql).toContain('GROUP BY GROUPING SETS (("__sgw_d0", "__sgw_d1"), ("__sgw_d0"), ("__sgw_d1"), ())');
    // Positions ranked over the distinct row entries, joined back to the cells.
    expect(sql).toContain('SELECT *, dense_rank() OVER (ORDER BY ((__sgw_rb >> 0) & 1), "__sgw_d0" ASC NULLS LAST)::INTEGER AS __sgw_r\n  FROM (SELECT DISTINCT (__sgw_g >> 1) AS __sgw_rb, "__sgw_d0" FROM calc)');
    expect(sql).toContain('JOIN rp ON (calc.__sgw_g >> 1) = rp.__sgw_rb AND calc."__sgw_d0" IS NOT DISTINCT FROM rp."__sgw_d0"');
  });

  it('reads the raw rows of every total for count_distinct and median, and only the finest level without totals', () => {
    const direct = pivotSql(spec({ rows: ['类型'], values: [v('median', '数值')] }), tableSource(facts)).sql;
    expect(direct).not.toContain('fine AS');
    expect(direct).toContain('GROUP BY GROUPING SETS (("类型"), ())');
    const flat = pivotSql(spec({ rows: ['类型'], cols: ['年份'], totals: false, values: [v('sum', '数值')] }), tableSource(facts)).sql;
    expect(flat).toContain('GROUP BY GROUPING SETS (("类型", "年份"))');
  });

  it('builds a drill-down with typed keys, IS NULL for empty values and nothing for totals', () => {
    const s = spec({ rows: [REGION, '类型'], cols: ['年份'], filters: [{ column: '人数', op: 'range', min: 3 }] });
    expect(pivotDrillSql(s, tableSource(facts), ["O'Brien 区", null], ['2017'])).toBe(
      `SELECT *\nFROM "facts"\nWHERE "人数" >= 3\n  AND "地""区" = 'O''Brien 区'\n  AND "类型" IS NULL\n  AND "年份" = 2017\nLIMIT 1000`,
    );
    expect(pivotDrillSql(s, tableSource(facts), ['上海市', undefined], [undefined])).toContain(`AND "地""区" = '上海市'\nLIMIT`);
  });
});

describe('pivots on the engine equal a plain GROUP BY', () => {
  it('region × year with subtotals and grand totals, NULL groups kept', async () => {
    const s = spec({ rows: [REGION], cols: ['年份'], values: [v('sum', '数值'), v('count', null)] });
    const grid = await run(s);
    expect(grid.rows.length).toBe(5 + 1 + 1); // five places, the empty place, the grand total
    expect(grid.rows.at(-2)!.keys).toEqual([null]);
    expect(grid.rows.at(-2)!.depth).toBe(1);
    expect(grid.rows.at(-1)).toEqual({ keys: [null], depth: 0 });
    expect(grid.cols.map((c) => c.keys[0])).toEqual(['2015', '2016', '2017', '2018', '2019', '2020', null]);
    expect(grid.rows.map((r) => r.keys[0]).slice(0, 5)).toEqual(['O\'Brien 区', '上海市', '内蒙古自治区', '北京市', '广西壮族自治区'].sort());
    expect(await expectCellsLikePlain(grid, s, ['sum("数值")', 'count(*)'])).toBe(7 * 7 * 2);
  });

  it('two row levels with subtotals, every aggregation (one phase and two phases), filters and Chinese labels', async () => {
    const values = [v('sum', '金额'), v('avg', '数值'), v('min', '人数'), v('max', '大数'), v('count', '数值'), v('count_distinct', '人数'), v('median', '数值')];
    const s = spec({ rows: [REGION, '类型'], cols: ['年份'], values, filters: [{ column: '年份', op: 'not_in', values: [2016] }] });
    const grid = await run(s);
    const aggs = ['sum("金额")', 'avg("数值")', 'min("人数")', 'max("大数")', 'count("数值")', 'count(DISTINCT "人数")', 'median("数值")'];
    expect(await expectCellsLikePlain(grid, s, aggs, '"年份" NOT IN (2016)')).toBeGreaterThan(100);
    const additive = spec({ ...s, values: values.slice(0, 5) });
    const twoPhase = await run(additive);
    expect(await expectCellsLikePlain(twoPhase, additive, aggs.slice(0, 5), '"年份" NOT IN (2016)')).toBeGreaterThan(100);
    // Two phases (finest cells, then totals over their exact parts) equal one pass over the rows, bit for bit.
    expect(pivotSql(additive, tableSource(facts)).sql).toContain('fine AS');
    expect(pivotSql(s, tableSource(facts)).sql).not.toContain('fine AS');
    expect(twoPhase.rows).toEqual(grid.rows);
    twoPhase.cells.forEach((cells, m) => cells.forEach((x, i) => expect(Object.is(x, grid.cells[m][i]), `value ${m} cell ${i}`).toBe(true)));
    // Each place's subtotal comes right after its types; the grand total last.
    const depths = grid.rows.map((r) => r.depth);
    expect(depths.at(-1)).toBe(0);
    expect(depths.filter((x) => x === 1).length).toBe(6);
    grid.rows.forEach((r, i) => {
      if (r.depth === 1) expect(grid.rows[i - 1].keys[0]).toBe(r.keys[0]);
    });
  });

  it('float sums in BIGINT halves equal the one-pass HUGEINT parts bit for bit on awkward doubles; a whole part beyond 2^63 is refused', async () => {
    // Per group: ties below 2^-34 (odd multiples of 2^-87 … 2^-126, both signs), subnormals, −0, values near
    // 2^62, NaN, +Inf, ±Inf together, NULL only, and plain decimals.
    await db.exec(`CREATE OR REPLACE TABLE awkward AS
      SELECT g, y, x FROM (
        SELECT 'ties' AS g, i % 3 AS y, (CASE WHEN i % 2 = 0 THEN 1 ELSE -1 END) * (2 * (i % 997) + 1) * pow(2, -87 - (i % 40))::DOUBLE AS x FROM range(4000) t(i)
        UNION ALL SELECT 'mixed', i % 3, (2 * (i % 997) + 1) * pow(2, -87 - (i % 40))::DOUBLE + (i % 5) * 0.5 FROM range(4000) t(i)
        UNION ALL SELECT 'tiny', i % 3, CASE WHEN i % 3 = 0 THEN 5e-324 WHEN i % 3 = 1 THEN -0.0 ELSE 2.2250738585072014e-308 * i END FROM range(300) t(i)
        UNION ALL SELECT 'big', i % 3, 4.6e18 - i * 1024.0 + (i % 7) / 8.0 FROM range(300) t(i)
        UNION ALL SELECT 'nan', i % 3, CASE WHEN i = 5 THEN 'nan'::DOUBLE ELSE i / 3.0 END FROM range(300) t(i)
        UNION ALL SELECT 'inf', i % 3, CASE WHEN i = 7 THEN 'inf'::DOUBLE ELSE -i / 7.0 END FROM range(300) t(i)
        UNION ALL SELECT 'both', i % 3, CASE WHEN i = 1 THEN 'inf'::DOUBLE WHEN i = 2 THEN '-inf'::DOUBLE ELSE i END FROM range(300) t(i)
        UNION ALL SELECT 'null', i % 3, NULL::DOUBLE FROM range(30) t(i)
        UNION ALL SELECT 'plain', i % 3, ((i * 7919) % 100003) / 100.0 FROM range(3000) t(i))`);
    const awkward = tableSource((await listTables(db)).find((t) => t.name === 'awkward')!);
    const grid = async (values: PivotValue[]) => {
      const r = await runPivot(db, { ...newPivotSpec('awkward'), rows: ['g'], cols: ['y'], values }, awkward);
      if (r.status !== 'ready') throw new Error(r.status);
      return r.grid;
    };
    const additive = [v('sum', 'x'), v('avg', 'x')];
    expect(pivotSql({ ...newPivotSpec('awkward'), rows: ['g'], values: additive }, awkward).sql).toContain('fine AS');
    const two = await grid(additive);
    const one = await grid([...additive, v('median', 'x')]);
    expect(two.rows).toEqual(one.rows);
    let checked = 0;
    for (const m of [0, 1]) two.cells[m].forEach((x, i) => (expect(Object.is(x, one.cells[m][i]), `value ${m} cell ${i}: ${x} vs ${one.cells[m][i]}`).toBe(true), checked++));
    expect(checked).toBe(2 * 10 * 4);
    // The ties group really has scaled fractions that are not whole, exact halves among them (else it tests nothing new).
    const notWhole = await db.query(`SELECT count(*)::INTEGER AS n, (count(*) FILTER (WHERE x * 7.737125245533627e25 * 2 = round(x * 7.737125245533627e25 * 2)))::INTEGER AS halves
      FROM awkward WHERE g = 'ties' AND x * 7.737125245533627e25 <> round(x * 7.737125245533627e25)`);
    expect(notWhole.toArray()[0].toJSON()).toMatchObject({ n: expect.any(Number), halves: expect.any(Number) });
    const counts = notWhole.toArray()[0].toJSON() as { n: number; halves: number };
    expect(counts.n).toBeGreaterThan(2000);
    expect(counts.halves).toBeGreaterThan(50);
    await db.exec(`INSERT INTO awkward VALUES ('huge', 0, 1e19)`);
    await expect(grid(additive)).rejects.toThrow(/beyond ±2\^63/);
  });

  it('shares of row, column and total divide by the totals of the same value', async () => {
    const s = spec({ rows: ['类型'], cols: ['年份'], values: [v('sum', '数值', { show: 'row_share' }), v('sum', '数值', { show: 'col_share' }), v('count', null, { show: 'total_share' })], totals: false });
    const grid = await run(s);
    expect(grid.rows.every((r) => !isTotal(r, 1)) && grid.cols.every((c) => !isTotal(c, 1))).toBe(true);
    const fine = await plain(['类型', '年份'], 'sum("数值")');
    const byType = await plain(['类型'], 'sum("数值")');
    const byYear = await plain(['年份'], 'sum("数值")');
    const counts = await plain(['类型', '年份'], 'count(*)');
    const all = (await plain([], 'count(*)')).get('[]')!;
    grid.rows.forEach((row, r) =>
      grid.cols.forEach((col, c) => {
        const k = JSON.stringify([row.keys[0], col.keys[0]]);
        if (!fine.has(k)) return expect(Number.isNaN(cell(grid, r, c, 0)) && Number.isNaN(cell(grid, r, c, 2))).toBe(true);
        same(cell(grid, r, c, 0), fine.get(k)! / byType.get(JSON.stringify([row.keys[0]]))!, `row share ${k}`);
        same(cell(grid, r, c, 1), fine.get(k)! / byYear.get(JSON.stringify([col.keys[0]]))!, `column share ${k}`);
        same(cell(grid, r, c, 2), counts.get(k)! / all, `total share ${k}`);
      }),
    );
  });

  it('sorts by a value column within each parent and keeps top-N by the first value', async () => {
    const s = spec({ rows: [REGION, '类型'], values: [v('sum', '数值')], sort: { by: 'value', value: 0, dir: 'desc' }, topN: 3 });
    const grid = await run(s);
    const top = await plain([REGION], 'sum("数值")', `"${'地""区'}" IS NOT NULL`);
    const expected = [...top.entries()].sort((x, y) => y[1]! - x[1]!).slice(0, 3).map(([k]) => JSON.parse(k)[0]);
    const firstLevel = grid.rows.filter((r) => r.depth === 1).map((r) => r.keys[0]);
    expect(firstLevel).toEqual(expected);
    for (let i = 1; i < grid.rows.length; i++) {
      const [a, b] = [grid.rows[i - 1], grid.rows[i]];
      if (a.depth === 2 && b.depth === 2 && a.keys[0] === b.keys[0]) expect(cell(grid, i - 1, 0, 0)).toBeGreaterThanOrEqual(cell(grid, i, 0, 0));
    }
  });

  it('drills down to exactly the rows a cell aggregates', async () => {
    const s = spec({ rows: [REGION, '类型'], cols: ['年份'], values: [v('sum', '人数'), v('count', null)], filters: [{ column: '人数', op: 'range', min: 10 }] });
    const grid = await run(s);
    let checked = 0;
    const rowsToCheck = [0, 1, grid.rows.length - 1, grid.rows.findIndex((x) => x.keys[1] === null && x.depth === 2)];
    for (const [k, r] of rowsToCheck.entries()) {
      // A non-empty cell of that row (the last row's: its grand total).
      const c = k === 2 ? grid.cols.length - 1 : grid.cols.findIndex((_, j) => !Number.isNaN(cell(grid, r, j, 1)));
      const row = grid.rows[r];
      const col = grid.cols[c];
      const keys = (e: typeof row, n: number) => e.keys.map((k, i) => (i < e.depth ? k : undefined)).slice(0, n);
      const sql = pivotDrillSql(s, tableSource(facts), keys(row, 2), keys(col, 1), 1_000_000);
      const under = await db.query(`SELECT sum("人数")::DOUBLE AS s, count(*)::DOUBLE AS n FROM (${sql})`);
      expect(under.get(0)!.s).toBe(cell(grid, r, c, 0));
      expect(under.get(0)!.n).toBe(cell(grid, r, c, 1));
      checked++;
    }
    expect(checked).toBe(4);
  });
});
