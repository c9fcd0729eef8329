import { describe, expect, it, vi } from 'vitest';
import { DESKTOP_METHODS, ipcChannel } from '../../shared/desktop-api';

const exposed = vi.hoisted(() => [] as [string, Record<string, (...args: unknown[]) => Promise<unknown>>][]);
const invoke = vi.hoisted(() => vi.fn(async (channel: string, ..._args: unknown[]) => `reply from ${channel}`));

vi.mock('electron', () => {
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: never) => void exposed.push([key, api]) },
    ipcRenderer: { invoke, send: vi.fn(), on: vi.fn(), sendSync: vi.fn() },
  };
  return { ...electron, default: electron };
});

await import('./index');

describe('preload', () => {
  it('exposes exactly one global, `desktop`, with exactly the DesktopApi methods', () => {
    expect(exposed.map(([key]) => key)).toEqual(['desktop']);
    const api = exposed[0]![1];
    expect(Object.keys(api).sort()).toEqual([...DESKTOP_METHODS].sort());
    for (const method of DESKTOP_METHODS) expect(typeof api[method]).toBe('function');
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
