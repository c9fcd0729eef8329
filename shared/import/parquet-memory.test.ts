/**
 * parquet-wasm's memory never shrinks and caps at 4 GB: reading a whole file at once held the decoded table
 * and its IPC copies there together (3.3 GB for a 10M-row file). Read one row group at a time, it grows by
 * about one row group. Its own file: a fresh parquet-wasm instance, whose memory no other test has grown.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { wasmMemory } from 'parquet-wasm/esm';
import { afterAll, expect, it } from 'vitest';
import { useNodeParquetWasm } from '../../electron/cli/parquet-node';
import { parquetTable } from './parquet-source';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sgw-parquet-memory-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('reading a Parquet file of many row groups grows parquet-wasm’s memory by far less than the data', async () => {
  useNodeParquetWasm();
  const file = path.join(dir, 'groups.parquet');
  const native = await (await DuckDBInstance.create(':memory:')).connect();
  // 400 000 rows in 40 row groups, ≈ 30 MB of Arrow; distinct text so the file stays small.
  await native.run(`COPY (SELECT i AS id, '社区服务中心第' || i || '号' || md5(i::VARCHAR) AS 名称 FROM range(400000) t(i))
    TO '${file}' (FORMAT parquet, ROW_GROUP_SIZE 10000)`);
  native.closeSync();
  // A tiny read first, so the module is instantiated and its memory measured from its resting size.
  await parquetTable(new Uint8Array(0)).catch(() => undefined);
  const before = wasmMemory().buffer.byteLength;
  const t = await parquetTable(new Uint8Array(readFileSync(file)));
  const grown = wasmMemory().buffer.byteLength - before;
  expect(t.rowCount).toBe(400_000);
  const ipc = t.native!.ipc.reduce((n, s) => n + s.byteLength, 0);
  expect(ipc).toBeGreaterThan(25e6);
  expect(grown, `grew ${grown} bytes for ${ipc} bytes of Arrow`).toBeLessThan(ipc / 4);
});
