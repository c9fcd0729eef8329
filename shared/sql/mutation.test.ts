import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../electron/cli/node-db';
import type { Db } from '../db';
import { listTables } from '../db-catalog';
import { newChartSpec } from '../model/chart-spec';
import { buildChartSql } from './chart-sql';
import { classifyScript, mayChangeData, runScript, withoutBeginLine } from './mutation';
import { buildRollup, ROLLUP_SCHEMA, type Rollup } from './rollup';

/** COPY writes through the Node build to the real file system: keep it out of the worktree. */
const OUT = path.join(mkdtempSync(path.join(tmpdir(), 'sgw-mutation-')), 'out.csv').replaceAll("'", "''");

let db: Db;
beforeAll(async () => {
  db = await openNodeDb();
  await db.exec(`CREATE TABLE base AS
    SELECT ['北京市','上海市','江苏省','浙江省'][1 + i % 4] AS region, 2010 + (i * 7) % 10 AS year, ((i * 7919) % 10007) / 100.0 AS amt
      FROM range(20000) t(i)`);
});
afterAll(() => db.close());

/** Puts the workspace back: table t from base, a sequence, default global settings, nothing attached. */
async function reset() {
  for (const sql of [
    'DETACH DATABASE IF EXISTS m2',
    'USE memory.main',
    'DROP TABLE IF EXISTS t',
    'DROP TABLE IF EXISTS t_old',
    'DROP TABLE IF EXISTS u',
    'DROP SEQUENCE IF EXISTS s',
    'CREATE TABLE t AS SELECT * FROM base',
    'CREATE SEQUENCE s',
    "SET GLOBAL default_order = 'ASC'",
  ])
    await db.exec(sql);
}

/** Everything a chart, a cached result or a rollup depends on, read on a fresh connection. */
async function fingerprint(): Promise<string> {
  const list = (expr: string, from: string) => `(SELECT string_agg(k, ',' ORDER BY k) FROM (SELECT ${expr} AS k FROM ${from}))`;
  const state = await db.query(`SELECT
      ${list(`database_name || '.' || schema_name || '.' || table_name || ':' || column_count || ':' || estimated_size`, `duckdb_tables() WHERE schema_name <> '${ROLLUP_SCHEMA}'`)} AS tables,
      ${list('database_name', 'duckdb_databases()')} AS dbs,
      ${list(`name || '=' || coalesce(value, '')`, 'duckdb_settings()')} AS settings,
      ${list(`sequence_name || '=' || coalesce(last_value::VARCHAR, '')`, 'duckdb_sequences()')} AS seqs`);
  const content = await db.query('SELECT count(*)::VARCHAR || sum(hash(t))::VARCHAR AS h FROM t').then(
    (r) => String(r.get(0)?.h),
    () => 'no table t',
  );
  return JSON.stringify([state.get(0)?.toJSON(), content]);
}

const rows = async (sql: string) => (await db.query(sql)).toArray().map((r) => JSON.stringify(r.toJSON()));

/** A rollup of t, as the app would have built it before the script. */
async function rollupOfT(suffix: string): Promise<Rollup> {
  const info = (await listTables(db)).find((x) => x.name === 't')!;
  return (await buildRollup(db, info, { minRows: 0, suffix }))!;
}

/** Runs `sql` the app's way; reports whether it was told of a change and whether the data really changed. */
async function run(sql: string) {
  const before = await fingerprint();
  let told = 0;
  let failed = false;
  await runScript(db, sql, {
    aroundWrite: (write) => {
      told++;
      return write();
    },
  }).catch(() => (failed = true));
  expect(told).toBeLessThanOrEqual(1);
  return { told: told === 1, changed: (await fingerprint()) !== before, failed };
}

