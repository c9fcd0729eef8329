import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DESKTOP_METHODS, MENU_CHANNEL, ipcChannel } from '../../shared/desktop-api';

const h = vi.hoisted(() => {
  const state = {
    log: [] as string[],
    gotLock: true,
    ready: undefined as undefined | (() => void),
    appEvents: new Map<string, (...args: unknown[]) => void>(),
    windows: [] as { options: { webPreferences: { preload: string } }; url?: string; focus: () => void; sent: unknown[][]; webContents: unknown }[],
    handled: [] as string[],
    handlers: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
    menu: undefined as unknown,
    messageBoxes: [] as unknown[][],
  };
  return { state };
});

vi.mock('electron', async () => {
  const { EventEmitter } = await import('node:events');
  const { state } = h;
  const record = (name: string) => (..._args: unknown[]) => void state.log.push(name);

  class BrowserWindow extends EventEmitter {
    static getAllWindows = () => state.windows;
    sent: unknown[][] = [];
    webContents = Object.assign(new EventEmitter(), {
      send: (...args: unknown[]) => void this.sent.push(args),
      setWindowOpenHandler: () => undefined,
      session: { setPermissionRequestHandler: () => undefined, setPermissionCheckHandler: () => undefined },
      mainFrame: { processId: 1, routingId: 1 },
    });
    url?: string;
    constructor(public options: { webPreferences: { preload: string } }) {
      super();
      state.log.push('new BrowserWindow');
      state.windows.push(this);
    }
    loadURL = async (url: string) => void (this.url = url);
    isDestroyed = () => false;
    isMinimized = () => true;
    restore = record('restore');
    focus = record('focus');
    show = () => undefined;
  }

  const app = {
    requestSingleInstanceLock: () => (state.log.push('requestSingleInstanceLock'), state.gotLock),
    quit: record('quit'),
    enableSandbox: record('enableSandbox'),
    setAppUserModelId: record('setAppUserModelId'),
    on: (event: string, fn: (...args: unknown[]) => void) => void state.appEvents.set(event, fn),
    whenReady: () => new Promise<void>((resolve) => (state.ready = resolve)),
    isReady: () => true,
    isPackaged: true,
    getAppPath: () => '/opt/sgw/resources/app.asar',
    getVersion: () => '0.1.0',
    getPath: () => '/home/u/Documents',
  };
  const electron = {
    app,
    BrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => void state.log.push(`registerSchemesAsPrivileged ${JSON.stringify(schemes)}`),
      handle: (scheme: string) => void state.log.push(`protocol.handle ${scheme}`),
    },
    ipcMain: {
      handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => Promise<unknown>) => {
        state.handled.push(channel);
        state.handlers.set(channel, fn);
      },
    },
    Menu: {
      buildFromTemplate: (t: unknown) => ({ template: t }),
      setApplicationMenu: (m: unknown) => void ((state.menu = m), state.log.push('setApplicationMenu')),
    },
    dialog: { showMessageBox: async (...args: unknown[]) => (state.messageBoxes.push(args), { response: 0 }), showErrorBox: record('showErrorBox') },
    shell: { openExternal: async () => undefined },
  };
  return { ...electron, default: electron };
});

async function start() {
  vi.resetModules();
  await import('./index');
}

