import { describe, expect, it, vi } from 'vitest';
import { DESKTOP_METHODS } from '../../shared/desktop-api';
import { buildDesktopApi } from './desktop-bridge';

describe('buildDesktopApi', () => {
  it('maps each method to invoke on desktop:<method> with the caller arguments', async () => {
    const invoke = vi.fn(async (channel: string, ...args: unknown[]) => ({ channel, args }));
    const api = buildDesktopApi(invoke);
    expect(Object.keys(api).sort()).toEqual([...DESKTOP_METHODS].sort());
    const bytes = new Uint8Array([1, 2]);
    await expect(api.saveFile({ suggestedName: 'a.csv', bytes })).resolves.toEqual({
      channel: 'desktop:saveFile',
      args: [{ suggestedName: 'a.csv', bytes }],
    });
    await api.getAppInfo();
    await api.openFiles({ multiple: true });
    await api.openExternal('https://example.com/');
    expect(invoke.mock.calls.map((c) => c[0])).toEqual(['desktop:saveFile', 'desktop:getAppInfo', 'desktop:openFiles', 'desktop:openExternal']);
    expect(Object.isFrozen(api)).toBe(true);
  });
});
