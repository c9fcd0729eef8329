/** Preload: exposes `window.desktop` (exactly DesktopApi) to the sandboxed, context-isolated page. */
import { contextBridge, ipcRenderer } from 'electron';
import type { DesktopApi } from '../../shared/desktop-api';
import { buildDesktopApi } from './desktop-bridge';

const api = buildDesktopApi((channel, ...args) => ipcRenderer.invoke(channel, ...args)) satisfies DesktopApi;

contextBridge.exposeInMainWorld('desktop', api);
