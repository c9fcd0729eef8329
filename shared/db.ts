import type { Table } from 'apache-arrow';
import type { FileBlob } from './import/byte-source';

export interface QueryOptions {
  /** Aborting cancels the running query; the promise then rejects with a DbError of kind 'cancelled'. */
  signal?: AbortSignal;
}

/**
 * The one interface to the database. Adapters: renderer/db (duckdb-wasm in a Web Worker) and
 * electron/cli/node-db (duckdb-wasm's Node build, used by `sgw` and by the tests).
 */
export interface Db {
  /**
   * Runs `sql` (one or more statements) on a connection of its own that is closed afterwards, so
   * connection-local state (SET, TEMP tables, an open transaction) ends with the call.
   */
  query(sql: string, opts?: QueryOptions): Promise<Table>;
  /**
   * A reading query's result as the Arrow IPC stream the engine wrote, never decoded in JS (project save:
   * bytes that go straight into the file), in the pieces it was fetched in: joined, they are one stream.
   * Same connection rules as `query`.
   */
  queryArrow(sql: string, opts?: QueryOptions): Promise<Uint8Array[]>;
  exec(sql: string): Promise<void>;
  /**
   * Creates table `name` from an Arrow IPC stream, or from several complete streams of one schema (the
   * first creates the table, each further one appends by its own engine call). A stream is never split
   * across calls: the engine's decoder keeps pointers into each call's buffer, which are freed on return.
   * Not atomic: after a failed append the table holds the streams before it (callers stage and drop).
   * `append`: the table exists already and every stream appends (a table fed as its row groups arrive).
   */
  insertArrow(name: string, ipc: Uint8Array | readonly Uint8Array[], append?: boolean): Promise<void>;
  /**
   * Makes `bytes` readable by SQL under `name` (e.g. in read_csv('name')). The engine keeps its own copy;
   * the app's Db hands `bytes`' buffer over to the engine's worker when `bytes` spans all of it.
   */
  /** The engine takes a copy (or the buffer itself, detached): the caller may reuse `bytes` once it resolves. */
  registerFile(name: string, bytes: Uint8Array): Promise<void>;
  /**
   * Registers bytes [from, to) of a picked File under `name`, read by the engine's own thread into a buffer it
   * keeps (the app's Db: renderer/db/blob-piece.ts says why); Dbs without it are handed the bytes (registerFile).
   * Rejects when the file can no longer be read.
   */
  registerSlice?(name: string, file: FileBlob, from: number, to: number): Promise<void>;
  dropFile(name: string): Promise<void>;
  /** The engine's own lexer (DuckDB's scanner, the one its parser uses) over `sql`; nothing runs. */
  tokenize(sql: string): Promise<SqlTokens>;
  close(): Promise<void>;
}

/**
 * DuckDB's tokens of a script: where each starts, as a UTF-8 byte offset (the engine's unit, not a
 * JavaScript string index), and its kind (SQL_TOKEN). Comments and whitespace belong to no token. The
 * scanner stops at the first text it cannot lex, so the list may end early.
 */
export interface SqlTokens {
  offsets: number[];
  types: number[];
}

/** Token kinds as duckdb-wasm numbers them (its TokenType enum). */
/**
 * One Arrow IPC stream from the pieces duckdb-wasm hands over when a result is fetched in chunks (the schema
 * message, then record batches), closed by the end-of-stream marker. Fetching in chunks keeps the engine's
 * memory at one batch: a whole 10M-row table as one IPC buffer does not fit beside the table (wasm caps at 4 GB).
 * The pieces are not joined here: the project writer copies each once, straight into the file.
 */
export function ipcStreamPieces(chunks: readonly Uint8Array[]): Uint8Array[] {
  return [...chunks, Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0)];
}

/** Db.insertArrow's argument as a list of complete streams (at least one: a stream of no rows still names the columns). */
export function streamsOf(ipc: Uint8Array | readonly Uint8Array[]): readonly Uint8Array[] {
  const streams = ipc instanceof Uint8Array ? [ipc] : ipc;
  if (streams.length === 0) throw new Error('insertArrow: no Arrow stream');
  return streams;
}

type Port = { postMessage(m: null, transfer: ArrayBuffer[]): void; close(): void };

/**
 * Lets go of a buffer the caller owns once the engine has copied it (Db.insertArrow): detached now, so its
 * thread is not charged for the bytes until a full collection. V8 counts every array buffer it has not yet
 * seen die and starts a full (mark-compact) collection each time some 64 MB more are live by that count; on
 * the engine's thread each one marks the engine's large heap (its glue's 75,000 linked exports) on V8's
 * helper threads, which on two cores take time from the reader and the engine: letting a 1M-row Parquet
 * import's 96 MB of row groups go cut its CPU time by a sixth to a fifth (847 → 672 ms, the engine thread's
 * own 290 → 280 ms; bench/parquet-import.ts, A/B in one process). A detached buffer is uncounted at once. A view into part of a buffer, or a shared one, is left alone.
 * Uncounted is not freed: in Chromium a buffer the platform made (FileReaderSync's result; by h22a's measure
 * also one that arrived by postMessage) keeps its memory until its wrapper is collected, and detaching it only
 * hides it from that count, so the collection comes later: 10 × 32 MB from FileReaderSync in a worker peaked
 * at +326 MB detached against +231 MB left alone (+36 MB for buffers made in JS, which a detach does free),
 * and detaching the app's registered CSV pieces raised the import's peak (renderer/db/engine-worker.ts does not).
 */
