/** Electron main-process entry: lifecycle wiring only; the logic lives in the modules it imports. */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, shell } from 'electron';
import { writeFileAtomic } from './atomic-write';
import { createIpcHandlers, registerIpc } from './ipc';
import { buildMenuTemplate } from './menu';
import { APP_SCHEME_PRIVILEGES, APP_START_URL, registerAppProtocol, rendererRoot } from './protocol';
import { createMainWindow, WINDOW_TITLE } from './window';

const APP_ID = 'cn.sgw.workbench';

// Both must happen before `ready`: privileged schemes cannot be registered later.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;

const liveWindow = (): BrowserWindow | null => (mainWindow && !mainWindow.isDestroyed() ? mainWindow : null);

function openMainWindow(): void {
  const win = createMainWindow({
    // Resolved from the app root (a folder, or app.asar when packaged) like the renderer itself.
    preloadPath: path.join(app.getAppPath(), 'dist', 'electron', 'preload.cjs'),
    startUrl: APP_START_URL,
    openExternal: (url) => shell.openExternal(url),
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  mainWindow = win;
}

function showAbout(): void {
  const options = {
    type: 'info' as const,
    title: '关于',
    message: WINDOW_TITLE,
    detail: [
      `版本 ${app.getVersion()}`,
      `Electron ${process.versions.electron ?? '?'} · Chromium ${process.versions.chrome ?? '?'} · Node ${process.versions.node}`,
    ].join('\n'),
    buttons: ['确定'],
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

function onReady(): void {
  registerAppProtocol(protocol, rendererRoot(app.getAppPath()));

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
      shell: { openExternal: (url) => shell.openExternal(url) },
      app: { getVersion: () => app.getVersion() },
      platform: process.platform,
      defaultSaveDir,
    }),
  );

  const template = buildMenuTemplate({
    appName: WINDOW_TITLE,
    isMac: process.platform === 'darwin',
    isDev: !app.isPackaged,
    onAbout: showAbout,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));

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
      dialog.showErrorBox(`${WINDOW_TITLE} 无法启动`, err instanceof Error ? (err.stack ?? err.message) : String(err));
      app.quit();
    });
}
