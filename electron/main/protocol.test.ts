import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  APP_SCHEME_PRIVILEGES,
  CONTENT_SECURITY_POLICY,
  createAppProtocolHandler,
  isAppUrl,
  mimeTypeFor,
  registerAppProtocol,
  rendererRoot,
  resolveBundlePath,
} from './protocol';

const ROOT = '/opt/app/dist/renderer';

describe('resolveBundlePath', () => {
  it('maps app://bundle/<path> under the root and / to index.html', () => {
    expect(resolveBundlePath(ROOT, 'app://bundle/')).toBe(`${ROOT}/index.html`);
    expect(resolveBundlePath(ROOT, 'app://bundle')).toBe(`${ROOT}/index.html`);
    expect(resolveBundlePath(ROOT, 'app://bundle/assets/')).toBe(`${ROOT}/assets/index.html`);
    expect(resolveBundlePath(ROOT, 'app://bundle/assets/duckdb-eh.wasm')).toBe(`${ROOT}/assets/duckdb-eh.wasm`);
    expect(resolveBundlePath(ROOT, 'app://BUNDLE/a.js?v=1#x')).toBe(`${ROOT}/a.js`);
    expect(resolveBundlePath(ROOT, 'app://bundle/data/%E4%BA%BA%E5%8F%A3.csv')).toBe(`${ROOT}/data/人口.csv`);
  });

  it('refuses other schemes and hosts', () => {
    expect(resolveBundlePath(ROOT, 'file:///etc/passwd')).toBeNull();
    expect(resolveBundlePath(ROOT, 'https://bundle/index.html')).toBeNull();
    expect(resolveBundlePath(ROOT, 'app://evil/index.html')).toBeNull();
    expect(resolveBundlePath(ROOT, 'app://bundle:8080/index.html')).toBeNull();
    expect(resolveBundlePath(ROOT, 'not a url')).toBeNull();
  });

  it('never leaves the root', () => {
    const attacks = [
      'app://bundle/..%2f..%2fetc/passwd',
      'app://bundle/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      'app://bundle/assets/..%5c..%5c..%5cetc%5cpasswd',
      'app://bundle/a\\..\\..\\..\\etc\\passwd',
      'app://bundle/index.html%00.png',
      'app://bundle/%E0%A4%A', // malformed escape
    ];
    for (const url of attacks) expect(resolveBundlePath(ROOT, url), url).toBeNull();
    // Dot segments the URL parser folds away stay inside the root.
    expect(resolveBundlePath(ROOT, 'app://bundle/../../etc/passwd')).toBe(`${ROOT}/etc/passwd`);
    expect(resolveBundlePath(ROOT, 'app://bundle/%2e%2e/%2E%2e/etc/passwd')).toBe(`${ROOT}/etc/passwd`);
    expect(resolveBundlePath(ROOT, 'app://bundle/%2e%2e')).toBe(`${ROOT}/index.html`);
    // An "absolute" path is just a path under the root.
    expect(resolveBundlePath(ROOT, 'app://bundle//etc/passwd')).toBe(`${ROOT}/etc/passwd`);
  });

  it('refuses Windows drive letters, UNC-ish paths and streams', () => {
    const win = path.win32;
    const root = 'C:\\Program Files\\SGW\\resources\\app.asar\\dist\\renderer';
    expect(resolveBundlePath(root, 'app://bundle/assets/a.js', win)).toBe(`${root}\\assets\\a.js`);
    expect(resolveBundlePath(root, 'app://bundle/C:/Windows/win.ini', win)).toBeNull();
    expect(resolveBundlePath(root, 'app://bundle/C%3A%5CWindows%5Cwin.ini', win)).toBeNull();
    expect(resolveBundlePath(root, 'app://bundle/..%5C..%5Csecret', win)).toBeNull();
    expect(resolveBundlePath(root, 'app://bundle/index.html::$DATA', win)).toBeNull();
  });
});

describe('isAppUrl', () => {
  it('accepts only the bundle origin', () => {
    expect(isAppUrl('app://bundle/index.html')).toBe(true);
    expect(isAppUrl('app://bundle/')).toBe(true);
    expect(isAppUrl('app://other/')).toBe(false);
    expect(isAppUrl('https://example.com/')).toBe(false);
    expect(isAppUrl('')).toBe(false);
  });
});

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['duckdb-eh.wasm', 'application/wasm'],
    ['main.js', 'text/javascript; charset=utf-8'],
    ['worker.MJS', 'text/javascript; charset=utf-8'],
    ['catalog.json', 'application/json; charset=utf-8'],
    ['style.css', 'text/css; charset=utf-8'],
    ['data.csv', 'text/csv; charset=utf-8'],
    ['logo.svg', 'image/svg+xml'],
    ['icon.png', 'image/png'],
    ['font.woff2', 'font/woff2'],
    ['query.sql', 'application/sql'],
    ['LICENSE', 'application/octet-stream'],
  ])('%s -> %s', (file, type) => expect(mimeTypeFor(file)).toBe(type));
});

