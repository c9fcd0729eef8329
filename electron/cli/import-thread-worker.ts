/**
 * The import server (shared/import/import-server.ts) in a worker thread (./import-thread.ts): a streamed
 * build's batches leave by transfer, so each row group's buffer moves to the engine's thread without a copy.
 */
import { parentPort } from 'node:worker_threads';
import { importServer } from '../../shared/import/import-server';
import type { ImportRequest } from '../../shared/import/runner';
import { useNodeParquetWasm } from './parquet-node';

useNodeParquetWasm();
const port = parentPort!;
const serve = importServer((m, transfer = []) => port.postMessage(m, transfer));
port.on('message', (req: ImportRequest) => void serve(req));
