import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../electron/cli/node-db';
import { DbError, toDbError, type Db } from '../db';
import { describeDbError } from '../db-errors';
import { translator } from '../i18n';

const zh = translator('zh-CN');

/** Runs `sql` and returns the error it raised and how long the engine took to answer. */
async function refusal(db: Db, sql: string): Promise<{ error: DbError; ms: number }> {
  const t0 = Date.now();
  const error = await db.query(sql).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof DbError)) throw new Error(`expected a refusal of ${sql}, got ${String(error)}`);
  return { error, ms: Date.now() - t0 };
}

describe('statements that need an extension the offline build lacks answer at once', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openNodeDb();
  });
  afterAll(() => db.close());

  it.each([
    ["SELECT to_json({'a': 1})", 'json'],
    ["SELECT json_extract('{\"a\":1}', '$.a')", 'json'],
    ["SELECT * FROM read_json('x.json')", 'json'],
    ["SELECT '{}'::JSON", 'json'],
    ["SELECT * FROM read_parquet('x.parquet')", 'parquet'],
    ["SELECT 'a' COLLATE de", 'icu'],
    // Time zones: binding these installs icu whatever auto-load says (the Node build used to hang or exit).
    ["SELECT date_part('year', now())", 'icu'],
    ['SELECT year(now()), extract(month FROM now())', 'icu'],
    ["SELECT TIMESTAMP '2020-01-01 08:00' AT TIME ZONE 'Asia/Shanghai'", 'icu'],
    ["SELECT timezone('Asia/Shanghai', TIMESTAMP '2020-01-01')", 'icu'],
    ["SELECT date_trunc('day', now()), age(now())", 'icu'],
    ['SELECT current_date', 'icu'],
    ['LOAD json', 'json'],
    ['INSTALL parquet', 'parquet'],
    ["FORCE INSTALL httpfs FROM 'http://example.com'", 'httpfs'],
    ['SELECT 1 AS a;\n-- then\nload icu', 'icu'],
  ])('%s → offline (%s), within 2 s, in words', async (sql, extension) => {
    const { error, ms } = await refusal(db, sql);
    expect(ms).toBeLessThan(2000);
    expect(error.kind).toBe('offline');
    const d = describeDbError(error, zh);
    expect(d.title).toBe('离线版不含此功能');
    expect(d.detail).toContain(`${extension} 扩展`);
    expect(d.detail).not.toMatch(/INSTALL|SET autoload|Please/);
  });

  it('the console cannot turn auto-loading back on', async () => {
    for (const sql of ['SET autoload_known_extensions = true', 'RESET autoinstall_known_extensions', "SET GLOBAL custom_extension_repository = 'http://x'"]) {
      expect((await refusal(db, sql)).error.kind).toBe('offline');
    }
    await db.exec("SET GLOBAL default_order = 'ASC'");
    const t = await db.query("SELECT current_setting('autoload_known_extensions') AS v");
    expect(t.get(0)!.toJSON().v).toBe(false);
  });

  it('times without a zone still work, and the engine stays up after a refusal', async () => {
    await refusal(db, "SELECT date_part('year', now())");
    const t = await db.query("SELECT year(TIMESTAMP '2020-03-01 08:00') AS y, year(now()::TIMESTAMP) >= 2024 AS recent, date_trunc('month', DATE '2020-03-15') AS m");
    expect(t.get(0)!.toJSON()).toMatchObject({ y: 2020, recent: true });
  });

  it('the words inside strings, comments and names are not statements', async () => {
    const t = await db.query("SELECT 'load json' AS \"install\" -- load icu\n");
    expect(t.get(0)!.toJSON()).toEqual({ install: 'load json' });
  });
});

describe('engine errors in words', () => {
  it('unwraps the browser build’s JSON errors', () => {
    const e = toDbError(new Error('{"exception_type":"Parser","exception_message":"syntax error at or near \\"selec\\"","position":"0"}'));
    expect(e.kind).toBe('syntax');
    const d = describeDbError(e, zh);
    expect(d).toEqual({ title: 'SQL 语法错误', detail: 'syntax error at or near "selec"', kind: 'syntax' });
  });

  it('shows no JavaScript error text', () => {
    const d = describeDbError(new TypeError("Cannot read properties of undefined (reading 'map')"), zh);
    expect(d.title).toBe('查询失败');
    expect(d.detail).not.toMatch(/undefined|TypeError|map/);
    expect(describeDbError(new RangeError('Maximum call stack size exceeded'), zh).detail).not.toMatch(/RangeError|stack/);
  });
});
