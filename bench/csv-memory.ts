/**
 * The CSV import's memory figure, each measured in a process of its own:
 * `node build/scripts/run-ts.mjs bench/csv-memory.ts <file.csv> <ours|read_csv>` prints one JSON line.
 * A fresh process because inside the bench's long run the engines that came before leave freed pages the
 * next one reuses without growing the RSS (the in-process figure read 0 MB at 100k rows). The child opens a
 * fresh engine, collects garbage (run-ts passes --expose-gc) and takes that RSS as idle; reads the file into
 * one buffer of its size (RSS "holding" the file); then imports it (ours: importIntoDb, plan and commit;
 * read_csv: register the bytes and read them whole), sampling the RSS every 5 ms. Two figures: the peak above
 * idle (the file's own bytes counted) and above holding (the import's own memory; h18c's figure, whose idle
 * already held the file). A file read before idle with a copy that is then collected would hide memory: the
 * freed pages stay in the RSS and the engine grows into them. The blocking engine holds the thread during each statement, so samples
 * fall between statements; the wasm heap never shrinks, so the last sample holds the engine's high-water mark
 * (a JavaScript peak inside one synchronous step, such as the scan, can be missed).
 */
import { execFileSync } from 'node:child_process';
import { readFileShared } from '../electron/cli/csv-scan-thread';
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

/** Peak RSS while `mode` imports `file`, in bytes above idle and above holding the file, each run in a new process (it varies by tens of MB: the median and the range are reported). */
export function freshProcessPeaks(file: string, mode: MemoryMode, runs: number): { aboveIdle: number; aboveHolding: number }[] {
  return Array.from({ length: runs }, () => {
    const out = execFileSync(process.execPath, ['build/scripts/run-ts.mjs', 'bench/csv-memory.ts', file, mode], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const { peakAboveIdle, peakAboveHolding } = JSON.parse(out.trim().split('\n').pop() ?? '') as { peakAboveIdle: number; peakAboveHolding: number };
    if (!Number.isFinite(peakAboveIdle) || !Number.isFinite(peakAboveHolding)) throw new Error(`csv-memory gave no figure: ${out}`);
    return { aboveIdle: peakAboveIdle, aboveHolding: peakAboveHolding };
  });
}

async function main() {
  const [file, mode] = process.argv.slice(2) as [string, MemoryMode];
  if (mode !== 'ours' && mode !== 'read_csv') throw new Error('usage: csv-memory.ts <file.csv> <ours|read_csv>');
  const db = await openNodeDb();
  globalThis.gc?.();
  const idle = process.memoryUsage().rss;
  // One allocation of the file's size, read into (fs.promises.readFile's chunks and copies would be counted).
  const bytes = readFileShared(file);
  const holding = process.memoryUsage().rss;
  let peak = holding;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  if (mode === 'ours') await importIntoDb(db, bytes, 'cube.csv', { tableNames: ['cube'], replace: true });
  else await registerAndRead(db, bytes);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  await db.close();
  console.log(JSON.stringify({ file, mode, fileBytes: bytes.byteLength, peakAboveIdle: peak - idle, peakAboveHolding: peak - holding }));
}

if (process.argv[1]?.endsWith('csv-memory.cjs')) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
