/** The import screen's handle on its worker: request/response by id, progress callbacks, cancel. */
import type { TablePreview } from '../../../shared/import/pipeline';
import { ImportError, type ImportOptions, type SourceInfo } from '../../../shared/import/types';
import type { ImportRequest, ImportResponse } from '../../workers/import-protocol';

export type Built = Extract<ImportResponse, { type: 'built' | 'planned' }>;

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

interface Pending {
  resolve(r: ImportResponse): void;
  reject(e: unknown): void;
  onProgress?(fraction: number): void;
}

export class ImportClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();
  private loaded = new Map<string, Uint8Array>();

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(new URL('../../workers/import-worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (ev: MessageEvent<ImportResponse>) => {
      const m = ev.data;
      const p = this.pending.get(m.id);
      if (!p) return;
      if (m.type === 'progress') p.onProgress?.(m.fraction);
      else {
        this.pending.delete(m.id);
        if (m.type === 'error') p.reject('key' in m.error ? new ImportError(m.error.key, m.error.params) : new Error(m.error.message));
        else p.resolve(m);
      }
    };
    w.onerror = (ev) => this.failAll(new Error(ev.message || 'worker failed'));
    // A fresh worker has none of the files: send them again.
    for (const [fileKey, bytes] of this.loaded) w.postMessage({ type: 'load', fileKey, bytes } satisfies ImportRequest);
    this.worker = w;
    return w;
  }

  private failAll(e: unknown) {
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }

  load(fileKey: string, bytes: Uint8Array) {
    this.loaded.set(fileKey, bytes);
    this.worker?.postMessage({ type: 'load', fileKey, bytes } satisfies ImportRequest);
  }

  forget(fileKey: string) {
    this.loaded.delete(fileKey);
    this.worker?.postMessage({ type: 'forget', fileKey } satisfies ImportRequest);
  }

  private request(type: 'analyze' | 'build', fileKey: string, fileName: string, options: ImportOptions, onProgress?: (f: number) => void, engine?: boolean) {
    const w = this.ensure();
    const id = this.nextId++;
    return new Promise<ImportResponse>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      w.postMessage((type === 'build' ? { type, id, fileKey, fileName, options, engine } : { type, id, fileKey, fileName, options }) satisfies ImportRequest);
    });
  }

  async analyze(fileKey: string, fileName: string, options: ImportOptions, onProgress?: (f: number) => void): Promise<{ source: SourceInfo; tables: TablePreview[] }> {
    const r = await this.request('analyze', fileKey, fileName, options, onProgress);
    if (r.type !== 'analyzed') throw new Error('unexpected worker reply');
    return r;
  }

  /** Arrow streams, or (a big plain CSV, unless `engine` is false) a plan for the engine's read_csv. */
  async build(fileKey: string, fileName: string, options: ImportOptions, onProgress?: (f: number) => void, engine?: boolean): Promise<Built> {
    const r = await this.request('build', fileKey, fileName, options, onProgress, engine);
    if (r.type !== 'built' && r.type !== 'planned') throw new Error('unexpected worker reply');
    return r;
  }

  /** Stops whatever the worker is doing; pending requests reject with CancelledError. */
  cancel() {
    this.worker?.terminate();
    this.worker = null;
    this.failAll(new CancelledError());
  }
}
