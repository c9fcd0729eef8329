import { describe, expect, it, vi } from 'vitest';
import { DESKTOP_METHODS, MENU_CHANNEL, type MenuCommand } from '../../shared/desktop-api';
import { buildDesktopApi, remoteErrorMessage } from './desktop-bridge';

/** A tiny stand-in for ipcRenderer's event side (the preload layer may not import node:events). */
function events() {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
  return {
    on: (channel: string, fn: (...args: unknown[]) => void) => void (listeners.get(channel) ?? listeners.set(channel, new Set()).get(channel)!).add(fn),
    removeListener: (channel: string, fn: (...args: unknown[]) => void) => void listeners.get(channel)?.delete(fn),
    emit: (channel: string, ...args: unknown[]) => listeners.get(channel)?.forEach((fn) => fn(...args)),
    listenerCount: (channel: string) => listeners.get(channel)?.size ?? 0,
  };
}

describe('buildDesktopApi', () => {
  it('maps each invoke method to invoke on desktop:<method> with the caller arguments', async () => {
    const invoke = vi.fn(async (channel: string, ...args: unknown[]) => ({ channel, args }));
    const api = buildDesktopApi(invoke, events());
    expect(Object.keys(api).sort()).toEqual([...DESKTOP_METHODS, 'onMenuCommand'].sort());
    const bytes = new Uint8Array([1, 2]);
    await expect(api.saveFile({ suggestedName: 'a.csv', bytes })).resolves.toEqual({
      channel: 'desktop:saveFile',
      args: [{ suggestedName: 'a.csv', bytes }],
    });
    await api.getAppInfo();
    await api.openFiles({ multiple: true });
    await api.openExternal('https://example.com/');
    await api.openProject({});
    await api.beginProjectSave({ suggestedName: 'a.sgwp', handleId: 'a'.repeat(32), size: 2 });
    await api.appendProjectSave({ sessionId: 'b'.repeat(32), parts: [bytes] });
    await api.finishProjectSave({ sessionId: 'b'.repeat(32) });
    await api.recentProjects();
    await api.setLanguage('en');
    expect(invoke.mock.calls.at(-1)).toEqual(['desktop:setLanguage', 'en']);
    expect(invoke.mock.calls.map((c) => c[0])).toEqual([
      'desktop:saveFile',
      'desktop:getAppInfo',
      'desktop:openFiles',
      'desktop:openExternal',
      'desktop:openProject',
      'desktop:beginProjectSave',
      'desktop:appendProjectSave',
      'desktop:finishProjectSave',
      'desktop:recentProjects',
      'desktop:setLanguage',
    ]);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('relays menu commands without the IPC event, dropping malformed ones, until unsubscribed', () => {
    const source = events();
    const api = buildDesktopApi(vi.fn(), source);
    const got: unknown[][] = [];
    const stop = api.onMenuCommand((...args: unknown[]) => void got.push(args));
    const sender = { send: vi.fn() };
    const good: MenuCommand[] = [{ command: 'save' }, { command: 'openRecent', handleId: 'f'.repeat(32) }];
    for (const cmd of good) source.emit(MENU_CHANNEL, { sender }, cmd);
    for (const junk of [null, 'save', { command: 'rm -rf' }, { command: 'openRecent', handleId: '/etc/passwd' }]) source.emit(MENU_CHANNEL, { sender }, junk);
    source.emit('desktop:other', { sender }, { command: 'save' });
    expect(got).toEqual(good.map((cmd) => [cmd]));
    // Only the parsed copy arrives: extra fields a sender might add are not passed on.
    source.emit(MENU_CHANNEL, { sender }, { command: 'new', path: '/x' });
    expect(got.at(-1)).toEqual([{ command: 'new' }]);
    stop();
    expect(source.listenerCount(MENU_CHANNEL)).toBe(0);
    source.emit(MENU_CHANNEL, { sender }, { command: 'save' });
    expect(got).toHaveLength(3);
  });
});

describe('errors from main', () => {
  it("reach the page in main's own words, without Electron's IPC wrapper", async () => {
    const wrapped = (m: string) => new Error(`Error invoking remote method 'desktop:openProject': ${m}`);
    const invoke = vi.fn(async () => {
      throw wrapped('Error: "社区调查.sgwp" no longer exists (moved or deleted)');
    });
    const api = buildDesktopApi(invoke, events());
    await expect(api.openProject({})).rejects.toThrow(/^"社区调查\.sgwp" no longer exists/);
    expect(remoteErrorMessage(wrapped('PayloadError: desktop.appendProjectSave: invalid request: message too large'))).toBe('desktop.appendProjectSave: invalid request: message too large');
    expect(remoteErrorMessage(new Error('plain'))).toBe('plain');
    expect(remoteErrorMessage('text')).toBe('text');
  });
});
