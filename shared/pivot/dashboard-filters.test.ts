import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../electron/cli/node-db';
import type { Db } from '../db';
import { describeTable } from '../db-catalog';
import { newPivotSpec, type PivotSpec } from '../model/pivot-spec';
import { tableSource } from '../sql/source';
import { pivotUnderFilters } from './dashboard-filters';
import { runPivot } from './run-pivot';

let db: Db;
beforeAll(async () => {
  db = await openNodeDb();
  await db.exec(`CREATE TABLE 卡片样例 AS SELECT * FROM (VALUES
    ('北京市', 2019, 10.5), ('北京市', 2020, 20.25), ('上海市', 2019, 5.0), ('上海市', 2020, 7.125), ('江苏省', 2020, 100.0)) t(地区, 年份, 数值)`);
});
afterAll(() => db.close());

const SPEC: PivotSpec = { ...newPivotSpec('卡片样例'), rows: ['地区'], cols: [], values: [{ column: '数值', agg: 'sum', show: 'value', format: 'auto' }], totals: true };

/** Row key → value (the grand total under ''), as the engine answers the spec. */
async function answer(spec: PivotSpec): Promise<Record<string, number>> {
  const info = (await describeTable(db, '卡片样例'))!;
  const r = await runPivot(db, spec, tableSource(info));
  if (r.status !== 'ready') throw new Error(r.status);
  return Object.fromEntries(r.grid.rows.map((e, i) => [e.keys.slice(0, e.depth).join('/'), r.grid.cells[0][i]]));
}

describe('a pivot card under the dashboard filters', () => {
  const columns = ['地区', '年份', '数值'];

  it('leaves out an excluded region, totals included', async () => {
    const spec = pivotUnderFilters(SPEC, columns, { regions: ['江苏省'], regionsMode: 'not_in', years: {} });
    expect(await answer(spec)).toEqual({ 北京市: 30.75, 上海市: 12.125, '': 42.875 });
  });

  it('keeps only the picked regions and the year range, after its own filters', async () => {
    const own = { ...SPEC, filters: [{ column: '地区', op: 'not_in' as const, values: ['上海市'] }] };
    const spec = pivotUnderFilters(own, columns, { regions: ['北京市', '上海市'], years: { from: 2020 } });
    expect(await answer(spec)).toEqual({ 北京市: 20.25, '': 20.25 });
  });

  it('is the pivot itself without filters, or when its table has none of the filtered columns', async () => {
    expect(pivotUnderFilters(SPEC, columns, { regions: [], years: {} })).toBe(SPEC);
    expect(pivotUnderFilters(SPEC, ['名称', '数值'], { regions: ['北京市'], years: { from: 2020 } })).toBe(SPEC);
  });
});
