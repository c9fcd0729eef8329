import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeImportRunner } from '../../../electron/cli/import-runner';
import { openNodeDb } from '../../../electron/cli/node-db';
import type { Db } from '../../../shared/db';
import { listTables } from '../../../shared/db-catalog';
import { importIntoDb } from '../../../shared/import/commit';
import { userTables } from '../../../shared/project/workspace';
import { dataChanges, rawDb, trackWrites } from '../../db/data-changes';
import { commitImport } from './commit-import';
import { prestageKey, startPrestage } from './prestage';

// A CSV the engine reads by its plan (≥ 1 MB, plain UTF-8), in several pieces; text, integers, decimals and
// a missing mark, so the staged table is compared on more than its row count.
const REGIONS = ['北京市', '上海市', '广东省', '四川省'];
const rows = Array.from({ length: 60_000 }, (_, i) => `${REGIONS[i % 4]},${2004 + (i % 20)},第${i}号社区服务中心,${i % 11 ? ((i * 37) % 10_000) / 100 : '—'}`);
const bytes = new TextEncoder().encode(`地区,年份,机构名称,数值\n${rows.join('\n')}\n`);

let engine: Db;
beforeAll(async () => {
  engine = await openNodeDb();
});
afterAll(async () => {
  await engine.close();
});

const staging = async (db: Db) => Number((await db.query("SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name LIKE '\\_\\_sgw\\_import\\_%' ESCAPE '\\'")).get(0)?.n);
const differing = async (db: Db, a: string, b: string) => Number((await db.query(`SELECT (SELECT count(*) FROM (SELECT * FROM "${a}" EXCEPT ALL SELECT * FROM "${b}")) + (SELECT count(*) FROM (SELECT * FROM "${b}" EXCEPT ALL SELECT * FROM "${a}"))::INTEGER AS n`)).get(0)?.n);

async function withRunner<T>(run: (runner: Awaited<ReturnType<typeof nodeImportRunner>>['runner']) => Promise<T>): Promise<T> {
  const { runner, close } = await nodeImportRunner(bytes.byteLength);
  try {
    runner.load('f', bytes);
    // The preview's analysis first, as the card does: it proves the file and keeps the plan.
    expect((await runner.analyze('f', 'orgs.csv', {})).planned).toBe(true);
    return await run(runner);
  } finally {
    close();
  }
}

describe('prestage: a proven big CSV read into the engine before 导入', () => {
  it('导入 then only publishes it: the table importIntoDb gives, heard once, no staging table left, no read after the click', async () => {
    const db = trackWrites(engine);
    await withRunner(async (runner) => {
      const p = startPrestage(rawDb(db), runner, { key: 'f', name: 'orgs.csv' }, {});
      const heard: number[] = [];
      dataChanges(db).subscribe(() => heard.push(1));
      // While it is staged: hidden from the table list and from a project's tables, and nobody was told.
      await expect.poll(() => staging(engine), { timeout: 30_000 }).toBe(1);
      await new Promise((r) => setTimeout(r, 50));
      expect(heard).toEqual([]);
      expect((await listTables(db)).map((t) => t.name)).not.toContain(expect.stringMatching(/sgw/));
      expect(await userTables(db, [])).toEqual([]);
      // 导入: no request to the worker (none is answered now) and one change heard.
      runner.buildStreamed = () => Promise.reject(new Error('the file was read again after the click'));
      const done: { table: string; rows: number }[] = [];
      await commitImport(db, runner, { key: 'f', name: 'orgs.csv' }, [{ options: {} }], () => '机构', false, () => undefined, (c) => done.push(c), p);
      expect(done).toEqual([{ table: '机构', rows: 60_000 }]);
      await new Promise((r) => setTimeout(r, 10));
      expect(heard).toEqual([1]);
      expect(await staging(engine)).toBe(0);
      // A second 导入 of the same card does not reuse the published table: it reads the file again.
      expect(await p.publish(db, '机构2', false)).toBeNull();
      await p.stop();
      expect(Number((await engine.query('SELECT count(*)::INTEGER AS n FROM "机构"')).get(0)?.n)).toBe(60_000);
    });
    await importIntoDb(engine, bytes, 'orgs.csv', { tableNames: ['direct'], replace: true });
    expect(await differing(engine, '机构', 'direct')).toBe(0);
    for (const t of ['机构', 'direct']) await engine.exec(`DROP TABLE "${t}"`);
  }, 60_000);

  it('a refused name keeps the staged table for the next try; stop drops it', async () => {
    const db = trackWrites(engine);
    await engine.exec('CREATE TABLE taken AS SELECT 1 AS x');
    await withRunner(async (runner) => {
      const p = startPrestage(rawDb(db), runner, { key: 'f', name: 'orgs.csv' }, {});
      await expect(p.publish(db, 'taken', false)).rejects.toMatchObject({ key: 'import.err.tableExists' });
      await expect(p.publish(db, 'sgw_x', false)).rejects.toMatchObject({ key: 'import.err.badTableName' });
      expect(await staging(engine)).toBe(1);
      expect(await p.publish(db, 'taken', true)).toBe(60_000);
      expect(Number((await engine.query('SELECT count(*)::INTEGER AS n FROM taken')).get(0)?.n)).toBe(60_000);
      await p.stop();
      expect(await staging(engine)).toBe(0);
      // Another read, stopped before 导入: nothing is left and a publish after it reads nothing.
      const q = startPrestage(rawDb(db), runner, { key: 'f', name: 'orgs.csv' }, {});
      await q.stop();
      expect(await staging(engine)).toBe(0);
      expect(await q.publish(db, 'later', false)).toBeNull();
    });
    await engine.exec('DROP TABLE taken');
  }, 60_000);

  it('is keyed by the settings it read with: 导入 with others ignores it and reads the file its own way', async () => {
    const db = trackWrites(engine);
    await withRunner(async (runner) => {
      const p = startPrestage(rawDb(db), runner, { key: 'f', name: 'orgs.csv' }, {});
      const other = { columns: [undefined, undefined, undefined, { type: 'string' as const }] };
      expect(p.key).toBe(prestageKey('f', {}));
      expect(p.key).not.toBe(prestageKey('f', other));
      await commitImport(db, runner, { key: 'f', name: 'orgs.csv' }, [{ options: other }], () => 'as_text', false, () => undefined, () => undefined, p);
      expect(await engine.query('SELECT DISTINCT typeof("数值") AS t FROM as_text').then((t) => t.get(0)?.t)).toBe('VARCHAR');
      // Still staged for its own settings until stopped.
      expect(await staging(engine)).toBe(1);
      await p.stop();
      expect(await staging(engine)).toBe(0);
    });
    await engine.exec('DROP TABLE as_text');
  }, 60_000);
});