// Scripts that only read: the rollup and cached results must survive them.
const READS: string[] = [
  'SELECT region, sum(amt) FROM t GROUP BY region',
  "SELECT 'UPDATE t SET amt = 0' AS note -- DELETE FROM t",
  '/* DROP TABLE t; */ SELECT count(*) FROM t',
  '/* outer /* nested; DELETE FROM t */ still comment; */ SELECT 1',
  'SELECT $$; DELETE FROM t; $$ AS s',
  "SELECT $tag$ it's; DROP TABLE t $tag$ AS s",
  "SELECT E'\\'; DELETE FROM t; ' AS s",
  'SELECT "update" FROM (SELECT 1 AS "update")',
  'WITH x AS (SELECT * FROM t) SELECT count(*) FROM x',
  'EXPLAIN SELECT * FROM t',
  'EXPLAIN ANALYZE SELECT count(*) FROM t',
  'DESCRIBE t',
  'SHOW TABLES',
  'SUMMARIZE t',
  'FROM t LIMIT 3',
  'TABLE t',
  '(SELECT 1) UNION ALL (SELECT 2)',
  "VALUES (1, '北京市')",
  'PIVOT t ON region USING sum(amt) GROUP BY year',
  'SELECT 1; SELECT 2;; -- 结尾的注释',
  "SELECT CASE WHEN amt > 50 THEN '高' ELSE '低' END AS 档 FROM t LIMIT 1",
  "SELECT * FROM query('SELECT 1')",
  'SELECT * FROM nope',
  'SELECT 1; SELECT * FROM nope',
  'SELECT 1 +',
];

// Scripts that change data (or might, or change settings): every one must drop rollups and caches.
const CHANGES: string[] = [
  "EXPLAIN ANALYZE UPDATE t SET amt = 0 WHERE region = '上海市'",
  "PREPARE p AS DELETE FROM t WHERE region = '北京市'; EXECUTE p",
  "SELECT $$it's$$; UPDATE t SET amt = 0 WHERE region = '江苏省'",
  "SELECT E'\\''; UPDATE t SET amt = 1",
  '-- 注释; SELECT\nDELETE FROM t WHERE year = 2011',
  '/* outer /* nested */ still a comment; SELECT 1 */ DELETE FROM t WHERE year = 2012',
  "SELECT $tag$ ; $$ ' $tag$; INSERT INTO t VALUES ('广东省', 2020, 1.5)",
  "WITH x AS (SELECT 1) INSERT INTO t SELECT '广东省', 2021, 2.5 FROM x",
  'WITH x AS (SELECT 2013 AS y) DELETE FROM t WHERE year IN (SELECT y FROM x)',
  'WITH x AS (SELECT 1) UPDATE t SET amt = 2',
  "INSERT INTO t VALUES ('广东省', 2022, 3.5) RETURNING *",
  `COPY t TO '${OUT}'; COPY t FROM '${OUT}'`,
  'ALTER TABLE t ADD COLUMN extra INTEGER',
  'ALTER TABLE t RENAME TO t_old; ALTER TABLE t_old RENAME TO t',
  "CREATE OR REPLACE TABLE t AS SELECT * FROM base WHERE region <> '浙江省'",
  'DROP TABLE t; CREATE TABLE t AS SELECT * FROM base WHERE year > 2012',
  'BEGIN; DELETE FROM t; ROLLBACK',
  'BEGIN; DELETE FROM t WHERE year = 2014; COMMIT',
  'SELECT 1; COMMIT; DELETE FROM t WHERE year = 2015',
  'UPDATE t SET amt = amt + 1; SELECT * FROM nope',
  'SET threads = 1',
  "SET GLOBAL default_order = 'DESC'",
  "PRAGMA default_order = 'DESC'",
  "CALL pragma_table_info('t')",
  "ATTACH ':memory:' AS m2; CREATE TABLE m2.x AS SELECT 1",
  'USE memory.main',
  'CHECKPOINT',
  'CREATE TEMP TABLE tt AS SELECT * FROM t; SELECT count(*) FROM tt',
  "SELECT nextval('s')",
  'EXPLAIN UPDATE t SET amt = 0',
  'dElEtE FROM t WHERE year = 2016',
  'UPDATE/* c */t SET amt = 0 WHERE year = 2017',
  "UPDATE t SET amt = 0 WHERE region = '四川省' -- 更新",
  "SELECT U&'\\0041'; DELETE FROM t WHERE year = 2018",
  'CREATE TABLE u AS SELECT 1 AS a',
];