describe('main process lifecycle', () => {
  beforeEach(() => {
    const { state } = h;
    state.log.length = 0;
    state.windows.length = 0;
    state.handled.length = 0;
    state.handlers.clear();
    state.messageBoxes.length = 0;
    state.appEvents.clear();
    state.gotLock = true;
    state.ready = undefined;
  });

  it('registers the privileged app:// scheme before ready, and nothing else until ready', async () => {
    await start();
    const { log } = h.state;
    expect(log[0]).toBe(
      'registerSchemesAsPrivileged [{"scheme":"app","privileges":{"standard":true,"secure":true,"supportFetchAPI":true,"corsEnabled":true,"stream":true,"codeCache":true}}]',
    );
    expect(log).toContain('requestSingleInstanceLock');
    expect(log).not.toContain('new BrowserWindow');
    expect(h.state.handled).toEqual([]);
  });

  it('on ready: serves app://, registers one IPC handler per method, sets the menu, opens the window', async () => {
    await start();
    h.state.ready!();
    await vi.waitFor(() => expect(h.state.windows).toHaveLength(1));
    const { log } = h.state;
    expect(log.indexOf('protocol.handle app')).toBeGreaterThan(0);
    expect(log.indexOf('protocol.handle app')).toBeLessThan(log.indexOf('new BrowserWindow'));
    expect(log).toContain('setApplicationMenu');
    expect(h.state.handled.sort()).toEqual(DESKTOP_METHODS.map(ipcChannel).sort());
    const win = h.state.windows[0]!;
    expect(win.options.webPreferences.preload).toBe('/opt/sgw/resources/app.asar/dist/electron/preload.cjs');
    expect(win.url).toBe('app://bundle/');
    // Packaged build: no reload in the 视图 menu.
    const view = (h.state.menu as { template: { label: string; submenu: { role?: string }[] }[] }).template.find((m) => m.label === '视图')!;
    expect(view.submenu.map((i) => i.role)).not.toContain('reload');
  });

  it("sends the 文件 menu's project commands to the main window's page", async () => {
    await start();
    h.state.ready!();
    await vi.waitFor(() => expect(h.state.windows).toHaveLength(1));
    type Item = { label?: string; click?: () => void; submenu?: Item[] };
    const file = (h.state.menu as { template: Item[] }).template.find((m) => m.label === '文件')!;
    file.submenu!.find((i) => i.label === '项目另存为…')!.click!();
    expect(h.state.windows[0]!.sent).toEqual([[MENU_CHANNEL, { command: 'saveAs' }]]);
  });

  it('rebuilds the menu (and the About box) in the language the page reports', async () => {
    await start();
    h.state.ready!();
    await vi.waitFor(() => expect(h.state.windows).toHaveLength(1));
    type Item = { label?: string; click?: () => void; submenu?: Item[] };
    const menu = () => (h.state.menu as { template: Item[] }).template;
    const top = (label: string) => menu().find((m) => m.label === label);
    expect(top('文件')).toBeDefined();
    const win = h.state.windows[0]!;
    // What the preload sends from the main window's top frame (the handler checks the sender).
    const event = { sender: win.webContents, senderFrame: { url: 'app://bundle/index.html', parent: null, processId: 1, routingId: 1 } };
    const setLanguage = h.state.handlers.get(ipcChannel('setLanguage'))!;
    const builds = () => h.state.log.filter((l) => l === 'setApplicationMenu').length;
    const before = builds();

    await setLanguage(event, 'en');
    await vi.waitFor(() => expect(top('File')).toBeDefined());
    expect(builds()).toBe(before + 1);
    expect(top('文件')).toBeUndefined();
    expect(top('File')!.submenu!.map((i) => i.label)).toContain('Save project as…');
    top('File')!.submenu!.find((i) => i.label === 'Save project as…')!.click!();
    expect(win.sent).toEqual([[MENU_CHANNEL, { command: 'saveAs' }]]);
    top('Help')!.submenu![0]!.click!();
    expect(h.state.messageBoxes.at(-1)!.at(-1)).toMatchObject({ title: 'About', message: 'Social Governance Data Workbench', buttons: ['OK'] });

    // The same language again changes nothing; a bad one is refused and the menu stays.
    await setLanguage(event, 'en');
    await expect(setLanguage(event, 'de')).rejects.toThrow(/language must be zh-CN or en/);
    await expect(setLanguage({ ...event, senderFrame: { ...event.senderFrame, url: 'https://evil.example/' } }, 'zh-CN')).rejects.toThrow(/refused/);
    expect(builds()).toBe(before + 1);
    await setLanguage(event, 'zh-CN');
    await vi.waitFor(() => expect(top('文件')).toBeDefined());
  });

  it('quits when another instance holds the lock', async () => {
    h.state.gotLock = false;
    await start();
    expect(h.state.log).toContain('quit');
    expect(h.state.ready).toBeUndefined();
    expect(h.state.appEvents.size).toBe(0);
  });

  it('focuses the existing window when a second instance starts', async () => {
    await start();
    h.state.ready!();
    await vi.waitFor(() => expect(h.state.windows).toHaveLength(1));
    h.state.appEvents.get('second-instance')!();
    expect(h.state.log.slice(-2)).toEqual(['restore', 'focus']);
  });

  it('follows platform conventions for closing and re-activating', async () => {
    await start();
    h.state.ready!();
    await vi.waitFor(() => expect(h.state.windows).toHaveLength(1));

    h.state.log.length = 0;
    h.state.appEvents.get('window-all-closed')!();
    expect(h.state.log.includes('quit')).toBe(process.platform !== 'darwin');

    // macOS dock click with no windows open: a new window.
    h.state.windows.length = 0;
    h.state.appEvents.get('activate')!();
    expect(h.state.windows).toHaveLength(1);
    h.state.appEvents.get('activate')!();
    expect(h.state.windows).toHaveLength(1);
  });
});
