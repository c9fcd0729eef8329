import { describe, expect, it, vi } from 'vitest';
import { DESKTOP_METHODS, MENU_CHANNEL, ipcChannel } from '../../shared/desktop-api';

const exposed = vi.hoisted(() => [] as [string, Record<string, (...args: unknown[]) => Promise<unknown>>][]);
const invoke = vi.hoisted(() => vi.fn(async (channel: string, ..._args: unknown[]) => `reply from ${channel}`));
const listeners = vi.hoisted(() => new Map<string, Set<(...args: unknown[]) => void>>());

vi.mock('electron', () => {
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: never) => void exposed.push([key, api]) },
    ipcRenderer: {
      invoke,
      send: vi.fn(),
      sendSync: vi.fn(),
      on: (channel: string, fn: (...args: unknown[]) => void) => void (listeners.get(channel) ?? listeners.set(channel, new Set()).get(channel)!).add(fn),
      removeListener: (channel: string, fn: (...args: unknown[]) => void) => void listeners.get(channel)?.delete(fn),
    },
  };
  return { ...electron, default: electron };
});

await import('./index');

describe('preload', () => {
  it('exposes exactly one global, `desktop`, with exactly the DesktopApi methods: the invoke ones and onMenuCommand', () => {
    expect(exposed.map(([key]) => key)).toEqual(['desktop']);
    const api = exposed[0]![1];
    expect(Object.keys(api).sort()).toEqual([...DESKTOP_METHODS, 'onMenuCommand'].sort());
    for (const method of Object.keys(api)) expect(typeof api[method]).toBe('function');
  });

  it('onMenuCommand listens on desktop:menu through ipcRenderer and stops when told', () => {
    const onMenuCommand = exposed[0]![1].onMenuCommand as unknown as (fn: (cmd: unknown) => void) => () => void;
    const got: unknown[] = [];
    const stop = onMenuCommand((cmd) => got.push(cmd));
    expect(listeners.get(MENU_CHANNEL)?.size).toBe(1);
    for (const fn of listeners.get(MENU_CHANNEL)!) fn({ sender: {} }, { command: 'saveAs' });
    expect(got).toEqual([{ command: 'saveAs' }]);
    stop();
    expect(listeners.get(MENU_CHANNEL)?.size).toBe(0);
    expect(invoke).not.toHaveBeenCalledWith(MENU_CHANNEL, expect.anything());
  });

  it('each method invokes its own channel and nothing else', async () => {
    const api = exposed[0]![1];
    for (const method of DESKTOP_METHODS) {
      invoke.mockClear();
      const payload = { method };
      await expect(api[method]!(payload)).resolves.toBe(`reply from ${ipcChannel(method)}`);
      expect(invoke).toHaveBeenCalledExactlyOnceWith(ipcChannel(method), payload);
    }
  });
});
