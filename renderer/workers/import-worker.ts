/// <reference lib="webworker" />
/**
 * Parses files off the UI thread with the same pipeline as `sgw import` (shared/import/import-server.ts).
 * The picked File is posted once ('load') as a handle (no bytes are copied) and read here by windows
 * (./blob-source) while the user adjusts the preview; cancelling, or a parse past its deadline, terminates
 * the worker (shared/import/runner.ts).
 */
import parquetWasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { importServer } from '../../shared/import/import-server';
import { provideParquetWasm } from '../../shared/import/parquet-source';
import type { ImportRequest } from '../../shared/import/runner';
import { blobSource } from './blob-source';

const scope = self as unknown as DedicatedWorkerGlobalScope;
// The Parquet reader's wasm is one of the app's own files, fetched on the first Parquet import only.
provideParquetWasm(async () => (await fetch(parquetWasmUrl)).arrayBuffer());
const serve = importServer((m, transfer = []) => scope.postMessage(m, transfer), { openBlob: (b) => blobSource(b as Blob) });
scope.onmessage = (ev: MessageEvent<ImportRequest>) => void serve(ev.data);
