/**
 * DesktopApi for a plain browser (`npm run web`, e2e tests): file input to open, a download to save,
 * a new tab for links. Payloads go through the same parsers as in Electron so both shells agree.
 * A browser page cannot write back to a file it was given, so projects have no handles and no recent list.
 */
import {
  MAX_IPC_FILE_BYTES,
  PROJECT_EXTENSION,
  parseExternalUrl,
  parseLanguage,
  parseOpenFilesRequest,
  parseOpenProjectRequest,
  parsePrintToPdfRequest,
  parseSaveFileRequest,
  type DesktopApi,
  type FileFilter,
  type OpenedFile,
} from '../../shared/desktop-api';
import { parseAppendProjectSaveRequest, parseBeginProjectSaveRequest, parseProjectSession, parseReadProjectRequest } from '../../shared/desktop-sessions';

export interface BrowserEnv {
  document: Pick<Document, 'createElement' | 'body'>;
  open(url: string, target: string, features: string): unknown;
  createObjectURL(blob: Blob): string;
  revokeObjectURL(url: string): void;
  setTimeout(fn: () => void, ms: number): unknown;
  /** The browser's print dialog (its 另存为 PDF writes the file). */
  print(): void;
  version: string;
  platform: string;
}

/** Same vocabulary as Node's process.platform, so UI code can branch once for both shells. */
export function normalizePlatform(raw: string): string {
  if (/^win/i.test(raw)) return 'win32';
  if (/^mac|iphone|ipad/i.test(raw)) return 'darwin';
  if (/linux|android/i.test(raw)) return 'linux';
  return raw || 'unknown';
}

/** The `accept` attribute for the filters, or '' when any filter allows every file. */
export function acceptFor(filters: FileFilter[] | undefined): string {
  if (!filters || filters.length === 0) return '';
  const exts = filters.flatMap((f) => f.extensions);
  if (exts.includes('*')) return '';
  return [...new Set(exts.map((e) => `.${e.toLowerCase()}`))].join(',');
}

// Chromium keeps reading a blob URL after click() returns; revoking at once can cut the download.
const REVOKE_AFTER_MS = 40_000;

function defaultEnv(): BrowserEnv {
  return {
    // Through globalThis so that building the env (e.g. in Node tests with overrides) never throws.
    document: globalThis.document,
    open: (url, target, features) => window.open(url, target, features),
    createObjectURL: (blob) => URL.createObjectURL(blob),
    revokeObjectURL: (url) => URL.revokeObjectURL(url),
    setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
    print: () => window.print(),
    version: '0.0.0',
    platform: normalizePlatform(globalThis.navigator?.platform ?? ''),
  };
}

/** The picked Files themselves, not their bytes: whoever uses one reads it (the import worker, by slices). */
function openedFiles(files: File[]): OpenedFile[] {
  const tooLarge = files.find((f) => f.size > MAX_IPC_FILE_BYTES);
  if (tooLarge) {
    const mb = (n: number) => `${Math.ceil(n / (1024 * 1024))} MB`;
    throw new Error(`"${tooLarge.name}" is ${mb(tooLarge.size)}; files larger than ${mb(MAX_IPC_FILE_BYTES)} cannot be opened`);
  }
  return files.map((f) => ({ name: f.name, blob: f }));
}

function pickFiles(env: BrowserEnv, accept: string, multiple: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    const input = env.document.createElement('input');
    input.type = 'file';
    input.multiple = multiple;
    if (accept) input.accept = accept;
    input.style.display = 'none';
    const finish = (files: File[]) => {
      input.remove();
      resolve(files);
    };
    input.addEventListener('change', () => finish(Array.from(input.files ?? [])), { once: true });
    input.addEventListener('cancel', () => finish([]), { once: true });
    env.document.body.append(input);
    input.click();
  });
}

