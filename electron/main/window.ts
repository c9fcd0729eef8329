/** The main BrowserWindow and the guards that keep its page inside app://bundle/. */
import { BrowserWindow, type BrowserWindowConstructorOptions, type Session, type WebContents } from 'electron';
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

/** The guarded opener of external-links.ts: asks first, http(s) only; resolves whether it opened. */
export type OpenExternal = (url: string) => Promise<boolean>;

/** The origin (or URL) is the bundled app's, and the request comes from a top frame. */
export function permissionAllowed(permission: string, origin: string | undefined, isMainFrame: boolean): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && origin !== undefined && isAppUrl(origin) && isMainFrame;
}

type PermissionSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;

export function hardenSession(session: PermissionSession): void {
  session.setPermissionRequestHandler((contents, permission, callback, details) =>
    callback(permissionAllowed(permission, details.requestingUrl, details.isMainFrame) && isAppUrl(contents.getURL())),
  );
  session.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin, details) =>
      permissionAllowed(permission, requestingOrigin, details.isMainFrame) && (details.embeddingOrigin === undefined || isAppUrl(details.embeddingOrigin)),
  );
}

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** Offers a main-frame link outside the app to the OS browser (after asking); never navigates the window. */
function offerExternally(url: string, openExternal: OpenExternal): void {
  void openExternal(url).catch(() => false);
}

export function hardenWebContents(contents: GuardedContents, openExternal: OpenExternal): void {
  // Chromium emits will-frame-navigate (any frame) and will-navigate (top frame); which one decides first
  // is Electron's business, so both refuse, and the opener shows at most one dialog at a time.
  contents.on('will-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    offerExternally(event.url, openExternal);
  });
  contents.on('will-frame-navigate', (event) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    // A subframe has no business leaving the app (the app has none); only a top-level link is offered.
    if (event.isMainFrame) offerExternally(event.url, openExternal);
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isSpeakerUrl(url)) return { action: 'allow', overrideBrowserWindowOptions: speakerWindowOptions() };
    if (!isAppUrl(url)) offerExternally(url, openExternal);
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
