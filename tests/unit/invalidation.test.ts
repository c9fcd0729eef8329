import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../electron/cli/node-db';
import type { Db } from '../../shared/db';
import { listTables } from '../../shared/db-catalog';
import { importIntoDb } from '../../shared/import/commit';
import { newChartSpec } from '../../shared/model/chart-spec';
import { openProject } from '../../shared/project/workspace';
import { savedFile } from '../fixtures/projects/project-support';
import { columnValuesSql, valuesAcrossSql } from '../../shared/sql/browse-sql';
import { buildChartSql } from '../../shared/sql/chart-sql';
import { coordinatorFor } from '../../renderer/db/coordinator';
import { dataChanges, listTablesLive, rawDb, trackWrites } from '../../renderer/db/data-changes';
import { readyRollupsFor, rollupsFor } from '../../renderer/db/rollups';

// Names with quotes, spaces and Chinese: every identifier must go through ident().
const T = '社区 "调查" 表';
const C = '所在 "地区"';

let raw: Db;
let app: Db;
beforeAll(async () => {
  raw = await openNodeDb();
  app = trackWrites(raw);
  await raw.exec(`CREATE TABLE "社区 ""调查"" 表" AS SELECT * FROM (VALUES ('和平里', 1), ('望京', 2), ('望京', 3)) t("所在 ""地区""", n)`);
});
afterAll(() => raw.close());

const values = async (sql: string) => Array.from((await coordinatorFor(app).query(sql)).getChild('v')!, String);
const settled = () => new Promise((r) => setTimeout(r, 10));

