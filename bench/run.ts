/**
 * `npm run bench`: generated data at several sizes, our engine (duckdb-wasm, the app's code paths) next to
 * native DuckDB in the same run, ratios ours/native, medians and spread. Writes bench/results/*.json and
 * BENCHMARKS.md. Options: --sizes 1e5,1e6,1e7  --reps 5  --no-browser  --out <dir>  --from <results.json>
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../shared/db';
import { buildChartOption } from '../shared/charts/chart-option';
import { toChartData } from '../shared/charts/chart-data';
import { buildChartSql } from '../shared/sql/chart-sql';
import { openProject, saveProject } from '../shared/project/workspace';
import { joinParts } from '../shared/project/zip-store';
import { startupToFirstChart } from './browser';
import { pivotScrollFrames } from './pivot-scroll';
import { appImportMemory } from './browser-import-memory';
import { csvToParquet, nativeEngine, wasmEngine, type BenchEngine } from './engines';
import { encodedCopies, generateCsv } from './generate';
import { QUERIES } from './queries';
import { BENCH_DASHBOARD, dashboardSql } from './dashboard';
import { buildRollup, dropRollup, rollupContentSql, type Rollup } from '../shared/sql/rollup';
import { RollupRegistry } from '../shared/sql/rollup-registry';
import { listTables, type TableInfo } from '../shared/db-catalog';
import { renderReport, type BenchResults, type SizeResult } from './report';
import { summarize, time, type Timing } from './stats';
import { renderSvg } from '../electron/cli/svg-chart';
import { openNodeDb } from '../electron/cli/node-db';
import { importIntoDb } from '../shared/import/commit';
import { MAX_IMPORT_BYTES } from '../shared/import/pipeline';
import { compareAnswers, measureAnalysis } from './analysis';
import { compareQueryAnswers, dbRows, fingerprint, queryAnswers, sameRows } from './answers';
import { useNodeParquetWasm } from '../electron/cli/parquet-node';
import { compareCubeTables, measureCsvImport } from './csv-import';
import { measureParquetImport, parquetRows } from './parquet-import';

interface Args {
  sizes: number[];
  reps: number;
  browser: boolean;
  out: string;
}

function parseArgs(argv: string[]): Args {
  const get = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return {
    sizes: (get('--sizes') ?? '1e5,1e6,1e7').split(',').map(Number),
    reps: Number(get('--reps') ?? 5),
    browser: !argv.includes('--no-browser'),
    out: get('--out') ?? path.resolve('bench/results'),
  };
}

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

/**
 * Builds the cube's rollup with the app's code (buildRollup: distinct counts in a sample, plan, CREATE TABLE
 * AS, row count) on either engine — the same steps on both. Listing the tables is not part of the figure:
 * `info` comes from our engine once, before timing (both engines hold the same table). Cold = the first
 * build after the load, warm = the median of the builds after it.
 */
async function measureRollup(engine: BenchEngine, reps: number, info: TableInfo): Promise<{ cold: Timing; warm: Timing; rollup?: Rollup }> {
  let rollup: Rollup | undefined;
  // Built at every size so the figures show the trend; the app builds rollups from ROLLUP_MIN_ROWS rows.
  const build = async () => {
    rollup = (await buildRollup(engine.rollup, info, { minRows: 0 })) ?? undefined;
  };
  const cold = await time(build, 1, 0);
  const warm = await time(build, Math.max(1, Math.min(3, reps)), 0);
  return { cold, warm, rollup };
}

/** Both engines' rollups must hold the same rows and parts (every part is exact); a mismatch fails the run. */
export async function compareRollups(ours: BenchEngine, native: BenchEngine, rollup: Rollup): Promise<number> {
  const sql = rollupContentSql(rollup);
  const [a, b] = [await ours.rollup.rows(sql), await native.rollup.rows(sql)].map((rs) => rs.map((r) => JSON.stringify(Object.values(r))));
  const diff = a.findIndex((row, i) => row !== b[i]);
  if (a.length !== b.length || diff >= 0) {
    throw new Error(`rollup contents differ between engines: ${a.length} rows against ${b.length}; first difference at row ${diff}: ${a[diff]} ≠ ${b[diff]}`);
  }
  return a.length;
}

/** Filter changes on the app's 4-chart dashboard: different regions, years and clicks each time, so no cache helps. */
async function measureDashboard(engine: BenchEngine, reps: number, rollup?: Rollup): Promise<Timing> {
  let n = 0;
  return time(() => Promise.all(dashboardSql(n++, rollup).map((sql) => engine.query(sql))), reps);
}

