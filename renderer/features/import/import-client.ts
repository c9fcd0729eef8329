/** The import screen's handle on its Web Worker: the shared runner (deadline, cancel, progress) over a browser Worker. */
import { ImportRunner, type WorkerEvents, type WorkerHandle } from '../../../shared/import/runner';
import { ImportError } from '../../../shared/import/types';

export { CancelledError } from '../../../shared/import/runner';

function openWebWorker(events: WorkerEvents): WorkerHandle {
  const w = new Worker(new URL('../../workers/import-worker.ts', import.meta.url), { type: 'module' });
  w.onmessage = (ev) => events.message(ev.data);
  // Our server answers every request, errors included: an error event means the worker itself failed
  // (it could not load, or the reader broke it); it is stopped and the request refused.
  w.onerror = () => {
    w.terminate();
    events.died(new ImportError('import.err.crashed'));
  };
  return { post: (m) => w.postMessage(m), terminate: () => w.terminate() };
}

export class ImportClient extends ImportRunner {
  constructor(deadlineMs?: (byteLength: number) => number) {
    super(openWebWorker, deadlineMs);
  }
}
