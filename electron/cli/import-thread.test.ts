/**
 * A Parquet import overlapped (shared/import/import-server.ts streamed build, commitStreamed): row groups go
 * to the engine while the reader is still reading the file, at most STREAM_AHEAD ahead; the table is native
 * DuckDB's, digest for digest; a file damaged in its middle, or a cancel in the middle, leaves no table.
 * Events are counted, never timed.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../shared/db';
import { translator } from '../../shared/i18n';
import { commitStreamed, importIntoDb } from '../../shared/import/commit';
import { importServer, STREAM_AHEAD } from '../../shared/import/import-server';
import { describeImportError } from '../../shared/import/messages';
import { CancelledError, ImportRunner, type ImportRequest, type OpenWorker } from '../../shared/import/runner';
import { ImportError } from '../../shared/import/types';
import { openImportThread, type ImportThread } from './import-thread';
import { openNodeDb } from './node-db';

const GROUPS = 48;
const GROUP_ROWS = 2048;
const SQL = `SELECT i AS id, repeat('社区服务中心𠀀', 1 + i % 7) || md5(i::VARCHAR) AS 名称,
    CASE WHEN i % 5 = 0 THEN NULL ELSE (4611686018427387904 + i)::BIGINT END AS 大数,
    CASE i % 9 WHEN 0 THEN NULL WHEN 1 THEN 'NaN'::DOUBLE WHEN 2 THEN -0.0::DOUBLE ELSE i / 7.0 END AS 比率
  FROM range(${GROUPS * GROUP_ROWS}) t(i)`;
/** Every cell as text (−0, NaN and NULL apart), in id order, folded into one digest. */
const DIGEST = (t: string) => `SELECT md5(string_agg(concat_ws('|', id, 名称, 大数, CASE WHEN 比率 = 0 AND 1 / 比率 < 0 THEN '-0' ELSE 比率::VARCHAR END, 比率 IS NULL), '\n' ORDER BY id)) AS d FROM ${t}`;

