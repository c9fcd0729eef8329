import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import { afterAll, describe, expect, it } from 'vitest';
import { stripExports } from '../../build/vite/duckdb-wasm.ts';

// The web build ships duckdb's wasm with only the exports its glue can ask for (build/vite/duckdb-wasm.ts).
// That the app still starts and answers on it is what every e2e spec runs on; here: what is kept and what
// is dropped from the installed wasm, that nothing else changes, and that it still runs as an engine.
const require = createRequire(import.meta.url);
const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'));
const glue = await readFile(path.join(dist, 'duckdb-browser-eh.worker.js'), 'utf8');
const wasm = new Uint8Array(await readFile(path.join(dist, 'duckdb-eh.wasm')));

/** Every section but the exports, as bytes (id + content). */
function otherSections(b: Uint8Array): string[] {
  const out: string[] = [];
  for (let p = 8; p < b.length; ) {
    const id = b[p];
    let size = 0;
    let q = p + 1;
    for (let scale = 1; ; scale *= 128) {
      const byte = b[q++];
      size += (byte & 127) * scale;
      if (!(byte & 128)) break;
    }
    if (id !== 7) out.push(`${id}:${Buffer.from(b.subarray(q, q + size)).toString('base64')}`);
    p = q + size;
  }
  return out;
}

let tmp: string | undefined;
afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

describe('duckdb-wasm exports (web build)', () => {
  const { bytes, kept, dropped } = stripExports(wasm, glue);
  const before = WebAssembly.Module.exports(new WebAssembly.Module(wasm));

  it('keeps the exports the glue names and the module imports through its GOT, and no others', () => {
    const after = WebAssembly.Module.exports(new WebAssembly.Module(bytes));
    expect(after.map((e) => e.name)).toEqual(kept);
    expect(after.length + dropped).toBe(before.length);
    expect(dropped).toBeGreaterThan(70_000);
    const got = WebAssembly.Module.imports(new WebAssembly.Module(wasm)).filter((i) => i.module.startsWith('GOT.')).map((i) => i.name);
    const names = new Set(kept);
    for (const n of [...got.filter((g) => before.some((e) => e.name === g)), 'duckdb_web_open', 'duckdb_web_query_run_buffer', 'malloc', 'free', '__wasm_call_ctors', '__wasm_apply_data_relocs']) {
      expect(names.has(n), n).toBe(true);
    }
    const words = new Set(glue.match(/[A-Za-z_$][\w$]*/g));
    for (const e of before) if (words.has(e.name) || words.has(`_${e.name}`)) expect(names.has(e.name), e.name).toBe(true);
    // same kinds, same order, and the code, data and every other section the same bytes
    expect(after).toEqual(before.filter((e) => names.has(e.name)));
    expect(otherSections(bytes)).toEqual(otherSections(wasm));
    expect(bytes.length).toBeLessThan(wasm.length - 7_000_000);
  });

  it('still runs as an engine: tables, a grouped query with a regular expression, the same answers', async () => {
    // duckdb's Node glue (its own script from the same build) on the stripped module. It names a few exports
    // the browser's does not (C++ exception helpers, Node file calls), reached only on paths this does not take;
    // the browser's own is what the e2e specs run.
    tmp = await mkdtemp(path.join(os.tmpdir(), 'sgw-duckdb-'));
    await writeFile(path.join(tmp, 'duckdb-eh.wasm'), bytes);
    const answers: unknown[] = [];
    for (const mainModule of [path.join(dist, 'duckdb-eh.wasm'), path.join(tmp, 'duckdb-eh.wasm')]) {
      const bundles = { mvp: { mainModule, mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs') }, eh: { mainModule, mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs') } };
      const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
      await db.instantiate(() => {});
      db.open({ query: { castBigIntToDouble: true } });
      const conn = db.connect();
      conn.query("CREATE TABLE t AS SELECT (i % 7)::VARCHAR AS k, i::DOUBLE AS v FROM range(10000) r(i)");
      conn.query('CREATE TABLE u AS SELECT * FROM t LIMIT 100');
      const q = conn.query('SELECT k, count(*) AS n, sum(v) AS s, regexp_replace(k, \'[0-3]\', \'x\') AS r FROM (SELECT * FROM t UNION ALL SELECT * FROM u) GROUP BY k ORDER BY k');
      answers.push(q.toArray().map((row) => JSON.stringify(row)));
      conn.close();
      db.reset();
    }
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[0]).toHaveLength(7);
  });
});
