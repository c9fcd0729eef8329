/**
 * The CSV rows of the bench: the same work on both engines. Reference on ours = the wasm engine's own
 * read_csv with declared types, registering the bytes included (the app has the file's bytes, not a path);
 * registering alone is reported too. Our pipeline = importIntoDb (plan, scan, read_csv, provenance) from the
 * same bytes: the total. The app runs its two steps apart (the import worker plans while the preview is
 * built; 导入 commits the plan), so each is timed alone too: plan, commit; total ≈ plan + commit. Cold = the
 * first import in a fresh engine, warm = the median of the imports after it. Memory: ./csv-memory, a process
 * per figure. Both engines' tables are compared (column names and types, row count, per-column checksums);
 * a mismatch fails.
 */
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { openNodeDb } from '../electron/cli/node-db';
import type { Db } from '../shared/db';
import { commitCsvPlan, importIntoDb } from '../shared/import/commit';
import { planCsvImport } from '../shared/import/csv-engine';
import { openScanThread, readFileShared } from '../electron/cli/csv-scan-thread';
import { freshProcessPeaks, registerAndRead } from './csv-memory';
import { nativeEngine, type BenchEngine } from './engines';
import { encodedCopies } from './generate';
import { summarize, time, type Timing } from './stats';

/** Per-column checksums that do not depend on row order or engine version (exact DECIMAL sums, exact sums of md5 bits of text). */
function checksumSql(columns: { name: string; type: string }[]): string {
  const q = (n: string) => `"${n.replaceAll('"', '""')}"`;
  const parts = columns.map(({ name, type }) => {
    const c = q(name);
    // Text: the exact sum of each value's first 64 md5 bits (order-free and streaming; a sorted string_agg of
    // 10M names ran out of the wasm engine's memory).
    const body = type === 'VARCHAR' ? `count(DISTINCT ${c})::VARCHAR || ':' || sum(('0x' || left(md5(${c}), 16))::UBIGINT)::VARCHAR` : `min(${c})::VARCHAR || ':' || max(${c})::VARCHAR || ':' || sum(${c}::DECIMAL(38, 4))::VARCHAR`;
    return `count(${c})::VARCHAR || ':' || ${body} AS ${q(name)}`;
  });
  return `SELECT count(*)::VARCHAR AS "rows", ${parts.join(', ')} FROM cube`;
}

const COLUMNS_SQL = "SELECT column_name AS name, data_type AS type FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = 'cube' ORDER BY column_index";

/** Throws unless both engines' `cube` tables have the same columns, types, rows and column checksums. */
export async function compareCubeTables(ours: BenchEngine, native: BenchEngine): Promise<Record<string, unknown>> {
  const [a, b] = [await ours.rows(COLUMNS_SQL), await native.rows(COLUMNS_SQL)];
  if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`cube columns differ between engines: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`);
  const sql = checksumSql(a as { name: string; type: string }[]);
  const [x, y] = [(await ours.rows(sql))[0], (await native.rows(sql))[0]];
  for (const k of Object.keys(x)) if (x[k] !== y[k]) throw new Error(`cube column ${k} differs between engines: ${String(x[k])} ≠ ${String(y[k])}`);
  return x;
}

export interface CsvImportFigures {
  reference: Timing;
  register: Timing;
  pipelineCold: Timing;
  pipelineWarm: Timing;
  /** CPU time (user + system) of the same runs: on a shared machine it moves less than wall time. */
  referenceCpu: Timing;
  pipelineWarmCpu: Timing;
  /** Peak RSS above the idle engine during one import from the file on disk, each in a process of its own (./csv-memory), in MB; the median × the file size. */
  peakAboveIdleMb: Timing;
  peakAboveIdleRatio: number;
  /** The same for the engine's own read_csv of the file registered by path (NODE_FS) in another process: the floor. */
  referencePeakAboveIdleMb: Timing;
  /**
   * The app's two steps apart (the import worker plans for the preview; 导入 commits the plan): planning
   * (sample + byte scan) and committing (read_csv in pieces, provenance), each with its CPU time.
   */
  plan: Timing;
  planCpu: Timing;
  commitWarm: Timing;
  commitWarmCpu: Timing;
  /** The total with the byte scan in a worker thread beside the engine's read (importIntoDb's scanElsewhere); CPU of both threads. */
  pipelineBeside: Timing;
  pipelineBesideCpu: Timing;
  /**
   * The same table written in GB18030 and in UTF-16LE (./generate encodedCopies), our pipeline (decoded once to
   * UTF-8, then the engine's way), wall and CPU; the engine's read_csv reads UTF-8 only, so `reference` (its
   * read of the UTF-8 file, in the same reps) is what they are held against.
   */
  encoded?: Record<'gb18030' | 'utf16le', { wall: Timing; cpu: Timing }>;
}

/** The table `cube` as the checksums see it (columns, types, rows, per-column sums). */
async function cubeFingerprint(db: Db): Promise<string> {
  const columns = (await db.query(COLUMNS_SQL)).toArray().map((r) => r.toJSON() as { name: string; type: string });
  return JSON.stringify([columns, (await db.query(checksumSql(columns))).toArray()[0]?.toJSON()]);
}

/**
 * Our import against the engine's own read_csv on `db` (import and reference alternate, so load drifts hit
 * both); the cold import and the memory figure come from a fresh engine.
 */
