/**
 * One ipcMain handler per DesktopApi method. Every call is checked twice before it does anything:
 * the sender must be the main window's top frame showing app://bundle/, and the payload must pass the
 * parsers in shared/desktop-api.ts. Dependencies are injected so this runs in tests without Electron.
 */
import path from 'node:path';
import type { IpcMain } from 'electron';
import {
  DESKTOP_METHODS,
  MAX_IPC_FILE_BYTES,
  PayloadError,
  ipcChannel,
  parseExternalUrl,
  parseLanguage,
  parseOpenFilesRequest,
  parsePrintToPdfRequest,
  parseSaveFileRequest,
  type DesktopApi,
  type DesktopInvokeMethod,
  type FileFilter,
  type OpenedFile,
} from '../../shared/desktop-api';
import type { Lang } from '../../shared/model/catalog';
import { createProjectHandlers, type ProjectIpcDeps } from './ipc-projects';
import { isAppUrl } from './protocol';

/** The parts of an IpcMainInvokeEvent the sender check reads. */
export interface InvokeEventLike {
  sender: unknown;
  senderFrame: { url: string; parent: unknown; processId: number; routingId: number } | null;
}

export interface MainContentsLike {
  mainFrame: { processId: number; routingId: number };
}

export interface IpcDeps extends ProjectIpcDeps {
  /** The main window's webContents, or null while there is none. */
  mainContents(): MainContentsLike | null;
  fs: {
    stat(file: string): Promise<{ size: number; isFile(): boolean }>;
    readFile(file: string): Promise<Uint8Array>;
    writeFileAtomic(file: string, bytes: Uint8Array): Promise<void>;
  };
  /** The guarded opener (external-links.ts): http(s) only, after a dialog showing the address. */
  external: { open(url: string): Promise<boolean> };
  app: { getVersion(): string };
  platform: string;
  /** The page switched language: main rebuilds the native menu in it. */
  setLanguage(lang: Lang): void;
  /** The main window's page printed as an A4 PDF by its print stylesheet (webContents.printToPDF). */
  printToPdf(): Promise<Uint8Array>;
}

/** Renderer-facing handler: the raw IPC arguments are untrusted, the result is the API's promise. */
export type IpcHandlers = {
  [M in DesktopInvokeMethod]: (event: InvokeEventLike, ...args: unknown[]) => ReturnType<DesktopApi[M]>;
};

// Compile-time proof that DESKTOP_METHODS lists every invoke method of DesktopApi, so the loop in
// registerIpc registers exactly the handler table. (onMenuCommand is an event main sends, see menu.ts.)
type Unlisted = Exclude<DesktopInvokeMethod, (typeof DESKTOP_METHODS)[number]>;
const everyMethodListed: [Unlisted] extends [never] ? true : Unlisted = true;
void everyMethodListed;

export class IpcSenderError extends Error {}

function refuse(method: string, why: string): never {
  throw new IpcSenderError(`desktop.${method} refused: ${why}`);
}

export function assertTrustedSender(event: InvokeEventLike, main: MainContentsLike | null, method: string): void {
  const frame = event.senderFrame;
  if (!frame) refuse(method, 'the calling frame is gone');
  if (!isAppUrl(frame.url)) refuse(method, `calls are only accepted from the app page, not ${JSON.stringify(frame.url.slice(0, 100))}`);
  if (!main || event.sender !== main) refuse(method, 'the call did not come from the main window');
  if (frame.parent !== null || frame.processId !== main.mainFrame.processId || frame.routingId !== main.mainFrame.routingId) {
    refuse(method, "the call did not come from the main window's top frame");
  }
}

function parsePayload<T>(method: string, parse: (v: unknown) => T, value: unknown): T {
  try {
    return parse(value);
  } catch (err) {
    if (err instanceof PayloadError) throw new PayloadError(`desktop.${method}: invalid request: ${err.message}`);
    throw err;
  }
}

const MB = 1024 * 1024;
const megabytes = (n: number) => `${Math.ceil(n / MB)} MB`;

function dialogFilters(filters: FileFilter[] | undefined): { filters?: FileFilter[] } {
  return filters ? { filters } : {};
}

