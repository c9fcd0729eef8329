/**
 * The import preview shows what the table will hold: a Parquet BIGINT beyond 2^53 lands in the engine
 * exactly (the stream goes as it is), so the preview must show its digits, not the nearest double. The
 * expected text is native DuckDB's own ::VARCHAR of the file's values.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../electron/cli/node-db';
import type { Db } from '../db';
import { importIntoDb } from './commit';
import { analyzeFile, toPreview } from './pipeline';

// 2^53 + 1 and −2^62 + 1 (neither is a double), the BIGINT extremes, a NULL, a small value; a DOUBLE
// column beside them keeps its own (rounded) text.
const SOURCE = `SELECT * FROM (VALUES
    (1, 9007199254740993::BIGINT, '北京市', 9007199254740993::DOUBLE),
    (2, -4611686018427387903::BIGINT, '上海市', 0.1::DOUBLE),
    (3, 9223372036854775807::BIGINT, '合计', NULL),
    (4, (-9223372036854775807 - 1)::BIGINT, NULL, -0.0::DOUBLE),
    (5, NULL::BIGINT, '内蒙古自治区', 1e300::DOUBLE),
    (6, 42::BIGINT, '新疆', 2.5::DOUBLE)) v(id, 大数, 地区, 比率)`;
const TEXT = `SELECT coalesce(大数::VARCHAR, '') FROM t ORDER BY id`;

let dir: string;
let native: DuckDBConnection;
let db: Db;
let bytes: Uint8Array;
let expected: string[];

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'sgw-preview-'));
  const file = path.join(dir, 'big.parquet');
  native = await (await DuckDBInstance.create(':memory:')).connect();
  await native.run(`COPY (${SOURCE}) TO '${file}' (FORMAT parquet)`);
  await native.run(`CREATE TABLE t AS SELECT * FROM read_parquet('${file}')`);
  expected = (await native.runAndReadAll(TEXT)).getRows().map((r) => String(r[0]));
  bytes = new Uint8Array(readFileSync(file));
  db = await openNodeDb();
});
afterAll(async () => {
  native.closeSync();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const column = (rows: string[][], i: number) => rows.map((r) => r[i]);
const ours = async (table: string) => (await db.query(`SELECT coalesce(大数::VARCHAR, '') AS v FROM ${table} ORDER BY id`)).toArray().map((r) => String(r.v));

describe('import preview of 64-bit integers', () => {
  it('shows a Parquet BIGINT beyond 2^53 exactly, as the imported table holds it', async () => {
    expect(expected.slice(0, 2)).toEqual(['9007199254740993', '-4611686018427387903']);
    const { tables } = await analyzeFile(bytes, 'big.parquet');
    const rows = toPreview(tables[0]).rows;
    expect(column(rows, 1)).toEqual(expected);
    // The other columns as before: text, and the double's own shortest text.
    expect(column(rows, 2)).toEqual(['北京市', '上海市', '合计', '', '内蒙古自治区', '新疆']);
    expect(column(rows, 3)).toEqual(['9007199254740992', '0.1', '', '0', '1e+300', '2.5']);
    await importIntoDb(db, bytes, 'big.parquet', { tableNames: ['pq_big'] });
    expect(await ours('pq_big')).toEqual(expected);
  });

  it('a BIGINT column retyped as text keeps its digits in the preview and in the table', async () => {
    const opts = { columns: [undefined, { type: 'string' as const }] };
    const { tables } = await analyzeFile(bytes, 'big.parquet', opts);
    expect(column(toPreview(tables[0]).rows, 1)).toEqual(expected);
    await importIntoDb(db, bytes, 'big.parquet', { ...opts, tableNames: ['pq_big_text'] });
    expect(await ours('pq_big_text')).toEqual(expected);
  });
});
