import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { patchDuckdbGlue } from '../../build/vite/duckdb-glue.ts';

// The web build ships duckdb's worker script with its start-up glue made cheaper (build/vite/duckdb-glue.ts).
// That it still starts the engine is what every e2e spec runs on; here: the edits fit the installed
// duckdb-wasm, and another version fails the build instead of shipping the script unpatched or broken.
const glue = await readFile(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js'), 'utf8');

describe('duckdb-wasm glue patch (web build)', () => {
  it('makes every edit to the installed script, which still parses', () => {
    const patched = patchDuckdbGlue(glue);
    expect(patched).not.toBe(glue);
    // the GOT is filled lazily: the function exports no module imported are kept aside …
    expect(patched).toContain('{sgwLazyFns[r]=n;continue}');
    // … and every reader of an entry makes it first
    expect(patched).toContain('GOTHandler={get(e,t){var r=GOT[t]||sgwLazyGOT(t);');
    expect(patched).toContain('GOT[r]||sgwLazyGOT(r)||(GOT[r]=');
    expect(patched).not.toContain('e=Object.assign({},e);');
    expect(patched).not.toContain('Object.entries(e))t.startsWith("dynCall_")');
    // The GOT's other readers, reviewed for this patch: getMemory (__heap_base, a number, never kept aside) and
    // the undefined-symbol check (it looks at existing entries only; the kept-aside ones are defined). A glue
    // with another mention of the GOT needs that review again.
    expect(glue.match(/(?<![\w$.])GOT\b/g)?.length).toBe(14);
    expect(() => new vm.Script(patched, { filename: 'duckdb-browser-eh.worker.js' })).not.toThrow();
  });

  it('fails, naming the edit, when the text it changes is not there exactly once', () => {
    expect(() => patchDuckdbGlue(glue.replace('function applySignatureConversions(e){e=Object.assign({},e);', 'function applySignatureConversions(e){'))).toThrow(/signature conversions in place/);
    expect(() => patchDuckdbGlue(`${glue};var GOT={},x=1;`)).toThrow(/the GOT, lazily: its table/);
    expect(() => patchDuckdbGlue('')).toThrow(/another duckdb-wasm version/);
  });
});
