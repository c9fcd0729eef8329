import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../electron/cli/node-db';
import type { Db } from '../../../shared/db';
import { listTables } from '../../../shared/db-catalog';
import type { CalcField } from '../../../shared/model/calc-field';
import { applyCalcFields } from './use-calc-tables';

let db: Db;
beforeAll(async () => {
  db = await openNodeDb();
  await db.exec(`CREATE TABLE 治安 AS SELECT * FROM (VALUES ('上海', 50, 100000.0), ('广西', 9, 30000.0)) t(地区, 案件数, 常住人口)`);
  await db.exec(`CREATE TABLE 其他 AS SELECT 1 AS x`);
});
afterAll(() => db.close());

describe('the live table list with calculated fields (renderer)', () => {
  it('adds each table’s working fields as columns with their engine types, units and relation; a broken one is left out', async () => {
    const fields: CalcField[] = [
      { name: '每万人', table: '治安', def: { kind: 'expr', expr: '"案件数" / "常住人口" * 10000' }, unit: '件/万人' },
      { name: '坏的', table: '治安', def: { kind: 'expr', expr: '"不存在" + 1' } },
      { name: '标注', table: '治安', def: { kind: 'expr', expr: `"地区" || '市'` } },
    ];
    const list = await applyCalcFields(db, await listTables(db), fields);
    const cases = list.find((t) => t.name === '治安')!;
    expect(cases.columns.filter((c) => c.calculated)).toEqual([
      { name: '每万人', type: 'DOUBLE', calculated: true, unit: '件/万人' },
      { name: '标注', type: 'VARCHAR', calculated: true },
    ]);
    const rows = (await db.query(`SELECT 地区, 每万人, 标注 FROM ${cases.relation!} ORDER BY 地区`)).toArray().map((r) => [r.地区, r.每万人, r.标注]);
    const hand = (await db.query(`SELECT 地区, 案件数 / 常住人口 * 10000 AS v, 地区 || '市' AS s FROM 治安 ORDER BY 地区`)).toArray().map((r) => [r.地区, r.v, r.s]);
    expect(rows).toEqual(hand);
    expect(rows.map((r) => r[2])).toEqual(['上海市', '广西市']);
    // A table without fields is the very same object.
    const plain = (await listTables(db)).find((t) => t.name === '其他')!;
    expect((await applyCalcFields(db, [plain], fields))[0]).toBe(plain);
  });
});
