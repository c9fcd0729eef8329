import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';

/*
 * duckdb-wasm's wasm is an Emscripten dynamic-linking main module with 75,011 exports (7.5 MB of names), and
 * its glue walks them all after instantiating (≈0.6 s of JS on the start-up's critical path, profiled): a
 * table slot and a WebAssembly.Global for each, for side modules (extensions) that this app never loads
 * (offline, shared/sql/offline.ts). So the web build ships the wasm with only the exports anything can ask
 * for (docs/architecture.md "Start-up").
 */

const readLeb = (b: Uint8Array, p: number): [number, number] => {
  let value = 0;
  for (let scale = 1; ; scale *= 128) {
    const byte = b[p++];
    value += (byte & 127) * scale;
    if (!(byte & 128)) return [value, p];
  }
};
const leb = (n: number): number[] => {
  const out: number[] = [];
  do {
    const low = n % 128;
    n = Math.floor(n / 128);
    out.push(n ? low | 128 : low);
  } while (n);
  return out;
};

/**
 * The wasm with only the exports anything can ask for: a name the glue or duckdb's JS mentions (as `name`,
 * `_name` or `wasmExports.name`; the JS reaches exports by names written in it, and `orig$` and `dynCall_` by
 * prefix), one the module imports from itself through the GOT, and the `orig$` twin of a kept name. The code,
 * data and every other section are the same bytes. The rest served only dlopen'ed side modules.
 */
export function stripExports(wasm: Uint8Array<ArrayBuffer>, glue: string): { bytes: Uint8Array<ArrayBuffer>; kept: string[]; dropped: number } {
  const module = new WebAssembly.Module(wasm);
  const fromGot = new Set(WebAssembly.Module.imports(module).filter((i) => i.module.startsWith('GOT.')).map((i) => i.name));
  const words = new Set(glue.match(/[A-Za-z_$][\w$]*/g));
  const keep = (name: string): boolean =>
    fromGot.has(name) || words.has(name) || words.has(`_${name}`) || name.startsWith('dynCall_') || (name.startsWith('orig$') && keep(name.slice(5)));
  const parts: Uint8Array[] = [wasm.subarray(0, 8)];
  const kept: string[] = [];
  let dropped = 0;
  for (let p = 8; p < wasm.length; ) {
    const start = p;
    const id = wasm[p++];
    const [size, body] = readLeb(wasm, p);
    const end = body + size;
    if (id !== 7 /* export section */) {
      parts.push(wasm.subarray(start, end));
      p = end;
      continue;
    }
    let [count, q] = readLeb(wasm, body);
    const entries: Uint8Array[] = [];
    for (; count > 0; count--) {
      const from = q;
      const [len, name] = readLeb(wasm, q);
      const text = new TextDecoder().decode(wasm.subarray(name, name + len));
      q = readLeb(wasm, name + len + 1 /* kind */)[1];
      if (keep(text)) {
        entries.push(wasm.subarray(from, q));
        kept.push(text);
      } else dropped++;
    }
    const content = [Uint8Array.from(leb(entries.length)), ...entries];
    parts.push(Uint8Array.from([7, ...leb(content.reduce((n, c) => n + c.length, 0))]), ...content);
    p = end;
  }
  const bytes = new Uint8Array(parts.reduce((n, c) => n + c.length, 0));
  parts.reduce((at, c) => (bytes.set(c, at), at + c.length), 0);
  return { bytes, kept, dropped };
}

const GLUE = '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js';
const WASM = '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm';
const SOURCE = `${WASM}?url`;
const RESOLVED = '\0sgw-duckdb-eh.wasm';

/**
 * For the engine worker's bundle (vite.config.ts worker.plugins): its `?url` import of duckdb's wasm gets the
 * stripped one, emitted as an asset of its own (its name's hash is of what is shipped). The dev server
 * serves duckdb's wasm as it is.
 */
export function duckdbWasm(): Plugin {
  const require = createRequire(import.meta.url);
  return {
    name: 'sgw-duckdb-wasm',
    apply: 'build',
    enforce: 'pre',
    resolveId: (source) => (source === SOURCE ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      const [wasm, glue] = await Promise.all([readFile(require.resolve(WASM)), readFile(require.resolve(GLUE), 'utf8')]);
      const ref = this.emitFile({ type: 'asset', name: path.basename(WASM), source: stripExports(new Uint8Array(wasm), glue).bytes });
      return `export default import.meta.ROLLDOWN_FILE_URL_${ref};`;
    },
  };
}
