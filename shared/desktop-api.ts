/**
 * The ONE declaration of what the UI may ask of the desktop shell.
 * Electron's preload exposes exactly this as `window.desktop`; renderer/desktop has the browser fallback;
 * electron/main registers one IPC handler per method, each validating its payload with the parsers below.
 */
import type { FileBlob } from './import/byte-source';
import { isLang, type Lang } from './model/catalog';

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface OpenFilesRequest {
  title?: string;
  filters?: FileFilter[];
  multiple?: boolean;
}

/**
 * A chosen file: the desktop shell sends its bytes over IPC; a browser gives the File itself, read where it
 * is used and by slices (the import worker), so a big file is never read whole into the page.
 */
export type OpenedFile = { name: string; bytes: Uint8Array } | { name: string; blob: FileBlob };

/** A chosen file's bytes, for the few small files read whole (a GeoJSON map). */
export async function openedBytes(f: OpenedFile): Promise<Uint8Array> {
  return 'bytes' in f ? f.bytes : new Uint8Array(await f.blob.slice().arrayBuffer());
}

export interface SaveFileRequest {
  suggestedName: string;
  bytes: Uint8Array;
  filters?: FileFilter[];
}

export interface SaveFileResult {
  saved: boolean;
  /** Where it went (Electron) or the download name (web); absent when the user cancelled. */
  location?: string;
}

export interface PrintToPdfRequest {
  /** The PDF's file name, e.g. 上海社会组织.pdf. */
  suggestedName: string;
}

/**
 * Electron prints the page (its print layout) to an A4 PDF and asks where to save it; a browser opens its
 * print dialog (printDialog: true), where 另存为 PDF saves it.
 */
export interface PrintToPdfResult extends SaveFileResult {
  printDialog?: boolean;
}

export interface AppInfo {
  shell: 'electron' | 'web';
  version: string;
  platform: string;
}

/**
 * A project file the user chose in a dialog (or earlier, via the recent list). `id` is an opaque token the
 * main process issued for this session: the renderer names files only by these, never by path.
 */
export interface ProjectHandle {
  id: string;
  /** The file name, e.g. 社区调查.sgwp. */
  name: string;
  /** The full path, for display only. */
  location: string;
}

export interface OpenProjectRequest {
  /** Re-open a file from the recent list; without it the user picks one. */
  handleId?: string;
}

export interface OpenedProject {
  /** null in the browser, where a picked file cannot be written back. */
  handle: ProjectHandle | null;
  name: string;
  /** The file's length in bytes; its bytes are read with readProject, at most MAX_MESSAGE_BYTES per call. */
  size: number;
  /** The read session main (or the browser) opened on the file; closeProject ends it. */
  sessionId: string;
}

/**
 * A project save or read in several messages: one IPC message cannot carry more than ≈ 1 GiB, and a 10M-row
 * project is ≈ 900 MB. Ids are 128 random bits in hex, issued by the shell; an unknown id is refused.
 */
export interface ProjectSession {
  sessionId: string;
}

export interface BeginProjectSaveRequest {
  suggestedName: string;
  /** Save over this file without asking (keeping the previous version as .bak); without it: Save As. */
  handleId?: string;
  /** The file's length: the session refuses more bytes and finishes only once it has them all. */
  size: number;
}

export interface AppendProjectSaveRequest extends ProjectSession {
  /** The next pieces of the file, in order; together at most MAX_MESSAGE_BYTES. */
  parts: Uint8Array[];
}

export interface ReadProjectRequest extends ProjectSession {
  offset: number;
  /** At most MAX_MESSAGE_BYTES; a read past the end of the file is refused. */
  length: number;
}

export interface SaveProjectResult {
  saved: boolean;
  handle?: ProjectHandle;
}

/** What the native menu asks the page to do. */
export type MenuCommand = { command: 'new' | 'open' | 'save' | 'saveAs' } | { command: 'openRecent'; handleId: string };

