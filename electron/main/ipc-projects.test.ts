import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { MAX_IPC_FILE_BYTES, PayloadError } from '../../shared/desktop-api';
import { writeFileAtomic } from './atomic-write';
import { createIpcHandlers } from './ipc';
import { ProjectRegistry } from './projects';
import { setup, trustedEvent } from '../../tests/fixtures/ipc';

// The project handlers of ipc.ts (open, Save / Save As, recent handles); the other handlers are in ipc.test.ts.

describe('openProject', () => {
  const project = '/home/u/Documents/社区调查.sgwp';

  it('asks for a .sgwp file, reads it and hands back a handle, not a path to use', async () => {
    const { handlers, deps, projects } = await setup();
    deps.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [project] });
    const opened = await handlers.openProject(trustedEvent(), {});
    expect(deps.dialog.showOpenDialog).toHaveBeenCalledWith({
      title: '打开项目',
      filters: [{ name: '社会治理数据工作台项目', extensions: ['sgwp'] }],
      properties: ['openFile'],
    });
    expect(opened).toEqual({ handle: { id: expect.stringMatching(/^[0-9a-f]{32}$/), name: '社区调查.sgwp', location: project }, name: '社区调查.sgwp', bytes: new Uint8Array([0x50, 0x4b, 3, 4, 1]) });
    expect(projects.pathFor(opened!.handle!.id)).toBe(project);
    expect((await handlers.recentProjects(trustedEvent())).map((h) => h.location)).toEqual([project]);
  });

  it('titles its dialogs in the page language', async () => {
    const { handlers, deps } = await setup();
    deps.lang.mockReturnValue('en');
    deps.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [project] });
    await handlers.openProject(trustedEvent(), {});
    expect(deps.dialog.showOpenDialog).toHaveBeenCalledWith(expect.objectContaining({ title: 'Open project', filters: [{ name: 'Social Governance Data Workbench projects', extensions: ['sgwp'] }] }));
    deps.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await handlers.saveProject(trustedEvent(), { parts: [new Uint8Array([1])], suggestedName: 'a.sgwp' });
    expect(deps.dialog.showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ title: 'Save project as' }));
  });

  it('resolves null on cancel, reading nothing', async () => {
    const { handlers, deps } = await setup();
    deps.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await expect(handlers.openProject(trustedEvent(), {})).resolves.toBeNull();
    expect(deps.fs.stat).not.toHaveBeenCalled();
    await expect(handlers.recentProjects(trustedEvent())).resolves.toEqual([]);
  });

  it('re-opens a recent project by its handle without a dialog', async () => {
    const { handlers, deps, projects } = await setup();
    const { id } = await projects.remember(project);
    const opened = await handlers.openProject(trustedEvent(), { handleId: id });
    expect(opened?.handle?.id).toBe(id);
    expect(deps.dialog.showOpenDialog).not.toHaveBeenCalled();
    expect(deps.fs.readFile).toHaveBeenCalledWith(project);
  });

  it('refuses unknown, forged and malformed handles before touching any file', async () => {
    const { handlers, deps } = await setup();
    await expect(handlers.openProject(trustedEvent(), { handleId: 'ab'.repeat(16) })).rejects.toThrow('desktop.openProject refused: unknown project handle');
    for (const handleId of ['/etc/passwd', '../x.sgwp', 'AB'.repeat(16), 'a'.repeat(33), 42]) {
      const err = await handlers.openProject(trustedEvent(), { handleId }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PayloadError);
      expect((err as Error).message).toMatch(/desktop\.openProject: invalid request: handleId is not a project handle/);
    }
    await expect(handlers.openProject(trustedEvent(), null)).rejects.toThrow(/request must be an object/);
    expect(deps.fs.stat).not.toHaveBeenCalled();
    expect(deps.fs.readFile).not.toHaveBeenCalled();
    expect(deps.dialog.showOpenDialog).not.toHaveBeenCalled();
  });

  it('checks the size before reading', async () => {
    const { handlers, deps } = await setup();
    deps.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [project] });
    deps.fs.stat.mockImplementation(async () => ({ size: MAX_IPC_FILE_BYTES + 1, isFile: () => true }));
    await expect(handlers.openProject(trustedEvent(), {})).rejects.toThrow(/"社区调查\.sgwp" is 1025 MB/);
    expect(deps.fs.readFile).not.toHaveBeenCalled();
  });

  it('explains a recent project that is gone and drops it from the list', async () => {
    const { handlers, deps, projects, files } = await setup();
    const { id } = await projects.remember(project);
    files.delete(project);
    deps.fs.stat.mockRejectedValueOnce(Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' }));
    await expect(handlers.openProject(trustedEvent(), { handleId: id })).rejects.toThrow(/"社区调查\.sgwp" no longer exists/);
    await expect(handlers.recentProjects(trustedEvent())).resolves.toEqual([]);
  });
});

