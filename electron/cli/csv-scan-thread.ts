/**
 * A big CSV's byte scan in a worker thread beside the engine (shared/import/csv-stage.ts stageWhileScanning):
 * the blocking engine reads on this thread, the scan runs on another, so an import costs about the longer of
 * the two instead of their sum. The thread needs the file's bytes shared (readFileShared); bytes in an
 * ordinary buffer are scanned here, before the engine reads, rather than copied.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { CsvScan } from '../../shared/import/csv-scan';
import type { ScanElsewhere } from '../../shared/import/csv-stage';
import { scanSample } from '../../shared/import/csv-engine';
import type { ScanJob } from './csv-scan-worker';
import { workerFile } from './worker-file';

/** A file's bytes in a SharedArrayBuffer (read once, shareable with a worker thread without a copy). */
export function readFileShared(file: string): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const bytes = new Uint8Array(new SharedArrayBuffer(size));
    for (let at = 0; at < size; ) {
      const n = readSync(fd, bytes, at, size - at, at);
      if (n === 0) throw new Error(`${file} shrank while being read`);
      at += n;
    }
    return bytes;
  } finally {
    closeSync(fd);
  }
}

type Reply = { id: number; piece: number } | { id: number; scan: CsvScan | null } | { id: number; error: string };

export interface ScanThread {
  scan: ScanElsewhere;
  close(): Promise<void>;
}

/** One worker thread, kept for every scan until close() (its compiled scan loop stays warm). */
export async function openScanThread(): Promise<ScanThread> {
  const worker = new Worker(await workerFile('csv-scan-worker'));
  worker.unref();
  const jobs = new Map<number, { onPiece(end: number): void; done(scan: CsvScan | null): void; fail(e: Error): void }>();
  let next = 0;
  worker.on('message', (m: Reply) => {
    const job = jobs.get(m.id);
    if (!job) return;
    if ('piece' in m) return job.onPiece(m.piece);
    jobs.delete(m.id);
    if ('scan' in m) job.done(m.scan);
    else job.fail(new Error(m.error));
  });
  const failAll = (e: Error) => {
    for (const job of jobs.values()) job.fail(e);
    jobs.clear();
  };
  worker.on('error', failAll);
  worker.on('exit', () => failAll(new Error('the scan thread stopped')));
  const scan: ScanElsewhere = (s, onPiece) => {
    const bytes = s.utf8.whole;
    if (!(bytes?.buffer instanceof SharedArrayBuffer)) return Promise.resolve(scanSample(s, onPiece));
    const id = next++;
    const job: ScanJob = { id, bytes, start: s.start, delimiter: s.delimiter, cols: s.cols, pieceBytes: s.pieceBytes, pieceRows: s.pieceRows };
    // Referenced while a scan runs: the blocking engine holds no handle that would keep Node waiting for it.
    worker.ref();
    const settle = <T>(f: (v: T) => void) => (v: T) => {
      if (jobs.size === 0) worker.unref();
      f(v);
    };
    return new Promise((done, fail) => {
      jobs.set(id, { onPiece, done: settle(done), fail: settle(fail) });
      worker.postMessage(job);
    });
  };
  return { scan, close: async () => void (await worker.terminate()) };
}
