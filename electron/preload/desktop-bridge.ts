/**
 * Maps every DesktopApi method to its IPC channel. Pure (the invoke function is passed in) so the
 * exposed surface is testable without Electron.
 */
import { DESKTOP_METHODS, ipcChannel, type DesktopApi, type DesktopMethod } from '../../shared/desktop-api';

export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

// Compile-time proof that DESKTOP_METHODS lists every DesktopApi method, so the built object is complete.
type Unlisted = Exclude<DesktopMethod, (typeof DESKTOP_METHODS)[number]>;
const everyMethodListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyMethodListed;

function bridgeMethod<M extends DesktopMethod>(invoke: Invoke, method: M): DesktopApi[M] {
  const channel = ipcChannel(method);
  // The main process validates the payload; the renderer-side types are checked by DesktopApi.
  return ((...args: unknown[]) => invoke(channel, ...args)) as DesktopApi[M];
}

export function buildDesktopApi(invoke: Invoke): DesktopApi {
  const api: Partial<Record<DesktopMethod, unknown>> = {};
  for (const method of DESKTOP_METHODS) api[method] = bridgeMethod(invoke, method);
  return Object.freeze(api) as DesktopApi;
}
