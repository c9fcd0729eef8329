/**
 * parquet-wasm panicking on a damaged file (a WebAssembly trap, "unreachable") is refused in the catalog's
 * words, and the worker whose reader trapped is replaced: a wasm instance cannot be reset, and after a trap
 * its memory may be inconsistent. Its own file: the trap marks this module's parquet-wasm for good.
 * The damaged file: native DuckDB's Parquet of a timestamp column (the whole-file read), one byte changed,
 * found by a fuzz run; the test first proves that it does trap.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { readParquet } from 'parquet-wasm/esm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { translator } from '../i18n';
import { importServer } from './import-server';
import { describeImportError } from './messages';
import { parquetReaderTrapped, parquetTable } from './parquet-source';
import { ImportRunner, type ImportRequest, type OpenWorker } from './runner';
import { ImportError } from './types';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sgw-parquet-trap-'));
let good: Uint8Array;
let bad: Uint8Array;
beforeAll(async () => {
  const file = path.join(dir, 'general.parquet');
  const native = await (await DuckDBInstance.create(':memory:')).connect();
  await native.run(`COPY (SELECT i AS id, TIMESTAMP '2024-02-29 12:34:56' + INTERVAL (i) SECOND AS 时间, '第' || i AS 名称 FROM range(20) t(i))
    TO '${file}' (FORMAT parquet)`);
  native.closeSync();
  good = new Uint8Array(readFileSync(file));
  bad = good.slice();
  bad[344] = 125;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('a file that makes parquet-wasm trap is refused in plain words, and the worker is replaced before the next file', async () => {
  expect((await parquetTable(good)).rowCount).toBe(20);
  expect(parquetReaderTrapped()).toBe(false);
  // The damaged file does make the reader trap (else this test would prove nothing).
  const trap = (() => {
    try {
      readParquet(bad);
    } catch (e) {
      return e;
    }
  })();
  expect(trap).toBeInstanceOf(WebAssembly.RuntimeError);

  // The runner over the one server both workers run, in this process: opened and stopped workers counted.
  let opened = 0;
  const stopped: number[] = [];
  const open: OpenWorker = (events) => {
    const n = ++opened;
    const serve = importServer((m) => events.message(m));
    return { post: (m: ImportRequest) => void serve(m), terminate: () => void stopped.push(n) };
  };
  const runner = new ImportRunner(open);
  runner.load('bad', bad);
  runner.load('good', good);
  const refused = await runner.build('bad', 'general.parquet', {}).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(ImportError);
  expect((refused as ImportError).key).toBe('import.err.crashed');
  for (const t of [translator('zh-CN'), translator('en')]) expect(describeImportError(refused, t)).not.toMatch(/RuntimeError|wasm|unreachable|\bat \S+ \(/);
  expect(parquetReaderTrapped()).toBe(true);
  expect(stopped).toEqual([1]);
  // The next request goes to a fresh worker, which is sent the loaded files again.
  const built = await runner.build('good', 'general.parquet', {});
  expect(opened).toBe(2);
  expect(built.tables[0].preview.rowCount).toBe(20);
});
