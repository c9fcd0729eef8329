/**
 * The project rows alone, phase by phase: `node build/scripts/run-ts.mjs bench/project-phases.ts <cube.csv> [reps]`.
 * Wall and CPU time (process.cpuUsage) of each step of save and reopen, next to the engine's own floor on the
 * same IPC (its export as Arrow; CREATE TABLE from the same stream), so the split says where the time goes.
 */
import { readFile } from 'node:fs/promises';
import { tableFromIPC } from 'apache-arrow';
import type { Db } from '../shared/db';
import { openNodeDb } from '../electron/cli/node-db';
import { openProject, saveProject } from '../shared/project/workspace';
import { unpackProject } from '../shared/project/archive';
import { crc32Of } from '../shared/project/crc32';
import { ipcLayout } from '../shared/project/ipc-layout';
import { joinParts } from '../shared/project/zip-store';
import { CSV_COLUMNS } from './queries';

const STATE = { tables: [{ name: 'cube' }], sql: { draft: '', history: [], snippets: [] }, documents: { charts: [], dashboards: [], decks: [] }, lang: 'zh-CN' as const, app: { name: 'sgw', version: 'bench' } };

async function measure<T>(label: string, f: () => Promise<T> | T): Promise<T> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = await f();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  console.log(`${label.padEnd(44)} wall ${wall.toFixed(0).padStart(6)} ms   cpu ${((c.user + c.system) / 1000).toFixed(0).padStart(6)} ms`);
  return r;
}

/** How often a wasm memory grew while `f` ran (the fresh engine's heap: shared/db.ts reserveHeapFor). */
async function growsDuring(f: () => Promise<unknown>): Promise<number> {
  const grow = WebAssembly.Memory.prototype.grow;
  let n = 0;
  WebAssembly.Memory.prototype.grow = function (this: WebAssembly.Memory, delta: number) {
    n++;
    return grow.call(this, delta);
  };
  try {
    await f();
  } finally {
    WebAssembly.Memory.prototype.grow = grow;
  }
  return n;
}

async function main() {
  const [csv, repsArg] = process.argv.slice(2);
  const reps = Number(repsArg ?? 2);
  const db = await openNodeDb();
  await db.registerFile('cube.csv', new Uint8Array(await readFile(csv)));
  await db.exec(`CREATE TABLE cube AS SELECT * FROM read_csv('cube.csv', header = true, columns = ${CSV_COLUMNS})`);
  await db.dropFile('cube.csv');
  console.log(`load ${(await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  for (let r = 0; r < reps; r++) {
    console.log(`--- rep ${r + 1}`);
    const pieces = await measure('engine floor: queryArrow SELECT *', () => db.queryArrow('SELECT * FROM cube'));
    await measure('  ipcLayout over the pieces', () => ipcLayout(pieces));
    await measure('  crc32 over the pieces', () => crc32Of(pieces));
    const parts = await measure('saveProject (all of it)', () => saveProject(db, STATE));
    const bytes = await measure('  (not in either figure) join = the file read', () => joinParts(parts));
    console.log(`  file ${(bytes.length / 2 ** 20).toFixed(1)} MiB in ${parts.length} pieces`);
    const archive = await measure('  unpackProject (validate)', () => unpackProject(bytes));
    const ipc = archive.tables.get('tables/t0.arrow')!;
    const fresh: Db = await openNodeDb();
    try {
      await measure('engine floor: insertArrow of the same IPC', () => fresh.insertArrow('floor', ipc));
      await measure('engine floor: CREATE TABLE AS from it', () => fresh.exec('CREATE TABLE floor2 AS SELECT * FROM floor'));
      await fresh.exec('DROP TABLE floor');
      await fresh.exec('DROP TABLE floor2');
      const grows = await growsDuring(() => measure('openProject (all of it)', () => openProject(fresh, bytes, { replace: [], protect: [] })));
      console.log(`  the engine's heap grew ${grows} time(s) during it (each a whole-memory ArrayBuffer: see reserveHeapFor)`);
      const n = (await fresh.query('SELECT count(*)::INTEGER AS n FROM cube')).toArray()[0].n;
      if (n !== tableFromIPC(ipc).numRows) throw new Error('reopened row count differs');
    } finally {
      await fresh.close();
    }
  }
  await db.close();
}

void main();
