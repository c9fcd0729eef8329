/**
 * Project files in several IPC messages (one message cannot carry more than ≈ 1 GiB; a 10M-row project is
 * ≈ 900 MB). A save session owns one temp file beside its target (atomic-write.ts): its id, 128 random bits
 * issued here, is the page's only way to write, and only into that temp file; finish = fsync, .bak, rename;
 * abort, a failed write, a wrong size or an idle timeout remove the temp file and leave the target as it was.
 * A read session holds the opened file (so a replaced file is read whole, old or new) and reads ranges.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import path from 'node:path';
import { MAX_MESSAGE_BYTES } from '../../shared/desktop-api';
import { openAtomic, siblingTemps, type AtomicWriteOptions, type AtomicWriter } from './atomic-write';

export interface ReadableFile {
  size: number;
  /** Up to `length` bytes at `offset` (fewer only at the end of the file). */
  read(offset: number, length: number): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface SessionDeps {
  openAtomic(file: string, options: AtomicWriteOptions): Promise<AtomicWriter>;
  openRead(file: string): Promise<ReadableFile>;
  /** Removes the temp files beside `tmp` that a crash of an earlier save of the same file left, except `keep`. */
  sweepTemp?(tmp: string, keep: ReadonlySet<string>): Promise<void>;
  /** A session untouched this long is aborted (the page crashed, reloaded or lost the id). */
  idleMs?: number;
  timers?: { set(fn: () => void, ms: number): unknown; clear(timer: unknown): void };
  newId?(): string;
}

/** At most this many sessions of each kind at once: a page cannot hold files open without bound. */
export const MAX_SESSIONS = 4;
export const IDLE_MS = 120_000;

export class SessionError extends Error {}

interface Session {
  timer: unknown;
  /** Calls on one session run one after the other, in order. */
  queue: Promise<unknown>;
}
interface WriteSession extends Session {
  file: string;
  writer: AtomicWriter;
  size: number;
  written: number;
}
interface ReadSession extends Session {
  file: ReadableFile;
}

const defaultTimers = {
  set: (fn: () => void, ms: number) => {
    const t = setTimeout(fn, ms);
    // An idle session must not keep the app (or a test run) alive.
    (t as { unref?: () => void }).unref?.();
    return t;
  },
  clear: (t: unknown) => clearTimeout(t as ReturnType<typeof setTimeout>),
};

export class ProjectSessions {
  private readonly writes = new Map<string, WriteSession>();
  private readonly reads = new Map<string, ReadSession>();
  private readonly timers;
  private readonly idleMs;

  constructor(private readonly deps: SessionDeps) {
    this.timers = deps.timers ?? defaultTimers;
    this.idleMs = deps.idleMs ?? IDLE_MS;
  }

  private newId(): string {
    return (this.deps.newId ?? (() => randomBytes(16).toString('hex')))();
  }

  /** Runs `op` after the session's earlier calls, restarting its idle timer; unknown ids are refused. */
  private run<S extends Session, T>(sessions: Map<string, S>, id: string, end: (id: string) => Promise<void>, op: (s: S) => Promise<T>): Promise<T> {
    const s = sessions.get(id);
    if (!s) return Promise.reject(new SessionError('unknown or ended session'));
    this.timers.clear(s.timer);
    s.timer = this.timers.set(() => void end(id).catch(() => undefined), this.idleMs);
    const next = s.queue.then(() => {
      if (sessions.get(id) !== s) throw new SessionError('unknown or ended session');
      return op(s);
    });
    s.queue = next.catch(() => undefined);
    return next;
  }

  private drop<S extends Session>(sessions: Map<string, S>, id: string): S | undefined {
    const s = sessions.get(id);
    if (!s) return undefined;
    this.timers.clear(s.timer);
    sessions.delete(id);
    return s;
  }

  private register<S extends Session>(sessions: Map<string, S>, s: Omit<S, 'timer' | 'queue'>, end: (id: string) => Promise<void>): string {
    const id = this.newId();
    sessions.set(id, { ...s, queue: Promise.resolve(), timer: this.timers.set(() => void end(id).catch(() => undefined), this.idleMs) } as S);
    return id;
  }

