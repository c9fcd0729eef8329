/**
 * The ONE declaration of what the UI may ask of the desktop shell.
 * Electron's preload exposes exactly this as `window.desktop`; renderer/desktop has the browser fallback;
 * electron/main registers one IPC handler per method, each validating its payload with the parsers below.
 */
export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface OpenFilesRequest {
  title?: string;
  filters?: FileFilter[];
  multiple?: boolean;
}

export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
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

export interface AppInfo {
  shell: 'electron' | 'web';
  version: string;
  platform: string;
}

export interface DesktopApi {
  getAppInfo(): Promise<AppInfo>;
  openFiles(req: OpenFilesRequest): Promise<OpenedFile[]>;
  saveFile(req: SaveFileRequest): Promise<SaveFileResult>;
  openExternal(url: string): Promise<void>;
}

export type DesktopMethod = keyof DesktopApi;
export const DESKTOP_METHODS = ['getAppInfo', 'openFiles', 'saveFile', 'openExternal'] as const satisfies readonly DesktopMethod[];
export const ipcChannel = (method: DesktopMethod): string => `desktop:${method}`;

/** Largest file the desktop shell will hand across IPC in one piece. */
export const MAX_IPC_FILE_BYTES = 1024 * 1024 * 1024;

export class PayloadError extends Error {}

function bad(msg: string): never {
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

/** Turns any text into a safe bare file name with `extension` (bad characters become _). */
export function toSafeFileName(name: string, extension: string, fallback = 'untitled'): string {
  const ext = `.${extension}`;
  // eslint-disable-next-line no-control-regex
  let base = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim();
  if (base.toLowerCase().endsWith(ext.toLowerCase())) base = base.slice(0, -ext.length);
  base = base.replace(/^\.+/, '').slice(0, 200 - ext.length) || fallback;
  return `${base}${ext}`;
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
