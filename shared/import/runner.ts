/**
 * The import pipeline run in a worker with a deadline, the same way in the app (a Web Worker,
 * renderer/workers/import-worker.ts) and in `sgw import` (worker_threads, electron/cli/import-runner.ts).
 * Third-party readers (SheetJS, apache-arrow, hyparquet) can loop or exhaust memory on a damaged file; a
 * worker can be stopped whatever it is doing, so no file can hang or crash the app. Each side only supplies
 * how to start a worker (OpenWorker); requests, ids, progress, cancel and the deadline live here.
 */
import { blobPieces, memorySource, skipSource, type FileBlob } from './byte-source';
import type { CsvPlan } from './csv-engine';
import type { StagedPlan } from './csv-stage';
import type { TablePreview } from './pipeline';
import { ImportError, type ImportMessageKey, type ImportOptions, type SourceInfo } from './types';

/**
 * A file as the caller holds it: its bytes (`sgw import`), or in the app the picked File itself — posted as a
 * handle, read in the worker by windows (renderer/workers/blob-source.ts), never copied whole into the page.
 */
export type LoadedFile = Uint8Array | FileBlob;

const sizeOf = (f: LoadedFile | undefined) => (f === undefined ? 0 : f instanceof Uint8Array ? f.byteLength : f.size);

export type ImportRequest =
  | { type: 'load'; fileKey: string; file: LoadedFile }
  | { type: 'forget'; fileKey: string }
  | { type: 'analyze'; id: number; fileKey: string; fileName: string; options: ImportOptions }
  /**
   * `engine`: a big plain CSV may come back as a plan for the engine's read_csv (./csv-engine) instead of Arrow.
   * `stream`: the table's rows come as 'batch' messages while it is built, each acknowledged ('ack') once taken.
   */
  | { type: 'build'; id: number; fileKey: string; fileName: string; options: ImportOptions; engine?: boolean; stream?: boolean }
  | { type: 'ack'; id: number };

export interface BuiltTable {
  preview: TablePreview;
  /** Complete Arrow IPC streams for Db.insertArrow. */
  ipc: Uint8Array[];
}

/**
 * A plan as the worker posts it: its UTF-8 bytes are the loaded file's own from byte `skip` (a UTF-8 file:
 * nothing is posted, the caller holds the file already — its bytes, or the File it reads the pieces from),
 * or the file decoded (transferred, not copied).
 */
export type PostedPlan = Omit<CsvPlan, 'utf8'> & { utf8: { skip: number } | Uint8Array };

/** What a streamed build answers once its last batch is sent: the table's preview, or a plan (reading the caller's copy of the file). */
export type Streamed = Extract<ImportResponse, { type: 'streamed' }> | { id: number; type: 'planned'; source: SourceInfo; preview: TablePreview; plan: StagedPlan };

/** Hears a big plain CSV's preview from its sample while its analysis goes on (the preview shown meanwhile). */
export type OnSample = (sampled: { source: SourceInfo; preview: TablePreview }) => void;

/** Takes one complete IPC stream of the table being built (the engine inserts it); the next waits for it. */
export type OnBatch = (ipc: Uint8Array) => Promise<void>;

export type WorkerError = { key: ImportMessageKey; params: Record<string, string | number> } | { message: string };

export type ImportResponse =
  | { id: number; type: 'progress'; fraction: number }
  /** A big plain CSV's preview from its sample, before the whole file is proven (the analysis goes on). */
  | { id: number; type: 'sampled'; source: SourceInfo; preview: TablePreview }
  /** `planned`: a big plain CSV the engine will read by its plan (a build with `engine` answers 'planned' at once). */
  | { id: number; type: 'analyzed'; source: SourceInfo; tables: TablePreview[]; planned?: boolean }
  | { id: number; type: 'built'; source: SourceInfo; tables: BuiltTable[] }
  /** One complete IPC stream of a streamed build's table (a Parquet row group), in order. */
  | { id: number; type: 'batch'; ipc: Uint8Array }
  /** A streamed build's end: every batch has been sent. */
  | { id: number; type: 'streamed'; source: SourceInfo; preview: TablePreview }
  /** A CSV for the engine's read_csv: commitCsvPlan (./commit) puts it into the database. */
  | { id: number; type: 'planned'; source: SourceInfo; preview: TablePreview; plan: PostedPlan }
  /** `restart`: the worker's reader broke (a wasm trap) and must not be used again. */
  | { id: number; type: 'error'; error: WorkerError; restart?: boolean };

