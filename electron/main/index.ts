/** Electron main-process entry: lifecycle wiring only; the logic lives in the modules it imports. */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, shell } from 'electron';
import { MENU_CHANNEL, type MenuCommand } from '../../shared/desktop-api';
import { translator } from '../../shared/i18n';
import type { Lang } from '../../shared/model/catalog';
import { writeFileAtomic } from './atomic-write';
import { createExternalOpener } from './external-links';
import { createIpcHandlers, registerIpc } from './ipc';
import { buildMenuTemplate } from './menu';
import { nodeSessionDeps, ProjectSessions } from './project-sessions';
import { ProjectRegistry } from './projects';
import { APP_SCHEME_PRIVILEGES, APP_START_URL, registerAppProtocol, rendererRoot } from './protocol';
import { createMainWindow } from './window';

const APP_ID = 'cn.sgw.workbench';

// Both must happen before `ready`: privileged schemes cannot be registered later.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
const liveWindow = (): BrowserWindow | null => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : null);

/**
 * The page's language (DesktopApi.setLanguage): the menu, the About box and the dialogs main draws itself
 * follow it; zh-CN until the page reports its own.
 */
const page: { lang: Lang } = { lang: 'zh-CN' };

/** Project saves and reads in several messages (project-sessions.ts); they end with the page that began them. */
const sessions = new ProjectSessions(nodeSessionDeps());
const endSessions = () => void sessions.endAll().catch((err: unknown) => console.error('[projects] ending sessions failed', err));

/** Every way out to the OS browser (links, window.open, desktop.openExternal) asks first, in one place. */
const openExternal = createExternalOpener({
  showMessageBox: (opts) => {
    const win = liveWindow();
    return win ? dialog.showMessageBox(win, opts) : dialog.showMessageBox(opts);
  },
  openExternal: (url) => shell.openExternal(url),
  lang: () => page.lang,
});

function openMainWindow(): void {
  const win = createMainWindow({
    // Resolved from the app root (a folder, or app.asar when packaged) like the renderer itself.
    preloadPath: path.join(app.getAppPath(), 'dist', 'electron', 'preload.cjs'),
    startUrl: APP_START_URL,
    openExternal,
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  // A crashed or reloaded page cannot finish what it began: its temp files go now, not at the idle timeout.
  win.webContents.on('render-process-gone', endSessions);
  win.webContents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) endSessions();
  });
  win.webContents.on('destroyed', endSessions);
  mainWindow = win;
}

function showAbout(): void {
  const t = translator(page.lang);
  const options = {
    type: 'info' as const,
    title: t('menu.aboutTitle'),
    message: t('app.title'),
    detail: [
      t('menu.aboutVersion', { version: app.getVersion() }),
      `Electron ${process.versions.electron ?? '?'} · Chromium ${process.versions.chrome ?? '?'} · Node ${process.versions.node}`,
    ].join('\n'),
    buttons: [t('menu.ok')],
  };
  const win = liveWindow();
  void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
}

function defaultSaveDir(): string {
  try {
    return app.getPath('documents');
  } catch {
    return app.getPath('home');
  }
}

/** The menu's project commands are carried out by the page. */
function sendMenuCommand(cmd: MenuCommand): void {
  liveWindow()?.webContents.send(MENU_CHANNEL, cmd);
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

async function onReady(): Promise<void> {
  registerAppProtocol(protocol, rendererRoot(app.getAppPath()));

  // Windows (jump list) and macOS (Dock) show recent documents; Linux has no such list.
  const osRecent = process.platform === 'win32' || process.platform === 'darwin';
  const projects = await ProjectRegistry.load({
    userDataDir: app.getPath('userData'),
    fs: { readFile, writeFileAtomic: (file, bytes) => writeFileAtomic(file, bytes), isFile },
    ...(osRecent
      ? { os: { addRecentDocument: (file) => app.addRecentDocument(file), clearRecentDocuments: () => app.clearRecentDocuments() }, caseInsensitive: true }
      : {}),
  });

  registerIpc(
    ipcMain,
    createIpcHandlers({
      mainContents: () => liveWindow()?.webContents ?? null,
      dialog: {
        showOpenDialog: (opts) => {
          const win = liveWindow();
          return win ? dialog.showOpenDialog(win, opts) : dialog.showOpenDialog(opts);
        },
        showSaveDialog: (opts) => {
          const win = liveWindow();
          return win ? dialog.showSaveDialog(win, opts) : dialog.showSaveDialog(opts);
        },
      },
      fs: { stat, readFile, writeFileAtomic: (file, bytes) => writeFileAtomic(file, bytes) },
      projects,
      sessions,
      external: { open: openExternal },
      app: { getVersion: () => app.getVersion() },
      platform: process.platform,
      defaultSaveDir,
      lang: () => page.lang,
      setLanguage: (lang) => {
        if (lang === page.lang) return;
        page.lang = lang;
        rebuildMenu();
      },
      printToPdf: async () => {
        const win = liveWindow();
        if (!win) throw new Error('no window to print');
        // The page's @page rules (A4, margins, page numbers) decide the layout.
        return new Uint8Array(await win.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true }));
      },
    }),
  );

  async function setMenu(): Promise<void> {
    const template = buildMenuTemplate({
      lang: page.lang,
      isMac: process.platform === 'darwin',
      isDev: !app.isPackaged,
      onAbout: showAbout,
      recent: await projects.recent(),
      onCommand: sendMenuCommand,
      onClearRecent: () => void projects.clear(),
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }
  function rebuildMenu(): void {
    setMenu().catch((err: unknown) => console.error('[menu] rebuild failed', err));
  }
  projects.onChange(rebuildMenu);
  await setMenu();

  openMainWindow();
}

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the window; it gets focused through its 'second-instance' event.
  app.quit();
} else {
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);

  app.on('second-instance', () => {
    const win = liveWindow();
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });

  app
    .whenReady()
    .then(onReady)
    .catch((err: unknown) => {
      // A plain headline in the page's language; the technical detail stays below it for a bug report.
      const t = translator(page.lang);
      const detail = err instanceof Error ? err.message : String(err);
      dialog.showErrorBox(t('desktop.startFailed', { app: t('app.title') }), t('desktop.startFailedDetail', { detail }));
      app.quit();
    });
}
