import { describe, expect, it, vi } from 'vitest';
import type { MessageBoxOptions } from 'electron';
import type { Lang } from '../../shared/model/catalog';
import { createExternalOpener, externalWebUrl } from './external-links';

function setup(answer = 1, lang: Lang = 'zh-CN') {
  const shown: MessageBoxOptions[] = [];
  const deps = {
    showMessageBox: vi.fn(async (o: MessageBoxOptions) => (shown.push(o), { response: answer })),
    openExternal: vi.fn(async (_url: string) => undefined),
    lang: () => lang,
  };
  return { open: createExternalOpener(deps), deps, shown };
}

describe('the guarded external opener', () => {
  it('shows the host and the full address, in Chinese by default, with Cancel as the default', async () => {
    const { open, deps, shown } = setup();
    await expect(open('https://data.stats.gov.cn/easyquery.htm?cn=C01')).resolves.toBe(true);
    expect(shown).toEqual([
      expect.objectContaining({
        type: 'question',
        title: '打开外部链接',
        message: '要在浏览器中打开 data.stats.gov.cn 吗？',
        detail: expect.stringContaining('https://data.stats.gov.cn/easyquery.htm?cn=C01'),
        buttons: ['取消', '打开'],
        defaultId: 0,
        cancelId: 0,
      }),
    ]);
    expect(deps.openExternal.mock.calls).toEqual([['https://data.stats.gov.cn/easyquery.htm?cn=C01']]);
  });

  it('speaks the page language', async () => {
    const { open, shown } = setup(1, 'en');
    await open('http://www.gov.cn/');
    expect(shown[0]).toMatchObject({ title: 'Open an external link', message: 'Open www.gov.cn in your browser?', buttons: ['Cancel', 'Open'] });
    expect(`${shown[0].title}${shown[0].message}${shown[0].detail}${shown[0].buttons!.join('')}`).not.toMatch(/\p{Script=Han}/u);
  });

  it('opens nothing when the user cancels or closes the dialog', async () => {
    const { open, deps } = setup(0);
    await expect(open('https://www.gov.cn/')).resolves.toBe(false);
    expect(deps.openExternal).not.toHaveBeenCalled();
  });

  it('refuses anything but plain http(s) without asking', async () => {
    const { open, deps } = setup();
    for (const url of ['mailto:a@b.cn', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'app://bundle/', 'ms-settings:', 'not a url', 'https://www.gov.cn@evil.example/', 'https://u:p@example.com/']) {
      await expect(open(url), url).resolves.toBe(false);
    }
    expect(deps.showMessageBox).not.toHaveBeenCalled();
    expect(deps.openExternal).not.toHaveBeenCalled();
    expect(externalWebUrl('https://例子.中国/路径')?.host).toBe('xn--fsqu00a.xn--fiqs8s');
  });

  it('shows look-alike hosts in punycode, so the real destination is visible', async () => {
    const { open, shown } = setup();
    await open('https://www.аpple.com/');
    expect(shown[0].message).toBe('要在浏览器中打开 www.xn--pple-43d.com 吗？');
  });

  it('asks once at a time: a second request while the dialog is open is refused', async () => {
    let answer!: (v: { response: number }) => void;
    const deps = { showMessageBox: vi.fn(() => new Promise<{ response: number }>((r) => (answer = r))), openExternal: vi.fn(async () => undefined), lang: () => 'zh-CN' as Lang };
    const open = createExternalOpener(deps);
    const first = open('https://a.example/');
    await expect(open('https://b.example/')).resolves.toBe(false);
    answer({ response: 1 });
    await expect(first).resolves.toBe(true);
    expect(deps.showMessageBox).toHaveBeenCalledTimes(1);
    expect(deps.openExternal.mock.calls).toEqual([['https://a.example/']]);
    // Once answered, the next link may ask again.
    const third = open('https://c.example/');
    answer({ response: 0 });
    await expect(third).resolves.toBe(false);
  });

  it('reports false when the dialog or the browser fails', async () => {
    const { open, deps } = setup();
    deps.openExternal.mockRejectedValueOnce(new Error('no browser'));
    await expect(open('https://www.gov.cn/')).resolves.toBe(false);
    deps.showMessageBox.mockRejectedValueOnce(new Error('no display'));
    await expect(open('https://www.gov.cn/')).resolves.toBe(false);
  });
});
