import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../electron/cli/node-db';
import type { Db } from '../db';
import { listTables, type TableInfo } from '../db-catalog';
import { newPivotSpec, type PivotSpec, type PivotValue } from '../model/pivot-spec';
import { gridFromResult } from '../pivot/grid';
import { runPivot } from '../pivot/run-pivot';
import { pivotSql, rollupCoversPivot } from './pivot-sql';
import { buildRollup, type Rollup } from './rollup';
import { tableSource } from './source';

let db: Db;
let cube: TableInfo;
let rollup: Rollup;
beforeAll(async () => {
  db = await openNodeDb();
  await db.exec(`CREATE TABLE cube AS
    SELECT ['北京市','上海市','江苏省','浙江省','广东省','四川省'][1 + (i * 7) % 6] AS 地区,
           2005 + (i * 13) % 15 AS 年份,
           ['社会团体','民办非企业单位','基金会'][1 + (i * 5) % 3] AS 类型,
           CASE WHEN i % 11 = 0 THEN NULL ELSE ['机构数','从业人员'][1 + i % 2] END AS 指标,
           '机构' || i AS 机构名称,
           CASE WHEN i % 17 = 0 THEN NULL ELSE ((i * 7919) % 100003) / 100.0 END::DOUBLE AS 数值,
           ((i * 31) % 2003)::INTEGER AS 人数
      FROM range(60000) t(i)`);
  cube = (await listTables(db)).find((t) => t.name === 'cube')!;
  rollup = (await buildRollup(db, cube, { minRows: 0 }))!;
});
afterAll(() => db.close());

const v = (agg: PivotValue['agg'], column: string | null, show: PivotValue['show'] = 'value'): PivotValue => ({ column, agg, show, format: 'auto' });
const spec = (over: Partial<PivotSpec>): PivotSpec => ({ ...newPivotSpec('cube'), rows: ['地区'], cols: ['年份'], values: [v('sum', '数值')], ...over });

const cases: [string, Partial<PivotSpec>][] = [
  ['region × year with totals', {}],
  ['two row levels, count, avg and sums of a grouped and an integer column', { rows: ['地区', '类型'], values: [v('count', null), v('avg', '数值'), v('sum', '年份'), v('sum', '人数'), v('count', '指标')] }],
  ['distinct, min and max of grouped columns', { rows: ['类型'], cols: ['指标'], values: [v('count_distinct', '年份'), v('min', '年份'), v('max', '年份')] }],
  ['min, max and avg of a measure column', { values: [v('min', '数值'), v('max', '数值'), v('avg', '数值'), v('avg', '人数')] }],
  ['shares, filters and top-N', { values: [v('sum', '数值', 'row_share'), v('count', null, 'col_share'), v('sum', '人数', 'total_share')], filters: [{ column: '类型', op: 'not_in', values: ['基金会'] }, { column: '年份', op: 'range', min: 2008 }], topN: 4 }],
  ['no totals, sorted by a value', { totals: false, sort: { by: 'value', value: 0, dir: 'desc' } }],
];

describe('a pivot over the rollup equals the pivot over the table', () => {
  it.each(cases)('%s', async (_name, over) => {
    const s = spec(over);
    const q = pivotSql(s, tableSource(cube), rollup);
    expect(q.rollupSql).toContain(rollup.relation);
    const raw = gridFromResult(s, await db.query(q.sql));
    const fromRollup = gridFromResult(s, await db.query(q.rollupSql!));
    expect(fromRollup.rows).toEqual(raw.rows);
    expect(fromRollup.cols).toEqual(raw.cols);
    let compared = 0;
    raw.cells.forEach((cells, m) =>
      cells.forEach((x, i) => {
        const y = fromRollup.cells[m][i];
        // Bit for bit, sums and averages of doubles too (aggregate.ts: exact integer parts on both paths).
        expect(Object.is(y, x), `value ${m} cell ${i}: ${y} vs ${x}`).toBe(true);
        compared++;
      }),
    );
    expect(compared).toBeGreaterThan(20);
  });

  it('says when it reads the rollup, and leaves what the rollup cannot answer to the table', async () => {
    const r = await runPivot(db, spec({}), tableSource(cube), { rollup });
    expect(r.status === 'ready' && r.fromRollup).toBe(true);
    for (const over of [{ values: [v('median', '数值')] }, { values: [v('count_distinct', '数值')] }, { rows: ['机构名称'] }, { filters: [{ column: '数值', op: 'range' as const, min: 1 }] }]) {
      expect(rollupCoversPivot(rollup, spec(over))).toBe(false);
      expect(pivotSql(spec(over), tableSource(cube), rollup).rollupSql).toBeUndefined();
    }
    // A derived relation (e.g. with calculated fields) is not the rollup's table.
    expect(pivotSql(spec({}), { relation: '(SELECT * FROM "cube")', columns: cube.columns }, rollup).rollupSql).toBeUndefined();
  });
});
