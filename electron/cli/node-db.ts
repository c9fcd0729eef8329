import { createRequire } from 'node:module';
import path from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { tableFromIPC, type Table } from 'apache-arrow';
import { cancelledError, ipcStreamPieces, reserveHeapFor, streamBytes, streamsOf, toDbError, type Db, type QueryOptions } from '../../shared/db';
import { OFFLINE_SETTINGS_SQL, refuseExtensionLoads } from '../../shared/sql/offline';

const require = createRequire(__filename);

/**
 * Binding a time-zone function makes the engine install icu even with auto-install off (see
 * shared/sql/offline.ts). Without an XMLHttpRequest, duckdb-wasm's Node build fetches the extension in a
 * helper thread and waits on it with no timeout; offline that thread dies and `sgw` hangs or exits without
 * a word. During each (synchronous) engine call a stand-in XMLHttpRequest answers every request as
 * unreachable, so the engine fails at once with "Extension … is not available". Nothing else runs meanwhile.
 */
class OfflineXhr {
  status = 0;
  response = null;
  responseType = '';
  open() {}
  setRequestHeader() {}
  send() {}
}

function offline<T>(call: () => T): T {
  const g = globalThis as { XMLHttpRequest?: unknown };
  if (g.XMLHttpRequest !== undefined) return call();
  g.XMLHttpRequest = OfflineXhr;
  try {
    return call();
  } finally {
    delete g.XMLHttpRequest;
  }
}

function duckdbDist(): string {
  return path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
}

/** The Node engine can also read a file on disk itself (NODE_FS: preads into its heap, nothing held in JS). */
export interface NodeDb extends Db {
  registerFilePath(name: string, absPath: string): void;
}

/**
 * Db on duckdb-wasm's Node build: the same engine and SQL dialect as the app, for `sgw` and the tests.
 * The blocking build cannot interrupt a running statement, so a signal is honoured before it starts.
 */
export async function openNodeDb(): Promise<NodeDb> {
  const dist = duckdbDist();
  const bundles = {
    mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs') },
    eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs') },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate(() => {});
  db.open({ query: { castBigIntToDouble: true, castDecimalToDouble: true } });
  const conn = db.connect();
  for (const sql of OFFLINE_SETTINGS_SQL) conn.query(sql);
  const tokenize = (sql: string) => db.tokenize(sql);

  const runIpc = (sql: string, on = conn): Uint8Array => {
    try {
      return offline(() => on.useUnsafe((bindings, id) => bindings.runQuery(id, sql)));
    } catch (e) {
      throw toDbError(e, sql);
    }
  };
  // Results cross the package boundary as IPC so the caller's apache-arrow classes are used.
  const run = (sql: string, on = conn): Table => tableFromIPC(runIpc(sql, on));
  /** The result fetched batch by batch (Db.queryArrow): the engine never holds all of it as IPC at once. */
  const runChunked = (sql: string, on = conn): Uint8Array[] => {
    try {
      return offline(() => on.useUnsafe((bindings, id) => {
        let header = bindings.startPendingQuery(id, sql, true);
        while (header === null) header = bindings.pollPendingQuery(id);
        const chunks = [header];
        for (let c = bindings.fetchQueryResults(id); c === null || c.length > 0; c = bindings.fetchQueryResults(id)) if (c) chunks.push(c);
        return ipcStreamPieces(chunks);
      }));
    } catch (e) {
      throw toDbError(e, sql);
    }
  };
  /** On a connection of its own (see Db.query), after the same checks. */
  const own = async <T>(sql: string, opts: QueryOptions | undefined, read: (sql: string, on: typeof conn) => T): Promise<T> => {
    if (opts?.signal?.aborted) throw cancelledError(sql);
    await refuseExtensionLoads(sql, tokenize);
    // A connection per query, as in the browser adapter, so connection-local state (TEMP tables,
    // SET options) behaves the same in tests as in the app.
    const c = db.connect();
    try {
      return read(sql, c);
    } finally {
      c.close();
    }
  };

  // The module's exports, as the bindings call them (mod._malloc): see reserveHeapFor.
  const mod = (db as unknown as { mod: { _malloc(n: number): number; _free(p: number): void; HEAPU8: Uint8Array } }).mod;
  const reserve = (bytes: number) => reserveHeapFor({ malloc: (n) => mod._malloc(n), free: (p) => mod._free(p), size: () => mod.HEAPU8.length }, bytes);

  return {
    query: (sql: string, opts?: QueryOptions) => own(sql, opts, run),
    queryArrow: (sql: string, opts?: QueryOptions) => own(sql, opts, runChunked),
    async exec(sql: string) {
      await refuseExtensionLoads(sql, tokenize);
      run(sql);
    },
    async insertArrow(name: string, ipc: Uint8Array | readonly Uint8Array[], append = false) {
      try {
        const streams = streamsOf(ipc);
        reserve(streamBytes(streams));
        for (const [i, stream] of streams.entries()) conn.insertArrowFromIPCStream(stream, { name, create: i === 0 && !append });
      } catch (e) {
        throw toDbError(e);
      }
    },
    async registerFile(name: string, bytes: Uint8Array) {
      db.registerFileBuffer(name, bytes);
    },
    async dropFile(name: string) {
      db.dropFile(name);
    },
    registerFilePath(name: string, absPath: string) {
      db.registerFileURL(name, absPath, duckdb.DuckDBDataProtocol.NODE_FS, false);
    },
    async tokenize(sql: string) {
      return db.tokenize(sql);
    },
    async close() {
      conn.close();
      db.reset();
    },
  };
}
