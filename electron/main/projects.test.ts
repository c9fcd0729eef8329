import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isProjectHandleId, MAX_RECENT_PROJECTS } from '../../shared/desktop-api';
import { writeFileAtomic } from './atomic-write';
import { parseRecentFile, ProjectRegistry, RECENT_FILE, type RegistryDeps } from './projects';

describe('ProjectRegistry (real files)', () => {
  let dir: string;
  let userData: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(tmpdir(), 'sgw-projects-'));
    userData = path.join(dir, 'userData');
    await fs.mkdir(userData);
  });
  afterEach(async () => fs.rm(dir, { recursive: true, force: true }));

  const deps = (extra: Partial<RegistryDeps> = {}): RegistryDeps => ({
    userDataDir: userData,
    fs: {
      readFile: (file) => fs.readFile(file),
      writeFileAtomic: (file, bytes) => writeFileAtomic(file, bytes),
      isFile: async (file) => (await fs.stat(file).catch(() => null))?.isFile() ?? false,
    },
    ...extra,
  });
  const project = async (name: string) => {
    const file = path.join(dir, name);
    await fs.writeFile(file, 'PK');
    return file;
  };
  const stored = async () => JSON.parse(await fs.readFile(path.join(userData, RECENT_FILE), 'utf8')) as { version: number; recent: string[] };

  it('starts empty, remembers newest first, persists and restores in a new session', async () => {
    const registry = await ProjectRegistry.load(deps());
    await expect(registry.recent()).resolves.toEqual([]);
    const a = await project('社区调查.sgwp');
    const b = await project('b.sgwp');
    const handleA = await registry.remember(a);
    await registry.remember(b);
    await registry.remember(a); // again: moves to the top, no duplicate
    expect(handleA).toEqual({ id: expect.any(String), name: '社区调查.sgwp', location: a });
    expect(isProjectHandleId(handleA.id)).toBe(true);
    expect(registry.pathFor(handleA.id)).toBe(a);
    expect((await registry.recent()).map((h) => h.location)).toEqual([a, b]);
    expect(await stored()).toEqual({ version: 1, recent: [a, b] });

    const next = await ProjectRegistry.load(deps());
    const restored = await next.recent();
    expect(restored.map((h) => h.name)).toEqual(['社区调查.sgwp', 'b.sgwp']);
    // Ids are per session: the old session's id means nothing now, the new one maps back to the file.
    expect(next.pathFor(handleA.id)).toBeUndefined();
    expect(next.pathFor(restored[0]!.id)).toBe(a);
    expect(restored[0]!.id).not.toBe(handleA.id);
  });

  it('keeps one id per file for the whole session', async () => {
    const registry = await ProjectRegistry.load(deps());
    const a = await project('a.sgwp');
    const first = await registry.remember(a);
    const again = await registry.remember(path.join(dir, '.', 'a.sgwp'));
    expect(again.id).toBe(first.id);
    expect((await registry.recent())[0]!.id).toBe(first.id);
    expect(registry.pathFor('0'.repeat(32))).toBeUndefined();
  });

  it('keeps at most 10, dropping the oldest', async () => {
    const registry = await ProjectRegistry.load(deps());
    const files: string[] = [];
    for (let i = 0; i < MAX_RECENT_PROJECTS + 3; i++) {
      files.push(await project(`p${i}.sgwp`));
      await registry.remember(files[i]!);
    }
    const recent = await registry.recent();
    expect(MAX_RECENT_PROJECTS).toBe(10);
    expect(recent.map((h) => h.name)).toEqual(files.slice(3).reverse().map((f) => path.basename(f)));
    expect((await stored()).recent).toHaveLength(10);
  });

  it('drops files that no longer exist, and says so', async () => {
    const registry = await ProjectRegistry.load(deps());
    const a = await project('a.sgwp');
    const b = await project('b.sgwp');
    await registry.remember(a);
    await registry.remember(b);
    const changed = vi.fn();
    registry.onChange(changed);
    await fs.rm(b);
    await fs.mkdir(path.join(dir, 'folder.sgwp'));
    await registry.remember(path.join(dir, 'folder.sgwp'));
    changed.mockClear();
    expect((await registry.recent()).map((h) => h.name)).toEqual(['a.sgwp']);
    expect((await stored()).recent).toEqual([a]);
    expect(changed).toHaveBeenCalledTimes(1);
    // Nothing else missing: no write, no change event.
    await registry.recent();
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('treats a corrupt or foreign file as an empty list', async () => {
    for (const text of ['{"recent": ["/a.sgwp"', 'null', '[1,2]', '{"recent": "x"}', '\u0000\u0001']) {
      await fs.writeFile(path.join(userData, RECENT_FILE), text);
      const registry = await ProjectRegistry.load(deps());
      await expect(registry.recent()).resolves.toEqual([]);
    }
    // And it recovers on the next remember.
    const registry = await ProjectRegistry.load(deps());
    const a = await project('a.sgwp');
    await registry.remember(a);
    expect((await stored()).recent).toEqual([a]);
  });

  it('ignores entries that are not absolute paths', () => {
    expect(parseRecentFile(JSON.stringify({ version: 1, recent: ['/ok/a.sgwp', 'relative.sgwp', 42, '', '/bad\u0000.sgwp'] }))).toEqual(['/ok/a.sgwp']);
  });

  it('clears the list and tells the OS', async () => {
    const os = { addRecentDocument: vi.fn(), clearRecentDocuments: vi.fn() };
    const registry = await ProjectRegistry.load(deps({ os }));
    const a = await project('a.sgwp');
    const handle = await registry.remember(a);
    expect(os.addRecentDocument).toHaveBeenCalledWith(a);
    const changed = vi.fn();
    registry.onChange(changed);
    await registry.clear();
    expect(os.clearRecentDocuments).toHaveBeenCalled();
    await expect(registry.recent()).resolves.toEqual([]);
    expect((await stored()).recent).toEqual([]);
    expect(changed).toHaveBeenCalledTimes(1);
    // The user picked that file this session: its handle stays usable (e.g. for Save).
    expect(registry.pathFor(handle.id)).toBe(a);
  });

  it('compares paths case-insensitively where the file system does', async () => {
    const registry = await ProjectRegistry.load(deps({ caseInsensitive: true, fs: { ...deps().fs, isFile: async () => true } }));
    const first = await registry.remember('/Users/u/Project.sgwp');
    const second = await registry.remember('/Users/u/project.SGWP');
    expect(second.id).toBe(first.id);
    expect(await registry.recent()).toHaveLength(1);
  });

  it('forgets a file', async () => {
    const registry = await ProjectRegistry.load(deps());
    const a = await project('a.sgwp');
    await registry.remember(a);
    await registry.forget(a);
    await expect(registry.recent()).resolves.toEqual([]);
  });

  it('still works when the list cannot be stored', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const failing = deps();
      failing.fs.writeFileAtomic = async () => {
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      };
      const registry = await ProjectRegistry.load(failing);
      const a = await project('a.sgwp');
      await expect(registry.remember(a)).resolves.toMatchObject({ name: 'a.sgwp' });
      expect((await registry.recent()).map((h) => h.location)).toEqual([a]);
      expect(warn).toHaveBeenCalled();
    } finally {
      warn.mockRestore();
    }
  });
});
