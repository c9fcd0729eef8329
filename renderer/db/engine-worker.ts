/// <reference lib="webworker" />
/**
 * duckdb-wasm's own worker, started faster. Its 770 KB script and its 27 MB wasm (build/vite/duckdb-wasm.ts) used to load one after
 * the other (the script fetched and evaluated, then told to instantiate, then the wasm fetched and
 * compiled). Here the wasm's streaming compile starts on this worker's first line, while that script is
 * still being fetched, and duckdb's instantiation is handed the compiled module.
 */
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import duckdbWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import { releaseBuffer, reserveHeapFor, type EngineHeap } from '../../shared/db';
import { isReserveHeap } from './reserve-heap';
import { isBlobPiece, pieceReader } from './blob-piece';

const scope = self as unknown as DedicatedWorkerGlobalScope;
async function compile(): Promise<WebAssembly.Module> {
  const res = await fetch(wasmUrl);
  if (!res.ok) throw new Error(`${wasmUrl}: HTTP ${res.status}`);
  performance.mark('sgw:wasm-response');
  // Streaming needs the application/wasm type (vite preview and the app:// protocol send it); a server that
  // sends another still works, compiling once the whole file is here.
  const streaming = res.headers.get('content-type')?.split(';')[0].trim() === 'application/wasm';
  return streaming ? WebAssembly.compileStreaming(res) : WebAssembly.compile(await res.arrayBuffer());
}
const compiled = compile();
/** The engine's allocator (its module's malloc and free), for the reservation before a bulk insert. */
let heap: EngineHeap | undefined;
// The start-up benchmark's split (bench/browser.ts reads this worker's marks).
compiled.then(() => performance.mark('sgw:wasm-compiled'), () => undefined);
// duckdb's glue would wait for ever on a failed compile: it becomes this worker's error, which openWorkerDb
// turns into a failed start (the app says the engine could not start) instead of a page that never loads.
compiled.catch((e: unknown) =>
  setTimeout(() => {
    throw e;
  }),
);
// duckdb's glue instantiates its main module with instantiateStreaming (the only caller in this worker);
// it is given the module compiled above, so the response it fetched itself (EMPTY_WASM_URL) is not used.
WebAssembly.instantiateStreaming = async (_source, imports) => {
  const module = await compiled;
  const instance = await WebAssembly.instantiate(module, imports);
  // The module imports its memory (env.memory, made by duckdb's glue) and exports malloc and free.
  const memory = (imports as { env: { memory: WebAssembly.Memory } }).env.memory;
  const { malloc, free } = instance.exports as unknown as Pick<EngineHeap, 'malloc' | 'free'>;
  heap = { malloc, free, size: () => memory.buffer.byteLength };
  performance.mark('sgw:wasm-instantiated');
  return { module, instance };
};

// Messages that arrive before duckdb's script has set its handler are kept and handed over in order.
const early: MessageEvent[] = [];
scope.onmessage = (e) => void early.push(e);
await import(/* @vite-ignore */ duckdbWorkerUrl);
performance.mark('sgw:duckdb-script');
// Our one message of our own (worker-db.ts, before a bulk insert): handled here, never seen by duckdb's
// handler. Messages are handled in order, so it runs before the insert posted after it.
// An Arrow insert's buffer (handed over by the page, copied into the engine's heap by the call) is let go
// of as soon as the call is done: each one left to the collector counts toward V8's next full collection,
// which marks this worker's large heap (releaseBuffer says why; a Parquet import sends ~100 MB per 1M rows).
const duckdbHandler = scope.onmessage;
// A File's slice to register (Db.registerSlice, ./blob-piece): read here into one kept buffer, then handed to
// duckdb's handler as the bytes of its REGISTER_FILE_BUFFER (which copies them into the heap and replies).
// One at a time, in order: each read reuses the buffer the last one filled.
const readPiece = pieceReader();
let pieces = Promise.resolve();
function registerSlice(m: { messageId: number; type: string; data: unknown[] }): void {
  const [name, piece] = m.data;
  if (!isBlobPiece(piece)) return;
  pieces = pieces.then(async () => {
    try {
      const bytes = await readPiece(piece);
      duckdbHandler?.call(scope, new MessageEvent('message', { data: { ...m, data: [name, bytes] } }));
    } catch (err) {
      // As duckdb's dispatcher fails a task: the page's pending call rejects with this message.
      scope.postMessage({ messageId: -1, requestId: m.messageId, type: 'ERROR', data: { name: 'NotReadableError', message: err instanceof Error ? err.message : String(err) } });
    }
  });
}
scope.onmessage = (e) => {
  if (isReserveHeap(e.data)) {
    if (heap) reserveHeapFor(heap, e.data.sgwReserveHeap);
    return;
  }
  const task = e.data as { messageId: number; type: string; data: unknown[] } | null;
  if (task?.type === 'REGISTER_FILE_BUFFER' && isBlobPiece(task.data?.[1])) return registerSlice(task);
  const done = duckdbHandler?.call(scope, e);
  const m = e.data as { type?: unknown; data?: unknown[] } | null;
  const bytes = m?.type === 'INSERT_ARROW_FROM_IPC_STREAM' ? m.data?.[1] : undefined;
  if (bytes instanceof Uint8Array) void Promise.resolve(done).finally(() => releaseBuffer(bytes));
};
for (const e of early) scope.onmessage?.(e);