export function releaseBuffer(bytes: Uint8Array): void {
  const buffer = bytes.buffer as ArrayBuffer & { transfer?: (length: number) => ArrayBuffer };
  if (!(buffer instanceof ArrayBuffer) || bytes.byteOffset !== 0 || bytes.byteLength !== buffer.byteLength || buffer.byteLength === 0) return;
  // ArrayBuffer.prototype.transfer (Chromium, Node ≥ 22) detaches in place; before it, a message to nowhere does.
  if (typeof buffer.transfer === 'function') {
    buffer.transfer(0);
    return;
  }
  const Channel = (globalThis as { MessageChannel?: new () => { port1: Port; port2: Port } }).MessageChannel;
  if (!Channel) return;
  const { port1, port2 } = new Channel();
  port1.postMessage(null, [buffer]);
  port1.close();
  port2.close();
}

/** The engine's allocator, as its wasm module exports it (malloc and free), and its linear memory's size. */
export interface EngineHeap {
  malloc(bytes: number): number;
  free(pointer: number): void;
  /** Bytes of the engine's wasm memory now (it only ever grows). */
  size(): number;
}

/** Below this an insert grows the heap a step or two at most: not worth a reservation (an import's batches). */
const RESERVE_FROM_BYTES = 8 * 1024 ** 2;
/** Never more than this at once: wasm memory never shrinks (a 10M-row insert grows the rest in steps). */
const MAX_RESERVE_BYTES = 1024 ** 3;

/**
 * Grows a small engine heap once, up front, for an insert of `bytes` of Arrow IPC: by 3× the stream (the
 * copy of the stream plus the table built from it peak at ≈2.5× in a fresh engine). Left to itself the heap
 * grows by 20 % steps during the insert, and every step is a new ArrayBuffer of the whole memory that V8
 * counts as external memory: full GCs inside the insert. A heap of 3× the stream already is left alone, even
 * if less of it is free: the insert reuses what the engine freed (reserving more there grew the heap and
 * made the insert fill fresh pages, measured slower). bench/project-phases.ts, a fresh engine, 91 MB of
 * IPC: the reopen's CPU ≈1170 → ≈590 ms. The block is freed at once; the engine's own allocations reuse it.
 */
export function reserveHeapFor(heap: EngineHeap, bytes: number): void {
  if (bytes < RESERVE_FROM_BYTES) return;
  const reserve = Math.min(3 * bytes, MAX_RESERVE_BYTES);
  if (heap.size() >= reserve) return;
  const pointer = heap.malloc(reserve);
  // 0: no room for it (the insert then grows the heap as far as it can, as before).
  if (pointer) heap.free(pointer);
}

/** What a reservation is sized by: the bytes of all the streams of one Db.insertArrow call. */
export const streamBytes = (streams: readonly Uint8Array[]): number => streams.reduce((n, s) => n + s.byteLength, 0);

export const SQL_TOKEN = { identifier: 0, number: 1, string: 2, operator: 3, keyword: 4, comment: 5 } as const;

/** 'offline': the statement needs an engine extension (json, parquet, icu…) that the offline build does not carry. */
export type DbErrorKind = 'cancelled' | 'syntax' | 'catalog' | 'binder' | 'conversion' | 'constraint' | 'memory' | 'offline' | 'other';

export class DbError extends Error {
  constructor(
    readonly kind: DbErrorKind,
    message: string,
    readonly sql?: string,
  ) {
    super(message);
    this.name = 'DbError';
  }
}

const KIND_BY_PREFIX: [RegExp, DbErrorKind][] = [
  [/exists in the \w+ extension|^Extension loading is not available offline|Extension Autoloading Error/i, 'offline'],
  [/^Parser Error/i, 'syntax'],
  [/^Catalog Error/i, 'catalog'],
  [/^Binder Error/i, 'binder'],
  [/^(Conversion|Invalid Input) Error/i, 'conversion'],
  [/^Constraint Error/i, 'constraint'],
  [/^Out of Memory Error/i, 'memory'],
  [/^INTERRUPT Error|Interrupted/i, 'cancelled'],
];

/**
 * The browser build reports errors as JSON (`{"exception_type":"Parser","exception_message":"…"}`):
 * back to DuckDB's usual "Parser Error: …" text, so nobody sees the raw JSON.
 */
function unwrapEngineJson(message: string): string {
  if (!message.trimStart().startsWith('{')) return message;
  try {
    const o = JSON.parse(message) as { exception_type?: unknown; exception_message?: unknown };
    if (typeof o.exception_message !== 'string') return message;
    const type = typeof o.exception_type === 'string' ? o.exception_type.replace(/_/g, ' ') : '';
    return type ? `${type} Error: ${o.exception_message}` : o.exception_message;
  } catch {
    return message;
  }
}

/** Wraps whatever an engine threw into a DbError, classified by DuckDB's error prefix. */
export function toDbError(e: unknown, sql?: string): DbError {
  if (e instanceof DbError) return e;
  const message = unwrapEngineJson(e instanceof Error ? e.message : String(e));
  const kind = KIND_BY_PREFIX.find(([re]) => re.test(message))?.[1] ?? 'other';
  return new DbError(kind, message, sql);
}

export function cancelledError(sql?: string): DbError {
  return new DbError('cancelled', 'Query cancelled', sql);
}

/** Quotes an SQL identifier. */
export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes an SQL string literal. */
export function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}