/**
 * `cube`: the loaded table's catalog entry (read once, not timed). `parquetFigures`: ours, which splits the
 * Parquet import into its parts beside the engine's floor (./parquet-import); native times read_parquet.
 */
async function measureEngine(engine: BenchEngine, csv: string, parquet: string, reps: number, rows: number, cube: () => Promise<TableInfo>, parquetFigures?: (reps: number) => Promise<Record<string, Timing>>) {
  const result: Record<string, Timing> = {};
  const loadReps = Math.max(1, Math.min(3, reps));
  // CPU time of the whole process, every thread: native read_parquet runs on two, ours on one.
  const parquetCpu: number[] = [];
  // Ours: a cold import, then `reps` warm ones (up to 1M rows; 3 above), each beside the parts it is made of.
  if (parquetFigures) Object.assign(result, await parquetFigures(rows > 1_000_000 ? loadReps : reps));
  else {
    result.parquetImport = await time(async () => {
      const c0 = process.cpuUsage();
      await engine.loadParquet(parquet);
      const c = process.cpuUsage(c0);
      parquetCpu.push((c.user + c.system) / 1000);
    }, loadReps, 0);
    result.parquetImportCpu = summarize(parquetCpu);
  }
  // The Parquet table is compared by fingerprint (the engines hold it one after the other); the CSV table, which
  // both still hold at the end, by compareCubeTables.
  const loaded = { parquet: await fingerprint(engine) };
  result.csvImport = await time(() => engine.loadCsv(csv), loadReps, 0);
  for (const [name, sql] of Object.entries(QUERIES)) result[name] = await time(() => engine.query(sql), reps);
  result.dashboardRefresh = await measureDashboard(engine, reps);
  const table = await cube();
  const { cold, warm, rollup } = await measureRollup(engine, reps, table);
  result.rollupBuildCold = cold;
  result.rollupBuild = warm;
  if (rollup) result.dashboardRefreshRollup = await measureDashboard(engine, reps, rollup);
  const analysis = await measureAnalysis(engine, reps, rows, rollup);
  Object.assign(result, analysis.timings);
  return { result, rollup, info: table, answers: analysis.answers, loaded, queries: await queryAnswers(engine, rollup) };
}

/** One chart the way the app draws it: spec → SQL → rows → ChartData → option → SVG, from `rollup` when given. */
async function drawChart(db: Db, info: TableInfo, rollup: Rollup | null): Promise<{ sql: string; rows: Record<string, unknown>[] }> {
  const [spec] = BENCH_DASHBOARD;
  const chart = { ...spec.spec, kind: 'bar' as const, x: '地区' };
  const q = buildChartSql(chart, { columns: info.columns.map((c) => c.name), columnTypes: Object.fromEntries(info.columns.map((c) => [c.name, c.type])), rollup });
  const table = await db.query(q.rollupSql ?? q.sql);
  renderSvg(buildChartOption(toChartData(chart, q, table, null, 'zh-CN'), 'zh-CN'));
  return { sql: q.sql, rows: table.toArray().map((r) => r.toJSON() as Record<string, unknown>) };
}

/**
 * The chart rows. First chart after import = what the user waits for in the app: the table's rollup starts
 * building in the background (the app's RollupRegistry: row ranges, yielding before each statement, as
 * prepareRollups does after an import) and the chart, which takes only a rollup that is built already
 * (readyRollupsFor), is drawn from the table — it waits for at most one statement of the build. Rollup
 * ready = from the same start until the build is done (the charts after it read the rollup).
 */
export async function measureCharts(db: Db, reps: number, info: TableInfo) {
  const overTable = await time(() => drawChart(db, info, null), reps);
  const drawn: number[] = [];
  const built: number[] = [];
  // One warm-up, as time() does; only the chart is the first figure, the build's end the second.
  for (let i = 0; i <= reps; i++) {
    const registry = new RollupRegistry(db);
    const t0 = performance.now();
    const building = registry.get(info);
    await drawChart(db, info, registry.ready(info));
    const t1 = performance.now();
    await building;
    const t2 = performance.now();
    registry.invalidate();
    if (i > 0) {
      drawn.push(t1 - t0);
      built.push(t2 - t0);
    }
  }
  const rollup = (await buildRollup(db, info, { minRows: 0, suffix: '#chart' }))!;
  const fromRollup = await time(() => drawChart(db, info, rollup), reps);
  // The answers to compare: the chart over the table (with native's) and over the rollup (with the table's).
  const answers = { table: await drawChart(db, info, null), rollup: await drawChart(db, info, rollup) };
  await dropRollup(db, rollup);
  return { overTable, first: summarize(drawn), ready: summarize(built), fromRollup, answers };
}

