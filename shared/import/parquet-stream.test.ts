/**
 * The streamed Parquet read (parquet-source.ts: one row group at a time, each batch its own complete IPC
 * stream, inserted by its own engine call) against the whole-file read it replaced (parquet-wasm's readParquet → one IPC stream): the same
 * schema and every cell, on real files written by native DuckDB with every codec, several row groups, a
 * row group larger than one batch, an empty file, and columns that take the general way (timestamps, lists,
 * structs). The reference is parquet-wasm's own whole-file call, not our code.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { tableFromIPC, type Table } from 'apache-arrow';
import { readParquet } from 'parquet-wasm/esm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../electron/cli/node-db';
import { useNodeParquetWasm } from '../../electron/cli/parquet-node';
import type { Db } from '../db';
import { importIntoDb } from './commit';
import { tableOfStreams } from './arrow-build';
import { nativeTableOf, parquetTable } from './parquet-source';
import { arrowTable } from './records-source';

const ROWS = 5000;
/** Values at the edges of their types, NULL in every column, Chinese and astral text, NaN and −0. */
const PLAIN = `SELECT i AS id,
    CASE WHEN i % 13 = 0 THEN NULL ELSE (['北京市', '合计', '内蒙古自治区', '𠀀合计', 'Total', ''])[1 + i % 6] END AS 地区,
    CASE WHEN i % 11 = 0 THEN NULL ELSE repeat('社区服务中心', 1 + i % 9) || i::VARCHAR END AS 名称,
    CASE WHEN i % 7 = 0 THEN NULL ELSE (4611686018427387904 + i * 1000003)::BIGINT * (CASE WHEN i % 2 = 0 THEN 1 ELSE -1 END) END AS 大数,
    CASE WHEN i % 17 = 0 THEN NULL ELSE (i * 1234.5678901)::DECIMAL(38, 7) END AS 金额,
    CASE WHEN i % 19 = 0 THEN NULL ELSE (i * 1.25)::DECIMAL(9, 2) END AS 小金额,
    CASE i % 19 WHEN 0 THEN NULL WHEN 1 THEN 'NaN'::DOUBLE WHEN 2 THEN 'Infinity'::DOUBLE WHEN 3 THEN -0.0::DOUBLE
         ELSE i / 7.0 END AS 比率,
    CASE WHEN i % 23 = 0 THEN NULL ELSE (i / 3.0)::FLOAT END AS 单精度,
    CASE WHEN i % 29 = 0 THEN NULL ELSE (i % 300)::SMALLINT END AS 小数,
    CASE WHEN i % 31 = 0 THEN NULL ELSE i % 3 = 0 END AS 是否,
    CASE WHEN i % 37 = 0 THEN NULL ELSE DATE '2004-01-01' + i::INTEGER END AS 日期
  FROM range(${ROWS}) t(i)`;
const GENERAL = `SELECT i AS id, TIMESTAMP '2024-02-29 12:34:56.789' + INTERVAL (i) SECOND AS 时间,
    CASE WHEN i % 5 = 0 THEN NULL ELSE [i, i + 1] END AS 列表, {'甲': i, '乙': '第' || i} AS 结构
  FROM range(${ROWS}) t(i)`;
const MANY_ROWS = 48 * 2048;
const MANY = `SELECT i AS id, repeat('社区服务中心𠀀', 1 + i % 7) || md5(i::VARCHAR) || '第' || i || '号' AS 名称,
    CASE WHEN i % 5 = 0 THEN NULL ELSE '内蒙古自治区' || (i // 2048) END AS 地区 FROM range(${MANY_ROWS}) t(i)`;
const CODECS = ['snappy', 'zstd', 'gzip', 'brotli', 'lz4', 'lz4_raw', 'uncompressed'];

let dir: string;
let native: DuckDBConnection;
let db: Db;
const file = (name: string) => path.join(dir, `${name}.parquet`);
const write = (sql: string, name: string, options: string) => native.run(`COPY (${sql}) TO '${file(name)}' (FORMAT parquet, ${options})`);

