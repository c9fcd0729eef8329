/**
 * The one way from the app to the OS browser. Every path that could open an address outside the app —
 * the page's desktop.openExternal, a link that navigates the window, window.open — ends here: only http(s),
 * and only after a dialog that shows the address and asks, in the page's language.
 */
import type { MessageBoxOptions } from 'electron';
import { parseExternalUrl } from '../../shared/desktop-api';
import { translator } from '../../shared/i18n';
import type { Lang } from '../../shared/model/catalog';

export interface ExternalLinkDeps {
  /** dialog.showMessageBox, attached to the app window when there is one. */
  showMessageBox(options: MessageBoxOptions): Promise<{ response: number }>;
  /** shell.openExternal. */
  openExternal(url: string): Promise<void>;
  /** The page's language (zh-CN until the page reports one). */
  lang(): Lang;
}

/** The address to show and open, or null: http(s) only (no mailto, file, custom schemes, credentials). */
export function externalWebUrl(raw: string): URL | null {
  let url: URL;
  try {
    url = new URL(parseExternalUrl(raw));
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  // user:pass@host is how a link disguises its real host ("https://www.gov.cn@evil.example/").
  if (url.username || url.password) return null;
  return url;
}

const OPEN = 1;

/**
 * Returns the guarded opener: resolves true when the address was opened, false when it was refused or the
 * user said no. One dialog at a time: a page (or a link that fires several navigation events) cannot stack
 * dialogs; calls while one is open are refused.
 */
export function createExternalOpener(deps: ExternalLinkDeps): (raw: string) => Promise<boolean> {
  let asking = false;
  return async (raw) => {
    const url = externalWebUrl(raw);
    if (!url || asking) return false;
    asking = true;
    try {
      const t = translator(deps.lang());
      const { response } = await deps.showMessageBox({
        type: 'question',
        title: t('desktop.external.title'),
        // The host alone (punycode for look-alike letters) is what decides where the link really goes.
        message: t('desktop.external.message', { host: url.host }),
        detail: t('desktop.external.detail', { url: url.href }),
        buttons: [t('desktop.external.cancel'), t('desktop.external.open')],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
      });
      if (response !== OPEN) return false;
      await deps.openExternal(url.href);
      return true;
    } catch {
      // No dialog or no browser: nothing was opened, and there is nothing useful to tell the page.
      return false;
    } finally {
      asking = false;
    }
  };
}
