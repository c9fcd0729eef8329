import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../electron/cli/node-db';
import { createRollupCube, differences, rowsOf } from '../../tests/fixtures/rollup-cube';
import type { Db } from '../db';
import { listTables } from '../db-catalog';
import { newChartSpec, type ChartSpec } from '../model/chart-spec';
import { buildChartSql } from './chart-sql';
import { ROLLUP_SCHEMA } from './rollup';
import { RollupRegistry } from './rollup-registry';

let db: Db;
beforeAll(async () => {
  db = await openNodeDb();
  await createRollupCube(db);
});
afterAll(() => db.close());

const rows = (sql: string) => rowsOf(db, sql);
const spec = (over: Partial<ChartSpec>): ChartSpec => ({ ...newChartSpec('cube', '地区'), measures: [{ column: '数值', agg: 'sum', transform: 'none' }], ...over });
const columns = async () => (await listTables(db)).find((t) => t.name === 'cube')!.columns.map((c) => c.name);

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
    const q = buildChartSql(spec({}), { columns: await columns(), rollup: c });
    expect(differences(await rows(q.sql), await rows(q.rollupSql!))).toEqual([]);
  });

  it('answers ready() at once: null while building, the rollup once built, and says when it is built', async () => {
    const registry = new RollupRegistry(db);
    const info = (await listTables(db)).find((t) => t.name === 'cube')!;
    const told: string[] = [];
    registry.onBuilt((table) => told.push(table));
    expect(registry.ready(info)).toBeNull();
    const built = await registry.get(info);
    expect(built).not.toBeNull();
    expect(registry.builds).toBe(1);
    expect(registry.ready(info)).toBe(built);
    expect(told).toEqual(['cube']);
    registry.invalidate();
    expect(registry.ready(info)).toBeNull();
  });

  it('stops a build that a write overtakes between two of its statements, and leaves no table behind', async () => {
    const info = (await listTables(db)).find((t) => t.name === 'cube')!;
    const sent: string[] = [];
    // The write and the data change arrive while the build is between its first and second row range.
    const engine: Db = {
      ...db,
      exec: async (sql) => {
        sent.push(sql);
        if (sql.startsWith('INSERT INTO') && !sent.some((s) => s.startsWith('UPDATE'))) {
          sent.push('UPDATE');
          await db.exec(`UPDATE cube SET 数值 = 1e9 WHERE 地区 = '广东省'`);
          registry.invalidate();
        }
        return db.exec(sql);
      },
    };
    const registry = new RollupRegistry(engine);
    const overtaken = registry.get(info);
    expect(registry.ready(info)).toBeNull();
    await expect(overtaken).resolves.toBeNull();
    expect(registry.builds).toBe(0);
    expect(registry.ready(info)).toBeNull();
    // It stopped at the next statement: no merge, and its partial table dropped.
    expect(sent.some((sql) => sql.includes('GROUP BY "__sgw_d0"'))).toBe(false);
    const suffix = /~partial/;
    expect((await rollupTables()).filter((t) => suffix.test(String(t)))).toEqual([]);
    expect((await rollupTables()).filter((t) => String(t).startsWith('cube#1'))).toEqual([]);
    const after = await registry.get((await listTables(db)).find((t) => t.name === 'cube')!);
    expect(after).not.toBeNull();
    const q = buildChartSql(spec({}), { columns: await columns(), rollup: after });
    const direct = await rows(q.sql);
    expect(direct.find((r) => r[0] === '广东省')?.[1]).toBeGreaterThan(1e13);
    expect(differences(direct, await rows(q.rollupSql!))).toEqual([]);
  });

  it('answers null for small tables without building anything', async () => {
    const registry = new RollupRegistry(db);
    const small = (await listTables(db)).find((t) => t.name === 'small')!;
    expect(await registry.get(small)).toBeNull();
    expect(registry.builds).toBe(0);
  });
});
