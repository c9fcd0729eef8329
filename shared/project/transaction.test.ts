import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Float16, Table, tableToIPC, vectorFromArray } from 'apache-arrow';
import { openNodeDb } from '../../electron/cli/node-db';
import type { Db } from '../db';
import { translator } from '../i18n';
import { createSampleTables, sampleState } from '../../tests/fixtures/projects/sample-workspace';
import { emptyWorkspace, packedFile, savedFile, workspaceSnapshot } from '../../tests/fixtures/projects/project-support';
import { unpackProject } from './archive';
import { describeProjectError } from './errors';
import { openProject, userTables } from './workspace';

/** The real engine, with a hook before every write call (exec / insertArrow) that may throw. */
function withFault(db: Db, before: (call: number, what: string) => void | Promise<void>): Db & { calls: () => number } {
  let n = 0;
  const hook = async (what: string) => before(n++, what);
  return {
    ...db,
    calls: () => n,
    async exec(sql) {
      await hook(sql);
      return db.exec(sql);
    },
    async insertArrow(name, ipc) {
      await hook(`insertArrow ${name}`);
      return db.insertArrow(name, ipc);
    },
  };
}

describe('opening a project is one transaction', () => {
  let db: Db;
  let source: Db;
  let project: Uint8Array;
  beforeAll(async () => {
    db = await openNodeDb();
    source = await openNodeDb();
    await createSampleTables(source);
    await source.exec("CREATE TABLE 新表 AS SELECT '甲' AS 名称, 1.5 AS 值");
    project = await savedFile(source, { ...sampleState(), tables: [...sampleState().tables, { name: '新表', provenance: { fileName: '新表.csv' } }] });
  });
  afterAll(async () => {
    await db.close();
    await source.close();
  });
  /** The workspace before: the sample project with its provenance, plus a table of the user's own. */
  async function prepare() {
    await emptyWorkspace(db);
    await createSampleTables(db);
    await openProject(db, await savedFile(db, sampleState()), { replace: await userTables(db, []), protect: [] });
    await db.exec('CREATE TABLE 我的表 AS SELECT 42 AS x');
  }
  beforeEach(prepare);

  it('rolls back when the engine refuses a table half-way through loading (real failure: a Float16 column)', async () => {
    const { manifest, tables } = unpackProject(project);
    const half = tableToIPC(new Table({ 比例: vectorFromArray([0.5, 1], new Float16()) }), 'stream');
    const crafted = packedFile({ ...manifest, tables: [...manifest.tables, { name: '半精度', file: 'tables/t9.arrow', rows: 2 }] }, new Map([...tables, ['tables/t9.arrow', half]]));
    const before = await workspaceSnapshot(db);
    const err = await openProject(db, crafted, { replace: await userTables(db, []), protect: [] }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'load-failed', params: { table: '半精度' } });
    expect(await workspaceSnapshot(db)).toEqual(before);
    const message = describeProjectError(err, translator('zh-CN'));
    expect(message).toMatch(/^数据库无法载入数据表“半精度”：/);
    expect(message).not.toContain('{');
  });

  it('rolls back a failure at EVERY step (load, type restore, drop, rename, provenance, combined tables, commit)', async () => {
    const counter = withFault(db, () => undefined);
    const before = await workspaceSnapshot(db);
    await openProject(counter, project, { replace: await userTables(db, []), protect: [] });
    const steps = counter.calls();
    const after = await workspaceSnapshot(db);
    expect(Object.keys(after.tables)).toEqual(['新表', '年度_指标', '社区问卷'].sort());
    expect(steps).toBeGreaterThan(10);
    const seen: string[] = [];
    for (let k = 1; k < steps - 1; k++) {
      // Back to the state before, then fail at write call k (call 0 is BEGIN, the last is COMMIT).
      await prepare();
      expect(await workspaceSnapshot(db)).toEqual(before);
      const faulty = withFault(db, (call, what) => {
        if (call === k) {
          seen.push(what.split(' ').slice(0, 2).join(' '));
          throw new Error(`injected at ${what}`);
        }
      });
      await expect(openProject(faulty, project, { replace: await userTables(db, []), protect: [] }), `step ${k}`).rejects.toMatchObject({ name: 'ProjectError' });
      expect(await workspaceSnapshot(db), `step ${k}`).toEqual(before);
    }
    expect(new Set(seen)).toEqual(new Set(['insertArrow __sgw_open_0', 'insertArrow __sgw_open_1', 'insertArrow __sgw_open_2', 'ALTER TABLE', 'DROP TABLE', 'DELETE FROM', 'CREATE SCHEMA', 'CREATE TABLE', 'INSERT INTO', 'DROP VIEW', 'CREATE VIEW']));
  });

  it('keeps other connections (one per query, as in the browser) on the old tables until COMMIT', async () => {
    const views: string[][] = [];
    const watching = withFault(db, async (_call, what) => {
      if (what === 'COMMIT') views.push(await userTables(db, []));
    });
    const before = await userTables(db, []);
    await openProject(watching, project, { replace: before, protect: [] });
    expect(views).toEqual([before]);
    expect(await userTables(db, [])).toEqual(['年度_指标', '新表', '社区问卷']);
  });
});