describe('saveProject', () => {
  // A project file comes in pieces (shared/project/zip-store.ts): handed to the atomic writer as they are.
  const parts = [new Uint8Array([0x50, 0x4b]), new Uint8Array([3, 4, 2])];

  it('Save As: asks where, with the project filter, writes atomically keeping a .bak, and returns a handle', async () => {
    const { handlers, deps, projects } = await setup();
    deps.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/home/u/Documents/调查.sgwp' });
    const result = await handlers.saveProject(trustedEvent(), { parts, suggestedName: '社区调查.sgwp' });
    expect(deps.dialog.showSaveDialog).toHaveBeenCalledWith({
      title: '项目另存为',
      defaultPath: '/home/u/Documents/社区调查.sgwp',
      filters: [{ name: '社会治理数据工作台项目', extensions: ['sgwp'] }],
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    });
    expect(deps.fs.writeFileAtomic).toHaveBeenCalledExactlyOnceWith('/home/u/Documents/调查.sgwp', parts, { keepBackup: true });
    expect(result).toEqual({ saved: true, handle: { id: expect.any(String), name: '调查.sgwp', location: '/home/u/Documents/调查.sgwp' } });
    expect(projects.pathFor(result.handle!.id)).toBe('/home/u/Documents/调查.sgwp');
  });

  it('Save with a handle: writes to that file with a .bak, no dialog', async () => {
    const { handlers, deps, projects } = await setup();
    const { id } = await projects.remember('/home/u/Documents/社区调查.sgwp');
    const result = await handlers.saveProject(trustedEvent(), { parts, suggestedName: 'whatever.sgwp', handleId: id });
    expect(deps.dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(deps.fs.writeFileAtomic).toHaveBeenCalledExactlyOnceWith('/home/u/Documents/社区调查.sgwp', parts, { keepBackup: true });
    expect(result).toEqual({ saved: true, handle: { id, name: '社区调查.sgwp', location: '/home/u/Documents/社区调查.sgwp' } });
  });

  it('on a real disk: Save As, change, Save keeps the previous version as .bak', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sgw-ipc-'));
    try {
      const target = path.join(dir, '社区调查.sgwp');
      const projects = await ProjectRegistry.load({
        userDataDir: dir,
        fs: { readFile: (f) => readFile(f), writeFileAtomic: (f, b) => writeFileAtomic(f, b), isFile: async (f) => (await stat(f).catch(() => null))?.isFile() ?? false },
      });
      const { deps: base } = await setup();
      const showSaveDialog = vi.fn(async () => ({ canceled: false, filePath: target }));
      const handlers = createIpcHandlers({ ...base, dialog: { ...base.dialog, showSaveDialog }, fs: { stat, readFile, writeFileAtomic }, projects });
      const first = await handlers.saveProject(trustedEvent(), { parts: [new TextEncoder().encode('v'), new TextEncoder().encode('1')], suggestedName: 'a.sgwp' });
      await handlers.saveProject(trustedEvent(), { parts: [new TextEncoder().encode('v2')], suggestedName: 'a.sgwp', handleId: first.handle!.id });
      expect(showSaveDialog).toHaveBeenCalledTimes(1);
      expect(await readFile(target, 'utf8')).toBe('v2');
      expect(await readFile(`${target}.bak`, 'utf8')).toBe('v1');
      const reopened = await handlers.openProject(trustedEvent(), { handleId: first.handle!.id });
      expect(new TextDecoder().decode(reopened!.bytes)).toBe('v2');
      expect(JSON.parse(await readFile(path.join(dir, 'recent-projects.json'), 'utf8'))).toEqual({ version: 1, recent: [target] });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('gives a name typed without extension the .sgwp extension', async () => {
    const { handlers, deps } = await setup();
    deps.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/home/u/Documents/调查' });
    const result = await handlers.saveProject(trustedEvent(), { parts, suggestedName: 'a.sgwp' });
    expect(result.handle?.location).toBe('/home/u/Documents/调查.sgwp');
  });

  it('reports a cancelled dialog without writing', async () => {
    const { handlers, deps } = await setup();
    deps.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await expect(handlers.saveProject(trustedEvent(), { parts, suggestedName: 'a.sgwp' })).resolves.toEqual({ saved: false });
    expect(deps.fs.writeFileAtomic).not.toHaveBeenCalled();
  });

  it('refuses unknown or forged handles and bad payloads without writing or asking', async () => {
    const { handlers, deps } = await setup();
    await expect(handlers.saveProject(trustedEvent(), { parts, suggestedName: 'a.sgwp', handleId: 'cd'.repeat(16) })).rejects.toThrow(
      'desktop.saveProject refused: unknown project handle',
    );
    const bad: [unknown, RegExp][] = [
      [{ parts, suggestedName: 'a.sgwp', handleId: '/home/u/.bashrc' }, /handleId is not a project handle/],
      [{ parts, suggestedName: '../../a.sgwp' }, /suggestedName must be a plain file name/],
      [{ parts: 'PK', suggestedName: 'a.sgwp' }, /parts must be a list of Uint8Array/],
      [{ parts: [new Uint8Array(1), [80, 75]], suggestedName: 'a.sgwp' }, /parts must be a list of Uint8Array/],
      [{ bytes: new Uint8Array(1), suggestedName: 'a.sgwp' }, /parts must be a list of Uint8Array/],
      // Views of one 64 MiB buffer: more than the limit in total, without allocating it.
      [{ parts: Array.from({ length: 17 }, () => new Uint8Array(new ArrayBuffer(64 * 2 ** 20))).map((p, i, all) => all[0] ?? p), suggestedName: 'a.sgwp' }, /file too large/],
      ['x', /request must be an object/],
    ];
    for (const [payload, message] of bad) {
      const err = await handlers.saveProject(trustedEvent(), payload).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PayloadError);
      expect((err as Error).message).toMatch(message);
    }
    expect(deps.dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(deps.fs.writeFileAtomic).not.toHaveBeenCalled();
  });

  it('propagates write failures and does not list the file', async () => {
    const { handlers, deps } = await setup();
    deps.fs.writeFileAtomic.mockRejectedValueOnce(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }));
    await expect(handlers.saveProject(trustedEvent(), { parts, suggestedName: 'a.sgwp' })).rejects.toThrow(/EACCES/);
    await expect(handlers.recentProjects(trustedEvent())).resolves.toEqual([]);
  });
});