/** Save and reopen; the reopened table must hold what was saved (fingerprint, see answers.ts). */
async function measureProject(db: Db, reps: number): Promise<{ save: Timing; reopen: Timing; bytes: number }> {
  const saved = await fingerprint(dbRows(db));
  let parts: Uint8Array[] = [];
  const state = { tables: [{ name: 'cube' }], sql: { draft: '', history: [], snippets: [] }, documents: { charts: [], dashboards: [], decks: [] }, lang: 'zh-CN' as const, app: { name: 'sgw', version: 'bench' } };
  // Save: until the file's pieces are ready for the writer (the app hands them to a file or a Blob as they are).
  const save = await time(async () => {
    parts = await saveProject(db, state);
  }, Math.max(1, Math.min(3, reps)), 0);
  // Reopen starts from the file as a reader gets it, one buffer (joining here stands for reading it from disk).
  const bytes = joinParts(parts);
  parts = [];
  // Reopen into a fresh engine each time; starting the engine itself is not part of the figure.
  const runs: number[] = [];
  for (let i = 0; i < Math.max(1, Math.min(3, reps)); i++) {
    const fresh = await openNodeDb();
    try {
      const t0 = performance.now();
      await openProject(fresh, bytes, { replace: [], protect: [] });
      runs.push(performance.now() - t0);
      sameRows('the reopened project against the saved table', await fingerprint(dbRows(fresh)), saved);
    } finally {
      await fresh.close();
    }
  }
  const reopen = summarize(runs);
  return { save, reopen, bytes: bytes.byteLength };
}

