import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import type { ProjectHandle } from '../../shared/desktop-api';
import { buildMenuTemplate, type MenuOptions } from './menu';

const appName = '社会治理数据工作台';
const base = { lang: 'zh-CN' as const, isMac: false, isDev: false, onAbout: () => undefined, recent: [], onCommand: () => undefined, onClearRecent: () => undefined };
const build = (o: Partial<MenuOptions> = {}) => buildMenuTemplate({ ...base, ...o });
const labels = (list: MenuItemConstructorOptions[]) => list.map((i) => (i.type === 'separator' ? '—' : i.label));
const click = (item: MenuItemConstructorOptions | undefined) => (item!.click as () => void)();

function items(template: MenuItemConstructorOptions[], label: string): MenuItemConstructorOptions[] {
  const menu = template.find((m) => m.label === label);
  expect(menu, label).toBeDefined();
  return menu!.submenu as MenuItemConstructorOptions[];
}
const roles = (list: MenuItemConstructorOptions[]) => list.map((i) => i.role).filter(Boolean);
const all = (list: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] => list.flatMap((i) => [i, ...all((i.submenu as MenuItemConstructorOptions[] | undefined) ?? [])]);
const HAN = /[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/;
/** Everything but the words: the English menu must have the same items, roles, shortcuts and states. */
const shape = (list: MenuItemConstructorOptions[]): unknown[] =>
  list.map(({ label: _label, click, submenu, ...rest }) => ({ ...rest, click: typeof click, submenu: submenu ? shape(submenu as MenuItemConstructorOptions[]) : undefined }));

describe('buildMenuTemplate', () => {
  it('has 文件/编辑/视图/帮助 on Windows and Linux, with quit in 文件', () => {
    const t = build();
    expect(t.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    expect(items(t, '文件').at(-1)).toEqual({ role: 'quit', label: '退出' });
    expect(roles(items(t, '编辑'))).toEqual(['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll']);
    // Every item a user sees is labelled in Chinese.
    for (const item of all(t)) if (item.type !== 'separator') expect(item.label).toMatch(HAN);
  });

  it('offers reload only in development; devtools always', () => {
    const prod = items(build(), '视图');
    const dev = items(build({ isDev: true }), '视图');
    expect(roles(prod)).not.toContain('reload');
    expect(roles(prod)).not.toContain('forceReload');
    expect(roles(prod)).toContain('toggleDevTools');
    expect(roles(dev)).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
  });

  it('shows About from 帮助', () => {
    const onAbout = vi.fn();
    const help = items(build({ onAbout }), '帮助');
    expect(help[0]!.label).toBe(`关于${appName}`);
    (help[0]!.click as () => void)();
    expect(onAbout).toHaveBeenCalledTimes(1);
  });

  it('follows macOS conventions: app menu first with quit, close window in 文件', () => {
    const t = build({ isMac: true });
    expect(t.map((m) => m.label)).toEqual([appName, '文件', '编辑', '视图', '帮助']);
    expect(roles(items(t, appName))).toEqual(['services', 'hide', 'hideOthers', 'unhide', 'quit']);
    expect(roles(items(t, '文件'))).toEqual(['close']);
  });

  it('puts the project commands first in 文件, with their shortcuts', () => {
    const file = items(build(), '文件');
    expect(labels(file)).toEqual(['新建项目', '打开项目…', '保存项目', '项目另存为…', '—', '最近项目', '—', '退出']);
    expect(Object.fromEntries(file.filter((i) => i.accelerator).map((i) => [i.label, i.accelerator]))).toEqual({
      '打开项目…': 'CmdOrCtrl+O',
      保存项目: 'CmdOrCtrl+S',
      '项目另存为…': 'CmdOrCtrl+Shift+S',
    });
    expect(labels(items(build({ isMac: true }), '文件'))).toEqual(['新建项目', '打开项目…', '保存项目', '项目另存为…', '—', '最近项目', '—', '关闭窗口']);
  });

  it('sends each project command to the page', () => {
    const onCommand = vi.fn();
    const file = items(build({ onCommand }), '文件');
    for (const label of ['新建项目', '打开项目…', '保存项目', '项目另存为…']) click(file.find((i) => i.label === label));
    expect(onCommand.mock.calls.map((c) => c[0])).toEqual([{ command: 'new' }, { command: 'open' }, { command: 'save' }, { command: 'saveAs' }]);
  });

  it('lists recent projects by file name, opens them by handle, and can clear the list', () => {
    const recent: ProjectHandle[] = [
      { id: 'a'.repeat(32), name: '社区调查.sgwp', location: '/home/u/社区调查.sgwp' },
      { id: 'b'.repeat(32), name: '人口.sgwp', location: 'D:\\data\\人口.sgwp' },
    ];
    const onCommand = vi.fn();
    const onClearRecent = vi.fn();
    const sub = items(items(build({ recent, onCommand, onClearRecent }), '文件'), '最近项目');
    expect(labels(sub)).toEqual(['社区调查.sgwp', '人口.sgwp', '—', '清除最近项目']);
    expect(sub[1]!.toolTip).toBe('D:\\data\\人口.sgwp');
    click(sub[1]);
    expect(onCommand).toHaveBeenCalledExactlyOnceWith({ command: 'openRecent', handleId: 'b'.repeat(32) });
    expect(sub[3]!.enabled).toBe(true);
    click(sub[3]);
    expect(onClearRecent).toHaveBeenCalledTimes(1);
  });

  it('shows an empty recent list as disabled', () => {
    const sub = items(items(build(), '文件'), '最近项目');
    expect(sub.map((i) => [i.label, i.enabled])).toEqual([
      ['（无）', false],
      [undefined, undefined],
      ['清除最近项目', false],
    ]);
  });
});

describe('buildMenuTemplate in English', () => {
  const recent: ProjectHandle[] = [{ id: 'c'.repeat(32), name: 'survey.sgwp', location: '/home/u/survey.sgwp' }];
  const variants: Partial<MenuOptions>[] = [{}, { isMac: true }, { isDev: true }, { recent }, { isMac: true, isDev: true, recent }];

  it.each(variants)('translates every label and keeps the structure (%o)', (o) => {
    const zh = build(o);
    const en = build({ ...o, lang: 'en' });
    expect(shape(en)).toEqual(shape(zh));
    const zhItems = all(zh);
    all(en).forEach((item, i) => {
      if (item.type === 'separator') return;
      expect(item.label).toMatch(/\w/);
      expect(item.label).not.toMatch(HAN);
      // A user's file names are theirs; every other label differs from the Chinese one.
      if (!recent.some((h) => h.name === item.label)) expect(item.label).not.toBe(zhItems[i]!.label);
    });
  });

  it('names the menus and the project commands in English', () => {
    const t = build({ lang: 'en', isMac: true });
    expect(t.map((m) => m.label)).toEqual(['Social Governance Data Workbench', 'File', 'Edit', 'View', 'Help']);
    expect(labels(items(t, 'File'))).toEqual(['New project', 'Open project…', 'Save project', 'Save project as…', '—', 'Recent projects', '—', 'Close Window']);
    expect(items(t, 'Help')[0]!.label).toBe('About Social Governance Data Workbench');
    expect(labels(items(items(build({ lang: 'en' }), 'File'), 'Recent projects'))).toEqual(['(none)', '—', 'Clear recent projects']);
  });

  it('sends the same commands whatever the language', () => {
    const onCommand = vi.fn();
    const file = items(build({ lang: 'en', onCommand }), 'File');
    for (const label of ['New project', 'Open project…', 'Save project', 'Save project as…']) click(file.find((i) => i.label === label));
    expect(onCommand.mock.calls.map((c) => c[0])).toEqual([{ command: 'new' }, { command: 'open' }, { command: 'save' }, { command: 'saveAs' }]);
  });
});
