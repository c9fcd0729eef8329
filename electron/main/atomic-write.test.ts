import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic, type AtomicFs } from './atomic-write';

const text = (s: string) => new TextEncoder().encode(s);

const diskFull = () => Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });

/** The real file system, but writes to the temp file go through `write` (to fail them midway). */
function tempWrites(write: (handle: fs.FileHandle, data: Uint8Array) => Promise<void>): AtomicFs {
  return {
    ...fs,
    async open(file, flags, mode) {
      const handle = await fs.open(file, flags, mode);
      if (!file.endsWith('.tmp')) return handle;
      return { writeFile: (data: Uint8Array) => write(handle, data), sync: () => handle.sync(), close: () => handle.close() };
    },
  };
}

describe('writeFileAtomic', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(tmpdir(), 'sgw-atomic-'));
  });
  afterEach(async () => fs.rm(dir, { recursive: true, force: true }));

  const leftovers = async () => (await fs.readdir(dir)).filter((n) => n.endsWith('.tmp'));

  it('creates a new file', async () => {
    const target = path.join(dir, '人口.csv');
    await writeFileAtomic(target, text('年份,人口\n'));
    expect(await fs.readFile(target, 'utf8')).toBe('年份,人口\n');
    expect(await leftovers()).toEqual([]);
  });

  it('replaces an existing file, keeping its permissions, without a backup by default', async () => {
    const target = path.join(dir, 'out.csv');
    await fs.writeFile(target, 'old');
    await fs.chmod(target, 0o640);
    await writeFileAtomic(target, text('new'));
    expect(await fs.readFile(target, 'utf8')).toBe('new');
    if (process.platform !== 'win32') expect((await fs.stat(target)).mode & 0o777).toBe(0o640);
    expect(await fs.readdir(dir)).toEqual(['out.csv']);
  });

  it('keeps the previous version as <name>.bak when asked', async () => {
    const target = path.join(dir, 'project.json');
    await fs.writeFile(target, '{"v":1}');
    await writeFileAtomic(target, text('{"v":2}'), { keepBackup: true });
    expect(await fs.readFile(target, 'utf8')).toBe('{"v":2}');
    expect(await fs.readFile(`${target}.bak`, 'utf8')).toBe('{"v":1}');
    // No previous version: no backup.
    await writeFileAtomic(path.join(dir, 'fresh.json'), text('{}'), { keepBackup: true });
    expect(await fs.readdir(dir)).not.toContain('fresh.json.bak');
  });

  it('writes through a symlink instead of replacing it', async () => {
    if (process.platform === 'win32') return;
    const real = path.join(dir, 'real.csv');
    const link = path.join(dir, 'link.csv');
    await fs.writeFile(real, 'old');
    await fs.symlink(real, link);
    await writeFileAtomic(link, text('new'));
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect(await fs.readFile(real, 'utf8')).toBe('new');
  });

  it('leaves the original intact and no temp file when the write fails midway', async () => {
    const target = path.join(dir, 'data.csv');
    await fs.writeFile(target, 'original contents');
    // Half the bytes reach the disk, then the disk "fills up".
    const failingFs = tempWrites(async (handle, data) => {
      await handle.write(data.subarray(0, data.byteLength >> 1));
      throw diskFull();
    });
    await expect(writeFileAtomic(target, text('x'.repeat(10_000)), { keepBackup: true }, failingFs)).rejects.toThrow(/ENOSPC/);
    expect(await fs.readFile(target, 'utf8')).toBe('original contents');
    expect(await fs.readdir(dir)).toEqual(['data.csv']);
  });

  it('writes a file given in pieces as their join, in order (a project: shared/project/zip-store.ts)', async () => {
    const target = path.join(dir, '项目.sgwp');
    await fs.writeFile(target, 'old, and longer than the new file');
    await writeFileAtomic(target, [text('PK'), new Uint8Array(), text('社区'), text('调查')], { keepBackup: true });
    expect(await fs.readFile(target, 'utf8')).toBe('PK社区调查');
    expect(await fs.readFile(`${target}.bak`, 'utf8')).toBe('old, and longer than the new file');
  });

  it('leaves the original intact and no temp file when a later piece fails to write', async () => {
    const target = path.join(dir, 'data.sgwp');
    await fs.writeFile(target, 'original contents');
    let writes = 0;
    // The first two pieces reach the disk, then the disk "fills up".
    const failingFs = tempWrites(async (handle, data) => {
      if (++writes === 3) throw diskFull();
      await handle.writeFile(data);
    });
    await expect(writeFileAtomic(target, [text('a'), text('b'), text('c'), text('d')], { keepBackup: true }, failingFs)).rejects.toThrow(/ENOSPC/);
    expect(writes).toBe(3);
    expect(await fs.readFile(target, 'utf8')).toBe('original contents');
    expect(await fs.readdir(dir)).toEqual(['data.sgwp']);
  });

  it('cleans up when the final rename fails', async () => {
    const target = path.join(dir, 'data.csv');
    await fs.writeFile(target, 'original');
    const failingFs: AtomicFs = {
      ...fs,
      rename: async () => {
        throw Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
      },
    };
    await expect(writeFileAtomic(target, text('new'), {}, failingFs)).rejects.toThrow(/EXDEV/);
    expect(await fs.readFile(target, 'utf8')).toBe('original');
    expect(await leftovers()).toEqual([]);
  });

  it('fails clearly when the folder does not exist', async () => {
    await expect(writeFileAtomic(path.join(dir, 'missing', 'a.csv'), text('x'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await fs.readdir(dir)).toEqual([]);
  });
});
