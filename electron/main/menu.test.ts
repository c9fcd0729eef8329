import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate } from './menu';

const appName = '社会治理数据工作台';

function items(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((m) => m.label === label);
  expect(menu, label).toBeDefined();
  return menu!.submenu as MenuItemConstructorOptions[];
}
const roles = (list: MenuItemConstructorOptions[]) => list.map((i) => i.role).filter(Boolean);

describe('buildMenuTemplate', () => {
  it('has 文件/编辑/视图/帮助 on Windows and Linux, with quit in 文件', () => {
    const t = buildMenuTemplate({ appName, isMac: false, isDev: false, onAbout: () => undefined });
    expect(t.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(items(t, '文件')).toEqual([{ role: 'quit', label: '退出' }]);
    expect(roles(items(t, '编辑'))).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll']);
    // Every item a user sees is labelled in Chinese.
    for (const menu of t) for (const item of menu.submenu as MenuItemConstructorOptions[]) if (item.type !== 'separator') expect(item.label).toMatch(/[\u4e00-\u9fff]/);
  });

  it('offers reload only in development; devtools always', () => {
    const prod = items(buildMenuTemplate({ appName, isMac: false, isDev: false, onAbout: () => undefined }), '视图');
    const dev = items(buildMenuTemplate({ appName, isMac: false, isDev: true, onAbout: () => undefined }), '视图');
    expect(roles(prod)).not.toContain('reload');
    expect(roles(prod)).not.toContain('forceReload');
    expect(roles(prod)).toContain('toggleDevTools');
    expect(roles(dev)).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
  });

  it('shows About from 帮助', () => {
    const onAbout = vi.fn();
    const help = items(buildMenuTemplate({ appName, isMac: false, isDev: false, onAbout }), '帮助');
    expect(help[0]!.label).toBe(`关于${appName}`);
    (help[0]!.click as () => void)();
    expect(onAbout).toHaveBeenCalledTimes(1);
  });

  it('follows macOS conventions: app menu first with quit, close window in 文件', () => {
    const t = buildMenuTemplate({ appName, isMac: true, isDev: false, onAbout: () => undefined });
    expect(t.map((m) => m.label)).toEqual([appName, '文件', '编辑', '视图', '帮助']);
    expect(roles(items(t, appName))).toEqual(['services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(roles(items(t, '文件'))).toEqual(['close']);
  });
});
