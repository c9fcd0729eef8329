import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../electron/cli/node-db';
import { leastSquares } from '../../tests/fixtures/stats/least-squares';
import { runChart } from '../charts/run-chart';
import type { Db } from '../db';
import { describeTable } from '../db-catalog';
import { linearTrend, trendPoints } from './trend';
import { cagrProblem, trendSpec } from './trend-spec';

// Places with a total row (全国) that must not be counted twice, NULL values, a BIGINT beyond 2^32, a
// DECIMAL and a DOUBLE measure, and a year missing for one place.
const ROWS = `CREATE TABLE 趋势 AS SELECT * FROM (VALUES
  ('上海', 2015, 100.5, 12.25::DECIMAL(18,2), 5000000000::BIGINT),
  ('上海', 2016, 110.25, 13.50::DECIMAL(18,2), 5000000100::BIGINT),
  ('上海', 2017, NULL, 15.75::DECIMAL(18,2), 5000000350::BIGINT),
  ('上海', 2018, 131.0, 16.00::DECIMAL(18,2), 5000000400::BIGINT),
  ('广西', 2015, 20.0, 1.00::DECIMAL(18,2), 10::BIGINT),
  ('广西', 2016, 22.5, 0.50::DECIMAL(18,2), 20::BIGINT),
  ('广西', 2018, 30.125, 3.25::DECIMAL(18,2), 40::BIGINT),
  ('全国', 2015, 9999.0, 999.00::DECIMAL(18,2), 9999::BIGINT),
  ('全国', 2018, 9999.0, 999.00::DECIMAL(18,2), 9999::BIGINT)
) t(地区, 年份, 人数, 支出, 大数)`;

let db: Db;
beforeAll(async () => {
  db = await openNodeDb();
  await db.exec(ROWS);
});
afterAll(() => db.close());

const byHand = leastSquares;
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

async function trendOf(measure: string, place?: string) {
  const table = (await describeTable(db, '趋势'))!;
  const spec = trendSpec({ table: '趋势', measure, year: '年份', region: '地区', totals: ['全国'], ...(place ? { place } : {}), title: 't' });
  const run = await runChart(db, spec, { table, catalog: null, lang: 'zh-CN' });
  if (run.status !== 'ready') throw new Error(run.status);
  return run.data;
}

describe('the 统计 panel trend: a line chart spec through the one chart path', () => {
  it('sums every place but the totals per year, and its fit is trend.ts on the drawn points — equal to least squares by hand', async () => {
    const expected: Record<string, [number, number][]> = {
      人数: [[2015, 120.5], [2016, 132.75], [2018, 161.125]],
      支出: [[2015, 13.25], [2016, 14], [2017, 15.75], [2018, 19.25]],
      大数: [[2015, 5000000010], [2016, 5000000120], [2017, 5000000350], [2018, 5000000440]],
    };
    for (const [measure, pts] of Object.entries(expected)) {
      const data = await trendOf(measure);
      const series = data.series[0];
      // 人数 in 2017: only 上海 has a row and it is NULL, so the year has no value (a gap, not a zero).
      const drawn = data.categories.map((c, i) => [Number(c), series.values[i]] as const).filter(([, y]) => y !== null);
      expect(drawn, measure).toEqual(pts);
      expect(series.trend, measure).toEqual(linearTrend(trendPoints(data.categories, series.values)));
      const hand = byHand(pts);
      expect(rel(series.trend!.slope, hand.slope), measure).toBeLessThan(1e-12);
      expect(rel(series.trend!.r2, hand.r2), measure).toBeLessThan(1e-9);
      expect(rel(series.trend!.cagr!, hand.cagr), measure).toBeLessThan(1e-12);
      expect(cagrProblem(data.categories, series.values)).toBeNull();
    }
  });

  it('one place: only its rows', async () => {
    const data = await trendOf('支出', '广西');
    expect(data.categories).toEqual(['2015', '2016', '2018']);
    expect(data.series[0].values).toEqual([1, 0.5, 3.25]);
    expect(data.series[0].trend!.slope).toBe(linearTrend([{ x: 2015, y: 1 }, { x: 2016, y: 0.5 }, { x: 2018, y: 3.25 }])!.slope);
  });

  it('refuses a CAGR, saying why, when the first or last value is ≤ 0 or the years do not increase', () => {
    expect(cagrProblem(['2015', '2016', '2017'], [0, 5, 6])).toBe('non-positive');
    expect(cagrProblem(['2015', '2016', '2017'], [4, 5, -1])).toBe('non-positive');
    // A leading gap: the first value is the first year with one.
    expect(cagrProblem(['2015', '2016', '2017'], [null, 5, 6])).toBeNull();
    expect(cagrProblem(['2015', '2016', '2017'], [null, -5, 6])).toBe('non-positive');
    expect(cagrProblem(['2017', '2016', '2018'], [4, 5, 6])).toBe('not-increasing');
    expect(cagrProblem(['2016', '2016', '2018'], [4, 5, 6])).toBe('not-increasing');
    expect(cagrProblem(['甲', '乙'], [4, 5])).toBe('not-increasing');
    expect(cagrProblem(['2016', '2017'], [4, 5])).toBeNull();
  });
});