export async function measureCsvImport(db: Db, file: string, reps: number, encodedFiles?: Record<'gb18030' | 'utf16le', string>): Promise<CsvImportFigures> {
  // Shared bytes, so that a worker thread can scan them without a copy (the other runs read them the same).
  const bytes = readFileShared(file);
  const thread = await openScanThread();
  const fresh = await openNodeDb();
  const cold: number[] = [];
  try {
    const t0 = performance.now();
    await importIntoDb(fresh, bytes, 'cube.csv', { tableNames: ['cube'], replace: true });
    cold.push(performance.now() - t0);
  } finally {
    await fresh.close();
  }
  const mb = (runs: number[]) => summarize(runs.map((b) => Math.round(b / 2 ** 20)));
  const [mine, theirs] = [freshProcessPeaks(file, 'ours', reps), freshProcessPeaks(file, 'read_csv', reps)];
  const above = mb(mine);
  const refAbove = mb(theirs);
  const ref: number[] = [];
  const ours: number[] = [];
  const refCpu: number[] = [];
  const oursCpu: number[] = [];
  const run = async (fn: () => Promise<unknown>, wall: number[], cpu: number[]) => {
    const c0 = process.cpuUsage();
    wall.push((await time(fn, 1, 0)).median);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  };
  const [plans, planCpu, commits, commitCpu, beside, besideCpu]: number[][] = [[], [], [], [], [], []];
  const encodings = Object.entries(encodedFiles ?? {}).map(([name, f]) => ({ name: name as 'gb18030' | 'utf16le', bytes: readFileShared(f), wall: [] as number[], cpu: [] as number[] }));
  let utf8Table = '';
  for (let i = 0; i < reps; i++) {
    await run(() => registerAndRead(db, bytes), ref, refCpu);
    for (const e of encodings) {
      await run(() => importIntoDb(db, e.bytes, 'cube.csv', { tableNames: ['cube'], replace: true }), e.wall, e.cpu);
      // The same table as from the UTF-8 file (checked once, outside the timing; `cube` is the UTF-8 one's below).
      if (i === 0 && !utf8Table) {
        const fromEncoded = await cubeFingerprint(db);
        await importIntoDb(db, bytes, 'cube.csv', { tableNames: ['cube'], replace: true });
        utf8Table = await cubeFingerprint(db);
        if (fromEncoded !== utf8Table) throw new Error(`the ${e.name} file's table differs from the UTF-8 file's: ${fromEncoded} ≠ ${utf8Table}`);
      } else if (i === 0 && (await cubeFingerprint(db)) !== utf8Table) throw new Error(`the ${e.name} file's table differs from the UTF-8 file's`);
    }
    await run(() => importIntoDb(db, bytes, 'cube.csv', { tableNames: ['cube'], replace: true }), ours, oursCpu);
    await run(() => importIntoDb(db, bytes, 'cube.csv', { tableNames: ['cube'], replace: true, scanElsewhere: thread.scan }), beside, besideCpu);
    let plan: ReturnType<typeof planCsvImport> = null;
    await run(async () => (plan = planCsvImport(bytes, 'cube.csv')), plans, planCpu);
    if (!plan) throw new Error('the bench CSV no longer takes the engine path');
    const planned = plan;
    await run(() => commitCsvPlan(db, planned, 'cube', { replace: true }), commits, commitCpu);
  }
  await thread.close();
  const register = await time(async () => {
    await db.registerFile('r.csv', bytes);
    await db.dropFile('r.csv');
  }, reps, 1);
  return { reference: summarize(ref), register, pipelineCold: summarize(cold), pipelineWarm: summarize(ours), referenceCpu: summarize(refCpu), pipelineWarmCpu: summarize(oursCpu), peakAboveIdleMb: above, peakAboveIdleRatio: Math.round(((above.median * 2 ** 20) / bytes.byteLength) * 100) / 100, referencePeakAboveIdleMb: refAbove, plan: summarize(plans), planCpu: summarize(planCpu), commitWarm: summarize(commits), commitWarmCpu: summarize(commitCpu), pipelineBeside: summarize(beside), pipelineBesideCpu: summarize(besideCpu), ...(encodings.length ? { encoded: Object.fromEntries(encodings.map((e) => [e.name, { wall: summarize(e.wall), cpu: summarize(e.cpu) }])) as CsvImportFigures['encoded'] } : {}) };
}

/**
 * `node build/scripts/run-ts.mjs bench/csv-import.ts <file.csv> [reps] [out.json]`: the CSV rows alone, with the
 * same table in GB18030 and UTF-16LE written next to the file (encodedCopies) and imported by our pipeline
 * beside the reference on the UTF-8 file (the engine reads UTF-8 only).
 */
async function main() {
  const [file, reps = '5', out] = process.argv.slice(2);
  const db = await openNodeDb();
  const figures = await measureCsvImport(db, file, Number(reps), await encodedCopies(file));
  const native = await nativeEngine();
  const nativeReadCsv = await time(() => native.loadCsv(file), Number(reps), 0);
  // Our last import of `file` is in `cube`: it must be native read_csv's table.
  const ours: BenchEngine = { ...native, name: 'wasm', rows: async (sql) => (await db.query(sql)).toArray().map((r) => r.toJSON() as Record<string, unknown>) };
  const compared = await compareCubeTables(ours, native);
  await native.close();
  await db.close();
  const text = JSON.stringify({ file, date: new Date().toISOString(), loadAverage: os.loadavg().map((x) => Math.round(x * 10) / 10), ...figures, nativeReadCsv, compared }, null, 2);
  if (out) await writeFile(out, text);
  console.log(text);
}

if (process.argv[1]?.endsWith('csv-import.cjs')) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
