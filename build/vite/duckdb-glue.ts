import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * duckdb-wasm's browser worker script (its Emscripten glue) does ≈0.6 s of JS after the wasm is instantiated
 * and before DuckDB can open, on the start-up's critical path (docs/architecture.md "Start-up"): the wasm is
 * built as a dynamic-linking main module, so the glue walks its 75,011 exports several times. Most of that
 * only serves side modules (extensions) loaded later; this build loads none (offline, shared/sql/offline.ts).
 * Each edit keeps the glue's behaviour and only changes when or how often the work is done:
 */
const EDITS: { why: string; from: string; to: string }[] = [
  {
    // A function export that no module has imported through the GOT yet is kept aside instead of being given a
    // table slot and a WebAssembly.Global at once (54,004 of them at start-up). lazyGOT(name) makes that entry,
    // with the same slot and value, the first time anything asks for it: a side module's GOT import
    // (GOTHandler), or the next module exporting the same name (updateGOT, which then decides as before).
    why: 'the GOT, lazily: its table',
    from: 'var GOT={},',
    to: 'var GOT={},sgwLazyFns=Object.create(null),sgwLazyGOT=t=>{if(!(t in sgwLazyFns))return;var n=sgwLazyFns[t];delete sgwLazyFns[t];var r=GOT[t]=new WebAssembly.Global({value:"i32",mutable:!0});return r.value=addFunction(n),r},',
  },
  {
    why: 'the GOT, lazily: a module importing an entry',
    from: 'GOTHandler={get(e,t){var r=GOT[t];',
    to: 'GOTHandler={get(e,t){var r=GOT[t]||sgwLazyGOT(t);',
  },
  {
    why: 'the GOT, lazily: a module exporting a name',
    from: 'r.startsWith("orig$")&&(r=r.split("$")[1],t=!0),GOT[r]||(GOT[r]=',
    to: 'r.startsWith("orig$")&&(r=r.split("$")[1],t=!0);if(!GOT[r]&&!(r in sgwLazyFns)&&typeof n=="function"){sgwLazyFns[r]=n;continue}GOT[r]||sgwLazyGOT(r)||(GOT[r]=',
  },
  {
    // Its only caller passes the glue's own relocated copy of the exports, which nothing else holds (it
    // is replaced by the result), so converting in place skips copying 75,011 properties.
    why: 'signature conversions in place',
    from: 'function applySignatureConversions(e){e=Object.assign({},e);',
    to: 'function applySignatureConversions(e){',
  },
  {
    // The same walk without building an array per export.
    why: 'dynCall symbols without Object.entries',
    from: 'registerDynCallSymbols=e=>{for(var[t,r]of Object.entries(e))t.startsWith("dynCall_")&&!Module.hasOwnProperty(t)&&(Module[t]=r)}',
    to: 'registerDynCallSymbols=e=>{for(var t in e)t.startsWith("dynCall_")&&!Module.hasOwnProperty(t)&&(Module[t]=e[t])}',
  },
  {
    why: 'merged symbols without Object.entries',
    from: 'for(var[r,n]of Object.entries(e))(l=>{isSymbolDefined(l)||(wasmImports[l]=n)})(r)',
    to: 'for(var r in e)isSymbolDefined(r)||(wasmImports[r]=e[r])',
  },
];

/** The glue with every edit made; throws, naming it, when an edit's text is not there exactly once (another duckdb-wasm). */
export function patchDuckdbGlue(source: string): string {
  let out = source;
  for (const { why, from, to } of EDITS) {
    const at = out.indexOf(from);
    if (at < 0 || out.indexOf(from, at + 1) >= 0) throw new Error(`duckdb-wasm glue: "${why}" expects its text exactly once (another duckdb-wasm version?)`);
    out = out.slice(0, at) + to + out.slice(at + from.length);
  }
  return out;
}

const SOURCE = '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
const RESOLVED = '\0sgw-duckdb-glue';

/**
 * For the engine worker's bundle (vite.config.ts worker.plugins): its `?url` import of duckdb's worker script
 * gets the patched script, emitted as an asset of its own (so its name's hash is the patched text's).
 * The dev server serves duckdb's script as it is.
 */
export function duckdbGlue(): Plugin {
  return {
    name: 'sgw-duckdb-glue',
    apply: 'build',
    enforce: 'pre',
    resolveId: (source) => (source === SOURCE ? RESOLVED : undefined),
    async load(id) {
      if (id !== RESOLVED) return undefined;
      const file = createRequire(import.meta.url).resolve(SOURCE.replace(/\?url$/, ''));
      const ref = this.emitFile({ type: 'asset', name: path.basename(file), source: patchDuckdbGlue(await readFile(file, 'utf8')) });
      return `export default import.meta.ROLLDOWN_FILE_URL_${ref};`;
    },
  };
}
