import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { translator } from '../../../shared/i18n';
import { describeImportError } from '../../../shared/import/messages';
import { ImportError } from '../../../shared/import/types';
import type { ImportRequest, ImportResponse } from '../../../shared/import/runner';
import { CancelledError, ImportClient } from './import-client';

/** Stands in for the browser's Worker: records requests, lets the test answer. */
class FakeWorker {
  static all: FakeWorker[] = [];
  sent: ImportRequest[] = [];
  terminated = false;
  onmessage: ((ev: { data: ImportResponse }) => void) | null = null;
  onerror: ((ev: { message: string }) => void) | null = null;
  constructor(
    readonly url: URL,
    readonly opts: { type: string },
  ) {
    FakeWorker.all.push(this);
  }
  postMessage(m: ImportRequest) {
    this.sent.push(m);
  }
  reply(m: ImportResponse) {
    this.onmessage?.({ data: m });
  }
  terminate() {
    this.terminated = true;
  }
}

const g = globalThis as unknown as { Worker?: unknown };
beforeEach(() => {
  FakeWorker.all = [];
  g.Worker = FakeWorker;
});
afterEach(() => {
  delete g.Worker;
});

describe('ImportClient', () => {
  it('starts a module worker lazily, sends loaded files, and answers by request id with progress', async () => {
    const client = new ImportClient();
    client.load('f1', new Uint8Array([1]));
    expect(FakeWorker.all).toHaveLength(0);
    const progress: number[] = [];
    const p = client.analyze('f1', 'a.csv', { encoding: 'gbk' }, (f) => progress.push(f));
    const w = FakeWorker.all[0];
    expect(w.opts).toEqual({ type: 'module' });
    expect(w.url.pathname).toMatch(/workers\/import-worker\.ts$/);
    expect(w.sent.map((m) => m.type)).toEqual(['load', 'analyze']);
    const id = (w.sent[1] as { id: number }).id;
    w.reply({ id, type: 'progress', fraction: 0.5 });
    w.reply({ id, type: 'analyzed', source: { fileName: 'a.csv', format: 'csv' }, tables: [] });
    await expect(p).resolves.toMatchObject({ source: { fileName: 'a.csv' }, tables: [] });
    expect(progress).toEqual([0.5]);
  });

  it('turns worker errors back into ImportError', async () => {
    const client = new ImportClient();
    client.load('f1', new Uint8Array([1]));
    const p = client.build('f1', 'a.csv', {});
    const w = FakeWorker.all[0];
    w.reply({ id: (w.sent[1] as { id: number }).id, type: 'error', error: { key: 'import.err.binary', params: {} } });
    await expect(p).rejects.toBeInstanceOf(ImportError);
  });

  it('cancels by terminating the worker; the next request starts a fresh one with the files', async () => {
    const client = new ImportClient();
    client.load('f1', new Uint8Array([1]));
    const p = client.analyze('f1', 'a.csv', {});
    client.cancel();
    await expect(p).rejects.toBeInstanceOf(CancelledError);
    expect(FakeWorker.all[0].terminated).toBe(true);
    void client.analyze('f1', 'a.csv', {}).catch(() => undefined);
    expect(FakeWorker.all[1].sent.map((m) => m.type)).toEqual(['load', 'analyze']);
    client.forget('f1');
    expect(FakeWorker.all[1].sent.at(-1)).toEqual({ type: 'forget', fileKey: 'f1' });
    client.cancel();
  });

  it('a parse past its deadline stops the worker and is refused in words; the next request gets a fresh worker', async () => {
    vi.useFakeTimers();
    try {
      const client = new ImportClient((bytes) => 1000 + bytes);
      client.load('f1', new Uint8Array(500));
      const p = client.analyze('f1', 'a.ods', {});
      const caught = p.catch((e: unknown) => e);
      vi.advanceTimersByTime(1499);
      expect(FakeWorker.all[0].terminated).toBe(false);
      vi.advanceTimersByTime(1);
      const e = await caught;
      expect(e).toBeInstanceOf(ImportError);
      expect(describeImportError(e, translator('zh-CN'))).toBe('文件无法在限定时间内读取（2 秒），已停止读取。文件可能已损坏；工作区没有改变。');
      expect(FakeWorker.all[0].terminated).toBe(true);
      // An answer in time clears its timer: nothing is stopped later.
      const q = client.analyze('f1', 'a.ods', {});
      const w = FakeWorker.all[1];
      w.reply({ id: (w.sent[1] as { id: number }).id, type: 'analyzed', source: { fileName: 'a.ods', format: 'xlsx' }, tables: [] });
      await q;
      vi.advanceTimersByTime(10_000);
      expect(w.terminated).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a worker that fails refuses what it was doing in words', async () => {
    const client = new ImportClient();
    client.load('f1', new Uint8Array([1]));
    const p = client.analyze('f1', 'a.csv', {});
    FakeWorker.all[0].onerror?.({ message: 'Uncaught RangeError: Invalid array length' });
    const e = await p.catch((x: unknown) => x);
    expect(describeImportError(e, translator('en'))).toBe('The parser failed on this file and was stopped; the file may be damaged. The workspace is unchanged.');
    expect(FakeWorker.all[0].terminated).toBe(true);
  });
});
