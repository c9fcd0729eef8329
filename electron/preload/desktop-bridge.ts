/**
 * Maps every DesktopApi method to its IPC channel. Pure (invoke and the event source are passed in) so
 * the exposed surface is testable without Electron.
 */
import {
  DESKTOP_METHODS,
  MENU_CHANNEL,
  ipcChannel,
  parseMenuCommand,
  type DesktopApi,
  type DesktopInvokeMethod,
  type MenuCommand,
} from '../../shared/desktop-api';

export type Invoke = (channel: string, ...args: unknown[]) => Promise<unknown>;

/** The part of ipcRenderer that events need. */
export interface MenuEventSource {
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

// Compile-time proof that DESKTOP_METHODS lists every invoke method, so the built object is complete
// (onMenuCommand, the one event, is added by hand below).
type Unlisted = Exclude<DesktopInvokeMethod, (typeof DESKTOP_METHODS)[number]>;
const everyMethodListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyMethodListed;

/** ipcRenderer.invoke wraps main's error as "Error invoking remote method 'desktop:x': Error: <message>". */
export function remoteErrorMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.replace(/^Error invoking remote method '[^']*': (?:[A-Za-z]*Error: )?/, '');
}

function bridgeMethod<M extends DesktopInvokeMethod>(invoke: Invoke, method: M): DesktopApi[M] {
  const channel = ipcChannel(method);
  // The main process validates the payload; the renderer-side types are checked by DesktopApi.
  // The page shows error messages to the user: hand it main's own words, not the IPC wrapper.
  return ((...args: unknown[]) =>
    invoke(channel, ...args).catch((err: unknown) => {
      throw new Error(remoteErrorMessage(err));
    })) as DesktopApi[M];
}

/** The page's listener sees only a validated command, never the IPC event (it would expose `sender`). */
function menuCommands(events: MenuEventSource): DesktopApi['onMenuCommand'] {
  return (listener) => {
    const relay = (_event: unknown, raw: unknown) => {
      let cmd: MenuCommand;
      try {
        cmd = parseMenuCommand(raw);
      } catch {
        return;
      }
      listener(cmd);
    };
    events.on(MENU_CHANNEL, relay);
    return () => void events.removeListener(MENU_CHANNEL, relay);
  };
}

export function buildDesktopApi(invoke: Invoke, events: MenuEventSource): DesktopApi {
  const api: Partial<Record<keyof DesktopApi, unknown>> = {};
  for (const method of DESKTOP_METHODS) api[method] = bridgeMethod(invoke, method);
  api.onMenuCommand = menuCommands(events);
  return Object.freeze(api) as DesktopApi;
}