describe('runScript decides by the engine whether a console script may have changed data', () => {
  beforeEach(reset);

  it.each(READS)('keeps rollups after a read-only script: %s', async (sql) => {
    const rollup = await rollupOfT(`#r${READS.indexOf(sql)}`);
    const { told, changed } = await run(sql);
    expect(changed).toBe(false);
    expect(told).toBe(false);
    // The rollup built before the script still answers exactly like the table.
    const q = buildChartSql({ ...newChartSpec('t', 'region'), measures: [{ column: 'amt', agg: 'sum', transform: 'none' }] }, { rollup });
    expect(await rows(q.rollupSql!)).toEqual(await rows(q.sql));
  });

  it.each(CHANGES)('drops rollups after a script that may change data: %s', async (sql) => {
    const { told } = await run(sql);
    expect(told).toBe(true);
    expect(mayChangeData(sql)).toBe(true);
    // Afterwards a rebuilt rollup answers like the table again.
    if ((await listTables(db)).some((x) => x.name === 't')) {
      const rollup = await rollupOfT(`#c${CHANGES.indexOf(sql)}`);
      const q = buildChartSql({ ...newChartSpec('t', 'region'), measures: [{ column: 'amt', agg: 'sum', transform: 'none' }] }, { rollup });
      expect(await rows(q.rollupSql!)).toEqual(await rows(q.sql));
    }
  });

  it('really changed the data in the measured cases of issue 14', async () => {
    for (const sql of CHANGES.slice(0, 4)) {
      await reset();
      expect((await run(sql)).changed, sql).toBe(true);
    }
  });

  // Every way of hiding a write, around every kind of write: each one that changed anything was reported.
  const WRITES = [
    'UPDATE t SET amt = amt + 1 WHERE year = 2018',
    'DELETE FROM t WHERE year = 2019',
    "INSERT INTO t VALUES ('广东省', 2030, 9.5)",
    'ALTER TABLE t ADD COLUMN z INT',
    'CREATE OR REPLACE TABLE t AS SELECT * FROM base LIMIT 10',
    'DROP TABLE t',
  ];
  const DISGUISES: [string, (w: string) => string][] = [
    ['plain', (w) => w],
    ['after $$it\'s$$', (w) => `SELECT $$it's$$; ${w}`],
    ["after E'\\''", (w) => `SELECT E'\\''; ${w}`],
    ['after a string and a comment with ;', (w) => `SELECT 'a;b'; -- ;\n${w}`],
    ['after a nested comment', (w) => `/* /* ; */ ' */ ${w}`],
    ['EXPLAIN ANALYZE', (w) => `EXPLAIN ANALYZE ${w}`],
    ['PREPARE + EXECUTE', (w) => `PREPARE p AS ${w}; EXECUTE p`],
    ['behind a CTE', (w) => `WITH x AS (SELECT 1) ${w}`],
    ['between statements', (w) => `SELECT 1; ${w}; SELECT 2`],
    ['lower case', (w) => w.toLowerCase()],
    ['RETURNING', (w) => `${w} RETURNING *`],
    ['in a rolled-back transaction', (w) => `BEGIN; ${w}; ROLLBACK`],
    ['then a failure', (w) => `${w}; SELECT * FROM nope`],
  ];
  it('reports every disguised write that changed anything (fuzz over disguise × write)', async () => {
    const missed: string[] = [];
    const changedByDisguise = new Map<string, number>();
    for (const [name, disguise] of DISGUISES) {
      for (const write of WRITES) {
        await reset();
        const sql = disguise(write);
        const { told, changed } = await run(sql);
        if (changed && (!told || !mayChangeData(sql))) missed.push(sql);
        if (changed) changedByDisguise.set(name, (changedByDisguise.get(name) ?? 0) + 1);
      }
    }
    expect(missed).toEqual([]);
    // Not vacuous: every disguise that can carry a write did change the data at least once.
    for (const [name] of DISGUISES) if (name !== 'in a rolled-back transaction') expect(changedByDisguise.get(name) ?? 0, name).toBeGreaterThan(0);
  }, 120_000);
});

