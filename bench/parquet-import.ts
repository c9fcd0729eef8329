/**
 * The Parquet rows of the bench, split into their parts and set against the engine's floor in the same run.
 * Ours = importIntoDb with the file read in a worker thread (the app: its import worker) while this thread's
 * engine inserts each row group. Cold = the first import, into a fresh engine through a new thread, which
 * starts and loads parquet-wasm; warm = every import after it, none dropped (the app keeps its import
 * worker, so from its second import on a user sees the warm figure); a new thread into the warm engine at
 * the end says how much of cold is the thread and parquet-wasm (the rest is the engine's memory growing).
 * The parts, alternating with the warm imports so that load drifts hit all alike: the reader's side alone
 * (the same thread's build, every row group to its IPC stream, the preview and the total candidates, each
 * handed over; nothing inserted),
 * and the engine's floor, (b) inserting those same IPC streams already in memory and (a) copying the
 * imported table inside the engine (CREATE TABLE AS): no Parquet import into this engine can cost less
 * than (b), since the insert is the one part not overlapped.
 */
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import type { Db } from '../shared/db';
import { importIntoDb } from '../shared/import/commit';
import { openNodeDb } from '../electron/cli/node-db';
import { openImportThread, type ImportThread } from '../electron/cli/import-thread';
import { useNodeParquetWasm } from '../electron/cli/parquet-node';
import { nativeEngine } from './engines';
import { summarize, type Timing } from './stats';

export interface ParquetImportFigures {
  /** The first import, into a fresh engine through a new import thread (it starts and loads parquet-wasm). */
  cold: Timing;
  /** A new import thread's first import into the warm engine: the thread and parquet-wasm alone. */
  coldThread: Timing;
  /** Every import after it; CPU time of the same runs, every thread (reader, engine, V8's helpers). */
  warm: Timing;
  warmCpu: Timing;
  /** This thread's (the engine's) CPU time in the warm imports and in floor (b), where Linux gives it. */
  warmEngineCpu?: Timing;
  insertEngineCpu?: Timing;
  /** The reader's side alone: the import thread's streamed build (every row group to IPC, the preview, total candidates) handed over, nothing inserted. */
  read: Timing;
  readCpu: Timing;
  /** Floor (b): the engine inserting the read's IPC streams, already in memory, one call each. */
  insert: Timing;
  /** Floor (a): the engine copying the imported table (CREATE TABLE AS SELECT *). */
  copy: Timing;
  /** Row groups (IPC streams) in the file. */
  batches: number;
}

const FLOOR_TABLE = '__bench_parquet_floor';

/**
 * Wall and CPU time (user + system, every thread of the process) of one call. A full collection first (the
 * bench runs with --expose-gc), so that the step before does not leave its garbage to this one's figure;
 * what the call itself allocates is collected within it, as it would be in the app.
 */
async function clocked(fn: () => Promise<unknown>, wall: number[], cpu?: number[], engineCpu?: number[]): Promise<void> {
  (globalThis as { gc?: () => void }).gc?.();
  const c0 = process.cpuUsage();
  const e0 = threadCpuMs();
  const t0 = performance.now();
  await fn();
  wall.push(performance.now() - t0);
  const c = process.cpuUsage(c0);
  cpu?.push((c.user + c.system) / 1000);
  if (e0 !== undefined) engineCpu?.push(threadCpuMs()! - e0);
}

/**
 * CPU time of this thread alone (the engine's), in ms at the kernel's 10 ms tick (Linux; Node 20 has no
 * process.threadCpuUsage): what the engine spent, whatever else shares the cores.
 */
function threadCpuMs(): number | undefined {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return undefined;
  }
}

/**
 * Imports `file` into `db`'s `cube` (replacing it), the first time into a fresh engine: its first import
 * is the cold figure. `cube` holds the last warm import's table afterwards. `between`: run (untimed here)
 * after each round, e.g. the reference on another engine, so that both see the same load.
 */