const MB = 1024 * 1024;

/**
 * How long one parse may take: generous for real files (≈1 s per MB on this class of machine is many times
 * what the readers need), short enough that a reader stuck in a loop is noticed within half a minute.
 */
export function parseDeadlineMs(byteLength: number): number {
  return 20_000 + Math.ceil(byteLength / MB) * 1_000;
}

/** Heap a worker may use (Node only: browsers give workers no such switch): SheetJS needs ≈20× the file. */
export function parseMemoryMb(byteLength: number): number {
  return Math.min(16_384, Math.max(1_024, 512 + 24 * Math.ceil(byteLength / MB)));
}

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/** A started worker as the runner sees it. */
export interface WorkerHandle {
  post(m: ImportRequest): void;
  terminate(): void;
}

/** What a worker reports back: a message, or that it died (out of memory, crashed). */
export interface WorkerEvents {
  message(m: ImportResponse): void;
  died(error: ImportError): void;
}

export type OpenWorker = (events: WorkerEvents) => WorkerHandle;

interface Pending {
  resolve(r: ImportResponse): void;
  reject(e: unknown): void;
  onProgress?(fraction: number): void;
  onSample?: OnSample;
  onBatch?: OnBatch;
  /** The batches taken so far, one after the other; a streamed build's reply settles after the last. */
  batches: Promise<void>;
  timer: ReturnType<typeof setTimeout>;
}

/** The caller's side: request/response by id, progress callbacks, cancel, and a deadline per request. */
export class ImportRunner {
  private worker: WorkerHandle | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private loaded = new Map<string, LoadedFile>();

  constructor(
    private readonly open: OpenWorker,
    private readonly deadlineMs: (byteLength: number) => number = parseDeadlineMs,
  ) {}

  private ensure(): WorkerHandle {
    if (this.worker) return this.worker;
    const w = this.open({
      message: (m) => {
        const p = this.pending.get(m.id);
        if (!p) return;
        if (m.type === 'progress') p.onProgress?.(m.fraction);
        else if (m.type === 'sampled') p.onSample?.(m);
        else if (m.type === 'batch') this.take(m.id, p, m.ipc);
        // A reply follows the batches before it (an error too: the caller then drops what they made).
        else void p.batches.then(() => this.pending.get(m.id) === p && this.reply(w, p, m));
      },
      died: (error) => {
        if (this.worker === w) this.worker = null;
        this.failAll(error);
      },
    });
    // A fresh worker has none of the files: send them again.
    for (const [fileKey, file] of this.loaded) w.post({ type: 'load', fileKey, file });
    this.worker = w;
    return w;
  }

  private reply(w: WorkerHandle, p: Pending, m: Exclude<ImportResponse, { type: 'progress' | 'sampled' | 'batch' }>) {
    this.settle(m.id);
    if (m.type === 'error') p.reject('key' in m.error ? new ImportError(m.error.key, m.error.params) : new Error(m.error.message));
    else p.resolve(m);
    // The next request starts a fresh worker (and sends it the loaded files again); any other
    // request the broken one held is refused.
    if (m.type === 'error' && m.restart && this.worker === w) this.stop(new ImportError('import.err.crashed'));
  }

  /** A batch goes to the caller after the one before; its ack lets the worker send one more. A failed take stops the build. */
  private take(id: number, p: Pending, ipc: Uint8Array) {
    p.batches = p.batches.then(async () => {
      if (this.pending.get(id) !== p || !p.onBatch) return;
      try {
        await p.onBatch(ipc);
        this.worker?.post({ type: 'ack', id });
      } catch (e) {
        if (this.pending.get(id) === p) this.stop(e);
      }
    });
  }

  private settle(id: number) {
    const p = this.pending.get(id);
    if (p) clearTimeout(p.timer);
    this.pending.delete(id);
  }

  private failAll(e: unknown) {
    for (const [id, p] of [...this.pending]) {
      this.settle(id);
      p.reject(e);
    }
  }

