/** The application menu (zh-CN). A pure template builder so the structure is testable without Electron. */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, ProjectHandle } from '../../shared/desktop-api';

export interface MenuOptions {
  appName: string;
  isMac: boolean;
  /** Reload throws away the in-memory database, so it is offered only to developers. */
  isDev: boolean;
  onAbout(): void;
  /** For 最近项目; the menu is rebuilt whenever the list changes. */
  recent: ProjectHandle[];
  /** Project commands are carried out by the page: this sends them to the main window. */
  onCommand(cmd: MenuCommand): void;
  onClearRecent(): void;
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

/** 文件 → project items. The page owns the workspace, so each item only tells it what to do. */
function projectItems({ recent, onCommand, onClearRecent }: Pick<MenuOptions, 'recent' | 'onCommand' | 'onClearRecent'>): MenuItemConstructorOptions[] {
  const recentItems: MenuItemConstructorOptions[] = recent.length
    ? recent.map((h) => ({ label: h.name, toolTip: h.location, click: () => onCommand({ command: 'openRecent', handleId: h.id }) }))
    : [{ label: '（无）', enabled: false }];
  return [
    { label: '新建项目', click: () => onCommand({ command: 'new' }) },
    { label: '打开项目…', accelerator: 'CmdOrCtrl+O', click: () => onCommand({ command: 'open' }) },
    { label: '保存项目', accelerator: 'CmdOrCtrl+S', click: () => onCommand({ command: 'save' }) },
    { label: '项目另存为…', accelerator: 'CmdOrCtrl+Shift+S', click: () => onCommand({ command: 'saveAs' }) },
    separator,
    { label: '最近项目', submenu: [...recentItems, separator, { label: '清除最近项目', enabled: recent.length > 0, click: () => onClearRecent() }] },
    separator,
  ];
}

export function buildMenuTemplate({ appName, isMac, isDev, onAbout, ...project }: MenuOptions): MenuItemConstructorOptions[] {
  const about: MenuItemConstructorOptions = { label: `关于${appName}`, click: () => onAbout() };

  const macAppMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      about,
      separator,
      { role: 'services', label: '服务' },
      separator,
      { role: 'hide', label: `隐藏${appName}` },
      { role: 'hideOthers', label: '隐藏其他' },
      { role: 'unhide', label: '全部显示' },
      separator,
      { role: 'quit', label: `退出${appName}` },
    ],
  };

  const file: MenuItemConstructorOptions = {
    label: '文件',
    submenu: [...projectItems(project), isMac ? { role: 'close', label: '关闭窗口' } : { role: 'quit', label: '退出' }],
  };

  const edit: MenuItemConstructorOptions = {
    label: '编辑',
    submenu: [
      { role: 'undo', label: '撤销' },
      { role: 'redo', label: '重做' },
      separator,
      { role: 'cut', label: '剪切' },
      { role: 'copy', label: '复制' },
      { role: 'paste', label: '粘贴' },
      { role: 'delete', label: '删除' },
      separator,
      { role: 'selectAll', label: '全选' },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: '视图',
    submenu: [
      ...(isDev ? [{ role: 'reload', label: '重新加载' } as const, { role: 'forceReload', label: '强制重新加载' } as const, separator] : []),
      { role: 'toggleDevTools', label: '开发者工具' },
      separator,
      { role: 'resetZoom', label: '实际大小' },
      { role: 'zoomIn', label: '放大' },
      { role: 'zoomOut', label: '缩小' },
      separator,
      { role: 'togglefullscreen', label: '全屏' },
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '帮助',
    submenu: [about],
  };

  return [...(isMac ? [macAppMenu] : []), file, edit, view, help];
}
