import * as duckdb from '@duckdb/duckdb-wasm';
import { streamBytes, streamsOf, toDbError, type Db, type QueryOptions } from '../../shared/db';
import { engineWorker } from './boot';
import { runCancellable } from './cancellable';
import { arrowQuerySteps, querySteps, type QueryKind } from './connection-steps';
import { reserveHeapMessage } from './reserve-heap';
import { blobPiece } from './blob-piece';
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

  /** One query on its own connection that the signal cancels at any moment (Db.query, Db.queryArrow). */
  async function own<T>(sql: string, opts: QueryOptions | undefined, steps: QueryKind<T>): Promise<T> {
    try {
      return await runCancellable(sql, opts?.signal, steps(db, sql, () => refuseExtensionLoads(sql, tokenize)));
    } catch (e) {
      throw toDbError(e, sql);
    }
  }

  return {
    query: (sql, opts) => own(sql, opts, querySteps),
    // The whole result as the engine's IPC bytes (transferred from the worker in batches, never decoded here).
    queryArrow: (sql, opts) => own(sql, opts, arrowQuerySteps),
    async exec(sql) {
      await refuseExtensionLoads(sql, tokenize);
      try {
        await shared.query(sql);
      } catch (e) {
        throw toDbError(e, sql);
      }
    },
    async insertArrow(name, ipc, append = false) {
      try {
        const streams = streamsOf(ipc);
        // Handled by engine-worker.ts before the insert below (shared/db.ts reserveHeapFor).
        worker.postMessage(reserveHeapMessage(streamBytes(streams)));
        for (const [i, stream] of streams.entries()) {
          // duckdb-wasm transfers the bytes' whole ArrayBuffer to its worker: a view into a larger buffer (a
          // project's table read in place from the zip) is copied first, or the rest of that buffer would go too.
          const own = stream.byteOffset === 0 && stream.byteLength === stream.buffer.byteLength ? stream : stream.slice();
          await shared.insertArrowFromIPCStream(own, { name, create: i === 0 && !append });
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
    async registerSlice(name, file, from, to) {
      // duckdb's own registration, its bytes a placeholder that engine-worker.ts reads on the engine's thread
      // (./blob-piece says why). postTask is duckdb's way to send a task and await its reply (protected in its types).
      const task = new duckdb.WorkerTask<duckdb.WorkerRequestType.REGISTER_FILE_BUFFER, [string, unknown], null>(duckdb.WorkerRequestType.REGISTER_FILE_BUFFER, [name, blobPiece(file as Blob, from, to)]);
      await (db as unknown as { postTask(t: unknown, transfer: ArrayBuffer[]): Promise<null> }).postTask(task, []);
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