let dir: string;
let native: DuckDBConnection;
let db: Db;
let thread: ImportThread;
let good: Uint8Array;
/** Row group 24's first data page header overwritten: the reader fails half-way through the file. */
let damaged: Uint8Array;
const zh = translator('zh-CN');

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'sgw-parquet-overlap-'));
  const file = path.join(dir, 'many.parquet');
  native = await (await DuckDBInstance.create(':memory:')).connect();
  await native.run(`COPY (${SQL}) TO '${file}' (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE ${GROUP_ROWS})`);
  good = new Uint8Array(readFileSync(file));
  const meta = await native.runAndReadAll(`SELECT min(data_page_offset)::BIGINT AS at FROM parquet_metadata('${file}') WHERE row_group_id = ${GROUPS / 2}`);
  damaged = good.slice();
  damaged.fill(0xff, Number(meta.getRowObjectsJS()[0].at), Number(meta.getRowObjectsJS()[0].at) + 24);
  db = await openNodeDb();
  thread = await openImportThread();
});
afterAll(async () => {
  thread.close();
  native.closeSync();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const one = async (sql: string) => Object.values((await db.query(sql)).toArray()[0].toJSON())[0];
const staging = () => one(`SELECT count(*)::INTEGER FROM duckdb_tables() WHERE table_name LIKE '__sgw_import_%'`);
const nativeDigest = async () => (await native.runAndReadAll(DIGEST(`read_parquet('${path.join(dir, 'many.parquet')}')`))).getRowObjectsJS()[0].d;

/** A runner over the server in this process, logging what each side did, in order. */
function loggedRunner(log: string[]): ImportRunner {
  const open: OpenWorker = (events) => {
    const serve = importServer((m) => {
      // 'progress' during a streamed Parquet build: the reader has read one more row group.
      if (m.type !== 'analyzed' && m.type !== 'built' && m.type !== 'planned') log.push(m.type === 'progress' ? `read ${m.fraction}` : m.type);
      events.message(m);
    });
    return { post: (m: ImportRequest) => void serve(m), terminate: () => undefined };
  };
  return new ImportRunner(open);
}

describe('a Parquet import overlapped with the reader', () => {
  it('the engine takes row group 0 before the reader has finished the file, and the reader never runs more than STREAM_AHEAD ahead', async () => {
    const log: string[] = [];
    const runner = loggedRunner(log);
    runner.load('f', good);
    const r = await commitStreamed(db, 'pq_overlap', (onBatch) => runner.buildStreamed('f', 'many.parquet', {}, (ipc) => (log.push('insert'), onBatch(ipc))));
    expect(r.type).toBe('streamed');
    const sent = log.filter((e) => e === 'batch').length;
    expect(sent).toBe(GROUPS);
    expect(log.filter((e) => e === 'insert').length).toBe(GROUPS);
    // The reader reports each row group read; the last report comes after the engine took row group 0.
    // (The reader's share of the import's progress is 0.4 × 0.8: row group k of 48 reports 0.32 · k / 48.)
    const lastRead = log.findIndex((e) => e.startsWith('read ') && Math.abs(Number(e.slice(5)) - 0.32) < 1e-9);
    expect(lastRead).toBeGreaterThan(0);
    expect(log.indexOf('insert')).toBeLessThan(lastRead);
    // At every point, batches sent minus batches inserted stays within the queue.
    let ahead = 0;
    for (const e of log) {
      ahead += e === 'batch' ? 1 : e === 'insert' ? -1 : 0;
      expect(ahead).toBeLessThanOrEqual(STREAM_AHEAD);
    }
    expect(await one(DIGEST('pq_overlap'))).toBe(await nativeDigest());
  });

  it('through a worker thread (the bench row), importIntoDb gives native DuckDB’s table, cell for cell', async () => {
    const inserts: boolean[] = [];
    const counting: Db = { ...db, insertArrow: (name, ipc, append) => (inserts.push(append ?? false), db.insertArrow(name, ipc, append)) };
    const { tables } = await importIntoDb(counting, good, 'many.parquet', { tableNames: ['pq_thread'], buildElsewhere: thread.build });
    expect(tables[0].rows).toBe(GROUPS * GROUP_ROWS);
    // One engine call per row group: the first creates, every other appends.
    expect(inserts).toEqual([false, ...Array<boolean>(GROUPS - 1).fill(true)]);
    expect(await one(DIGEST('pq_thread'))).toBe(await nativeDigest());
    const types = await db.query(`SELECT data_type FROM duckdb_columns() WHERE table_name = 'pq_thread' ORDER BY column_index`);
    expect(types.toArray().map((x) => String(x.data_type))).toEqual(['BIGINT', 'VARCHAR', 'BIGINT', 'DOUBLE']);
  });

  it('each row group’s buffer is let go once the engine has copied it (detached: V8 no longer counts it toward a full collection), and the table is native’s', async () => {
    const seen: Uint8Array[] = [];
    const watching: Db = { ...db, insertArrow: (name, ipc, append) => (seen.push(...(ipc instanceof Uint8Array ? [ipc] : ipc)), db.insertArrow(name, ipc, append)) };
    await importIntoDb(watching, good, 'many.parquet', { tableNames: ['pq_released'], buildElsewhere: thread.build });
    expect(seen.length).toBe(GROUPS);
    expect(seen.map((b) => b.buffer.byteLength)).toEqual(Array<number>(GROUPS).fill(0));
    expect(await one(DIGEST('pq_released'))).toBe(await nativeDigest());
  });

  it('a file damaged in its middle is refused in plain words after some row groups were inserted, leaves no table, and the thread is replaced', async () => {
    const inserts: number[] = [];
    const counting: Db = { ...db, insertArrow: (name, ipc, append) => (inserts.push(1), db.insertArrow(name, ipc, append)) };
    const e = await importIntoDb(counting, damaged, 'many.parquet', { tableNames: ['pq_damaged'], buildElsewhere: thread.build }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ImportError);
    // This damage makes parquet-wasm trap inside its streamed read, which stops the thread (see parquet-source.ts).
    expect((e as ImportError).key).toBe('import.err.crashed');
    expect(describeImportError(e, zh)).not.toMatch(/\{|\bat \w+ \(/);
    expect(inserts.length).toBeGreaterThan(0);
    expect(inserts.length).toBeLessThan(GROUPS);
    expect(await one(`SELECT count(*)::INTEGER FROM duckdb_tables() WHERE table_name = 'pq_damaged'`)).toBe(0);
    expect(await staging()).toBe(0);
    const { tables } = await importIntoDb(db, good, 'many.parquet', { tableNames: ['pq_damaged'], buildElsewhere: thread.build });
    expect(tables[0].rows).toBe(GROUPS * GROUP_ROWS);
  });

  it('an insert that fails in the middle stops the build with its error and leaves no table', async () => {
    const runner = loggedRunner([]);
    runner.load('f', good);
    let n = 0;
    const failing = new Error('engine refused batch 2');
    const e = await commitStreamed(db, 'pq_refused', (onBatch) => runner.buildStreamed('f', 'many.parquet', {}, (ipc) => (++n === 2 ? Promise.reject(failing) : onBatch(ipc)))).catch((x: unknown) => x);
    expect(e).toBe(failing);
    expect(n).toBe(2);
    expect(await one(`SELECT count(*)::INTEGER FROM duckdb_tables() WHERE table_name = 'pq_refused'`)).toBe(0);
    expect(await staging()).toBe(0);
  });

  it('a cancel in the middle leaves no table, and the next import through the same runner works', async () => {
    const runner = loggedRunner([]);
    runner.load('f', good);
    let n = 0;
    const e = await commitStreamed(db, 'pq_cancelled', (onBatch) => runner.buildStreamed('f', 'many.parquet', {}, async (ipc) => {
      await onBatch(ipc);
      if (++n === 3) runner.cancel();
    })).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CancelledError);
    expect(n).toBe(3);
    expect(await one(`SELECT count(*)::INTEGER FROM duckdb_tables() WHERE table_name = 'pq_cancelled'`)).toBe(0);
    expect(await staging()).toBe(0);
    const r = await commitStreamed(db, 'pq_after', (onBatch) => runner.buildStreamed('f', 'many.parquet', {}, onBatch));
    expect(r.type === 'streamed' && r.preview.rowCount).toBe(GROUPS * GROUP_ROWS);
  });
});