/** `parts`: the file's bytes in pieces; the Blob takes them as they are (never joined into one buffer here). */
function download(env: BrowserEnv, name: string, parts: readonly Uint8Array[]): void {
  // Blob wants ArrayBuffer-backed views; copy only a piece that lives in a SharedArrayBuffer.
  const blobParts = parts.map((p) => (p.buffer instanceof ArrayBuffer ? (p as Uint8Array<ArrayBuffer>) : new Uint8Array(p)));
  const url = env.createObjectURL(new Blob(blobParts, { type: 'application/octet-stream' }));
  const a = env.document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  env.document.body.append(a);
  a.click();
  a.remove();
  env.setTimeout(() => env.revokeObjectURL(url), REVOKE_AFTER_MS);
}

/** A session id as the desktop shell issues them: 128 random bits in hex. */
const newSessionId = () => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

function session<T>(sessions: Map<string, T>, id: string): T {
  const s = sessions.get(id);
  if (!s) throw new Error('unknown or ended session');
  return s;
}

export function createBrowserDesktop(overrides: Partial<BrowserEnv> = {}): DesktopApi {
  const env: BrowserEnv = { ...defaultEnv(), ...overrides };
  // The same sessions as the desktop shell's, in the page: a picked File is read by slices (so a project
  // over 1 GiB opens here too), a save's pieces are kept by reference until finish makes the Blob.
  const reads = new Map<string, File>();
  const saves = new Map<string, { name: string; size: number; parts: Uint8Array[] }>();

  return {
    async getAppInfo() {
      return { shell: 'web', version: env.version, platform: env.platform };
    },

    async openFiles(raw) {
      const req = parseOpenFilesRequest(raw);
      const files = await pickFiles(env, acceptFor(req.filters), req.multiple ?? false);
      return openedFiles(files);
    },

    async saveFile(raw) {
      const req = parseSaveFileRequest(raw);
      download(env, req.suggestedName, [req.bytes]);
      return { saved: true, location: req.suggestedName };
    },

    async printToPdf(raw) {
      parsePrintToPdfRequest(raw);
      env.print();
      return { saved: false, printDialog: true };
    },

    async openExternal(raw) {
      env.open(parseExternalUrl(raw), '_blank', 'noopener');
    },

    async openProject(raw) {
      // The recent list is always empty here, so no handle id can be valid.
      if (parseOpenProjectRequest(raw).handleId) throw new Error('recent projects are only available in the desktop app');
      const [file] = await pickFiles(env, `.${PROJECT_EXTENSION}`, false);
      if (!file) return null;
      const sessionId = newSessionId();
      reads.set(sessionId, file);
      return { handle: null, name: file.name, size: file.size, sessionId };
    },

    async readProject(raw) {
      const req = parseReadProjectRequest(raw);
      const file = session(reads, req.sessionId);
      if (req.offset + req.length > file.size) throw new Error('read past the end of the file');
      return new Uint8Array(await file.slice(req.offset, req.offset + req.length).arrayBuffer());
    },

    async closeProject(raw) {
      reads.delete(parseProjectSession(raw).sessionId);
    },

    async beginProjectSave(raw) {
      // Every save is a download: the browser decides where it goes (no dialog to cancel here).
      const req = parseBeginProjectSaveRequest(raw);
      const sessionId = newSessionId();
      saves.set(sessionId, { name: req.suggestedName, size: req.size, parts: [] });
      return { sessionId };
    },

    async appendProjectSave(raw) {
      const req = parseAppendProjectSaveRequest(raw);
      const s = session(saves, req.sessionId);
      s.parts.push(...req.parts);
    },

    async finishProjectSave(raw) {
      const { sessionId } = parseProjectSession(raw);
      const s = session(saves, sessionId);
      saves.delete(sessionId);
      const got = s.parts.reduce((n, p) => n + p.length, 0);
      if (got !== s.size) throw new Error(`${got} of ${s.size} bytes written`);
      download(env, s.name, s.parts);
      return { saved: true };
    },

    async abortProjectSave(raw) {
      saves.delete(parseProjectSession(raw).sessionId);
    },

    async recentProjects() {
      return [];
    },

    async setLanguage(raw) {
      // No native menu to translate; the request is still checked so both shells refuse the same input.
      parseLanguage(raw);
    },

    onMenuCommand() {
      // No native menu in a browser: the page's own 项目 menu and shortcuts are the only way in.
      return () => undefined;
    },
  };
}
