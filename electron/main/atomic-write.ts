/**
 * Crash-safe file replacement: the target holds either its old bytes or all the new bytes, never a
 * torn mix. Temp file in the same folder (so rename stays on one file system), fsync, rename.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import * as nodeFs from 'node:fs/promises';
import path from 'node:path';

export interface AtomicWriteOptions {
  /** Copy the file being replaced to `<name>.bak` first. */
  keepBackup?: boolean;
}

interface FileHandleLike {
  writeFile(data: Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The slice of node:fs/promises used here; injectable so tests can fail a write midway. */
export interface AtomicFs {
  open(file: string, flags: string, mode?: number): Promise<FileHandleLike>;
  stat(file: string): Promise<{ mode: number }>;
  realpath(file: string): Promise<string>;
  copyFile(from: string, to: string, mode?: number): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rm(file: string, opts: { force: boolean }): Promise<void>;
}

const defaultFs: AtomicFs = nodeFs;

function code(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | null)?.code;
}

async function ignoreMissing<T>(p: Promise<T>): Promise<T | undefined> {
  try {
    return await p;
  } catch (err) {
    if (code(err) === 'ENOENT') return undefined;
    throw err;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Windows refuses a rename while a virus scanner or indexer briefly holds the file: retry a little. */
async function renameWithRetry(fs: AtomicFs, from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fs.rename(from, to);
    } catch (err) {
      const transient = ['EPERM', 'EACCES', 'EBUSY'].includes(code(err) ?? '');
      if (process.platform !== 'win32' || !transient || attempt >= 4) throw err;
      await sleep(50 * (attempt + 1));
    }
  }
}

/** Makes the rename itself durable; directories cannot be opened on Windows, where this is a no-op. */
async function syncDir(fs: AtomicFs, dir: string): Promise<void> {
  let handle: FileHandleLike | undefined;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch {
    /* best effort */
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * A replacement under way: pieces go to a temp file beside the target (so rename stays on one file system);
 * commit = fsync, optional `.bak`, rename; abort (or a failed commit) removes the temp file, leaving the
 * target as it was. A project save session (project-sessions.ts) holds one across several IPC messages.
 */
export interface AtomicWriter {
  /** The temp file being written (tests, and the stale-file sweep, recognise it by its name). */
  readonly tmp: string;
  write(part: Uint8Array): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^$|()[\]{}\\]/g, '\\$&');

/** Temp files are `.<name>.<12 hex>.tmp` beside the target: the names of every temp file of `tmp`'s target. */
export function siblingTemps(tmp: string): RegExp {
  const stem = path.basename(tmp).replace(/\.[0-9a-f]{12}\.tmp$/, '');
  return new RegExp(`^${escapeRegExp(stem)}\\.[0-9a-f]{12}\\.tmp$`);
}

export async function openAtomic(target: string, options: AtomicWriteOptions = {}, fs: AtomicFs = defaultFs): Promise<AtomicWriter> {
  // Write through a symlink to the file it points at, rather than replacing the link.
  const file = (await ignoreMissing(fs.realpath(target))) ?? path.resolve(target);
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  const previous = await ignoreMissing(fs.stat(file));
  let handle: FileHandleLike | undefined = await fs.open(tmp, 'wx', previous ? previous.mode & 0o777 : 0o666);
  let done = false;
  const abort = async () => {
    done = true;
    await handle?.close().catch(() => undefined);
    handle = undefined;
    await fs.rm(tmp, { force: true }).catch(() => undefined);
  };
  const step = async <T>(run: () => Promise<T>): Promise<T> => {
    if (done) throw new Error('the file write has already ended');
    try {
      return await run();
    } catch (err) {
      await abort();
      throw err;
    }
  };
  return {
    tmp,
    // writeFile on an open handle continues at its position: the pieces follow one another.
    write: (part) => step(() => handle!.writeFile(part)),
    commit: () =>
      step(async () => {
        await handle!.sync();
        await handle!.close();
        handle = undefined;
        if (options.keepBackup && previous) await fs.copyFile(file, `${file}.bak`, constants.COPYFILE_FICLONE);
        await renameWithRetry(fs, tmp, file);
        done = true;
        await syncDir(fs, dir);
      }),
    abort: () => (done ? Promise.resolve() : abort()),
  };
}

/** `data`: the bytes, whole or in pieces written one after the other (a project's zip: see shared/project/zip-store.ts). */
export async function writeFileAtomic(
  target: string,
  data: Uint8Array | readonly Uint8Array[],
  options: AtomicWriteOptions = {},
  fs: AtomicFs = defaultFs,
): Promise<void> {
  const writer = await openAtomic(target, options, fs);
  for (const part of data instanceof Uint8Array ? [data] : data) await writer.write(part);
  await writer.commit();
}
