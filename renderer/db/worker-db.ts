import * as duckdb from '@duckdb/duckdb-wasm';
import { Table, type RecordBatch } from 'apache-arrow';
import { cancelledError, ipcStreamPieces, streamsOf, toDbError, type Db, type QueryOptions } from '../../shared/db';
import { engineWorker } from './boot';
import { runCancellable } from './cancellable';
import { CLOSED_FILE_SYSTEM_SQL, OFFLINE_SETTINGS_SQL, refuseExtensionLoads } from '../../shared/sql/offline';

const EMPTY_WASM_URL = 'data:application/wasm;base64,';

/**
 * The browser adapter of Db: duckdb-wasm (eh bundle, served from our own origin) in a Web Worker
 * (engine-worker.ts).
 * Each query gets its own connection so that one can be cancelled without touching the others.
 */
export async function openWorkerDb(): Promise<Db> {
  const { worker, failed } = engineWorker();
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  // The worker compiles the wasm itself, from its first line; the URL duckdb fetches is not used (an empty
  // data: URL, so its fetch costs nothing). A worker error before it is up (the wasm missing) fails the start.
  await Promise.race([db.instantiate(EMPTY_WASM_URL), failed]);
  // For the start-up benchmark's split (bench/browser.ts): wasm compiled and instantiated.
  performance.mark('sgw:engine-instantiated');
  await db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  const shared = await db.connect();
  // One round trip for all of them (start-up waits on each).
  await shared.query([...OFFLINE_SETTINGS_SQL, ...CLOSED_FILE_SYSTEM_SQL].join(';\n'));
  const tokenize = (sql: string) => db.tokenize(sql);

  async function query(sql: string, opts?: QueryOptions): Promise<Table> {
    try {
      return await runCancellable(sql, opts?.signal, {
        prepare: () => refuseExtensionLoads(sql, tokenize),
        connect: () => db.connect(),
        async run(conn, stopped) {
          const reader = await conn.send(sql, true);
          const batches: RecordBatch[] = [];
          for await (const batch of reader) {
            if (stopped()) throw cancelledError(sql);
            batches.push(batch);
          }
          return batches.length > 0 ? new Table(batches) : new Table(reader.schema);
        },
        cancel: (conn) => void conn.cancelSent().catch(() => false),
        close: (conn) => void conn.close().catch(() => undefined),
      });
    } catch (e) {
      throw toDbError(e, sql);
    }
  }

  /** The whole result as the engine's IPC bytes (transferred from the worker in batches, never decoded here). */
  async function queryArrow(sql: string, opts?: QueryOptions): Promise<Uint8Array[]> {
    if (opts?.signal?.aborted) throw cancelledError(sql);
    await refuseExtensionLoads(sql, tokenize);
    const conn = await db.connect();
    try {
      // Batch by batch (as conn.send does, without decoding): the engine holds one batch of IPC at a time.
      return await conn.useUnsafe(async (bindings, id) => {
        let header = await bindings.startPendingQuery(id, sql, true);
        while (header === null) header = await bindings.pollPendingQuery(id);
        const chunks = [header];
        for (let c = await bindings.fetchQueryResults(id); c === null || c.length > 0; c = await bindings.fetchQueryResults(id)) if (c) chunks.push(c);
        return ipcStreamPieces(chunks);
      });
    } catch (e) {
      throw toDbError(e, sql);
    } finally {
      void conn.close().catch(() => undefined);
    }
  }

  return {
    query,
    queryArrow,
    async exec(sql) {
      await refuseExtensionLoads(sql, tokenize);
      try {
        await shared.query(sql);
      } catch (e) {
        throw toDbError(e, sql);
      }
    },
    async insertArrow(name, ipc) {
      try {
        for (const [i, stream] of streamsOf(ipc).entries()) {
          // duckdb-wasm transfers the bytes' whole ArrayBuffer to its worker: a view into a larger buffer (a
          // project's table read in place from the zip) is copied first, or the rest of that buffer would go too.
          const own = stream.byteOffset === 0 && stream.byteLength === stream.buffer.byteLength ? stream : stream.slice();
          await shared.insertArrowFromIPCStream(own, { name, create: i === 0 });
        }
      } catch (e) {
        throw toDbError(e);
      }
    },
    async registerFile(name, bytes) {
      // duckdb-wasm transfers the view's whole buffer to its worker: a piece of a larger buffer (the CSV
      // import's pieces) is copied first, so the rest of that buffer stays with the caller.
      const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
      await db.registerFileBuffer(name, whole ? bytes : bytes.slice());
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
