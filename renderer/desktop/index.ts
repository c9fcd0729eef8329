/** The DesktopApi the renderer uses: Electron's preload bridge when present, else the browser fallback. */
import type { DesktopApi } from '../../shared/desktop-api';
import { createBrowserDesktop } from './browser-desktop';

declare global {
  interface Window {
    /** Set by electron/preload; absent in a plain browser. */
    desktop?: DesktopApi;
  }
}

let fallback: DesktopApi | undefined;

export function getDesktop(): DesktopApi {
  if (window.desktop) return window.desktop;
  // VITE_APP_VERSION is optional: define it in the Vite config to show the real version on the web.
  fallback ??= createBrowserDesktop({ version: (import.meta.env.VITE_APP_VERSION as string | undefined) ?? '0.0.0' });
  return fallback;
}

export type { DesktopApi } from '../../shared/desktop-api';
