import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../electron/cli/node-db';
import type { Db } from '../db';
import { listTables } from '../db-catalog';
import { loadBundledDatasets } from '../datasets/load';
import { newChartSpec, type ChartSpec } from '../model/chart-spec';
import { buildChartSql, filterSql, globalFilterList, MAX_CHART_ROWS, measureAlias, runnableChartSql } from './chart-sql';

const datasets = path.resolve(__dirname, '../../datasets');

let db: Db;
let columnsOf: (table: string) => string[];
beforeAll(async () => {
  db = await openNodeDb();
  await loadBundledDatasets(db, async (p) => new Uint8Array(await readFile(path.join(datasets, p))));
  const tables = await listTables(db);
  columnsOf = (t) => tables.find((x) => x.name === t)!.columns.map((c) => c.name);
});
afterAll(() => db.close());

const rows = async (sql: string) => (await db.query(sql)).toArray().map((r) => r.toJSON() as Record<string, unknown>);

const spec = (over: Partial<ChartSpec>): ChartSpec => ({ ...newChartSpec('cases', 'province'), ...over });

describe('buildChartSql', () => {
  it('groups, casts to DOUBLE and orders by the measure', async () => {
    const q = buildChartSql(spec({}));
    expect(q.sql).toBe(`WITH agg AS (
  SELECT "province" AS __sgw_x, (count(*))::DOUBLE AS __sgw_v0
  FROM "cases"
  WHERE "province" IS NOT NULL
  GROUP BY "province"
), calc AS (
  SELECT __sgw_x, __sgw_v0, __sgw_v0 AS "count_rows"
  FROM agg
)
SELECT calc.__sgw_x AS "province", calc."count_rows"
FROM calc
ORDER BY calc."count_rows" DESC NULLS LAST, calc.__sgw_x ASC`);
    expect(q).toMatchObject({ x: 'province', measures: ['count_rows'] });
    const r = await rows(q.sql);
    const direct = await rows(`SELECT province, count(*)::DOUBLE AS n FROM cases WHERE province IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1`);
    expect(r.map((x) => [x.province, x.count_rows])).toEqual(direct.map((x) => [x.province, x.n]));
    expect(typeof r[0].count_rows).toBe('number');
  });

  it('applies IN lists, ranges and top-N', async () => {
    const q = buildChartSql(
      spec({
        filters: [
          { column: 'theme', op: 'in', values: ['网络治理', '综合治理'] },
          { column: 'year', op: 'range', min: 2010, max: 2015 },
        ],
        topN: 3,
      }),
    );
    expect(q.sql).toContain(`"theme" IN ('网络治理', '综合治理')`);
    expect(q.sql).toContain(`"year" >= 2010 AND "year" <= 2015`);
    expect(q.sql).toContain(`LIMIT 3`);
    const r = await rows(q.sql);
    expect(r.length).toBeLessThanOrEqual(3);
    const all = await rows(`SELECT province, count(*)::DOUBLE n FROM cases WHERE theme IN ('网络治理','综合治理') AND year BETWEEN 2010 AND 2015 AND province IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 3`);
    expect(r.map((x) => x.count_rows)).toEqual(all.map((x) => x.n));
  });

  it('keeps series rows long and 100 % stacks shares per x with a window', async () => {
    const q = buildChartSql(spec({ series: 'theme', stack: 'percent', sort: 'x_asc' }));
    expect(q.sql).toContain('100 * __sgw_v0 / nullif(sum(__sgw_v0) OVER (PARTITION BY __sgw_x ORDER BY __sgw_s ASC ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING), 0) AS "count_rows"');
    const r = await rows(q.sql);
    const byProvince = new Map<string, number>();
    for (const x of r) byProvince.set(String(x.province), (byProvince.get(String(x.province)) ?? 0) + Number(x.count_rows));
    for (const total of byProvince.values()) expect(total).toBeCloseTo(100, 6);
  });

  it('computes year-on-year growth and an index with base year = 100', async () => {
    const staff: Partial<ChartSpec> = {
      table: 'sh_social_org',
      x: 'year',
      filters: [
        { column: 'indicator', op: 'in', values: ['社会组织从业人员'] },
        { column: 'dimension', op: 'in', values: ['staff_type'] },
        { column: 'category', op: 'not_null' },
      ],
      series: 'category',
      sort: 'x_asc',
    };
    const yoy = buildChartSql(spec({ ...staff, measures: [{ column: 'value', agg: 'sum', transform: 'yoy' }] }));
    expect(yoy.sql).toContain('100 * (__sgw_v0 / nullif(lag(__sgw_v0) OVER (PARTITION BY __sgw_s ORDER BY __sgw_x ASC), 0) - 1) AS "sum_value_yoy"');
    const r = await rows(yoy.sql);
    // Full-time staff 4.4 → 14.31 万人 (2007 → 2013), part-time 8.1 → 5.72.
    const growth = (cat: string, year: number) => r.find((x) => x.category === cat && x.year === year)?.sum_value_yoy;
    expect(growth('专职', 2007)).toBeNull();
    expect(growth('专职', 2013)).toBeCloseTo((14.31 / 4.4 - 1) * 100, 6);
    expect(growth('兼职', 2013)).toBeCloseTo((5.72 / 8.1 - 1) * 100, 6);

    const index = buildChartSql(spec({ ...staff, indexBase: 2007, measures: [{ column: 'value', agg: 'sum', transform: 'index' }] }));
    expect(index.sql).toContain(`max(CASE WHEN __sgw_x = 2007 THEN __sgw_v0 END) OVER (PARTITION BY __sgw_s)`);
    const ri = await rows(index.sql);
    expect(ri.filter((x) => x.year === 2007).map((x) => x.sum_value_index)).toEqual([100, 100]);
    expect(ri.find((x) => x.category === '专职' && x.year === 2013)?.sum_value_index).toBeCloseTo((14.31 / 4.4) * 100, 6);
  });

  it('runs two measures side by side (combo: count and growth %) and every aggregation', async () => {
    const q = buildChartSql(
      spec({
        x: 'year',
        sort: 'x_asc',
        measures: [
          { column: null, agg: 'count', transform: 'none' },
          { column: null, agg: 'count', transform: 'yoy' },
        ],
      }),
    );
    expect(q.measures).toEqual(['count_rows', 'count_rows_yoy']);
    const r = await rows(q.sql);
    expect(r.map((x) => x.year)).toEqual([...r.map((x) => x.year)].sort());
    expect(r[0].count_rows_yoy).toBeNull();
    for (const agg of ['sum', 'avg', 'min', 'max', 'count', 'count_distinct'] as const) {
      const m = buildChartSql(spec({ table: 'sh_social_org', x: 'dimension', measures: [{ column: 'value', agg, transform: 'none' }] }));
      expect(m.measures).toEqual([measureAlias({ column: 'value', agg, transform: 'none' })]);
      const out = await rows(m.sql);
      expect(out.length).toBeGreaterThan(5);
    }
  });

  it('compares a numeric year only with the year before, so gaps give no growth', async () => {
    const tables = await listTables(db);
    const columnTypes = Object.fromEntries(tables.find((x) => x.name === 'cases')!.columns.map((c) => [c.name, c.type]));
    const q = buildChartSql(spec({ x: 'year', sort: 'x_asc', measures: [{ column: null, agg: 'count', transform: 'yoy' }] }), { columnTypes });
    expect(q.sql).toContain('CASE WHEN lag(__sgw_x) OVER (ORDER BY __sgw_x ASC) = __sgw_x - 1 THEN lag(__sgw_v0) OVER (ORDER BY __sgw_x ASC) END');
    const r = await rows(q.sql);
    const counts = new Map((await rows(`SELECT year, count(*)::DOUBLE n FROM cases WHERE year IS NOT NULL GROUP BY 1`)).map((x) => [x.year, x.n as number]));
    for (const x of r) {
      const prev = counts.get((x.year as number) - 1);
      if (prev === undefined) expect(x.count_rows_yoy).toBeNull();
      else expect(x.count_rows_yoy).toBeCloseTo(100 * (counts.get(x.year)! / prev - 1), 6);
    }
    expect(r.some((x) => x.count_rows_yoy !== null)).toBe(true);
  });

  it('adds dashboard filters only where the table has the column, and skips a chart’s own click', async () => {
    const global = { regions: ['浙江省', '上海市'], years: { from: 2008, to: 2014 }, cross: [{ sourceId: 'a', column: 'theme', values: ['综合治理'] }] };
    expect(globalFilterList({ columns: columnsOf('cases'), global, chartId: 'b' }).map(filterSql)).toEqual([
      `"province" IN ('浙江省', '上海市')`,
      `"year" >= 2008 AND "year" <= 2014`,
      `"theme" IN ('综合治理')`,
    ]);
    expect(globalFilterList({ columns: columnsOf('cases'), global, chartId: 'a' })).toHaveLength(2);
    expect(globalFilterList({ columns: columnsOf('sh_social_org'), global }).map((f) => f.column)).toEqual(['region', 'year']);
    const q = buildChartSql(spec({ x: 'theme' }), { columns: columnsOf('cases'), global, chartId: 'b' });
    const r = await rows(q.sql);
    const check = await rows(`SELECT count(*)::DOUBLE n FROM cases WHERE province IN ('浙江省','上海市') AND year BETWEEN 2008 AND 2014 AND theme = '综合治理'`);
    expect(r.reduce((a, x) => a + Number(x.count_rows), 0)).toBe(check[0].n);
  });

  it('quotes names and values so odd text cannot break the query', async () => {
    const q = buildChartSql(spec({ filters: [{ column: 'title', op: 'in', values: ["it's"] }] }));
    expect(q.sql).toContain(`"title" IN ('it''s')`);
    await expect(rows(q.sql)).resolves.toEqual([]);
    expect(filterSql({ column: 'a', op: 'in', values: [] })).toBe('false');
  });

  it('runs at most one row more than a chart may draw, so a dimension of ids cannot flood the UI', async () => {
    await db.exec('CREATE OR REPLACE TABLE many AS SELECT i AS id, i % 7 AS g FROM range(12000) t(i)');
    const q = buildChartSql({ ...newChartSpec('many', 'id'), measures: [{ column: null, agg: 'count', transform: 'none' }] });
    expect((await db.query(runnableChartSql(q))).numRows).toBe(MAX_CHART_ROWS + 1);
    const few = buildChartSql({ ...newChartSpec('many', 'g'), measures: [{ column: null, agg: 'count', transform: 'none' }] });
    expect((await db.query(runnableChartSql(few))).numRows).toBe(7);
  });
});