describe('invalidation inside renderer/db (real engine)', () => {
  it('gives a filter fresh values after a console DELETE and INSERT, with no caller syncing', async () => {
    const sql = columnValuesSql(T, C);
    expect(await values(sql)).toEqual(['和平里', '望京']);
    const before = coordinatorFor(app).sent;
    expect(await values(sql)).toEqual(['和平里', '望京']);
    expect(coordinatorFor(app).sent).toBe(before);
    // The console sends scripts with Db.query.
    await app.query(`-- 删掉一个社区\nDELETE FROM "社区 ""调查"" 表" WHERE "所在 ""地区""" = '和平里'`);
    expect(await values(sql)).toEqual(['望京']);
    await app.exec(`INSERT INTO "社区 ""调查"" 表" VALUES ('亚运村', 4)`);
    expect(await values(sql)).toEqual(['亚运村', '望京']);
    // The same write behind the app's back (the raw engine) is invisible: the cache is what is tested.
    await raw.exec(`INSERT INTO "社区 ""调查"" 表" VALUES ('奥运村', 5)`);
    expect(await values(sql)).toEqual(['亚运村', '望京']);
  });

  it('gives the dashboard region list fresh values after an import, and tells the app once', async () => {
    let told = 0;
    const off = dataChanges(app).subscribe(() => told++);
    const sources = [{ table: '区县', column: '地区' }];
    await app.exec(`CREATE TABLE 区县 (地区 VARCHAR, 年份 INTEGER)`);
    await settled();
    expect(told).toBe(1);
    expect(await values(valuesAcrossSql(sources)!)).toEqual([]);
    const csv = new TextEncoder().encode('地区,年份\n海淀区,2020\n朝阳区,2021\n');
    await importIntoDb(app, csv, '区县.csv', { tableNames: ['区县'], replace: true });
    await settled();
    // An import is several statements; the table list is refreshed once, after the last.
    expect(told).toBe(2);
    expect(await values(valuesAcrossSql(sources)!)).toEqual(['朝阳区', '海淀区']);
    expect((await listTables(app)).map((t) => t.name)).toContain('区县');
    off();
  });

  it('opening a project swaps the data under every cached query', async () => {
    // Project table names are plain identifiers (the manifest refuses others).
    await app.exec(`CREATE TABLE 街道 AS SELECT * FROM (VALUES ('和平里', 1)) t("所在 ""地区""", n)`);
    const other = await openNodeDb();
    await other.exec(`CREATE TABLE 街道 AS SELECT * FROM (VALUES ('大栅栏', 9)) t("所在 ""地区""", n)`);
    const bytes = await savedFile(other, { tables: [{ name: '街道' }], sql: { draft: '', history: [], snippets: [] }, documents: { charts: [], dashboards: [], decks: [] }, lang: 'zh-CN', app: { name: 'sgw', version: 't' } });
    await other.close();
    const sql = columnValuesSql('街道', C);
    expect(await values(sql)).toEqual(['和平里']);
    await openProject(app, bytes, { replace: ['街道'], protect: [] });
    expect(await values(sql)).toEqual(['大栅栏']);
  });

  it('drops every rollup on a data change and answers the chart from a new one equal to the table', async () => {
    await raw.exec(`CREATE TABLE 大表 AS SELECT ['北京市','上海市','江苏省'][1 + i % 3] AS 地区, 2005 + i % 15 AS 年份, (i % 1000)::DOUBLE AS 数值 FROM range(330000) t(i)`);
    const info = async () => (await listTablesLive(app)).find((t) => t.name === '大表')!;
    const spec = { ...newChartSpec('大表', '地区'), measures: [{ column: '数值', agg: 'sum' as const, transform: 'none' as const }] };
    const answer = async () => {
      const i = await info();
      const rollup = await rollupsFor(app).get(i);
      const q = buildChartSql(spec, { columns: i.columns.map((c) => c.name), rollup });
      return { rollup, viaRollup: (await raw.query(q.rollupSql!)).toArray().map((r) => r.toJSON()), direct: (await raw.query(q.sql)).toArray().map((r) => r.toJSON()) };
    };
    const first = await answer();
    expect(first.rollup).not.toBeNull();
    expect(first.rollup!.sourceRows).toBe(330000);
    expect(first.viaRollup).toEqual(first.direct);
    const listedBefore = await info();
    await app.query(`DELETE FROM 大表 WHERE 地区 = '北京市'`);
    // A screen still holding the list from before the write gets no rollup (and builds none) ...
    const builds = rollupsFor(app).builds;
    await expect(rollupsFor(app).get(listedBefore)).resolves.toBeNull();
    expect(rollupsFor(app).builds).toBe(builds);
    // ... the refreshed list gets one built from the data as it is, labelled with its row count.
    const second = await answer();
    expect(second.rollup!.relation).not.toBe(first.rollup!.relation);
    expect(second.rollup!.sourceRows).toBe(220000);
    expect(second.viaRollup).toEqual(second.direct);
    expect(second.direct).not.toEqual(first.direct);
    // A build that a write overtakes answers "no rollup" (the chart then reads the table).
    const overtaken = rollupsFor(app).get(await info());
    await app.exec(`UPDATE 大表 SET 数值 = 0 WHERE 地区 = '上海市'`);
    await expect(overtaken).resolves.toBeNull();
    // The registry's own tables are built on the raw engine: building one is not a data change.
    const epoch = dataChanges(app).epoch;
    await rollupsFor(app).get(await info());
    expect(dataChanges(app).epoch).toBe(epoch);
    await rawDb(app).exec('CREATE TABLE 记账 AS SELECT 1 AS a');
    expect(dataChanges(app).epoch).toBe(epoch);
  });

  it('gives charts on screen a rollup only once it is built, never one that a write during its build overtook', async () => {
    await raw.exec(`CREATE TABLE 进行中 AS SELECT ['北京市','上海市','江苏省'][1 + i % 3] AS 地区, (i % 1000)::DOUBLE AS 数值 FROM range(600000) t(i)`);
    const info = async () => (await listTablesLive(app)).find((t) => t.name === '进行中')!;
    const charts = readyRollupsFor(app);
    const registry = rollupsFor(app);
    const before = await info();
    // The first chart does not wait: no rollup yet; the build has started and is in flight.
    await expect(charts.get(before)).resolves.toBeNull();
    const building = registry.get(before);
    await app.exec(`UPDATE 进行中 SET 数值 = -1 WHERE 地区 = '上海市'`);
    await expect(building).resolves.toBeNull();
    await expect(charts.get(before)).resolves.toBeNull();
    // After the write: a new build from the data as it is; charts take it once it is there.
    const after = await info();
    await expect(charts.get(after)).resolves.toBeNull();
    const rollup = await registry.get(after);
    expect(rollup).not.toBeNull();
    await expect(charts.get(after)).resolves.toBe(rollup);
    const spec = { ...newChartSpec('进行中', '地区'), measures: [{ column: '数值', agg: 'sum' as const, transform: 'none' as const }] };
    const q = buildChartSql(spec, { columns: after.columns.map((c) => c.name), rollup });
    const direct = (await raw.query(q.sql)).toArray().map((r) => r.toJSON());
    expect(direct).toContainEqual({ 地区: '上海市', sum_数值: -200000 });
    expect((await raw.query(q.rollupSql!)).toArray().map((r) => r.toJSON())).toEqual(direct);
    // Only that rollup is left of the builds: no staging table, nothing of the overtaken build.
    const left = async () => (await raw.query(`SELECT table_name FROM duckdb_tables() WHERE schema_name = 'sgw_rollup' AND table_name LIKE '进行中%'`)).toArray().map((r) => String(r.toJSON().table_name));
    await expect.poll(left).toEqual([rollup!.relation.split('.')[1].replaceAll('"', '')]);
  });

  it('lets the engine decide console scripts: a read that only names a write keeps the caches, a hidden write drops them', async () => {
    const sql = columnValuesSql(T, C);
    await values(sql);
    const sent = coordinatorFor(app).sent;
    const epoch = dataChanges(app).epoch;
    await app.query(`SELECT 'DELETE FROM t' AS 说明 -- UPDATE later`);
    await app.query(`SELECT $$; DROP TABLE "社区 ""调查"" 表"; $$ AS s`);
    expect(dataChanges(app).epoch).toBe(epoch);
    await values(sql);
    expect(coordinatorFor(app).sent).toBe(sent);
    // issue 14's EXPLAIN ANALYZE UPDATE: the read-only transaction refuses it, so it runs as a write.
    await app.query(`EXPLAIN ANALYZE UPDATE "社区 ""调查"" 表" SET n = 0 WHERE "所在 ""地区""" = '望京'`);
    expect(dataChanges(app).epoch).toBeGreaterThan(epoch);
    await values(sql);
    expect(coordinatorFor(app).sent).toBe(sent + 1);
    expect(Array.from((await app.query(`SELECT sum(n)::INTEGER AS v FROM "社区 ""调查"" 表" WHERE "所在 ""地区""" = '望京'`)).getChild('v')!)).toEqual([0]);
  });

  it('keeps the order of work although a script waits for the engine to lex it: what comes after sees its changes', async () => {
    await app.exec('CREATE TABLE 临时表 AS SELECT 1 AS a');
    const drop = app.query('DROP TABLE 临时表');
    // Not awaited: a save right after the console's DROP reads the table list in the same moment.
    const listed = listTables(app);
    // Project snapshots read the raw engine (rawDb): in the same order.
    const snapshot = listTables(rawDb(app));
    const inserted = app.exec('CREATE TABLE 之后 AS SELECT 2 AS b');
    await drop;
    expect((await listed).map((t) => t.name)).not.toContain('临时表');
    expect((await snapshot).map((t) => t.name)).not.toContain('临时表');
    await inserted;
    expect((await listTables(app)).map((t) => t.name)).toContain('之后');
  });

  it('lists the bundled tables it was given until the first write, then asks the engine', async () => {
    const db = await openNodeDb();
    try {
      const tracked = trackWrites(db);
      await db.exec('CREATE TABLE bundled_t AS SELECT 1 AS a');
      const known = await listTables(db);
      // Before any write the given list is the list, the very objects (a chart keyed on them does not run twice).
      const first = await listTablesLive(tracked, known);
      expect(first).toBe(known);
      await tracked.exec('CREATE TABLE imported_t AS SELECT 2 AS b');
      const after = await listTablesLive(tracked, known);
      expect(after.map((t) => t.name)).toEqual(['bundled_t', 'imported_t']);
      // The stamp makes the old list's entries stale for the rollups (renderer/db/rollups.ts).
      expect(dataChanges(tracked).isCurrent(known[0])).toBe(false);
      expect(dataChanges(tracked).isCurrent(after[0])).toBe(true);
    } finally {
      await db.close();
    }
  });
});