describe('createAppProtocolHandler', () => {
  let root: string;
  let outside: string;

  beforeAll(async () => {
    const base = await mkdtemp(path.join(tmpdir(), 'sgw-protocol-'));
    root = path.join(base, 'dist', 'renderer');
    outside = path.join(base, 'secret.txt');
    await mkdir(path.join(root, 'assets'), { recursive: true });
    await writeFile(path.join(root, 'index.html'), '<!doctype html><title>x</title>');
    await writeFile(path.join(root, 'assets', 'duckdb-eh.wasm'), new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
    await writeFile(path.join(root, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(outside, 'top secret');
  });
  afterAll(async () => rm(path.dirname(path.dirname(root)), { recursive: true, force: true }));

  const get = (url: string, method = 'GET') => createAppProtocolHandler(root)(new Request(url, { method }));

  it('serves index.html for / with the CSP header', async () => {
    const res = await get('app://bundle/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = res.headers.get('content-security-policy');
    expect(csp).toBe(CONTENT_SECURITY_POLICY);
    for (const directive of [
      "default-src 'self'",
      "script-src 'self' 'wasm-unsafe-eval'",
      "worker-src 'self' blob:",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      "font-src 'self' data:",
      "connect-src 'self' blob: data:",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(await res.text()).toContain('<title>x</title>');
  });

  it('serves .wasm as application/wasm with its length and without CSP', async () => {
    const res = await get('app://bundle/assets/duckdb-eh.wasm');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/wasm');
    expect(res.headers.get('content-length')).toBe('8');
    expect(res.headers.get('content-security-policy')).toBeNull();
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  });

  it('answers HEAD without a body', async () => {
    const res = await get('app://bundle/assets/app.js', 'HEAD');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.body).toBeNull();
  });

  it('404s for missing files, folders and escapes from the root', async () => {
    expect((await get('app://bundle/missing.js')).status).toBe(404);
    expect((await get('app://bundle/assets')).status).toBe(404);
    expect((await get('app://bundle/..%2fsecret.txt')).status).toBe(404);
    expect((await get('app://bundle/..%2f..%2fsecret.txt')).status).toBe(404);
    expect((await get(`app://bundle/${encodeURIComponent(outside)}`)).status).toBe(404);
  });

  it('refuses writes', async () => {
    expect((await get('app://bundle/index.html', 'POST')).status).toBe(405);
  });

  it('follows symlinks only while they stay inside the renderer folder', async () => {
    const base = path.dirname(path.dirname(root));
    await mkdir(path.join(base, 'elsewhere'), { recursive: true });
    await writeFile(path.join(base, 'elsewhere', 'x.js'), 'outside');
    await symlink(outside, path.join(root, 'leak.txt'));
    await symlink(path.join(base, 'elsewhere'), path.join(root, 'linked-dir'));
    await symlink(path.join(root, 'assets', 'app.js'), path.join(root, 'alias.js'));
    await symlink('../secret.txt', path.join(root, 'assets', 'relative-leak.txt'));
    for (const url of ['app://bundle/leak.txt', 'app://bundle/linked-dir/x.js', 'app://bundle/assets/relative-leak.txt']) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(await res.text(), url).not.toMatch(/secret|outside/);
      expect((await get(url, 'HEAD')).status, url).toBe(404);
    }
    const alias = await get('app://bundle/alias.js');
    expect(alias.status).toBe(200);
    expect(await alias.text()).toBe('console.log(1)');
  });

  it('serves from a renderer folder that is itself reached through a symlink', async () => {
    const base = path.dirname(path.dirname(root));
    const linkedRoot = path.join(base, 'linked-renderer');
    await symlink(root, linkedRoot);
    const res = await createAppProtocolHandler(linkedRoot)(new Request('app://bundle/assets/app.js'));
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('console.log(1)');
  });
});

describe('content security policy', () => {
  it('is the same in the app:// header and in index.html (web mode), and forbids form submissions', async () => {
    const html = await readFile(path.resolve(__dirname, '../../renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY.split('; ')).toContain("form-action 'none'");
  });
});

describe('registration', () => {
  it('declares the scheme with the privileges the DuckDB worker and fetch need, and V8 code cache for the next start', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true, codeCache: true },
    });
  });

  it('registers a handler for app:// rooted at dist/renderer', () => {
    const protocol = { handle: vi.fn() };
    registerAppProtocol(protocol, rendererRoot('/opt/app/resources/app.asar'));
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(rendererRoot('/opt/app/resources/app.asar')).toBe(path.join('/opt/app/resources/app.asar', 'dist', 'renderer'));
  });
});
