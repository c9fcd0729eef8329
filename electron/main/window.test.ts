import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const created = vi.hoisted(() => ({ windows: [] as FakeWindow[], failLoad: false }));

interface FakeWindow extends EventEmitter {
  options: Record<string, unknown>;
  webContents: FakeContents;
  show: ReturnType<typeof vi.fn>;
  loadURL: ReturnType<typeof vi.fn>;
  isDestroyed(): boolean;
}

interface FakeContents extends EventEmitter {
  windowOpenHandler?: (details: { url: string }) => { action: string };
  setWindowOpenHandler(h: (details: { url: string }) => { action: string }): void;
  session: {
    requestHandler?: (wc: { getURL(): string }, permission: string, cb: (ok: boolean) => void, details: { requestingUrl?: string; isMainFrame: boolean }) => void;
    checkHandler?: (wc: unknown, permission: string, origin: string, details: { isMainFrame: boolean; embeddingOrigin?: string }) => boolean;
    setPermissionRequestHandler(h: FakeContents['session']['requestHandler']): void;
    setPermissionCheckHandler(h: FakeContents['session']['checkHandler']): void;
  };
}

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  class BrowserWindow extends EventEmitter {
    options: Record<string, unknown>;
    webContents: FakeContents;
    show = vi.fn();
    loadURL = vi.fn(async () => {
      if (created.failLoad) throw new Error('ERR_FILE_NOT_FOUND');
    });
    constructor(options: Record<string, unknown>) {
      super();
      this.options = options;
      const contents = new EventEmitter() as FakeContents;
      contents.setWindowOpenHandler = (h) => {
        contents.windowOpenHandler = h;
      };
      contents.session = {
        setPermissionRequestHandler(h) {
          this.requestHandler = h;
        },
        setPermissionCheckHandler(h) {
          this.checkHandler = h;
        },
      };
      this.webContents = contents;
      created.windows.push(this as unknown as FakeWindow);
    }
    isDestroyed() {
      return false;
    }
  }
  return { BrowserWindow, default: { BrowserWindow } };
});

const { createMainWindow, WINDOW_TITLE } = await import('./window');

function navigateEvent(url: string) {
  return { url, preventDefault: vi.fn() };
}