export interface DesktopApi {
  getAppInfo(): Promise<AppInfo>;
  openFiles(req: OpenFilesRequest): Promise<OpenedFile[]>;
  saveFile(req: SaveFileRequest): Promise<SaveFileResult>;
  /** The page as the print stylesheet lays it out, as an A4 PDF (a dashboard's 导出 PDF). */
  printToPdf(req: PrintToPdfRequest): Promise<PrintToPdfResult>;
  openExternal(url: string): Promise<void>;
  /** Resolves null when the user cancels the dialog; otherwise a read session on the file (readProject, closeProject). */
  openProject(req: OpenProjectRequest): Promise<OpenedProject | null>;
  readProject(req: ReadProjectRequest): Promise<Uint8Array>;
  closeProject(req: ProjectSession): Promise<void>;
  /**
   * A save session (shared/project/transfer.ts drives it): begin (the dialog for Save As; null when cancelled)
   * → append the file's pieces in order → finish (fsync, .bak, atomic rename) or abort (the temp file removed,
   * the file on disk as it was). A session left idle is aborted by the shell.
   */
  beginProjectSave(req: BeginProjectSaveRequest): Promise<ProjectSession | null>;
  appendProjectSave(req: AppendProjectSaveRequest): Promise<void>;
  finishProjectSave(req: ProjectSession): Promise<SaveProjectResult>;
  abortProjectSave(req: ProjectSession): Promise<void>;
  /** Newest first, at most MAX_RECENT_PROJECTS, files that no longer exist left out. */
  recentProjects(): Promise<ProjectHandle[]>;
  /** The page's language, sent at start and on every switch: the native menu follows it (a no-op in a browser). */
  setLanguage(lang: Lang): Promise<void>;
  /** An event from the native menu, not a call: returns the unsubscribe function. */
  onMenuCommand(listener: (cmd: MenuCommand) => void): () => void;
}

export type DesktopMethod = keyof DesktopApi;
/** The request/response methods; each is one ipcMain.handle channel. */
export type DesktopInvokeMethod = Exclude<DesktopMethod, 'onMenuCommand'>;
export const DESKTOP_METHODS = [
  'getAppInfo',
  'openFiles',
  'saveFile',
  'printToPdf',
  'openExternal',
  'openProject',
  'readProject',
  'closeProject',
  'beginProjectSave',
  'appendProjectSave',
  'finishProjectSave',
  'abortProjectSave',
  'recentProjects',
  'setLanguage',
] as const satisfies readonly DesktopInvokeMethod[];
export const ipcChannel = (method: DesktopInvokeMethod): string => `desktop:${method}`;
/** Main → page channel carrying a MenuCommand. */
export const MENU_CHANNEL = 'desktop:menu';

export const PROJECT_EXTENSION = 'sgwp';
export const MAX_RECENT_PROJECTS = 10;

/** Largest file the desktop shell will hand across IPC in one piece (imports, exports; projects go in sessions). */
export const MAX_IPC_FILE_BYTES = 1024 * 1024 * 1024;
/** Largest piece of a project one message of a save or read session carries: far below IPC's ≈ 1 GiB. */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
/** Largest project file: its zip has no Zip64 (shared/project/zip-store.ts). */
export const MAX_PROJECT_FILE_BYTES = 0xffffffff;

export class PayloadError extends Error {}

/** Throws the PayloadError every parser here (and in desktop-sessions.ts) refuses with. */
export function bad(msg: string): never {
  throw new PayloadError(msg);
}

function parseFilters(v: unknown): FileFilter[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || v.length > 20) bad('filters must be a short list');
  return v.map((f) => {
    if (typeof f !== 'object' || f === null) bad('filter must be an object');
    const { name, extensions } = f as Record<string, unknown>;
    if (typeof name !== 'string' || name.length > 100) bad('filter name must be short text');
    if (!Array.isArray(extensions) || !extensions.every((e) => typeof e === 'string' && /^(\*|[A-Za-z0-9]{1,10})$/.test(e))) {
      bad('filter extensions must be plain extensions');
    }
    return { name, extensions: extensions as string[] };
  });
}

