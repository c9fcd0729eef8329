import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { MAX_MESSAGE_BYTES, PayloadError } from '../../shared/desktop-api';
import { writeFileAtomic } from './atomic-write';
import { createIpcHandlers } from './ipc';
import { nodeSessionDeps, ProjectSessions } from './project-sessions';
import { ProjectRegistry } from './projects';
import { setup, trustedEvent } from '../../tests/fixtures/ipc';

// The project handlers of ipc-projects.ts (open + ranged reads, save sessions, recent handles); the other handlers are in ipc.test.ts.

type Handlers = Awaited<ReturnType<typeof setup>>['handlers'];
const e = trustedEvent();
const text = (s: string) => new TextEncoder().encode(s);

/** The whole save, as the page's transfer.ts makes it: begin, one append per message, finish. */
async function save(handlers: Handlers, messages: Uint8Array[][], req: { suggestedName: string; handleId?: string }) {
  const size = messages.flat().reduce((n, p) => n + p.length, 0);
  const session = await handlers.beginProjectSave(e, { ...req, size });
  if (!session) return { saved: false };
  for (const parts of messages) await handlers.appendProjectSave(e, { ...session, parts });
  return handlers.finishProjectSave(e, session);
}

describe('openProject', () => {
  const project = '/home/u/Documents/社区调查.sgwp';

  it('asks for a .sgwp file and opens a read session on it: a handle, not a path to use, and ranged reads', async () => {
    const { handlers, deps, projects } = await setup();
    deps.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [project] });
    const opened = await handlers.openProject(e, {});
    expect(deps.dialog.showOpenDialog).toHaveBeenCalledWith({
      title: '打开项目',
      filters: [{ name: '社会治理数据工作台项目', extensions: ['sgwp'] }],
      properties: ['openFile'],
    });
    expect(opened).toEqual({
      handle: { id: expect.stringMatching(/^[0-9a-f]{32}$/), name: '社区调查.sgwp', location: project },
      name: '社区调查.sgwp',
      size: 5,
      sessionId: expect.stringMatching(/^[0-9a-f]{32}$/),
    });
    const { sessionId } = opened!;
    expect(await handlers.readProject(e, { sessionId, offset: 0, length: 2 })).toEqual(new Uint8Array([0x50, 0x4b]));
    expect(await handlers.readProject(e, { sessionId, offset: 2, length: 3 })).toEqual(new Uint8Array([3, 4, 1]));
    await expect(handlers.readProject(e, { sessionId, offset: 3, length: 3 })).rejects.toThrow('desktop.readProject refused: read past the end of the file');
    await handlers.closeProject(e, { sessionId });
    await expect(handlers.readProject(e, { sessionId, offset: 0, length: 1 })).rejects.toThrow('desktop.readProject refused: unknown or ended session');
    expect(projects.pathFor(opened!.handle!.id)).toBe(project);
    expect((await handlers.recentProjects(e)).map((h) => h.location)).toEqual([project]);
  });

  it('refuses reads of more than one message, and session ids it never issued', async () => {
    const { handlers } = await setup();
    const bad: [unknown, RegExp][] = [
      [{ sessionId: 'ab'.repeat(16), offset: 0, length: MAX_MESSAGE_BYTES + 1 }, /length must be at most one message/],
      [{ sessionId: 'ab'.repeat(16), offset: -1, length: 1 }, /offset must be a byte position/],
      [{ sessionId: '../../etc/passwd', offset: 0, length: 1 }, /sessionId is not a session/],
      [{ sessionId: 'AB'.repeat(16), offset: 0, length: 1 }, /sessionId is not a session/],
    ];
    for (const [payload, message] of bad) {
      const err = await handlers.readProject(e, payload).catch((x: unknown) => x);
      expect(err).toBeInstanceOf(PayloadError);
      expect((err as Error).message).toMatch(message);
    }
    await expect(handlers.readProject(e, { sessionId: 'ab'.repeat(16), offset: 0, length: 1 })).rejects.toThrow('desktop.readProject refused: unknown or ended session');
  });

  it('titles its dialogs in the page language', async () => {
    const { handlers, deps } = await setup();
    deps.lang.mockReturnValue('en');
    deps.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [project] });
    await handlers.openProject(e, {});
    expect(deps.dialog.showOpenDialog).toHaveBeenCalledWith(expect.objectContaining({ title: 'Open project', filters: [{ name: 'Social Governance Data Workbench projects', extensions: ['sgwp'] }] }));
    deps.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await handlers.beginProjectSave(e, { suggestedName: 'a.sgwp', size: 1 });
    expect(deps.dialog.showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ title: 'Save project as' }));
  });

  it('resolves null on cancel, opening nothing', async () => {
    const { handlers, deps, sessions } = await setup();
    const beginRead = vi.spyOn(sessions, 'beginRead');
    deps.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await expect(handlers.openProject(e, {})).resolves.toBeNull();
    expect(beginRead).not.toHaveBeenCalled();
    await expect(handlers.recentProjects(e)).resolves.toEqual([]);
  });

  it('re-opens a recent project by its handle without a dialog', async () => {
    const { handlers, deps, projects, sessions } = await setup();
    const beginRead = vi.spyOn(sessions, 'beginRead');
    const { id } = await projects.remember(project);
    const opened = await handlers.openProject(e, { handleId: id });
    expect(opened?.handle?.id).toBe(id);
    expect(deps.dialog.showOpenDialog).not.toHaveBeenCalled();
    expect(beginRead).toHaveBeenCalledExactlyOnceWith(project);
  });

  it('refuses unknown, forged and malformed handles before touching any file', async () => {
    const { handlers, deps, sessions } = await setup();
    const beginRead = vi.spyOn(sessions, 'beginRead');
    await expect(handlers.openProject(e, { handleId: 'ab'.repeat(16) })).rejects.toThrow('desktop.openProject refused: unknown project handle');
    for (const handleId of ['/etc/passwd', '../x.sgwp', 'AB'.repeat(16), 'a'.repeat(33), 42]) {
      const err = await handlers.openProject(e, { handleId }).catch((x: unknown) => x);
      expect(err).toBeInstanceOf(PayloadError);
      expect((err as Error).message).toMatch(/desktop\.openProject: invalid request: handleId is not a project handle/);
    }
    await expect(handlers.openProject(e, null)).rejects.toThrow(/request must be an object/);
    expect(beginRead).not.toHaveBeenCalled();
    expect(deps.dialog.showOpenDialog).not.toHaveBeenCalled();
  });

  it('explains a recent project that is gone and drops it from the list', async () => {
    const { handlers, projects, files } = await setup();
    const { id } = await projects.remember(project);
    files.delete(project);
    await expect(handlers.openProject(e, { handleId: id })).rejects.toThrow(/"社区调查\.sgwp" no longer exists/);
    await expect(handlers.recentProjects(e)).resolves.toEqual([]);
  });
});

