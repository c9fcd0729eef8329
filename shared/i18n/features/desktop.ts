/** Texts of the desktop shell itself (electron/main): dialogs the page does not draw. */
export const desktopZh = {
  'desktop.external.title': '打开外部链接',
  'desktop.external.message': '要在浏览器中打开 {host} 吗？',
  'desktop.external.detail': '完整地址：\n{url}\n\n请只打开您信任的地址。',
  'desktop.external.open': '打开',
  'desktop.external.cancel': '取消',
  'desktop.openProject': '打开项目',
  'desktop.saveProjectAs': '项目另存为',
  'desktop.projectFiles': '社会治理数据工作台项目',
  'desktop.startFailed': '{app}无法启动',
  'desktop.startFailedDetail': '程序启动时出错，请重新打开。若问题持续，请把下面的信息发给维护者：\n\n{detail}',
} as const;

export const desktopEn: Record<keyof typeof desktopZh, string> = {
  'desktop.external.title': 'Open an external link',
  'desktop.external.message': 'Open {host} in your browser?',
  'desktop.external.detail': 'Full address:\n{url}\n\nOpen only addresses you trust.',
  'desktop.external.open': 'Open',
  'desktop.external.cancel': 'Cancel',
  'desktop.openProject': 'Open project',
  'desktop.saveProjectAs': 'Save project as',
  'desktop.projectFiles': 'Social Governance Data Workbench projects',
  'desktop.startFailed': '{app} could not start',
  'desktop.startFailedDetail': 'Something went wrong while starting. Please open the app again. If it keeps happening, send the details below to the maintainers:\n\n{detail}',
};