export function parseOpenFilesRequest(v: unknown): OpenFilesRequest {
  if (typeof v !== 'object' || v === null) bad('request must be an object');
  const r = v as Record<string, unknown>;
  if (r.title !== undefined && (typeof r.title !== 'string' || r.title.length > 200)) bad('title must be short text');
  if (r.multiple !== undefined && typeof r.multiple !== 'boolean') bad('multiple must be true or false');
  const filters = parseFilters(r.filters);
  return {
    ...(r.title !== undefined ? { title: r.title as string } : {}),
    ...(filters ? { filters } : {}),
    ...(r.multiple !== undefined ? { multiple: r.multiple as boolean } : {}),
  };
}

/** A bare file name: no folders, no reserved characters, not empty, at most 200 characters. */
export function isSafeFileName(name: string): boolean {
  // Control characters are exactly what must be refused here.
  // eslint-disable-next-line no-control-regex
  return name.length > 0 && name.length <= 200 && !/[\\/:*?"<>|\u0000-\u001f]/.test(name) && name !== '.' && name !== '..';
}

export function parseSaveFileRequest(v: unknown): SaveFileRequest {
  if (typeof v !== 'object' || v === null) bad('request must be an object');
  const r = v as Record<string, unknown>;
  if (typeof r.suggestedName !== 'string' || !isSafeFileName(r.suggestedName)) bad('suggestedName must be a plain file name');
  if (!(r.bytes instanceof Uint8Array)) bad('bytes must be a Uint8Array');
  if (r.bytes.byteLength > MAX_IPC_FILE_BYTES) bad('file too large');
  const filters = parseFilters(r.filters);
  return { suggestedName: r.suggestedName, bytes: r.bytes, ...(filters ? { filters } : {}) };
}

export function parsePrintToPdfRequest(v: unknown): PrintToPdfRequest {
  if (typeof v !== 'object' || v === null) bad('request must be an object');
  const name = (v as Record<string, unknown>).suggestedName;
  if (typeof name !== 'string' || !isSafeFileName(name) || !/\.pdf$/i.test(name)) bad('suggestedName must be a plain .pdf file name');
  return { suggestedName: name };
}

export function parseExternalUrl(v: unknown): string {
  if (typeof v !== 'string' || v.length > 2000) bad('url must be text');
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    bad('url is not valid');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:' && url.protocol !== 'mailto:') bad('only http(s) and mailto links open outside');
  return url.toString();
}

/** Handle ids are 128 random bits in hex, as issued by electron/main/projects.ts. */
export const isProjectHandleId = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f]{32}$/.test(v);

export function parseHandleId(v: unknown): { handleId?: string } {
  if (v === undefined) return {};
  if (!isProjectHandleId(v)) bad('handleId is not a project handle');
  return { handleId: v };
}

export function parseOpenProjectRequest(v: unknown): OpenProjectRequest {
  if (typeof v !== 'object' || v === null) bad('request must be an object');
  return parseHandleId((v as Record<string, unknown>).handleId);
}

/** At most this many pieces in one message (a 10M-row table comes in ≈5,000 of the engine's batches). */
export const MAX_FILE_PARTS = 1_000_000;

export function parseLanguage(v: unknown): Lang {
  if (!isLang(v)) bad('language must be zh-CN or en');
  return v;
}

const SIMPLE_COMMANDS: ReadonlySet<string> = new Set(['new', 'open', 'save', 'saveAs']);

export function parseMenuCommand(v: unknown): MenuCommand {
  if (typeof v !== 'object' || v === null) bad('menu command must be an object');
  const { command, handleId } = v as Record<string, unknown>;
  if (command === 'openRecent') {
    if (!isProjectHandleId(handleId)) bad('openRecent needs a project handle');
    return { command, handleId };
  }
  if (typeof command !== 'string' || !SIMPLE_COMMANDS.has(command)) bad('unknown menu command');
  return { command } as MenuCommand;
}
