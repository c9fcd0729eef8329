/**
 * The CSV byte scan (shared/import/csv-scan.ts) in a worker thread, so the engine can read a big CSV's
 * pieces while the rest of the file is still being proven (./csv-scan-thread.ts). The file's bytes are
 * shared, never copied: the message holds a view of a SharedArrayBuffer.
 */
import { parentPort } from 'node:worker_threads';
import { scanCsv, type ScanColumn } from '../../shared/import/csv-scan';

export interface ScanJob {
  id: number;
  bytes: Uint8Array;
  start: number;
  delimiter: string;
  cols: ScanColumn[];
  pieceBytes: number;
  pieceRows: number;
}

const port = parentPort!;
port.on('message', (job: ScanJob) => {
  const { id, bytes, start, delimiter, cols, pieceBytes, pieceRows } = job;
  try {
    const scan = scanCsv(bytes, start, delimiter, cols.length, cols, pieceBytes, pieceRows, (end) => port.postMessage({ id, piece: end }));
    port.postMessage({ id, scan });
  } catch (e) {
    port.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
