/**
 * The privileged app:// scheme that serves the built renderer (dist/renderer).
 * The page cannot run from file:// (CORS blocks the DuckDB worker and .wasm), so it runs from
 * app://bundle/ instead. Path resolution and MIME lookup are pure so they are tested without Electron.
 */
import { createReadStream } from 'node:fs';
import { realpath as fsRealpath, stat as fsStat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { CustomScheme, Protocol } from 'electron';

export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/`;

// codeCache: Electron keeps V8's code cache only for http(s) unless a (standard) scheme asks for it; with it a
// returning user's start-up skips compiling the app's JS (2–3 MB: React, CodeMirror, ECharts, Arrow, duckdb's
// worker script) again. Chromium caches compiled wasm through the same per-resource code cache; whether
// Electron applies that to app:// cannot be checked on this machine (its binary does not run).
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true, codeCache: true },
};

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' blob: data:",
  "object-src 'none'",
  "base-uri 'self'",
  // No form ever submits anywhere: the app's forms are handled in script.
  "form-action 'none'",
].join('; ');

/** The folder the renderer is served from, inside the app (an asar archive when packaged). */
export function rendererRoot(appPath: string): string {
  return path.join(appPath, 'dist', 'renderer');
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.sql': 'application/sql',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.parquet': 'application/vnd.apache.parquet',
  '.arrow': 'application/vnd.apache.arrow.stream',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

function isAppOrigin(url: URL): boolean {
  return url.protocol === `${APP_SCHEME}:` && url.hostname.toLowerCase() === APP_HOST && url.port === '';
}

/** True for URLs of the bundled renderer (app://bundle/...), the only origin trusted with the desktop API. */
export function isAppUrl(value: string): boolean {
  try {
    return isAppOrigin(new URL(value));
  } catch {
    return false;
  }
}

type PathApi = Pick<typeof path, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>;

/**
 * Maps `app://bundle/<path>` to a file under `root`, or null when the URL is foreign or the path
 * would leave the root. `pathApi` is injectable so Windows semantics can be tested on Linux.
 */
export function resolveBundlePath(root: string, requestUrl: string, pathApi: PathApi = path): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (!isAppOrigin(url)) return null;

  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  // The URL parser already folds plain and %2e dot segments; what survives decoding is either a file
  // name or an attack (encoded separators, NUL, Windows drive letters and alternate data streams).
  const segments = decoded.split(/[/\\]/).filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.' || s.includes('\0') || s.includes(':'))) return null;
  if (decoded.endsWith('/') || segments.length === 0) segments.push('index.html');

  const resolvedRoot = pathApi.resolve(root);
  const full = pathApi.resolve(resolvedRoot, ...segments);
  const rel = pathApi.relative(resolvedRoot, full);
  if (rel === '' || rel.startsWith('..') || pathApi.isAbsolute(rel)) return null;
  return full;
}

export interface ProtocolFs {
  /** Resolves symlinks (Electron's fs resolves paths inside app.asar too). */
  realpath(file: string): Promise<string>;
  stat(file: string): Promise<{ size: number; isFile(): boolean }>;
  /** A web stream of the file's bytes. */
  open(file: string): ReadableStream<Uint8Array>;
}

const nodeFs: ProtocolFs = {
  realpath: (file) => fsRealpath(file),
  stat: (file) => fsStat(file),
  open: (file) => Readable.toWeb(createReadStream(file)) as unknown as ReadableStream<Uint8Array>,
};

function headersFor(file: string, size: number): Headers {
  const type = mimeTypeFor(file);
  const headers = new Headers({
    'Content-Type': type,
    'Content-Length': String(size),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  });
  if (type.startsWith('text/html')) headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  return headers;
}

function status(code: number, text: string): Response {
  return new Response(text, { status: code, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** `file` lies strictly inside `root` (both already resolved). */
function isInside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
}

/**
 * The `protocol.handle` callback, usable with any fetch-style Request. The URL must map under the root
 * (resolveBundlePath) and so must the file's real path: a symlink in the renderer folder that leads out of
 * it is refused like `..` would be. The file is then read through its real path.
 */
export function createAppProtocolHandler(root: string, fs: ProtocolFs = nodeFs): (req: Request) => Promise<Response> {
  let realRoot: Promise<string> | undefined;
  return async (req) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return status(405, 'Method Not Allowed');
    const file = resolveBundlePath(root, req.url);
    if (!file) return status(404, 'Not Found');
    let real: string;
    let size: number;
    try {
      // Resolved once; a failure is retried on the next request rather than remembered.
      realRoot ??= fs.realpath(root).catch((e: unknown) => {
        realRoot = undefined;
        throw e;
      });
      const rootReal = await realRoot;
      real = await fs.realpath(file);
      if (!isInside(rootReal, real)) return status(404, 'Not Found');
      const st = await fs.stat(real);
      if (!st.isFile()) return status(404, 'Not Found');
      size = st.size;
    } catch {
      return status(404, 'Not Found');
    }
    const headers = headersFor(real, size);
    if (req.method === 'HEAD') return new Response(null, { status: 200, headers });
    return new Response(fs.open(real), { status: 200, headers });
  };
}

export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, root: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(root));
}
