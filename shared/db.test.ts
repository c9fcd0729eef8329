import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { openNodeDb } from '../electron/cli/node-db';
import { DbError, releaseBuffer, type Db } from './db';
import { listTables } from './db-catalog';
import { loadBundledDatasets, splitSqlStatements } from './datasets/load';

const fixtures = path.resolve(__dirname, '../tests/fixtures/datasets');
const readFixture = async (p: string) => new Uint8Array(await readFile(path.join(fixtures, p)));

describe('Db on the real duckdb-wasm engine', () => {
  let db: Db;
  beforeAll(async () => {
    db = await openNodeDb();
    await loadBundledDatasets(db, readFixture);
  });
  afterAll(() => db.close());

  it('loads a CSV with Chinese headers using the declared types', async () => {
    const t = await db.query('SELECT 地区, 年份, 数量 FROM demo_orgs ORDER BY 年份, 数量');
    expect(t.numRows).toBe(5);
    expect(t.schema.fields.map((f) => f.name)).toEqual(['地区', '年份', '数量']);
    expect(t.get(0)!.toJSON()).toEqual({ 地区: '上海', 年份: 2013, 数量: 3900 });
  });

  it('aggregates with GROUP BY; BIGINT, HUGEINT and DECIMAL reach JS as numbers, never BigInt', async () => {
    const t = await db.query('SELECT 年份, sum(数量) AS n, count(*) AS c, avg(数量)::DECIMAL(10,1) AS a FROM demo_orgs GROUP BY 年份 ORDER BY 年份');
    expect(t.toArray().map((r) => r.toJSON())).toEqual([
      { 年份: 2013, n: 9900, c: 2, a: 4950 },
      { 年份: 2014, n: 10600, c: 3, a: 3533.3 },
    ]);
  });

  it('creates the views of views.sql', async () => {
    const t = await db.query('SELECT 合计::INTEGER AS v FROM demo_by_year ORDER BY 年份');
    expect(t.getChild('v')!.toArray()).toEqual(new Int32Array([9900, 10600]));
  });

  it('classifies errors', async () => {
    await expect(db.query('SELEC 1')).rejects.toMatchObject({ kind: 'syntax' });
    await expect(db.query('SELECT * FROM no_such_table')).rejects.toMatchObject({ kind: 'catalog' });
    await expect(db.query('SELECT no_such_column FROM demo_orgs')).rejects.toBeInstanceOf(DbError);
  });

  it('refuses a query whose signal is already aborted', async () => {
    const ac = new AbortController();
    ac.abort();
    await expect(db.query('SELECT 1', { signal: ac.signal })).rejects.toMatchObject({ kind: 'cancelled' });
  });

  it('inserts Arrow IPC and lists tables with rows and column types', async () => {
    const ipc = tableToIPC(tableFromArrays({ 区: ['海淀', '成华'], 人口: Float64Array.from([3.5, 9.1]) }), 'stream');
    await db.insertArrow('arrow_in', ipc);
    const tables = await listTables(db);
    const arrowIn = tables.find((t) => t.name === 'arrow_in');
    expect(arrowIn).toEqual({ name: 'arrow_in', kind: 'table', rows: 2, columns: [{ name: '区', type: 'VARCHAR' }, { name: '人口', type: 'DOUBLE' }] });
    expect(tables.find((t) => t.name === 'demo_by_year')?.kind).toBe('view');
    expect(tables.find((t) => t.name === 'demo_orgs')?.rows).toBe(5);
  });

  it('lets go of an inserted stream’s whole buffer once the engine has it, and of nothing else (a view, shared memory)', async () => {
    const ipc = tableToIPC(tableFromArrays({ 区: ['海淀', '成华'], 人口: Float64Array.from([3.5, 9.1]) }), 'stream');
    const whole = ipc.slice();
    const inFile = new Uint8Array(ipc.byteLength + 8);
    inFile.set(ipc, 8);
    const view = inFile.subarray(8);
    const shared = new Uint8Array(new SharedArrayBuffer(ipc.byteLength));
    shared.set(ipc);
    for (const [i, bytes] of [whole, view, shared].entries()) await db.insertArrow(`released_${i}`, bytes);
    [whole, view, shared].forEach((b) => releaseBuffer(b));
    expect(whole.buffer.byteLength).toBe(0);
    expect(inFile.byteLength).toBe(ipc.byteLength + 8);
    expect(Array.from(view)).toEqual(Array.from(ipc));
    expect(shared.byteLength).toBe(ipc.byteLength);
    // The engine's copy is what the table holds.
    const rows = await db.query('SELECT string_agg(区, \',\' ORDER BY 人口) AS s, count(*)::INTEGER AS n FROM released_0');
    expect(rows.toArray()[0].toJSON()).toEqual({ s: '海淀,成华', n: 2 });
  });
});

describe('splitSqlStatements', () => {
  it('splits on semicolons at line ends and drops comment lines', () => {
    expect(splitSqlStatements("-- c\nCREATE VIEW a AS SELECT ';' AS x;\nCREATE VIEW b AS\n SELECT 2;\n")).toEqual([
      "CREATE VIEW a AS SELECT ';' AS x",
      'CREATE VIEW b AS\n SELECT 2',
    ]);
  });
});