  /** Stops the worker whatever it is doing; pending requests reject with `reason`. */
  private stop(reason: unknown) {
    this.worker?.terminate();
    this.worker = null;
    this.failAll(reason);
  }

  /**
   * Ends the worker when it is idle; the next request starts a fresh one and sends it the loaded files again.
   * Once a CSV plan is here the worker holds nothing the import needs, only the garbage of its byte scan: an
   * 80 MB file's 32 MB windows, buffers made by the platform (FileReaderSync) that no release frees (shared/db.ts
   * releaseBuffer), whose memory goes only at a full collection that an idle worker may not run for long.
   * Ending it lets them go at once, before the engine reads the file.
   */
  private retire() {
    if (this.pending.size > 0 || !this.worker) return;
    this.worker.terminate();
    this.worker = null;
  }

  load(fileKey: string, file: LoadedFile) {
    this.loaded.set(fileKey, file);
    this.worker?.post({ type: 'load', fileKey, file });
  }

  forget(fileKey: string) {
    this.loaded.delete(fileKey);
    this.worker?.post({ type: 'forget', fileKey });
  }

  private request(type: 'analyze' | 'build', fileKey: string, fileName: string, options: ImportOptions, onProgress?: (f: number) => void, engine = false, onBatch?: OnBatch, onSample?: OnSample) {
    const w = this.ensure();
    const id = this.nextId++;
    const ms = this.deadlineMs(sizeOf(this.loaded.get(fileKey)));
    return new Promise<ImportResponse>((resolve, reject) => {
      const timer = setTimeout(() => this.stop(new ImportError('import.err.timeout', { seconds: Math.round(ms / 1000) })), ms);
      this.pending.set(id, { resolve, reject, onProgress, onSample, onBatch, batches: Promise.resolve(), timer });
      w.post(type === 'build' ? { type, id, fileKey, fileName, options, engine, ...(onBatch ? { stream: true } : {}) } : { type, id, fileKey, fileName, options });
    });
  }

  /** `onSample`: a big plain CSV's preview from its sample, heard before the answer (which proves the whole file). */
  async analyze(fileKey: string, fileName: string, options: ImportOptions, onProgress?: (f: number) => void, onSample?: OnSample): Promise<{ source: SourceInfo; tables: TablePreview[]; planned?: boolean }> {
    const r = await this.request('analyze', fileKey, fileName, options, onProgress, false, undefined, onSample);
    if (r.type !== 'analyzed') throw new Error('unexpected worker reply');
    return r;
  }

  async build(fileKey: string, fileName: string, options: ImportOptions, onProgress?: (f: number) => void): Promise<{ source: SourceInfo; tables: BuiltTable[] }> {
    const r = await this.request('build', fileKey, fileName, options, onProgress);
    if (r.type !== 'built') throw new Error('unexpected worker reply');
    return r;
  }

  /**
   * A build whose table comes in batches while it is built (a Parquet file's row groups as they are read):
   * `onBatch` takes each in order, the worker stays at most a few batches ahead (each waits for its ack),
   * and the answer comes after the last was taken. `engine`: a big plain CSV may come back as a plan instead.
   */
  async buildStreamed(fileKey: string, fileName: string, options: ImportOptions, onBatch: OnBatch, onProgress?: (f: number) => void, engine = false): Promise<Streamed> {
    const r = await this.request('build', fileKey, fileName, options, onProgress, engine, onBatch);
    if (r.type === 'streamed') return r;
    if (r.type !== 'planned') throw new Error('unexpected worker reply');
    this.retire();
    const { utf8 } = r.plan;
    const file = this.loaded.get(fileKey);
    if (!(utf8 instanceof Uint8Array) && !file) throw new Error(`file ${fileName} is not loaded`);
    const own = utf8 instanceof Uint8Array ? memorySource(utf8) : file instanceof Uint8Array ? skipSource(memorySource(file), utf8.skip) : blobPieces(file!, utf8.skip);
    return { ...r, plan: { ...r.plan, utf8: own } };
  }

  /** Stops whatever the worker is doing; pending requests reject with CancelledError. */
  cancel() {
    this.stop(new CancelledError());
  }
}
