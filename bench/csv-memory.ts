/**
 * The CSV import's memory figure, each measured in a process of its own:
 * `node build/scripts/run-ts.mjs bench/csv-memory.ts <file.csv> <ours|read_csv>` prints one JSON line.
 * A fresh process because inside the bench's long run the engines that came before leave freed pages the
 * next one reuses without growing the RSS (the in-process figure read 0 MB at 100k rows). The child opens a
 * fresh engine, collects garbage (run-ts passes --expose-gc) and takes that RSS as idle; then imports the
 * file from disk, each side its own best way and neither holding it first: ours importIntoDb over a file
 * source (electron/cli/file-source.ts: the sample, the scan's windows and the engine's pieces read one at a
 * time), read_csv the file registered by path (NODE_FS: the engine preads it into its heap), sampling the RSS
 * every 5 ms and reading Linux's high-water mark (VmHWM, reset at idle) at the end. The figure is the peak above idle. (Until h20c the file was read into one buffer first and the
 * peak was also given above that "holding" RSS; with nothing held first the two are one figure.)
 * The blocking engine holds the thread during each statement, so samples fall between statements: a peak
 * inside one synchronous step (a whole-file decode, a statement) shows only in VmHWM, which is why it is read.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileSource } from '../electron/cli/file-source';
import { openNodeDb, type NodeDb } from '../electron/cli/node-db';
import type { Db } from '../shared/db';
import { importIntoDb } from '../shared/import/commit';
import { sampleCsv } from '../shared/import/csv-engine';
import { CSV_COLUMNS } from './queries';

export type MemoryMode = 'ours' | 'read_csv';

/** The engine's own read_csv of the whole file with declared types, registering the bytes included. */
export async function registerAndRead(db: Db, bytes: Uint8Array): Promise<void> {
  await db.registerFile('cube.csv', bytes);
  await db.exec(`CREATE OR REPLACE TABLE cube AS SELECT * FROM read_csv('cube.csv', header = true, columns = ${CSV_COLUMNS})`);
  await db.dropFile('cube.csv');
}

/** The engine's own read_csv of a file on disk, registered by path (its own best way: nothing held in JS). */
export async function readByPath(db: NodeDb, file: string): Promise<void> {
  db.registerFilePath('cube.csv', path.resolve(file));
  await db.exec(`CREATE OR REPLACE TABLE cube AS SELECT * FROM read_csv('cube.csv', header = true, columns = ${CSV_COLUMNS})`);
  await db.dropFile('cube.csv');
}

/** Peak RSS above idle while `mode` imports `file`, each run in a new process (it varies by tens of MB: the median and the range are reported). */
export function freshProcessPeaks(file: string, mode: MemoryMode, runs: number): number[] {
  return Array.from({ length: runs }, () => {
    const out = execFileSync(process.execPath, ['build/scripts/run-ts.mjs', 'bench/csv-memory.ts', file, mode], { encoding: 'utf8', maxBuffer: 1 << 20 });
    const { peakAboveIdle } = JSON.parse(out.trim().split('\n').pop() ?? '') as { peakAboveIdle: number };
    if (!Number.isFinite(peakAboveIdle)) throw new Error(`csv-memory gave no figure: ${out}`);
    return peakAboveIdle;
  });
}

/**
 * Linux keeps the process's RSS high-water mark (VmHWM), reset by writing 5 to clear_refs: the true peak,
 * inside synchronous steps too, which the 5 ms samples miss. Null where /proc has neither.
 */
function highWaterMark(reset = false): number | null {
  try {
    if (reset) writeFileSync('/proc/self/clear_refs', '5');
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
}

async function main() {
  const [file, mode] = process.argv.slice(2) as [string, MemoryMode];
  if (mode !== 'ours' && mode !== 'read_csv') throw new Error('usage: csv-memory.ts <file.csv> <ours|read_csv>');
  const db = await openNodeDb();
  // The figure is the engine's way's: a file the JS pipeline would read measures something else.
  if (mode === 'ours') {
    const probe = fileSource(file);
    const planned = sampleCsv(probe, 'cube.csv') !== null;
    probe.close();
    if (!planned) throw new Error(`${file} does not take the engine's way`);
  }
  globalThis.gc?.();
  const idle = process.memoryUsage().rss;
  highWaterMark(true);
  let peak = idle;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  if (mode === 'ours') {
    const src = fileSource(file);
    try {
      await importIntoDb(db, src, 'cube.csv', { tableNames: ['cube'], replace: true });
    } finally {
      src.close();
    }
  } else await readByPath(db, file);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss, highWaterMark() ?? 0);
  await db.close();
  console.log(JSON.stringify({ file, mode, fileBytes: statSync(file).size, peakAboveIdle: peak - idle }));
}

if (process.argv[1]?.endsWith('csv-memory.cjs')) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