beforeAll(async () => {
  useNodeParquetWasm();
  dir = mkdtempSync(path.join(os.tmpdir(), 'sgw-parquet-stream-'));
  native = await (await DuckDBInstance.create(':memory:')).connect();
  for (const codec of CODECS) await write(PLAIN, codec, `COMPRESSION ${codec}, ROW_GROUP_SIZE 1000`);
  // One row group of 300 000 rows: more than one batch (131 072 rows) inside it.
  await write(`SELECT i, '第' || (i % 1000) AS 名称, i / 3 AS 值 FROM range(300000) t(i)`, 'big-group', 'ROW_GROUP_SIZE 300000');
  await write(`${PLAIN} LIMIT 0`, 'empty', 'COMPRESSION zstd');
  // 48 row groups of distinct long Chinese and astral text (never inlined in the engine's 12-byte strings).
  await write(MANY, 'many-groups', 'COMPRESSION snappy, ROW_GROUP_SIZE 2048');
  await write(GENERAL, 'general', 'COMPRESSION snappy, ROW_GROUP_SIZE 1000');
  db = await openNodeDb();
});
afterAll(async () => {
  native.closeSync();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const bytesOf = (name: string) => new Uint8Array(readFileSync(file(name)));
/** The whole-file read the import used before (same batch size). */
const reference = (bytes: Uint8Array) => readParquet(bytes, { batchSize: 131_072 }).intoIPCStream();

/** How many batches of 131 072 rows the file's row groups make, by native DuckDB's reading of its metadata. */
async function batchesOf(name: string): Promise<number> {
  const r = await native.runAndReadAll(`SELECT coalesce(sum(ceil(row_group_num_rows / 131072)), 0)::INTEGER AS n
    FROM (SELECT DISTINCT row_group_id, row_group_num_rows FROM parquet_metadata('${file(name)}'))`);
  return Number(r.getRowObjectsJS()[0].n);
}
const json = (x: unknown) => JSON.stringify(x, (_, y: unknown) => (typeof y === 'bigint' ? `${y}n` : y));
/** A cell as comparable text: −0 apart from 0, NaN equal to NaN, BigInt exact, decimals by their words. */
function cell(x: unknown): unknown {
  if (x === null || typeof x === 'string' || typeof x === 'boolean') return x;
  if (typeof x === 'bigint') return `${x}n`;
  if (typeof x === 'number') return Object.is(x, -0) ? '-0' : String(x);
  if (ArrayBuffer.isView(x)) return Array.from(x as Uint32Array);
  return json(x);
}
const schemaOf = (t: Table) => t.schema.fields.map((f) => [f.name, String(f.type), f.nullable]);
const cellsOf = (t: Table) => t.schema.fields.map((_, i) => Array.from({ length: t.numRows }, (_, r) => cell(t.getChildAt(i)!.get(r))));

describe('streamed Parquet read', () => {
  it.each([...CODECS, 'big-group', 'empty'])('%s: the same schema and every cell as the whole-file read', async (name) => {
    const bytes = bytesOf(name);
    const ours = await parquetTable(bytes);
    expect(ours.native, 'plain columns keep the file’s types').toBeDefined();
    const [got, want] = [tableOfStreams(ours.native!.ipc), tableFromIPC(reference(bytes))];
    expect(got.numRows).toBe(want.numRows);
    expect(ours.rowCount).toBe(want.numRows);
    expect(schemaOf(got)).toEqual(schemaOf(want));
    expect(cellsOf(got)).toEqual(cellsOf(want));
    if (name === 'big-group') expect(got.batches.length).toBeGreaterThan(2);
    // One stream per batch, as native DuckDB counts the file's row groups (no rows: the schema's stream alone).
    expect(ours.native!.ipc.length).toBe(Math.max(1, await batchesOf(name)));
    if (name === 'big-group') expect(ours.native!.ipc.length).toBe(3);
  });

  it('a table of many row groups, one engine call each, holds every string exactly (none points into a freed call buffer)', async () => {
    const ours = await parquetTable(bytesOf('many-groups'));
    expect(ours.native!.ipc.length).toBe(48);
    await db.insertArrow('many', ours.native!.ipc);
    // The reference: native DuckDB's own read of the file, digested the same way.
    const digest = `SELECT count(*)::INTEGER AS n, md5(string_agg(名称, '|' ORDER BY id)) AS a, md5(string_agg(coalesce(地区, '∅'), '|' ORDER BY id)) AS b,
      sum(strlen(名称))::DOUBLE AS bytes FROM`;
    const got = (await db.query(`${digest} many`)).toArray()[0].toJSON();
    const want = (await native.runAndReadAll(`${digest} read_parquet('${file('many-groups')}')`)).getRowObjectsJS()[0];
    expect(got).toEqual({ ...want, n: Number(want.n) });
    expect(got.n).toBe(MANY_ROWS);
  });

  it.each(['zstd', 'big-group'])('%s: the engine holds the same table from either stream', async (name) => {
    const bytes = bytesOf(name);
    const ours = await parquetTable(bytes);
    await db.insertArrow(`s_${name.replace('-', '_')}`, ours.native!.ipc);
    await db.insertArrow(`r_${name.replace('-', '_')}`, reference(bytes));
    const t = name.replace('-', '_');
    const diff = await db.query(`SELECT (SELECT count(*) FROM (SELECT * FROM s_${t} EXCEPT ALL SELECT * FROM r_${t}))::INTEGER AS a,
      (SELECT count(*) FROM (SELECT * FROM r_${t} EXCEPT ALL SELECT * FROM s_${t}))::INTEGER AS b, (SELECT count(*) FROM s_${t})::INTEGER AS n`);
    expect(diff.toArray()[0].toJSON()).toEqual({ a: 0, b: 0, n: name === 'zstd' ? ROWS : 300_000 });
    const types = (x: string) => db.query(`SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = '${x}_${t}' ORDER BY column_index`).then((r) => json(r.toArray()));
    expect(await types('s')).toBe(await types('r'));
  });

  it('columns that take the general way (timestamps, lists, structs) give the same table as before', async () => {
    const bytes = bytesOf('general');
    const ours = await parquetTable(bytes);
    expect(ours.native).toBeUndefined();
    expect(json(ours)).toBe(json(arrowTable(reference(bytes))));
  });

  it('preview, row count and total candidates are those of the whole-file read', async () => {
    const bytes = bytesOf('brotli');
    const ours = await parquetTable(bytes);
    const before = nativeTableOf([reference(bytes)]);
    const { native: got, ...gotRest } = ours;
    const { native: want, ...wantRest } = before;
    expect(json(gotRest)).toBe(json(wantRest));
    expect(got!.totalCandidates).toEqual(want!.totalCandidates);
    expect(got!.totalCandidates[1].length).toBeGreaterThan(0);
    expect([got!.names, got!.types]).toEqual([want!.names, want!.types]);
    const { tables } = await importIntoDb(db, bytes, 'x.parquet', { tableNames: ['pq_preview'] });
    expect(tables[0].rows).toBe(ROWS);
  });
});