  async beginWrite(file: string, size: number, options: AtomicWriteOptions): Promise<string> {
    if (this.writes.size >= MAX_SESSIONS) throw new SessionError('too many saves at once');
    const writer = await this.deps.openAtomic(file, options);
    await this.deps.sweepTemp?.(writer.tmp, new Set([...this.writes.values()].map((s) => s.writer.tmp).concat(writer.tmp))).catch(() => undefined);
    return this.register<WriteSession>(this.writes, { file, writer, size, written: 0 }, (id) => this.abort(id));
  }

  /** The next pieces, in order; a failed write or more bytes than announced end the session (temp file removed). */
  append(id: string, parts: readonly Uint8Array[]): Promise<void> {
    return this.run(this.writes, id, (i) => this.abort(i), async (s) => {
      const bytes = parts.reduce((n, p) => n + p.byteLength, 0);
      if (bytes > MAX_MESSAGE_BYTES) throw new SessionError('message too large');
      try {
        if (s.written + bytes > s.size) throw new SessionError(`more than the ${s.size} bytes announced`);
        for (const p of parts) await s.writer.write(p);
        s.written += bytes;
      } catch (e) {
        await this.abortNow(id);
        throw e;
      }
    });
  }

  /** Commits the file (fsync, .bak, rename) once every announced byte is in; returns its path. */
  finish(id: string): Promise<string> {
    return this.run(this.writes, id, (i) => this.abort(i), async (s) => {
      try {
        if (s.written !== s.size) throw new SessionError(`${s.written} of ${s.size} bytes written`);
        await s.writer.commit();
      } catch (e) {
        await this.abortNow(id);
        throw e;
      }
      this.drop(this.writes, id);
      return s.file;
    });
  }

  private async abortNow(id: string): Promise<void> {
    await this.drop(this.writes, id)?.writer.abort();
  }

  /** Ends a save without touching its target; unknown (or already ended) ids are ignored. */
  async abort(id: string): Promise<void> {
    const s = this.writes.get(id);
    if (!s) return;
    // After a write in progress, never in the middle of it.
    await s.queue;
    await this.abortNow(id);
  }

  async beginRead(path: string): Promise<{ id: string; size: number }> {
    if (this.reads.size >= MAX_SESSIONS) throw new SessionError('too many files open at once');
    const file = await this.deps.openRead(path);
    return { id: this.register<ReadSession>(this.reads, { file }, (id) => this.close(id)), size: file.size };
  }

  read(id: string, offset: number, length: number): Promise<Uint8Array> {
    return this.run(this.reads, id, (i) => this.close(i), async (s) => {
      if (length > MAX_MESSAGE_BYTES) throw new SessionError('read too large');
      if (offset + length > s.file.size) throw new SessionError('read past the end of the file');
      return s.file.read(offset, length);
    });
  }

  async close(id: string): Promise<void> {
    const s = this.reads.get(id);
    if (!s) return;
    await s.queue;
    await this.drop(this.reads, id)?.file.close();
  }

  /** The page went away (crashed, reloaded, closed): every session ends, every temp file goes. */
  async endAll(): Promise<void> {
    await Promise.all([...[...this.writes.keys()].map((id) => this.abort(id)), ...[...this.reads.keys()].map((id) => this.close(id))]);
  }
}

/** A file opened for ranged reads (node:fs). */
async function openReadable(file: string): Promise<ReadableFile> {
  const handle = await fs.open(file, 'r');
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw new Error(`"${path.basename(file)}" is not a regular file`);
    const size = st.size;
    return {
      size,
      async read(offset, length) {
        const out = new Uint8Array(length);
        let got = 0;
        while (got < length) {
          const { bytesRead } = await handle.read(out, got, length - got, offset + got);
          if (bytesRead === 0) break;
          got += bytesRead;
        }
        return got === length ? out : out.subarray(0, got);
      },
      close: () => handle.close(),
    };
  } catch (e) {
    await handle.close();
    throw e;
  }
}

async function sweepTemp(tmp: string, keep: ReadonlySet<string>): Promise<void> {
  const dir = path.dirname(tmp);
  const mine = siblingTemps(tmp);
  for (const name of await fs.readdir(dir)) {
    if (mine.test(name) && !keep.has(path.join(dir, name))) await fs.rm(path.join(dir, name), { force: true });
  }
}

/** The sessions over the real file system (index.ts). */
export const nodeSessionDeps = (): SessionDeps => ({ openAtomic: (file, options) => openAtomic(file, options), openRead: openReadable, sweepTemp });
