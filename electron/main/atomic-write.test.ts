import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic, type AtomicFs } from './atomic-write';

const text = (s: string) => new TextEncoder().encode(s);

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
    const failingFs: AtomicFs = {
      ...fs,
      async open(file, flags, mode) {
        const handle = await fs.open(file, flags, mode);
        if (!file.endsWith('.tmp')) return handle;
        return {
          // Half the bytes reach the disk, then the disk "fills up".
          async writeFile(data: Uint8Array) {
            await handle.write(data.subarray(0, data.byteLength >> 1));
            throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
    };
    await expect(writeFileAtomic(target, text('x'.repeat(10_000)), { keepBackup: true }, failingFs)).rejects.toThrow(/ENOSPC/);
    expect(await fs.readFile(target, 'utf8')).toBe('original contents');
    expect(await fs.readdir(dir)).toEqual(['data.csv']);
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
