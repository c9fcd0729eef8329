import * as duckdb from '@duckdb/duckdb-wasm';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { Table, type RecordBatch } from 'apache-arrow';
import { cancelledError, toDbError, type Db, type QueryOptions } from '../../shared/db';
import { CLOSED_FILE_SYSTEM_SQL, OFFLINE_SETTINGS_SQL, refuseExtensionLoads } from '../../shared/sql/offline';

/**
 * The browser adapter of Db: duckdb-wasm (eh bundle, served from our own origin) in a Web Worker.
 * Each query gets its own connection so that one can be cancelled without touching the others.
 */
export async function openWorkerDb(): Promise<Db> {
  const worker = new Worker(workerUrl);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(wasmUrl);
  await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  const shared = await db.connect();
  for (const sql of [...OFFLINE_SETTINGS_SQL, ...CLOSED_FILE_SYSTEM_SQL]) await shared.query(sql);
  const tokenize = (sql: string) => db.tokenize(sql);

  async function query(sql: string, opts?: QueryOptions): Promise<Table> {
    const signal = opts?.signal;
    if (signal?.aborted) throw cancelledError(sql);
    await refuseExtensionLoads(sql, tokenize);
    const conn = await db.connect();
    let onAbort: (() => void) | undefined;
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => {
        void conn.cancelSent().catch(() => false);
        reject(cancelledError(sql));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    });
    const run = (async () => {
      const reader = await conn.send(sql, true);
      const batches: RecordBatch[] = [];
      for await (const batch of reader) {
        if (signal?.aborted) throw cancelledError(sql);
        batches.push(batch);
      }
      return batches.length > 0 ? new Table(batches) : new Table(reader.schema);
    })();
    try {
      return await Promise.race([run, aborted]);
    } catch (e) {
      throw toDbError(e, sql);
    } finally {
      if (onAbort) signal?.removeEventListener('abort', onAbort);
      run.catch(() => undefined);
      void conn.close().catch(() => undefined);
    }
  }

  return {
    query,
    async exec(sql) {
      await refuseExtensionLoads(sql, tokenize);
      try {
        await shared.query(sql);
      } catch (e) {
        throw toDbError(e, sql);
      }
    },
    async insertArrow(name, ipcStream) {
      try {
        await shared.insertArrowFromIPCStream(ipcStream, { name, create: true });
      } catch (e) {
        throw toDbError(e);
      }
    },
    async registerFile(name, bytes) {
      await db.registerFileBuffer(name, bytes);
    },
    async dropFile(name) {
      await db.dropFile(name);
    },
    tokenize: (sql) => db.tokenize(sql),
    async close() {
      await shared.close();
      await db.terminate();
    },
  };
}
