/**
 * Project Open / Save / Save As / Recent as the page drives them. Electron cannot run here, so the second
 * suite puts a stand-in `window.desktop` (same DesktopApi, an in-memory disk, dialogs that answer from a
 * queue) in front of the real app: it proves the page's side of the contract (handles, menu commands).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { unpackProject } from '../../shared/project/archive';
import { launchBrowser, openApp, runSql, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function createTable(page: Page, name: string) {
  await runSql(page, `CREATE TABLE ${name} AS SELECT * FROM (VALUES ('和平里', 120), ('望京', 143)) t(社区, 人数)`);
  await page.getByRole('list', { name: '数据表' }).getByText(name, { exact: true }).first().waitFor();
}

describe('project menu in the browser', () => {
  it('offers 项目另存为… (a download, like Ctrl+Shift+S) and no recent list', async () => {
    const { page } = await openApp(browser);
    await page.getByRole('button', { name: '项目' }).click();
    const menu = page.getByRole('menu', { name: '项目' });
    await expect(menu.getByRole('menuitem').allTextContents()).resolves.toEqual([
      '新建项目',
      '打开项目…Ctrl+O',
      '保存项目Ctrl+S',
      '项目另存为…Ctrl+Shift+S',
    ]);
    await expect(menu.getByRole('group', { name: '最近项目' }).count()).resolves.toBe(0);
    await page.keyboard.press('Escape');
    const download = page.waitForEvent('download');
    await page.keyboard.press('ControlOrMeta+Shift+s');
    expect((await download).suggestedFilename()).toMatch(/\.sgwp$/);
    await page.context().close();
  });
});

/** Runs in the page before the app: a DesktopApi whose "disk" and "dialogs" the test controls. */
function installFakeDesktop() {
  type Handle = { id: string; name: string; location: string };
  const disk = new Map<string, Uint8Array>();
  const ids = new Map<string, string>();
  const recent: string[] = [];
  const calls: { method: string; handleId?: string; dialog: boolean }[] = [];
  /** Every session message, in order (begin, append…, finish; read…, close). */
  const log: string[] = [];
  const reads = new Map<string, Uint8Array>();
  const saves = new Map<string, { location: string; size: number; parts: Uint8Array[] }>();
  const newId = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
  const nextPaths: string[] = [];
  let listener: ((cmd: unknown) => void) | undefined;
  const handle = (location: string): Handle => {
    let id = [...ids].find(([, p]) => p === location)?.[0];
    if (!id) {
      id = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
      ids.set(id, location);
    }
    return { id, name: location.split('/').pop()!, location };
  };
  const remember = (location: string) => {
    recent.splice(0, recent.length, location, ...recent.filter((p) => p !== location));
    return handle(location);
  };
  const known = (id: string) => {
    const p = ids.get(id);
    if (!p) throw new Error('desktop.beginProjectSave refused: unknown project handle');
    return p;
  };
  const test = { disk, calls, log, nextPaths, menu: (cmd: unknown) => listener?.(cmd) };
  Object.assign(window, {
    __desktopTest: test,
    desktop: {
      getAppInfo: async () => ({ shell: 'electron', version: '0.1.0', platform: 'linux' }),
      openFiles: async () => [],
      saveFile: async () => ({ saved: false }),
      openExternal: async () => undefined,
      openProject: async ({ handleId }: { handleId?: string }) => {
        calls.push({ method: 'openProject', handleId, dialog: !handleId });
        const location = handleId ? known(handleId) : nextPaths.shift();
        if (!location) return null;
        const sessionId = newId();
        reads.set(sessionId, disk.get(location)!);
        return { handle: remember(location), name: location.split('/').pop(), size: disk.get(location)!.length, sessionId };
      },
      readProject: async ({ sessionId, offset, length }: { sessionId: string; offset: number; length: number }) => {
        log.push('read');
        return reads.get(sessionId)!.slice(offset, offset + length);
      },
      closeProject: async ({ sessionId }: { sessionId: string }) => {
        log.push('close');
        reads.delete(sessionId);
      },
      // The save session, as main runs it: the file lands on the disk only when finished.
      beginProjectSave: async ({ handleId, size }: { handleId?: string; size: number }) => {
        calls.push({ method: 'beginProjectSave', handleId, dialog: !handleId });
        const location = handleId ? known(handleId) : nextPaths.shift();
        if (!location) return null;
        const sessionId = newId();
        log.push('begin');
        saves.set(sessionId, { location, size, parts: [] });
        return { sessionId };
      },
      appendProjectSave: async ({ sessionId, parts }: { sessionId: string; parts: Uint8Array[] }) => {
        log.push('append');
        saves.get(sessionId)!.parts.push(...parts.map((p) => p.slice()));
      },
      finishProjectSave: async ({ sessionId }: { sessionId: string }) => {
        log.push('finish');
        const { location, size, parts } = saves.get(sessionId)!;
        saves.delete(sessionId);
        const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
        parts.reduce((at, p) => (bytes.set(p, at), at + p.length), 0);
        if (bytes.length !== size) throw new Error(`${bytes.length} of ${size} bytes written`);
        disk.set(location, bytes);
        return { saved: true, handle: remember(location) };
      },
      abortProjectSave: async ({ sessionId }: { sessionId: string }) => {
        log.push('abort');
        saves.delete(sessionId);
      },
      recentProjects: async () => recent.map(handle),
      setLanguage: async () => undefined,
      onMenuCommand: (fn: (cmd: unknown) => void) => {
        listener = fn;
        return () => (listener = undefined);
      },
    },
  });
}

