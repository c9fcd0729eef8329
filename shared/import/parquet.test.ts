/**
 * Parquet import (parquet-wasm → Arrow IPC → engine) against native DuckDB's own read_parquet of the same
 * file: every codec, every value as the engine prints it, every column type. Files are written here by
 * native DuckDB, with values chosen to break a careless reader: BIGINT beyond 2^53, DECIMAL, FLOAT, NaN,
 * ±Infinity, −0, NULL in every column, Chinese text, astral characters, total rows, long text.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../electron/cli/node-db';
import type { Db } from '../db';
import { importIntoDb } from './commit';
import { analyzeFile, previewRows, toArrow } from './pipeline';
import { arrowCells } from './records-source';
import { findTotals } from './totals';
import { tableOfStreams } from './arrow-build';

const ROWS = 3000;
// Row i: a region (every 97th row a total's name), a name with an astral character now and then, numbers
// at the edges of their types; every column NULL on some rows.
const SOURCE = `SELECT i AS id,
    CASE WHEN i % 97 = 0 THEN (['合计', '全国', ' 总计 ', 'Total'])[1 + (i // 97) % 4] WHEN i % 13 = 0 THEN NULL
         ELSE (['北京市', '上海市', '内蒙古自治区', '𠀀合计', '合计项目', '新疆维吾尔自治区'])[1 + i % 6] END AS 地区,
    CASE WHEN i % 11 = 0 THEN NULL ELSE repeat('社区服务中心', 1 + i % 9) || i::VARCHAR END AS 名称,
    CASE WHEN i % 7 = 0 THEN NULL ELSE (2004 + i % 20)::INTEGER END AS 年份,
    CASE WHEN i % 5 = 0 THEN NULL ELSE (9007199254740993 + i)::BIGINT * (CASE WHEN i % 2 = 0 THEN 1 ELSE -1 END) END AS 大数,
    CASE WHEN i % 17 = 0 THEN NULL ELSE (i * 1234.567)::DECIMAL(18, 3) END AS 金额,
    CASE i % 19 WHEN 0 THEN NULL WHEN 1 THEN 'NaN'::DOUBLE WHEN 2 THEN 'Infinity'::DOUBLE WHEN 3 THEN '-Infinity'::DOUBLE
         WHEN 4 THEN -0.0::DOUBLE ELSE i / 7.0 END AS 比率,
    CASE WHEN i % 23 = 0 THEN NULL ELSE (i / 3.0)::FLOAT END AS 单精度,
    CASE WHEN i % 29 = 0 THEN NULL ELSE (i % 300)::SMALLINT END AS 小数,
    CASE WHEN i % 31 = 0 THEN NULL ELSE i % 3 = 0 END AS 是否,
    CASE WHEN i % 37 = 0 THEN NULL ELSE DATE '2004-01-01' + i::INTEGER END AS 日期
  FROM range(${ROWS}) t(i)`;
const CODECS = ['snappy', 'zstd', 'gzip', 'brotli', 'lz4', 'lz4_raw', 'uncompressed'];
/** Every column as the engine prints it, in row order: equal text means equal values (NaN, −0 included). */
const AS_TEXT = (from: string) =>
  `SELECT ${['id', '地区', '名称', '年份', '大数', '金额', '比率', '单精度', '小数', '是否', '日期'].map((c) => `coalesce(${c}::VARCHAR, '∅')`).join(', ')} FROM ${from} ORDER BY id`;
const TYPES = (table: string) => `SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = '${table}' ORDER BY column_index`;

