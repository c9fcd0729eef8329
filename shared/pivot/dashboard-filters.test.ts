import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../electron/cli/node-db';
import type { Db } from '../db';
import { describeTable } from '../db-catalog';
import { newChartSpec } from '../model/chart-spec';
import { cardGroup, type PivotCard } from '../model/dashboard';
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
    expect(pivotUnderFilters(SPEC, columns, { regions: [], years: {}, cross: [] })).toBe(SPEC);
    const click = { sourceId: 'chart-1', column: '地区', values: ['北京市'] };
    expect(pivotUnderFilters(SPEC, ['名称', '数值'], { regions: ['北京市'], years: { from: 2020 }, cross: [click] })).toBe(SPEC);
  });

  it('follows a click on a chart of its group (that chart’s x = the value), with the year range', async () => {
    const click = { sourceId: 'chart-1', column: '地区', values: ['北京市'] };
    expect(await answer(pivotUnderFilters(SPEC, columns, { regions: [], years: {}, cross: [click] }))).toEqual({ 北京市: 30.75, '': 30.75 });
    const year = { sourceId: 'chart-2', column: '年份', values: [2020] };
    expect(await answer(pivotUnderFilters(SPEC, columns, { regions: [], years: {}, cross: [year] }))).toEqual({ 北京市: 20.25, 上海市: 7.125, 江苏省: 100, '': 127.375 });
    // A click on a column the table lacks is a chart of another table: it does not reach this pivot.
    const other = { sourceId: 'chart-3', column: '类型', values: ['社会团体'] };
    expect(await answer(pivotUnderFilters(SPEC, columns, { regions: ['上海市', '北京市'], years: {}, cross: [click, other] }))).toEqual({ 北京市: 30.75, '': 30.75 });
  });

  it('a pivot card is in its table’s group: the clicks of that table’s charts reach it', () => {
    const pivot: PivotCard = { id: 'p', kind: 'pivot', spec: SPEC, size: 'medium' };
    expect(cardGroup(pivot)).toBe('卡片样例');
    expect(cardGroup({ id: 'c', spec: newChartSpec('卡片样例', '地区'), size: 'small' })).toBe(cardGroup(pivot));
  });
});
