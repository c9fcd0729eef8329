/** The main BrowserWindow and the guards that keep its page inside app://bundle/. */
import { BrowserWindow, type BrowserWindowConstructorOptions, type Session, type WebContents } from 'electron';
import { parseExternalUrl } from '../../shared/desktop-api';
import { isAppUrl } from './protocol';

export const WINDOW_TITLE = '社会治理数据工作台';

/**
 * Permissions the page may have. Everything else (camera, geolocation, notifications ...) is denied.
 * `fullscreen` is kept because the presentation screen uses element.requestFullscreen().
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write', 'fullscreen']);

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      // Must stay off: with Node in workers the DuckDB worker picks Node code paths and fails.
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

/** The speaker window (讲者窗口) the presentation opens with window.open: the app page with #speaker. */
export function isSpeakerUrl(url: string): boolean {
  if (!isAppUrl(url)) return false;
  try {
    const u = new URL(url);
    return u.hash === '#speaker' && (u.pathname === '/' || u.pathname === '/index.html');
  } catch {
    return false;
  }
}

/** Same hardening as the main window, minus the preload: the speaker window calls no desktop API. */
export function speakerWindowOptions(): BrowserWindowConstructorOptions {
  const { webPreferences } = mainWindowOptions('');
  const { preload: _preload, ...rest } = webPreferences ?? {};
  return { title: WINDOW_TITLE, width: 960, height: 640, minWidth: 480, minHeight: 320, autoHideMenuBar: true, backgroundColor: '#ffffff', webPreferences: rest };
}

export type OpenExternal = (url: string) => Promise<void>;

/** Opens http(s)/mailto links in the OS browser; anything else is dropped silently. */
export function openIfExternal(url: string, openExternal: OpenExternal): boolean {
  let safe: string;
  try {
    safe = parseExternalUrl(url);
  } catch {
    return false;
  }
  openExternal(safe).catch(() => {
    /* no browser configured: nothing useful to tell the page */
  });
  return true;
}

export function hardenSession(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => callback(ALLOWED_PERMISSIONS.has(permission)));
  session.setPermissionCheckHandler((_contents, permission) => ALLOWED_PERMISSIONS.has(permission));
}

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

export function hardenWebContents(contents: GuardedContents, openExternal: OpenExternal): void {
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    openIfExternal(event.url, openExternal);
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isSpeakerUrl(url)) return { action: 'allow', overrideBrowserWindowOptions: speakerWindowOptions() };
    openIfExternal(url, openExternal);
    return { action: 'deny' };
  });
  // The speaker window gets the same guards (it may open nothing further but external links).
  contents.on('did-create-window', (child) => hardenWebContents(child.webContents, openExternal));
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

export interface MainWindowDeps {
  preloadPath: string;
  startUrl: string;
  openExternal: OpenExternal;
}

export function createMainWindow({ preloadPath, startUrl, openExternal }: MainWindowDeps): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(preloadPath));
  hardenSession(win.webContents.session);
  hardenWebContents(win.webContents, openExternal);
  // Keep the product name in the title bar whatever <title> the page sets.
  win.on('page-title-updated', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());
  win.loadURL(startUrl).catch((err: unknown) => {
    console.error('[window] failed to load', startUrl, err);
    // ready-to-show may never come after a failed load; a visible blank window beats a hidden process.
    if (!win.isDestroyed()) win.show();
  });
  return win;
}
