/** Preload: exposes `window.desktop` (exactly DesktopApi) to the sandboxed, context-isolated page. */
import { contextBridge, ipcRenderer } from 'electron';
import type { DesktopApi } from '../../shared/desktop-api';
import { buildDesktopApi } from './desktop-bridge';

const api = buildDesktopApi((channel, ...args) => ipcRenderer.invoke(channel, ...args), {
  on: (channel, listener) => ipcRenderer.on(channel, listener),
  removeListener: (channel, listener) => ipcRenderer.removeListener(channel, listener),
}) satisfies DesktopApi;

contextBridge.exposeInMainWorld('desktop', api);