export async function runBench(args: Args): Promise<BenchResults> {
  useNodeParquetWasm();
  const dataDir = path.resolve('bench/data');
  const sizes: SizeResult[] = [];
  for (const rows of args.sizes) {
    const csv = await generateCsv(dataDir, rows);
    const parquet = csv.replace(/\.csv$/, '.parquet');
    await csvToParquet(csv, parquet);
    peakRss = 0;
    // Our Parquet rows (./parquet-import) run the import through worker threads of their own.
    const wasm = await wasmEngine((db, bytes) => importIntoDb(db, bytes, 'cube.parquet', { tableNames: ['cube'], replace: true }).then(() => undefined));
    const listed = async () => (await listTables(wasm.db)).find((t) => t.name === 'cube')!;
    const parquetFigures = async (n: number) => parquetRows(await measureParquetImport(wasm.db, parquet, n));
    const { result: ours, rollup, info, answers, loaded, queries } = await measureEngine(wasm, csv, parquet, args.reps, rows, listed, parquetFigures);
    const csvBytes = (await readFile(csv)).byteLength;
    let csvMemory: SizeResult['csvMemory'];
    if (csvBytes <= MAX_IMPORT_BYTES.csv) {
      // Ours and the engine's own read_csv alternate on the same bytes; cold = a fresh engine's first import.
      const f = await measureCsvImport(wasm.db, csv, Math.max(1, Math.min(3, args.reps)), await encodedCopies(csv));
      Object.assign(ours, { csvImport: f.reference, csvRegister: f.register, csvImportPipeline: f.pipelineWarm, csvImportPipelineCold: f.pipelineCold, csvImportCpu: f.referenceCpu, csvImportPipelineCpu: f.pipelineWarmCpu });
      Object.assign(ours, { csvPlan: f.plan, csvPlanCpu: f.planCpu, csvCommit: f.commitWarm, csvCommitCpu: f.commitWarmCpu, csvImportPipelineBeside: f.pipelineBeside, csvImportPipelineBesideCpu: f.pipelineBesideCpu });
      if (f.encoded) Object.assign(ours, { csvImportGb18030: f.encoded.gb18030.wall, csvImportGb18030Cpu: f.encoded.gb18030.cpu, csvImportUtf16le: f.encoded.utf16le.wall, csvImportUtf16leCpu: f.encoded.utf16le.cpu });
      csvMemory = { peakAboveIdleMb: f.peakAboveIdleMb.median, ratio: f.peakAboveIdleRatio, range: [f.peakAboveIdleMb.min, f.peakAboveIdleMb.max], referencePeakAboveIdleMb: f.referencePeakAboveIdleMb.median };
    }
    const charts = await measureCharts(wasm.db, args.reps, info);
    Object.assign(ours, { chartRender: charts.overTable, chartFirst: charts.first, chartRollupReady: charts.ready, chartRollup: charts.fromRollup });
    // At 10M rows the engine may not hold the whole table a second time as one IPC result (wasm memory caps
    // at 4 GB): that is a finding to report, not a reason to lose the run.
    let projectError: string | undefined;
    const project = await measureProject(wasm.db, rows > 1_000_000 ? 1 : args.reps).catch((e: unknown) => void (projectError = e instanceof Error ? e.message : String(e)));
    const oursPeakRss = peakRss;
    const native = await nativeEngine();
    const { result: theirs, rollup: theirRollup, answers: nativeAnswers, loaded: nativeLoaded, queries: nativeQueries } = await measureEngine(native, csv, parquet, args.reps, rows, async () => info);
    // The figures first, so that a difference found below (which fails the run) never loses a long run's timings.
    if (args.out) await mkdir(args.out, { recursive: true }).then(() => writeFile(path.join(args.out, `measured-${rows}.json`), JSON.stringify({ rows, ours, native: theirs, peakRssMb: Math.round(oursPeakRss / 2 ** 20), projectError }, null, 2)));
    sameRows(`bench at ${rows} rows: the table the Parquet import made`, loaded.parquet, nativeLoaded.parquet);
    // The chart's answer over the table on both engines, and from the rollup against the table.
    sameRows(`bench at ${rows} rows: the chart over the table`, charts.answers.table.rows, await native.rows(charts.answers.table.sql));
    sameRows(`bench at ${rows} rows: the chart from the rollup against the table`, charts.answers.rollup.rows, charts.answers.table.rows);
    const answersCompared = 4 + compareQueryAnswers(rows, queries, nativeQueries);
    const rollupRowsCompared = rollup && theirRollup ? await compareRollups(wasm, native, rollup) : undefined;
    // Our imported cube (the pipeline's, where it ran) against native read_csv's: same columns, types, rows, checksums.
    await compareCubeTables(wasm, native);
    if (!rollup !== !theirRollup) throw new Error('one engine built a rollup of the cube and the other did not');
    await native.close();
    await wasm.close();
    compareAnswers(rows, answers, nativeAnswers);
    sizes.push({ rows, csvBytes, ours, native: theirs, ...(project ? { project } : {}), ...(projectError ? { projectError } : {}), answersCompared, peakRssMb: Math.round(oursPeakRss / 2 ** 20), ...(csvMemory ? { csvMemory } : {}), ...(rollupRowsCompared !== undefined ? { rollupRowsCompared } : {}) });
    console.log(`rows ${rows}: done`);
  }
  const started = args.browser ? await startupToFirstChart(path.resolve('.'), Math.max(3, Math.min(args.reps, 5))) : undefined;
  const pivotScroll = args.browser ? await pivotScrollFrames(path.resolve('.'), Math.max(3, Math.min(args.reps, 5))) : undefined;
  const appCsvMemory = args.browser ? await appImportMemory(await generateCsv(path.resolve('bench/data'), 1_000_000), Math.max(3, Math.min(args.reps, 5))) : undefined;
  const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
  return {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` },
    versions: { duckdbWasm: pkg.dependencies['@duckdb/duckdb-wasm'], duckdbNative: pkg.devDependencies['@duckdb/node-api'], chromium: chromiumVersion() },
    reps: args.reps,
    ...(started ? { startup: started.firstChart, startupLive: started.liveChart, startupEarlyRuns: started.earlyRuns, startupPhases: started.phases, startupCpuMs: started.cpuMs, startupSecond: started.secondStart, startupSecondLive: started.secondLive } : {}),
    ...(pivotScroll ? { pivotScroll } : {}),
    ...(appCsvMemory ? { appCsvMemory } : {}),
    load: os.loadavg().map((l) => Math.round(l * 10) / 10),
    sizes,
  };
}

/** The browser rows' Chromium (the app's memory in it moved with the version: docs/import.md). */
function chromiumVersion(): string {
  try {
    return execFileSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

async function main() {
  const argv = process.argv.slice(2);
  const args = parseArgs(argv);
  // --from <results.json>: only re-render BENCHMARKS.md and the plot from saved figures.
  const from = argv.includes('--from') ? argv[argv.indexOf('--from') + 1] : undefined;
  const results = from ? (JSON.parse(await readFile(from, 'utf8')) as BenchResults) : await runBench(args);
  clearInterval(sampler);
  await mkdir(args.out, { recursive: true });
  const stamp = results.date.replace(/[:.]/g, '-');
  if (!from) await writeFile(path.join(args.out, `bench-${stamp}.json`), JSON.stringify(results, null, 2));
  const { markdown, svg } = renderReport(results);
  await writeFile(path.join(args.out, 'scaling.svg'), svg);
  await writeFile(path.resolve('BENCHMARKS.md'), markdown);
  console.log(markdown);
}

// Run only as the bundled entry (npm run bench), not when the smoke test imports runBench.
if (process.argv[1]?.endsWith('run.cjs')) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

