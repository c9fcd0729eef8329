/** Texts of the desktop shell itself (electron/main): dialogs the page does not draw. */
export const desktopZh = {
  'desktop.external.title': '打开外部链接',
  'desktop.external.message': '要在浏览器中打开 {host} 吗？',
  'desktop.external.detail': '完整地址：\n{url}\n\n请只打开您信任的地址。',
  'desktop.external.open': '打开',
  'desktop.external.cancel': '取消',
} as const;

export const desktopEn: Record<keyof typeof desktopZh, string> = {
  'desktop.external.title': 'Open an external link',
  'desktop.external.message': 'Open {host} in your browser?',
  'desktop.external.detail': 'Full address:\n{url}\n\nOpen only addresses you trust.',
  'desktop.external.open': 'Open',
  'desktop.external.cancel': 'Cancel',
};