describe('createMainWindow', () => {
  let win: FakeWindow;
  let openExternal: ReturnType<typeof vi.fn<(url: string) => Promise<boolean>>>;

  beforeEach(() => {
    created.windows.length = 0;
    openExternal = vi.fn(async (_url: string) => true);
    createMainWindow({ preloadPath: '/app/dist/electron/preload.cjs', startUrl: 'app://bundle/', openExternal });
    win = created.windows[0]!;
  });

  it('uses the secure web preferences and the preload script', () => {
    expect(created.windows).toHaveLength(1);
    expect(win.options).toMatchObject({ title: WINDOW_TITLE, show: false });
    expect(WINDOW_TITLE).toBe('社会治理数据工作台');
    expect(win.options.minWidth).toBeGreaterThanOrEqual(800);
    expect(win.options.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('loads the app URL and shows the window only when ready', () => {
    expect(win.loadURL).toHaveBeenCalledWith('app://bundle/');
    expect(win.show).not.toHaveBeenCalled();
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalledTimes(1);
  });

  it('shows the window anyway when the page fails to load', async () => {
    created.failLoad = true;
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      createMainWindow({ preloadPath: '/p.cjs', startUrl: 'app://bundle/', openExternal });
      const failing = created.windows[1]!;
      await vi.waitFor(() => expect(failing.show).toHaveBeenCalled());
      expect(error).toHaveBeenCalled();
    } finally {
      created.failLoad = false;
      error.mockRestore();
    }
  });

  it('keeps navigation inside app://bundle and offers other links to the guarded opener', () => {
    const inside = navigateEvent('app://bundle/index.html#/charts');
    win.webContents.emit('will-navigate', inside);
    expect(inside.preventDefault).not.toHaveBeenCalled();

    const web = navigateEvent('https://www.stats.gov.cn/');
    win.webContents.emit('will-navigate', web);
    expect(web.preventDefault).toHaveBeenCalled();
    expect(openExternal).toHaveBeenCalledWith('https://www.stats.gov.cn/');

    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'app://other/']) {
      const ev = navigateEvent(url);
      win.webContents.emit('will-navigate', ev);
      expect(ev.preventDefault, url).toHaveBeenCalled();
    }
  });

  it('guards will-frame-navigate: any frame stays in the app; only a top-level link is offered outside', () => {
    const frame = (url: string, isMainFrame: boolean) => ({ url, isMainFrame, preventDefault: vi.fn() });
    const inside = frame('app://bundle/index.html', false);
    win.webContents.emit('will-frame-navigate', inside);
    expect(inside.preventDefault).not.toHaveBeenCalled();
    const sub = frame('https://evil.example/', false);
    win.webContents.emit('will-frame-navigate', sub);
    expect(sub.preventDefault).toHaveBeenCalled();
    expect(openExternal).not.toHaveBeenCalled();
    const top = frame('https://www.gov.cn/', true);
    win.webContents.emit('will-frame-navigate', top);
    expect(top.preventDefault).toHaveBeenCalled();
    expect(openExternal.mock.calls).toEqual([['https://www.gov.cn/']]);
    for (const url of ['file:///etc/passwd', 'app://other/x', 'data:text/html,hi']) {
      const ev = frame(url, true);
      win.webContents.emit('will-frame-navigate', ev);
      expect(ev.preventDefault, url).toHaveBeenCalled();
    }
  });

  it('blocks redirects away from the app', () => {
    const ev = navigateEvent('https://evil.example/');
    win.webContents.emit('will-redirect', ev);
    expect(ev.preventDefault).toHaveBeenCalled();
  });

  it('denies every window.open but the speaker window, offering outside links to the guarded opener', () => {
    const handler = win.webContents.windowOpenHandler!;
    expect(handler({ url: 'https://example.com/a?b=1' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'mailto:someone@example.com' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'file:///C:/Windows/system32/calc.exe' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'app://bundle/popup' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'app://bundle/other.html#speaker' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'https://example.com/#speaker' })).toEqual({ action: 'deny' });
    // The opener itself refuses all but http(s) after asking (external-links.test.ts); app URLs never reach it.
    expect(openExternal.mock.calls.map((c) => c[0])).toEqual(['https://example.com/a?b=1', 'mailto:someone@example.com', 'file:///C:/Windows/system32/calc.exe', 'https://example.com/#speaker']);
  });

  it('opens only the speaker window, hardened like the main one and without the preload', () => {
    const handler = win.webContents.windowOpenHandler! as (d: { url: string }) => { action: string; overrideBrowserWindowOptions?: { webPreferences: Record<string, unknown> } };
    const res = handler({ url: 'app://bundle/#speaker' });
    expect(res.action).toBe('allow');
    expect(res.overrideBrowserWindowOptions!.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(res.overrideBrowserWindowOptions!.webPreferences.preload).toBeUndefined();
    // The child's own window.open and navigation are guarded too.
    const child = { webContents: new EventEmitter() as FakeContents };
    child.webContents.setWindowOpenHandler = (h) => {
      child.webContents.windowOpenHandler = h;
    };
    win.webContents.emit('did-create-window', child);
    expect(child.webContents.windowOpenHandler!({ url: 'app://bundle/popup' })).toEqual({ action: 'deny' });
    const nav = navigateEvent('https://example.com/');
    child.webContents.emit('will-navigate', nav);
    expect(nav.preventDefault).toHaveBeenCalled();
  });

  it('refuses to attach webviews', () => {
    const ev = { preventDefault: vi.fn() };
    win.webContents.emit('will-attach-webview', ev, {}, {});
    expect(ev.preventDefault).toHaveBeenCalled();
  });

  it('grants only clipboard writes and fullscreen, and only to the app page in its top frame', () => {
    const { requestHandler, checkHandler } = win.webContents.session;
    const app = { getURL: () => 'app://bundle/' };
    const ask = (permission: string, requestingUrl = 'app://bundle/index.html', isMainFrame = true, contents = app) => {
      let granted: boolean | undefined;
      requestHandler!(contents, permission, (ok) => (granted = ok), { requestingUrl, isMainFrame });
      return granted;
    };
    expect(ask('clipboard-sanitized-write')).toBe(true);
    expect(ask('fullscreen')).toBe(true);
    expect(ask('fullscreen', 'app://bundle/#speaker')).toBe(true);
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'unknown']) expect(ask(p), p).toBe(false);
    expect(ask('fullscreen', 'https://evil.example/')).toBe(false);
    expect(ask('fullscreen', 'file:///index.html')).toBe(false);
    expect(ask('fullscreen', 'app://other/')).toBe(false);
    expect(ask('fullscreen', 'app://bundle/', false)).toBe(false);
    expect(ask('clipboard-sanitized-write', 'app://bundle/', true, { getURL: () => 'https://evil.example/' })).toBe(false);
    let noUrl: boolean | undefined;
    requestHandler!(app, 'fullscreen', (ok) => (noUrl = ok), { isMainFrame: true });
    expect(noUrl).toBe(false);

    expect(checkHandler!(null, 'clipboard-sanitized-write', 'app://bundle', { isMainFrame: true })).toBe(true);
    expect(checkHandler!(null, 'fullscreen', 'app://bundle/', { isMainFrame: true, embeddingOrigin: 'app://bundle' })).toBe(true);
    expect(checkHandler!(null, 'media', 'app://bundle', { isMainFrame: true })).toBe(false);
    expect(checkHandler!(null, 'clipboard-sanitized-write', 'https://evil.example', { isMainFrame: true })).toBe(false);
    expect(checkHandler!(null, 'clipboard-sanitized-write', 'app://bundle', { isMainFrame: false })).toBe(false);
    expect(checkHandler!(null, 'fullscreen', 'app://bundle', { isMainFrame: true, embeddingOrigin: 'https://evil.example' })).toBe(false);
  });

  it('keeps its own title', () => {
    const ev = { preventDefault: vi.fn() };
    win.emit('page-title-updated', ev, 'Vite App');
    expect(ev.preventDefault).toHaveBeenCalled();
  });
});
