/**
 * The shared import runner over a worker thread, for an import into the engine on this thread
 * (importIntoDb's buildElsewhere: the bench, tests): the thread reads a Parquet file's next row group while
 * the blocking engine inserts the one before, so the import costs about the longer of the two rather than
 * their sum. `sgw import` keeps its child process (./import-runner.ts), which survives a reader's fatal abort.
 */
import { Worker } from 'node:worker_threads';
import type { StreamedBuild } from '../../shared/import/commit';
import { ImportRunner, type WorkerEvents, type WorkerHandle } from '../../shared/import/runner';
import { ImportError, type ImportOptions } from '../../shared/import/types';
import { workerFile } from './worker-file';

function openThread(file: string, events: WorkerEvents): WorkerHandle {
  const w = new Worker(file);
  let stopped = false;
  w.on('message', (m) => events.message(m as never));
  const died = () => {
    if (stopped) return;
    stopped = true;
    events.died(new ImportError('import.err.crashed'));
  };
  w.on('error', died);
  w.on('exit', died);
  return {
    post: (m) => w.postMessage(m),
    terminate: () => {
      stopped = true;
      void w.terminate();
    },
  };
}

export interface ImportThread {
  /** importIntoDb's buildElsewhere: the file is sent to the thread, read there, and forgotten after. */
  build(bytes: Uint8Array, fileName: string, opts: ImportOptions): StreamedBuild;
  runner: ImportRunner;
  close(): void;
}

export async function openImportThread(): Promise<ImportThread> {
  const file = await workerFile('import-thread-worker');
  const runner = new ImportRunner((events) => openThread(file, events));
  let n = 0;
  return {
    runner,
    build: (bytes, fileName, opts) => async (onBatch) => {
      const key = `file${n++}`;
      runner.load(key, bytes);
      try {
        return await runner.buildStreamed(key, fileName, opts, onBatch);
      } finally {
        runner.forget(key);
      }
    },
    close: () => runner.cancel(),
  };
}
