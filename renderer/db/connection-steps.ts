import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { Table, type RecordBatch } from 'apache-arrow';
import { cancelledError, ipcStreamPieces } from '../../shared/db';
import type { CancellableSteps } from './cancellable';

type Steps<T> = CancellableSteps<AsyncDuckDBConnection, T>;
type Run<T> = Steps<T>['run'];
/** How one kind of query runs on its own connection, given the engine, the text and the offline guard. */
export type QueryKind<T> = (db: Pick<AsyncDuckDB, 'connect'>, sql: string, prepare: () => Promise<void>) => Steps<T>;

/**
 * The steps of one query on its own connection (runCancellable): `prepare` is the offline guard, the
 * run is what differs between Db.query and Db.queryArrow. A cancel while the engine runs goes to
 * cancelPendingQuery, which stops a query started by conn.send and by startPendingQuery alike.
 */
function onOwnConnection<T>(db: Pick<AsyncDuckDB, 'connect'>, prepare: () => Promise<void>, run: Run<T>): Steps<T> {
  return {
    prepare,
    connect: () => db.connect(),
    run,
    cancel: (conn) => void conn.cancelSent().catch(() => false),
    close: (conn) => void conn.close().catch(() => undefined),
  };
}

/** Db.query: the result decoded into one Arrow table. */
export const querySteps: QueryKind<Table> = (db, sql, prepare) =>
  onOwnConnection(db, prepare, async (conn, stopped) => {
    const reader = await conn.send(sql, true);
    const batches: RecordBatch[] = [];
    for await (const batch of reader) {
      if (stopped()) throw cancelledError(sql);
      batches.push(batch);
    }
    return batches.length > 0 ? new Table(batches) : new Table(reader.schema);
  });

/**
 * Db.queryArrow: the engine's IPC bytes in the pieces fetched, never decoded here. Batch by batch (as
 * conn.send does): the engine holds one batch of IPC at a time. Once the caller has given up, no further
 * poll or fetch is sent, so a project save that was cancelled stops reading the table.
 */
export const arrowQuerySteps: QueryKind<Uint8Array[]> = (db, sql, prepare) =>
  onOwnConnection(db, prepare, (conn, stopped) =>
    conn.useUnsafe(async (bindings, id) => {
      const next = async (ask: () => Promise<Uint8Array | null>) => {
        if (stopped()) throw cancelledError(sql);
        return ask();
      };
      let header = await next(() => bindings.startPendingQuery(id, sql, true));
      while (header === null) header = await next(() => bindings.pollPendingQuery(id));
      const chunks = [header];
      for (let c = await next(() => bindings.fetchQueryResults(id)); c === null || c.length > 0; c = await next(() => bindings.fetchQueryResults(id))) {
        if (c) chunks.push(c);
      }
      return ipcStreamPieces(chunks);
    }),
  );