type FakeTest = { disk: Map<string, Uint8Array>; calls: { method: string; handleId?: string; dialog: boolean }[]; log: string[]; nextPaths: string[]; menu(cmd: unknown): void };
declare global {
  interface Window {
    __desktopTest: FakeTest;
  }
}

describe('project menu with a desktop shell (stand-in bridge)', () => {
  it('Save asks once then writes to the same file; Save As asks again; a recent project reopens and keeps its file', async () => {
    const { page, pageErrors } = await openApp(browser);
    await page.context().addInitScript(installFakeDesktop);
    await page.reload();
    await page.getByTestId('app-info').filter({ hasText: 'v0.1.0' }).waitFor();
    await page.getByTestId('engine-status').filter({ hasText: '数据库已就绪' }).waitFor({ timeout: 60_000 });
    page.on('dialog', (d) => void d.accept());

    const menu = (cmd: unknown) => page.evaluate((c) => window.__desktopTest.menu(c), cmd);
    const dialogs = () => page.evaluate(() => window.__desktopTest.calls.filter((c) => c.dialog).length);
    const tablesOn = async (location: string) => {
      const bytes = await page.evaluate((l) => Array.from(window.__desktopTest.disk.get(l) ?? []), location);
      return unpackProject(new Uint8Array(bytes)).manifest.tables.map((t) => t.name);
    };
    const projectName = page.getByTestId('project-name');

    await createTable(page, '社区调查');
    await page.evaluate(() => window.__desktopTest.nextPaths.push('/docs/调查.sgwp', '/docs/副本.sgwp'));
    await menu({ command: 'save' });
    await projectName.filter({ hasText: /^调查$/ }).waitFor();
    expect(await dialogs()).toBe(1);
    expect(await tablesOn('/docs/调查.sgwp')).toEqual(['社区调查']);

    // Save again after a change: the same file, no dialog.
    await createTable(page, '第二表');
    await menu({ command: 'save' });
    await expect.poll(() => tablesOn('/docs/调查.sgwp')).toEqual(['社区调查', '第二表']);
    expect(await dialogs()).toBe(1);
    const calls = await page.evaluate(() => window.__desktopTest.calls);
    expect(calls.at(-1)).toEqual({ method: 'beginProjectSave', handleId: expect.stringMatching(/^[0-9a-f]{32}$/), dialog: false });
    // Each save is one session: begin, the file's messages, finish.
    expect((await page.evaluate(() => window.__desktopTest.log)).join(' ')).toMatch(/^begin (append )+finish begin (append )+finish$/);

    // Save As always asks, and from then on Save writes to the new file.
    await menu({ command: 'saveAs' });
    await projectName.filter({ hasText: /^副本$/ }).waitFor();
    expect(await dialogs()).toBe(2);

    await menu({ command: 'new' });
    await projectName.filter({ hasText: '未命名项目' }).waitFor();
    await page.getByRole('list', { name: '数据表' }).getByText('社区调查', { exact: true }).waitFor({ state: 'detached' });

    await page.getByRole('button', { name: '项目' }).click();
    const recent = page.getByRole('menu', { name: '项目' }).getByRole('group', { name: '最近项目' });
    await expect.poll(() => recent.getByRole('menuitem').allTextContents()).toEqual(['副本.sgwp', '调查.sgwp']);
    await screenshot(page, 'project-recent-menu');
    await recent.getByRole('menuitem', { name: '调查.sgwp' }).click();
    await projectName.filter({ hasText: /^调查$/ }).waitFor();
    await page.getByRole('list', { name: '数据表' }).getByText('第二表', { exact: true }).first().waitFor();
    expect((await page.evaluate(() => window.__desktopTest.calls)).at(-1)).toMatchObject({ method: 'openProject', dialog: false });
    // Read in ranges, then the read session closed.
    expect((await page.evaluate(() => window.__desktopTest.log)).join(' ')).toMatch(/ (read )+close$/);

    // The reopened project saves back to its own file without asking.
    await runSql(page, 'DROP TABLE 第二表');
    await menu({ command: 'save' });
    await expect.poll(() => tablesOn('/docs/调查.sgwp')).toEqual(['社区调查']);
    expect(await dialogs()).toBe(2);

    // A cancelled open (no path queued) changes nothing.
    await menu({ command: 'open' });
    await expect.poll(dialogs).toBe(3);
    await expect(projectName.textContent()).resolves.toMatch(/^调查/);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
