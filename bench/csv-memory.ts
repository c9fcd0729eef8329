/**
 * The CSV import's memory figure, each measured in a process of its own:
 * `node build/scripts/run-ts.mjs bench/csv-memory.ts <file.csv> <ours|read_csv>` prints one JSON line.
 * A fresh process because inside the bench's long run the engines that came before leave freed pages the
 * next one reuses without growing the RSS (the in-process figure read 0 MB at 100k rows). The child opens a
 * fresh engine, collects garbage (run-ts passes --expose-gc) and takes that RSS as idle; then it reads the
 * file (the idle app does not hold it) and imports it (ours: importIntoDb, plan and commit; read_csv: register
 * the bytes and read them whole), sampling the RSS every 5 ms. The blocking engine holds the thread during each statement, so samples
 * fall between statements; the wasm heap never shrinks, so the last sample holds the engine's high-water mark
 * (a JavaScript peak inside one synchronous step, such as the scan, can be missed).
 */
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { openNodeDb } from '../electron/cli/node-db';
import type { Db } from '../shared/db';
import { importIntoDb } from '../shared/import/commit';
import { CSV_COLUMNS } from './queries';

export type MemoryMode = 'ours' | 'read_csv';

/** The engine's own read_csv of the whole file with declared types, registering the bytes included. */
export async function registerAndRead(db: Db, bytes: Uint8Array): Promise<void> {
  await db.registerFile('cube.csv', bytes);
  await db.exec(`CREATE OR REPLACE TABLE cube AS SELECT * FROM read_csv('cube.csv', header = true, columns = ${CSV_COLUMNS})`);
  await db.dropFile('cube.csv');
}

/** Peak RSS above the idle engine while `mode` imports `file`, in bytes, each run in a new process (it varies by tens of MB: the median and the range are reported). */
export function freshProcessPeaks(file: string, mode: MemoryMode, runs: number): number[] {
  return Array.from({ length: runs }, () => {
    const out = execFileSync(process.execPath, ['build/scripts/run-ts.mjs', 'bench/csv-memory.ts', file, mode], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const { peakAboveIdle } = JSON.parse(out.trim().split('\n').pop() ?? '') as { peakAboveIdle: number };
    if (!Number.isFinite(peakAboveIdle)) throw new Error(`csv-memory gave no figure: ${out}`);
    return peakAboveIdle;
  });
}

async function main() {
  const [file, mode] = process.argv.slice(2) as [string, MemoryMode];
  if (mode !== 'ours' && mode !== 'read_csv') throw new Error('usage: csv-memory.ts <file.csv> <ours|read_csv>');
  const db = await openNodeDb();
  globalThis.gc?.();
  const idle = process.memoryUsage().rss;
  let peak = idle;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  // The idle app does not hold the file: reading it is part of importing it.
  const buffer = await readFile(file);
  // A view, not new Uint8Array(buffer), which would copy the file once more.
  const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (mode === 'ours') await importIntoDb(db, bytes, 'cube.csv', { tableNames: ['cube'], replace: true });
  else await registerAndRead(db, bytes);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  await db.close();
  console.log(JSON.stringify({ file, mode, fileBytes: bytes.byteLength, peakAboveIdle: peak - idle }));
}

if (process.argv[1]?.endsWith('csv-memory.cjs')) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