describe('project save sessions', () => {
  // A project file comes in pieces (shared/project/zip-store.ts), in messages (shared/project/transfer.ts).
  const messages = [[new Uint8Array([0x50, 0x4b]), new Uint8Array([3])], [new Uint8Array([4, 2])]];

  it('Save As: asks where, with the project filter, writes the messages in order, and returns a handle', async () => {
    const { handlers, deps, projects, files, sessions } = await setup();
    const beginWrite = vi.spyOn(sessions, 'beginWrite');
    deps.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/home/u/Documents/调查.sgwp' });
    const result = await save(handlers, messages, { suggestedName: '社区调查.sgwp' });
    expect(deps.dialog.showSaveDialog).toHaveBeenCalledWith({
      title: '项目另存为',
      defaultPath: '/home/u/Documents/社区调查.sgwp',
      filters: [{ name: '社会治理数据工作台项目', extensions: ['sgwp'] }],
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    });
    expect(beginWrite).toHaveBeenCalledExactlyOnceWith('/home/u/Documents/调查.sgwp', 5, { keepBackup: true });
    expect(files.get('/home/u/Documents/调查.sgwp')).toEqual(new Uint8Array([0x50, 0x4b, 3, 4, 2]));
    expect(result).toEqual({ saved: true, handle: { id: expect.any(String), name: '调查.sgwp', location: '/home/u/Documents/调查.sgwp' } });
    expect(projects.pathFor(result.handle!.id)).toBe('/home/u/Documents/调查.sgwp');
  });

  it('Save with a handle: writes to that file, no dialog', async () => {
    const { handlers, deps, projects, files } = await setup();
    const { id } = await projects.remember('/home/u/Documents/社区调查.sgwp');
    const result = await save(handlers, messages, { suggestedName: 'whatever.sgwp', handleId: id });
    expect(deps.dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(files.get('/home/u/Documents/社区调查.sgwp')).toEqual(new Uint8Array([0x50, 0x4b, 3, 4, 2]));
    expect(result).toEqual({ saved: true, handle: { id, name: '社区调查.sgwp', location: '/home/u/Documents/社区调查.sgwp' } });
  });

  it('on a real disk: Save As, change, Save keeps the previous version as .bak, and the file reads back in ranges', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sgw-ipc-'));
    try {
      const target = path.join(dir, '社区调查.sgwp');
      const projects = await ProjectRegistry.load({
        userDataDir: dir,
        fs: { readFile: (f) => readFile(f), writeFileAtomic: (f, b) => writeFileAtomic(f, b), isFile: async (f) => (await stat(f).catch(() => null))?.isFile() ?? false },
      });
      const { deps: base } = await setup();
      const showSaveDialog = vi.fn(async () => ({ canceled: false, filePath: target }));
      const handlers = createIpcHandlers({ ...base, dialog: { ...base.dialog, showSaveDialog }, projects, sessions: new ProjectSessions(nodeSessionDeps()) });
      const first = await save(handlers, [[text('v')], [text('1')]], { suggestedName: 'a.sgwp' });
      await save(handlers, [[text('v2')]], { suggestedName: 'a.sgwp', handleId: first.handle!.id });
      expect(showSaveDialog).toHaveBeenCalledTimes(1);
      expect(await readFile(target, 'utf8')).toBe('v2');
      expect(await readFile(`${target}.bak`, 'utf8')).toBe('v1');
      expect((await readdir(dir)).sort()).toEqual(['recent-projects.json', '社区调查.sgwp', '社区调查.sgwp.bak']);
      const reopened = (await handlers.openProject(e, { handleId: first.handle!.id }))!;
      expect(reopened.size).toBe(2);
      expect(new TextDecoder().decode(await handlers.readProject(e, { sessionId: reopened.sessionId, offset: 1, length: 1 }))).toBe('2');
      await handlers.closeProject(e, { sessionId: reopened.sessionId });
      expect(JSON.parse(await readFile(path.join(dir, 'recent-projects.json'), 'utf8'))).toEqual({ version: 1, recent: [target] });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('gives a name typed without extension the .sgwp extension', async () => {
    const { handlers, deps } = await setup();
    deps.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/home/u/Documents/调查' });
    const result = await save(handlers, messages, { suggestedName: 'a.sgwp' });
    expect(result.handle?.location).toBe('/home/u/Documents/调查.sgwp');
  });

  it('a cancelled dialog begins no session and writes nothing', async () => {
    const { handlers, deps, temps } = await setup();
    deps.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await expect(handlers.beginProjectSave(e, { suggestedName: 'a.sgwp', size: 5 })).resolves.toBeNull();
    expect(temps.size).toBe(0);
  });

  it('refuses unknown or forged handles and bad payloads without writing or asking', async () => {
    const { handlers, deps, temps } = await setup();
    await expect(handlers.beginProjectSave(e, { suggestedName: 'a.sgwp', size: 1, handleId: 'cd'.repeat(16) })).rejects.toThrow('desktop.beginProjectSave refused: unknown project handle');
    const sessionId = 'ab'.repeat(16);
    const bad: [keyof Handlers, unknown, RegExp][] = [
      ['beginProjectSave', { suggestedName: 'a.sgwp', size: 1, handleId: '/home/u/.bashrc' }, /handleId is not a project handle/],
      ['beginProjectSave', { suggestedName: '../../a.sgwp', size: 1 }, /suggestedName must be a plain file name/],
      ['beginProjectSave', { suggestedName: 'a.sgwp', size: 2 ** 32 }, /size must be a byte count below 4 GiB/],
      ['beginProjectSave', { suggestedName: 'a.sgwp', size: 1.5 }, /size must be a byte count/],
      ['appendProjectSave', { sessionId, parts: 'PK' }, /parts must be a list of Uint8Array/],
      ['appendProjectSave', { sessionId, parts: [new Uint8Array(1), [80, 75]] }, /parts must be a list of Uint8Array/],
      // Views of one buffer: more than one message in total, without allocating it.
      ['appendProjectSave', { sessionId, parts: Array.from({ length: 2 }, () => new Uint8Array(MAX_MESSAGE_BYTES / 2 + 1)) }, /message too large/],
      ['appendProjectSave', { sessionId: '../../home/u/.bashrc', parts: [] }, /sessionId is not a session/],
      ['finishProjectSave', { sessionId: 'x'.repeat(32) }, /sessionId is not a session/],
      ['abortProjectSave', 'x', /request must be an object/],
    ];
    for (const [method, payload, message] of bad) {
      const err = await (handlers[method] as (ev: unknown, raw: unknown) => Promise<unknown>)(e, payload).catch((x: unknown) => x);
      expect(err, method).toBeInstanceOf(PayloadError);
      expect((err as Error).message).toMatch(message);
    }
    expect(deps.dialog.showSaveDialog).not.toHaveBeenCalled();
    expect(temps.size).toBe(0);
  });

  it('a session id is the only way to the temp file: ids it never issued are refused, a path in the payload is ignored', async () => {
    const { handlers, files, projects } = await setup();
    const { id } = await projects.remember('/home/u/Documents/社区调查.sgwp');
    const before = new Map(files);
    const session = (await handlers.beginProjectSave(e, { suggestedName: 'a.sgwp', size: 2, handleId: id }))!;
    await expect(handlers.appendProjectSave(e, { sessionId: 'ef'.repeat(16), parts: [text('x')] })).rejects.toThrow('desktop.appendProjectSave refused: unknown or ended session');
    await expect(handlers.finishProjectSave(e, { sessionId: 'ef'.repeat(16) })).rejects.toThrow('desktop.finishProjectSave refused: unknown or ended session');
    await handlers.appendProjectSave(e, { ...session, parts: [text('ok')], file: '/home/u/.bashrc', location: '/etc/passwd' });
    await handlers.finishProjectSave(e, session);
    expect([...files.keys()].sort()).toEqual([...before.keys()].sort());
    expect(files.get('/home/u/Documents/社区调查.sgwp')).toEqual(text('ok'));
    // Finished: the id is spent.
    await expect(handlers.appendProjectSave(e, { ...session, parts: [text('x')] })).rejects.toThrow(/refused: unknown or ended session/);
  });

  it('refuses more bytes than announced and a finish short of them, leaving the file as it was', async () => {
    const { handlers, files, projects, temps } = await setup();
    const target = '/home/u/Documents/社区调查.sgwp';
    const original = files.get(target);
    const { id } = await projects.remember(target);
    const over = (await handlers.beginProjectSave(e, { suggestedName: 'a.sgwp', size: 2, handleId: id }))!;
    await expect(handlers.appendProjectSave(e, { ...over, parts: [text('abc')] })).rejects.toThrow('desktop.appendProjectSave refused: more than the 2 bytes announced');
    await expect(handlers.finishProjectSave(e, over)).rejects.toThrow(/unknown or ended session/);
    const short = (await handlers.beginProjectSave(e, { suggestedName: 'a.sgwp', size: 3, handleId: id }))!;
    await handlers.appendProjectSave(e, { ...short, parts: [text('ab')] });
    await expect(handlers.finishProjectSave(e, short)).rejects.toThrow('desktop.finishProjectSave refused: 2 of 3 bytes written');
    expect(files.get(target)).toBe(original);
    expect(temps.size).toBe(0);
  });

  it('abort ends the session and leaves the file as it was; an unknown id is ignored', async () => {
    const { handlers, files, projects, temps } = await setup();
    const target = '/home/u/Documents/社区调查.sgwp';
    const original = files.get(target);
    const { id } = await projects.remember(target);
    const session = (await handlers.beginProjectSave(e, { suggestedName: 'a.sgwp', size: 4, handleId: id }))!;
    await handlers.appendProjectSave(e, { ...session, parts: [text('ab')] });
    expect(temps.size).toBe(1);
    await handlers.abortProjectSave(e, session);
    await handlers.abortProjectSave(e, session);
    expect(temps.size).toBe(0);
    expect(files.get(target)).toBe(original);
    await expect(handlers.appendProjectSave(e, { ...session, parts: [text('cd')] })).rejects.toThrow(/unknown or ended session/);
  });

  it('propagates write failures and does not list the file', async () => {
    const { handlers, deps, sessions } = await setup();
    vi.spyOn(sessions, 'beginWrite').mockRejectedValueOnce(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }));
    deps.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/root/a.sgwp' });
    await expect(handlers.beginProjectSave(e, { suggestedName: 'a.sgwp', size: 1 })).rejects.toThrow(/EACCES/);
    await expect(handlers.recentProjects(e)).resolves.toEqual([]);
  });
});