export async function measureParquetImport(db: Db, file: string, reps: number, between?: () => Promise<void>): Promise<ParquetImportFigures> {
  const bytes = new Uint8Array(await readFile(file));
  const importThrough = (thread: ImportThread) => () => importIntoDb(db, bytes, 'cube.parquet', { tableNames: ['cube'], replace: true, buildElsewhere: thread.build });
  const [cold, coldThread, warm, warmCpu, warmEngine, read, readCpu, insert, insertEngine, copy]: number[][] = [[], [], [], [], [], [], [], [], [], []];
  let batches = 0;
  const thread = await openImportThread();
  try {
    await clocked(importThrough(thread), cold);
    for (let i = 0; i < reps; i++) {
      await clocked(importThrough(thread), warm, warmCpu, warmEngine);
      // The same build with nothing inserted: the reader's side alone, on the import's own thread (read on the
      // engine's, its 100 MB of new buffers would cost full collections of the engine's large heap).
      let streams: Uint8Array[] = [];
      await clocked(() => thread.build(bytes, 'cube.parquet', {})(async (ipc) => void streams.push(ipc)), read, readCpu);
      batches = streams.length;
      await clocked(() => db.insertArrow(FLOOR_TABLE, streams), insert, undefined, insertEngine);
      streams = [];
      await db.exec(`DROP TABLE ${FLOOR_TABLE}`);
      await clocked(() => db.exec(`CREATE TABLE ${FLOOR_TABLE} AS SELECT * FROM cube`), copy);
      await db.exec(`DROP TABLE ${FLOOR_TABLE}`);
      await between?.();
    }
  } finally {
    thread.close();
  }
  const second = await openImportThread();
  try {
    await clocked(importThrough(second), coldThread);
  } finally {
    second.close();
  }
  return { cold: summarize(cold), coldThread: summarize(coldThread), warm: summarize(warm), warmCpu: summarize(warmCpu), ...(warmEngine.length ? { warmEngineCpu: summarize(warmEngine), insertEngineCpu: summarize(insertEngine) } : {}), read: summarize(read), readCpu: summarize(readCpu), insert: summarize(insert), copy: summarize(copy), batches };
}

/** The figures under the bench's keys (report.ts): ours; native's parquetImport is its read_parquet. */
export function parquetRows(f: ParquetImportFigures): Record<string, Timing> {
  return { parquetImport: f.warm, parquetImportCpu: f.warmCpu, parquetImportCold: f.cold, parquetImportColdThread: f.coldThread, parquetRead: f.read, parquetReadCpu: f.readCpu, parquetInsertFloor: f.insert, parquetCopyFloor: f.copy, ...(f.warmEngineCpu && f.insertEngineCpu ? { parquetImportEngineCpu: f.warmEngineCpu, parquetInsertFloorEngineCpu: f.insertEngineCpu } : {}) };
}

/**
 * `node build/scripts/run-ts.mjs bench/parquet-import.ts <file.parquet> [reps] [out.json]`: the Parquet rows
 * alone, with native read_parquet of the same file in the same process (alternating with ours).
 */
async function main() {
  const [file, reps = '5', out] = process.argv.slice(2);
  useNodeParquetWasm();
  const db = await openNodeDb();
  const native = await nativeEngine();
  const nativeRuns: number[] = [];
  const nativeCpu: number[] = [];
  // Native read_parquet once in each round of ours, so both see the same load.
  const figures = await measureParquetImport(db, file, Number(reps), () => clocked(() => native.loadParquet(file), nativeRuns, nativeCpu));
  await native.close();
  await db.close();
  const text = JSON.stringify({ file, date: new Date().toISOString(), loadAverage: os.loadavg().map((x) => Math.round(x * 10) / 10), ...figures, nativeReadParquet: summarize(nativeRuns), nativeReadParquetCpu: summarize(nativeCpu) }, null, 2);
  if (out) await writeFile(out, text);
  console.log(text);
}

if (process.argv[1]?.endsWith('parquet-import.cjs')) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