describe('classifyScript reads statements with the engine lexer', () => {
  it.each([
    ['SELECT 1; SELECT 2', 'reads'],
    ['-- nur ein Kommentar\n/* und noch einer */', 'empty'],
    ['SELECT $$ ; $$; COMMIT', 'may-change'],
    ["SELECT '北京市' AS 地区; END", 'may-change'],
    ["SELECT '北京市 😀' AS 地区; SHOW TABLES", 'reads'],
    ["SELECT 'unterminated", 'may-change'],
    ['SELECT /* unterminated', 'may-change'],
    ['SELECT 1 -- no newline at the end', 'reads'],
  ])('%s → %s', async (sql, kind) => {
    expect((await classifyScript(db, sql)).kind).toBe(kind);
  });
});

describe('runScript returns what the script returns', () => {
  beforeEach(reset);

  it('gives the same result as the plain query and the engine error with the user line numbers', async () => {
    expect(await rows('SELECT 1 AS a; SELECT 2 AS b')).toEqual((await runScript(db, 'SELECT 1 AS a; SELECT 2 AS b')).toArray().map((r) => JSON.stringify(r.toJSON())));
    const plain = await db.query('SELECT 1;\nSELECT * FORM t').catch((e: Error) => e.message);
    const ours = await runScript(db, 'SELECT 1;\nSELECT * FORM t').catch((e: Error) => e.message);
    expect(ours).toBe(plain);
    expect(ours).toContain('LINE 2:');
    expect(ours).not.toContain('BEGIN TRANSACTION');
  });

  it('takes our first line off the JSON errors of the browser build too', () => {
    // As the worker build reported `SELECT * FORM t` run by runScript (Chromium, duckdb-wasm 1.32).
    const json = '{"exception_type":"Parser","exception_message":"syntax error at or near \\"t\\"\\n\\nLINE 2: SELECT * FORM t\\n                      ^","error_subtype":"SYNTAX_ERROR","position":"43"}';
    const fixed = withoutBeginLine(json);
    expect(fixed).toContain('\\n\\nLINE 1: SELECT * FORM t');
    expect(fixed).toContain('"position":"14"');
    expect(JSON.parse(fixed).exception_message).toContain('LINE 1:');
  });

  it('runs a refused write for real', async () => {
    const t = await runScript(db, "EXPLAIN ANALYZE DELETE FROM t WHERE region = '北京市'");
    expect(t.numRows).toBeGreaterThan(0);
    expect(await rows("SELECT count(*)::INTEGER AS n FROM t WHERE region = '北京市'")).toEqual(['{"n":0}']);
  });
});

describe('mayChangeData (before the engine decides, the conservative text check)', () => {
  it.each([...CHANGES, 'UPDATE t SET a = 1', 'SELECT 1; insert INTO t VALUES (1)'])('sees a possible change in %s', (sql) => expect(mayChangeData(sql)).toBe(true));

  it.each(['SELECT * FROM t', 'WITH x AS (SELECT 1) SELECT * FROM x', 'EXPLAIN SELECT 1', 'SELECT last_update, dataset, user_id FROM t', "SELECT CASE WHEN a THEN 1 END FROM t WHERE 地区 = '上海市'"])(
    'sees no change in %s',
    (sql) => expect(mayChangeData(sql)).toBe(false),
  );

  it('counts words in strings and comments too (it does not guess what is a string)', () => {
    expect(mayChangeData("SELECT 'drop table t' AS note")).toBe(true);
    expect(mayChangeData('-- delete later\nSELECT 1')).toBe(true);
  });
});
