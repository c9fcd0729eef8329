/**
 * The application menu, in the page's language (the page tells main through DesktopApi.setLanguage and main
 * rebuilds it). A pure template builder so the structure is testable without Electron.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, ProjectHandle } from '../../shared/desktop-api';
import { translator, type Translate } from '../../shared/i18n';
import type { Lang } from '../../shared/model/catalog';

export interface MenuOptions {
  lang: Lang;
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

/** 文件 → project items, named as in the page's own 项目 menu. The page owns the workspace, so each item only tells it what to do. */
function projectItems(t: Translate, { recent, onCommand, onClearRecent }: Pick<MenuOptions, 'recent' | 'onCommand' | 'onClearRecent'>): MenuItemConstructorOptions[] {
  const recentItems: MenuItemConstructorOptions[] = recent.length
    ? recent.map((h) => ({ label: h.name, toolTip: h.location, click: () => onCommand({ command: 'openRecent', handleId: h.id }) }))
    : [{ label: t('menu.recentEmpty'), enabled: false }];
  return [
    { label: t('project.new'), click: () => onCommand({ command: 'new' }) },
    { label: t('project.open'), accelerator: 'CmdOrCtrl+O', click: () => onCommand({ command: 'open' }) },
    { label: t('project.save'), accelerator: 'CmdOrCtrl+S', click: () => onCommand({ command: 'save' }) },
    { label: t('project.saveAs'), accelerator: 'CmdOrCtrl+Shift+S', click: () => onCommand({ command: 'saveAs' }) },
    separator,
    { label: t('project.recent'), submenu: [...recentItems, separator, { label: t('menu.clearRecent'), enabled: recent.length > 0, click: () => onClearRecent() }] },
    separator,
  ];
}

export function buildMenuTemplate({ lang, isMac, isDev, onAbout, ...project }: MenuOptions): MenuItemConstructorOptions[] {
  const t = translator(lang);
  const app = t('app.title');
  const about: MenuItemConstructorOptions = { label: t('menu.about', { app }), click: () => onAbout() };

  const macAppMenu: MenuItemConstructorOptions = {
    label: app,
    submenu: [
      about,
      separator,
      { role: 'services', label: t('menu.services') },
      separator,
      { role: 'hide', label: t('menu.hide', { app }) },
      { role: 'hideOthers', label: t('menu.hideOthers') },
      { role: 'unhide', label: t('menu.unhide') },
      separator,
      { role: 'quit', label: t('menu.quitApp', { app }) },
    ],
  };

  const file: MenuItemConstructorOptions = {
    label: t('menu.file'),
    submenu: [...projectItems(t, project), isMac ? { role: 'close', label: t('menu.closeWindow') } : { role: 'quit', label: t('menu.quit') }],
  };

  const edit: MenuItemConstructorOptions = {
    label: t('menu.edit'),
    submenu: [
      { role: 'undo', label: t('menu.undo') },
      { role: 'redo', label: t('menu.redo') },
      separator,
      { role: 'cut', label: t('menu.cut') },
      { role: 'copy', label: t('menu.copy') },
      { role: 'paste', label: t('menu.paste') },
      { role: 'delete', label: t('menu.delete') },
      separator,
      { role: 'selectAll', label: t('menu.selectAll') },
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: t('menu.view'),
    submenu: [
      ...(isDev ? [{ role: 'reload', label: t('menu.reload') } as const, { role: 'forceReload', label: t('menu.forceReload') } as const, separator] : []),
      { role: 'toggleDevTools', label: t('menu.devTools') },
      separator,
      { role: 'resetZoom', label: t('menu.resetZoom') },
      { role: 'zoomIn', label: t('menu.zoomIn') },
      { role: 'zoomOut', label: t('menu.zoomOut') },
      separator,
      { role: 'togglefullscreen', label: t('menu.fullscreen') },
    ],
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: t('menu.help'),
    submenu: [about],
  };

  return [...(isMac ? [macAppMenu] : []), file, edit, view, help];
}
