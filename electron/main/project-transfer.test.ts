import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DesktopApi } from '../../shared/desktop-api';
import { translator } from '../../shared/i18n';
import { describeProjectError } from '../../shared/project/errors';
import { receiveProject, sendProject } from '../../shared/project/transfer';
import { openProject, saveProject } from '../../shared/project/workspace';
import { joinParts } from '../../shared/project/zip-store';
import { sampleState } from '../../tests/fixtures/projects/sample-workspace';
import { twoEngines, workspaceSnapshot } from '../../tests/fixtures/projects/project-support';
import { setup, trustedEvent } from '../../tests/fixtures/ipc';
import { createIpcHandlers } from './ipc';
import { nodeSessionDeps, ProjectSessions } from './project-sessions';

// A real project from the real engine, saved and reopened through main's sessions on a real disk, in
// messages of LIMIT bytes: the 1 GiB case in miniature (the project is many messages long).
const LIMIT = 1024;

describe('a project through the shell in messages', () => {
  const engines = twoEngines();
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(tmpdir(), 'sgw-transfer-'));
  });
  afterEach(async () => fs.rm(dir, { recursive: true, force: true }));

  /** The page's DesktopApi as the preload makes it, straight onto main's handlers (every message recorded). */
  async function shell() {
    const target = path.join(dir, '社区调查.sgwp');
    const { deps } = await setup();
    deps.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    deps.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [target] });
    const h = createIpcHandlers({ ...deps, sessions: new ProjectSessions(nodeSessionDeps()) });
    const e = trustedEvent();
    const messages: { method: string; bytes: number }[] = [];
    const desktop = {
      beginProjectSave: (req) => h.beginProjectSave(e, req),
      appendProjectSave: (req) => (messages.push({ method: 'append', bytes: req.parts.reduce((n, p) => n + p.length, 0) }), h.appendProjectSave(e, req)),
      finishProjectSave: (req) => h.finishProjectSave(e, req),
      abortProjectSave: vi.fn((req) => h.abortProjectSave(e, req)),
      openProject: (req) => h.openProject(e, req),
      readProject: async (req) => (messages.push({ method: 'read', bytes: req.length }), h.readProject(e, req)),
      closeProject: vi.fn((req) => h.closeProject(e, req)),
    } satisfies Partial<DesktopApi>;
    return { desktop, messages, target };
  }

  it('saves and reopens a project many messages long: every message within the limit, the tables identical', async () => {
    const { desktop, messages, target } = await shell();
    const parts = await saveProject(engines.db, sampleState());
    const file = joinParts(parts);
    expect(file.length).toBeGreaterThan(5 * LIMIT);

    await expect(sendProject(desktop, parts, { suggestedName: '社区调查.sgwp' }, LIMIT)).resolves.toMatchObject({ saved: true, handle: { location: target } });
    const appends = messages.filter((m) => m.method === 'append');
    expect(appends.length).toBe(Math.ceil(file.length / LIMIT));
    expect(appends.every((m) => m.bytes <= LIMIT)).toBe(true);
    expect(new Uint8Array(await fs.readFile(target))).toEqual(file);
    expect(await fs.readdir(dir)).toEqual(['社区调查.sgwp']);

    const opened = (await desktop.openProject({}))!;
    const bytes = await receiveProject(desktop, opened, LIMIT);
    const reads = messages.filter((m) => m.method === 'read');
    expect(reads.length).toBe(Math.ceil(file.length / LIMIT));
    expect(reads.every((m) => m.bytes <= LIMIT)).toBe(true);
    expect(desktop.closeProject).toHaveBeenCalledExactlyOnceWith({ sessionId: opened.sessionId });
    expect(bytes).toEqual(file);
    await openProject(engines.other, bytes, { replace: [], protect: [] });
    expect((await workspaceSnapshot(engines.other)).tables).toEqual((await workspaceSnapshot(engines.db)).tables);
  });

  it('a failed 3rd message aborts the session: the file on disk as it was, no temp file', async () => {
    const { desktop, target } = await shell();
    await fs.writeFile(target, 'the previous save');
    let appends = 0;
    const failing = {
      ...desktop,
      appendProjectSave: async (req: Parameters<DesktopApi['appendProjectSave']>[0]) => {
        if (++appends === 3) throw new Error('desktop.appendProjectSave: the page ran out of memory');
        return desktop.appendProjectSave(req);
      },
    };
    await expect(sendProject(failing, await saveProject(engines.db, sampleState()), { suggestedName: 'a.sgwp' }, LIMIT)).rejects.toThrow(/ran out of memory/);
    expect(desktop.abortProjectSave).toHaveBeenCalledTimes(1);
    expect(await fs.readFile(target, 'utf8')).toBe('the previous save');
    expect(await fs.readdir(dir)).toEqual(['社区调查.sgwp']);
  });

  it('a cancelled Save As sends nothing', async () => {
    const { desktop, messages } = await shell();
    const cancelled = { ...desktop, beginProjectSave: async () => null };
    await expect(sendProject(cancelled, await saveProject(engines.db, sampleState()), { suggestedName: 'a.sgwp' }, LIMIT)).resolves.toEqual({ saved: false });
    expect(messages).toEqual([]);
  });
});

describe('receiveProject refusals', () => {
  const readApi = (read: DesktopApi['readProject']) => ({ readProject: vi.fn(read), closeProject: vi.fn(async () => undefined) });

  it('refuses a file bigger than a project may be before reading a byte, in words, and closes the session', async () => {
    const api = readApi(async () => new Uint8Array());
    const err = await receiveProject(api, { handle: null, name: '大.sgwp', size: 3 * 1024 ** 3 + 1, sessionId: 'a'.repeat(32) }).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'ProjectError', code: 'file-too-large', params: { size: 3073, limit: 3072 } });
    expect(describeProjectError(err, translator('zh-CN'))).toBe('项目文件有 3073 MB，超过能打开的 3072 MB 上限（数据库引擎所能容纳的数据量）');
    expect(describeProjectError(err, translator('en'))).toMatch(/3073 MB, over the 3072 MB/);
    expect(api.readProject).not.toHaveBeenCalled();
    expect(api.closeProject).toHaveBeenCalledTimes(1);
  });

  it('refuses a file that came back shorter than it was (changed under the read)', async () => {
    const api = readApi(async ({ length }) => new Uint8Array(Math.max(0, length - 1)));
    await expect(receiveProject(api, { handle: null, name: 'a.sgwp', size: 10, sessionId: 'a'.repeat(32) }, 4)).rejects.toMatchObject({ code: 'damaged' });
    expect(api.readProject).toHaveBeenCalledTimes(1);
    expect(api.closeProject).toHaveBeenCalledTimes(1);
  });
});