async function readChosenFiles(deps: IpcDeps, filePaths: string[]): Promise<OpenedFile[]> {
  // Stat everything first so a too-large pick fails before any bytes are read.
  let total = 0;
  for (const file of filePaths) {
    const st = await deps.fs.stat(file);
    const name = path.basename(file);
    if (!st.isFile()) throw new Error(`"${name}" is not a regular file`);
    if (st.size > MAX_IPC_FILE_BYTES) {
      throw new Error(`"${name}" is ${megabytes(st.size)}; files larger than ${megabytes(MAX_IPC_FILE_BYTES)} cannot be opened`);
    }
    total += st.size;
  }
  if (total > MAX_IPC_FILE_BYTES) {
    throw new Error(`the chosen files add up to ${megabytes(total)}; open at most ${megabytes(MAX_IPC_FILE_BYTES)} at once`);
  }
  const opened: OpenedFile[] = [];
  for (const file of filePaths) {
    const bytes = await deps.fs.readFile(file);
    // The file may have grown between stat and read.
    if (bytes.byteLength > MAX_IPC_FILE_BYTES) throw new Error(`"${path.basename(file)}" grew past the size limit while being read`);
    opened.push({ name: path.basename(file), bytes });
  }
  return opened;
}

export function createIpcHandlers(deps: IpcDeps): IpcHandlers {
  const guard = (event: InvokeEventLike, method: DesktopInvokeMethod) => assertTrustedSender(event, deps.mainContents(), method);

  return {
    async getAppInfo(event) {
      guard(event, 'getAppInfo');
      return { shell: 'electron', version: deps.app.getVersion(), platform: deps.platform };
    },

    async openFiles(event, raw) {
      guard(event, 'openFiles');
      const req = parsePayload('openFiles', parseOpenFilesRequest, raw);
      const result = await deps.dialog.showOpenDialog({
        ...(req.title !== undefined ? { title: req.title } : {}),
        ...dialogFilters(req.filters),
        properties: req.multiple ? ['openFile', 'multiSelections'] : ['openFile'],
      });
      if (result.canceled || result.filePaths.length === 0) return [];
      return readChosenFiles(deps, result.filePaths);
    },

    async saveFile(event, raw) {
      guard(event, 'saveFile');
      const req = parsePayload('saveFile', parseSaveFileRequest, raw);
      const result = await deps.dialog.showSaveDialog({
        defaultPath: path.join(deps.defaultSaveDir(), req.suggestedName),
        ...dialogFilters(req.filters),
        // Linux only asks before overwriting when told to; Windows and macOS always ask.
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      });
      if (result.canceled || !result.filePath) return { saved: false };
      await deps.fs.writeFileAtomic(result.filePath, req.bytes);
      return { saved: true, location: result.filePath };
    },

    async printToPdf(event, raw) {
      guard(event, 'printToPdf');
      const req = parsePayload('printToPdf', parsePrintToPdfRequest, raw);
      // Printed before the dialog opens: the page is exactly what the user asked to print.
      const pdf = await deps.printToPdf();
      const result = await deps.dialog.showSaveDialog({
        defaultPath: path.join(deps.defaultSaveDir(), req.suggestedName),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      });
      if (result.canceled || !result.filePath) return { saved: false };
      await deps.fs.writeFileAtomic(result.filePath, pdf);
      return { saved: true, location: result.filePath };
    },

    async openExternal(event, raw) {
      guard(event, 'openExternal');
      const url = parsePayload('openExternal', parseExternalUrl, raw);
      await deps.external.open(url);
    },

    ...createProjectHandlers<InvokeEventLike>(deps, { guard, refuse, payload: parsePayload }),

    async setLanguage(event, raw) {
      guard(event, 'setLanguage');
      deps.setLanguage(parsePayload('setLanguage', parseLanguage, raw));
    },
  };
}

export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, handlers: IpcHandlers): void {
  for (const method of DESKTOP_METHODS) {
    const handler = handlers[method] as (event: InvokeEventLike, ...args: unknown[]) => Promise<unknown>;
    ipcMain.handle(ipcChannel(method), (event, ...args: unknown[]) => handler(event, ...args));
  }
}