let dir: string;
let native: DuckDBConnection;
let db: Db;
const file = (codec: string) => path.join(dir, `cube-${codec}.parquet`);
const nativeRows = async (sql: string) => (await native.runAndReadAll(sql)).getRows().map((r) => r.map(String));
const oursRows = async (sql: string) => (await db.query(sql)).toArray().map((r) => Object.values(r.toJSON() as Record<string, unknown>).map(String));

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'sgw-parquet-'));
  native = await (await DuckDBInstance.create(':memory:')).connect();
  for (const codec of CODECS) await native.run(`COPY (${SOURCE}) TO '${file(codec)}' (FORMAT parquet, COMPRESSION ${codec}, ROW_GROUP_SIZE 1000)`);
  db = await openNodeDb();
});
afterAll(async () => {
  native.closeSync();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Parquet import', () => {
  it.each(CODECS)('%s: every value and every column type equal native DuckDB’s read_parquet', async (codec) => {
    const bytes = new Uint8Array(readFileSync(file(codec)));
    const name = `pq_${codec}`;
    const { tables } = await importIntoDb(db, bytes, `${name}.parquet`, { tableNames: [name] });
    expect(tables[0].rows).toBe(ROWS);
    await native.run(`CREATE TABLE ${name} AS SELECT * FROM read_parquet('${file(codec)}')`);
    const [ours, theirs] = [await oursRows(AS_TEXT(name)), await nativeRows(AS_TEXT(name))];
    expect(ours.length).toBe(ROWS);
    expect(ours).toEqual(theirs);
    expect(await oursRows(TYPES(name))).toEqual(await nativeRows(TYPES(name)));
  });

  it('lists total rows exactly as findTotals does over every cell, without decoding every cell', async () => {
    const bytes = new Uint8Array(readFileSync(file('zstd')));
    const { tables } = await analyzeFile(bytes, 'cube.parquet');
    const t = tables[0];
    expect(t.native, 'the table keeps its source’s columns').toBeDefined();
    expect(t.data[0].length).toBeLessThan(ROWS);
    const whole = tableOfStreams(t.native!.ipc);
    expect(t.totals).toEqual(findTotals(t.columns, arrowCells(whole, t.native!.types)));
    expect(t.totals.rows).toEqual([{ column: '地区', values: ['合计', '全国', '总计', 'Total'] }]);
  });

  it('previews the first rows and offers types from the file', async () => {
    const { tables } = await analyzeFile(new Uint8Array(readFileSync(file('snappy'))), 'cube.parquet');
    expect(tables[0].columns.map((c) => [c.name, c.type])).toEqual([
      ['id', 'bigint'],
      ['地区', 'string'],
      ['名称', 'string'],
      ['年份', 'integer'],
      ['大数', 'bigint'],
      ['金额', 'double'],
      ['比率', 'double'],
      ['单精度', 'double'],
      ['小数', 'integer'],
      ['是否', 'boolean'],
      ['日期', 'date'],
    ]);
    // The preview goes the cells' way (as for every source), which shows NaN as empty; the table keeps NaN (above).
    expect(previewRows(tables[0], 3)[1]).toEqual(['1', '上海市', '社区服务中心社区服务中心1', '2005', '-9007199254740994', '1234.567', '', '0.3333333432674408', '1', 'false', '2004-01-02']);
  });

  it('renames columns on the same buffers, and converts every cell when a type is overridden', async () => {
    const bytes = new Uint8Array(readFileSync(file('gzip')));
    const renamed = await analyzeFile(bytes, 'cube.parquet', { columns: [undefined, { name: '省份' }] });
    const arrow = toArrow(renamed.tables[0]).arrow;
    expect(arrow.schema.fields.map((f) => f.name).slice(0, 3)).toEqual(['id', '省份', '名称']);
    expect(arrow.numRows).toBe(ROWS);
    expect(arrow.getChild('省份')!.get(97)).toBe('全国');
    await importIntoDb(db, bytes, 'cube.parquet', { tableNames: ['pq_typed'], columns: [undefined, undefined, undefined, { type: 'string' }] });
    expect(await oursRows(`SELECT typeof(年份), count(年份)::INTEGER, max(年份) FROM pq_typed GROUP BY 1`)).toEqual([['VARCHAR', String(ROWS - Math.ceil(ROWS / 7)), '2023']]);
  });
});
