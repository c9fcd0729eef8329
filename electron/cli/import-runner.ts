/**
 * The import runner on Node: the shared runner (shared/import/runner.ts) over a child process with a heap
 * cap sized to the file, so a reader that loops or runs away with memory is stopped and refused in words
 * instead of hanging or killing `sgw`. A child process rather than worker_threads: V8 aborts the whole
 * process on some runaway allocations ("Fatal JavaScript invalid size error", seen with SheetJS on a
 * damaged Lotus file), and a worker thread shares the process it would take down.
 */
import { fork } from 'node:child_process';
import { ImportRunner, parseMemoryMb, type WorkerEvents, type WorkerHandle } from '../../shared/import/runner';
import { ImportError } from '../../shared/import/types';
import { workerFile } from './worker-file';

function openNodeWorker(file: string, memoryMb: number, events: WorkerEvents): WorkerHandle {
  // 'advanced' serialization carries Uint8Array both ways; the child's stdout (SheetJS logs there) is dropped.
  const child = fork(file, [], { execArgv: [`--max-old-space-size=${memoryMb}`], serialization: 'advanced', stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  let stopped = false;
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4096)));
  child.on('message', (m) => events.message(m as never));
  const died = () => {
    if (stopped) return;
    stopped = true;
    events.died(/heap out of memory|Allocation failed/i.test(stderr) ? new ImportError('import.err.outOfMemory', { limit: memoryMb }) : new ImportError('import.err.crashed'));
  };
  child.on('error', died);
  // stderr is read to its end before 'close', so the out-of-memory report is in by then.
  child.on('close', died);
  return {
    post: (m) => void (child.connected && child.send(m)),
    terminate: () => {
      stopped = true;
      child.kill('SIGKILL');
    },
  };
}

export interface NodeRunner {
  runner: ImportRunner;
  /** Ends the parsing process. */
  close(): void;
}

/** A runner for one file of `byteLength` bytes (the heap cap is fixed when the worker starts). */
export async function nodeImportRunner(byteLength: number, deadlineMs?: (byteLength: number) => number, memoryMb = parseMemoryMb(byteLength)): Promise<NodeRunner> {
  const file = await workerFile('import-worker');
  const runner = new ImportRunner((events) => openNodeWorker(file, memoryMb, events), deadlineMs);
  return { runner, close: () => runner.cancel() };
}
