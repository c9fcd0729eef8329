/**
 * `npm run bench`: generated data at several sizes, our engine (duckdb-wasm, the app's code paths) next to
 * native DuckDB in the same run, ratios ours/native, medians and spread. Writes bench/results/*.json and
 * BENCHMARKS.md. Options: --sizes 1e5,1e6,1e7  --reps 5  --no-browser  --out <dir>
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../shared/db';
import { buildCategoryOption } from '../shared/charts/category';
import { openProject, saveProject } from '../shared/project/workspace';
import { startupToFirstChart } from './browser';
import { csvToParquet, nativeEngine, wasmEngine, type BenchEngine } from './engines';
import { generateCsv, REGIONS } from './generate';
import { dashboardQueries, QUERIES } from './queries';
import { renderReport, type BenchResults, type SizeResult } from './report';
import { summarize, time, type Timing } from './stats';
import { renderSvg } from '../electron/cli/svg-chart';
import { openNodeDb } from '../electron/cli/node-db';
import { importIntoDb } from '../shared/import/commit';
import { MAX_IMPORT_BYTES } from '../shared/import/pipeline';

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

/** Our import pipeline end to end (the same code the app's import screen and `sgw import` run). */
async function importWithPipeline(db: Db, bytes: Uint8Array, fileName: string): Promise<void> {
  await importIntoDb(db, bytes, fileName, { tableNames: ['cube'], replace: true });
}

/** Above this, our Parquet import (hyparquet decodes to JS values first) needs more memory than is sensible. */
const MAX_JS_PARQUET_ROWS = 1_000_000;

async function measureEngine(engine: BenchEngine, csv: string, parquet: string, reps: number, rows: number) {
  const result: Record<string, Timing> = {};
  const loadReps = Math.max(1, Math.min(3, reps));
  if (engine.name === 'native' || rows <= MAX_JS_PARQUET_ROWS) result.parquetImport = await time(() => engine.loadParquet(parquet), loadReps, 0);
  result.csvImport = await time(() => engine.loadCsv(csv), loadReps, 0);
  for (const [name, sql] of Object.entries(QUERIES)) result[name] = await time(() => engine.query(sql), reps);
  let flip = 0;
  result.dashboardRefresh = await time(async () => {
    // A filter change: different regions and years each time, so no result cache can help.
    const start = (flip++ * 7) % REGIONS.length;
    const regions = [0, 1, 2, 3, 4].map((k) => REGIONS[(start + k * 3) % REGIONS.length]);
    await Promise.all(dashboardQueries(regions, 2008 + (flip % 5), 2020).map((sql) => engine.query(sql)));
  }, reps);
  return result;
}

async function measureChartRender(db: Db, reps: number): Promise<Timing> {
  return time(async () => {
    const t = await db.query('SELECT 地区, sum(数值) AS 合计 FROM cube GROUP BY 地区 ORDER BY 合计 DESC');
    renderSvg(buildCategoryOption(t, { kind: 'bar', x: '地区', y: ['合计'] }, { title: '合计', lang: 'zh-CN' }));
  }, reps);
}

async function measureProject(db: Db, reps: number): Promise<{ save: Timing; reopen: Timing; bytes: number }> {
  let bytes: Uint8Array = new Uint8Array();
  const state = { tables: [{ name: 'cube' }], sql: { draft: '', history: [], snippets: [] }, documents: { charts: [], dashboards: [], decks: [] }, lang: 'zh-CN' as const, app: { name: 'sgw', version: 'bench' } };
  const save = await time(async () => {
    bytes = await saveProject(db, state);
  }, Math.max(1, Math.min(3, reps)), 0);
  // Reopen into a fresh engine each time; starting the engine itself is not part of the figure.
  const runs: number[] = [];
  for (let i = 0; i < Math.max(1, Math.min(3, reps)); i++) {
    const fresh = await openNodeDb();
    try {
      const t0 = performance.now();
      await openProject(fresh, bytes, { replace: [], protect: [] });
      runs.push(performance.now() - t0);
    } finally {
      await fresh.close();
    }
  }
  const reopen = summarize(runs);
  return { save, reopen, bytes: bytes.byteLength };
}

export async function runBench(args: Args): Promise<BenchResults> {
  const dataDir = path.resolve('bench/data');
  const sizes: SizeResult[] = [];
  for (const rows of args.sizes) {
    const csv = await generateCsv(dataDir, rows);
    const parquet = csv.replace(/\.csv$/, '.parquet');
    await csvToParquet(csv, parquet);
    peakRss = 0;
    const wasm = await wasmEngine((db, bytes) => importWithPipeline(db, bytes, 'cube.parquet'));
    const ours = await measureEngine(wasm, csv, parquet, args.reps, rows);
    const csvBytes = (await readFile(csv)).byteLength;
    if (csvBytes <= MAX_IMPORT_BYTES.csv) {
      const bytes = new Uint8Array(await readFile(csv));
      ours.csvImportPipeline = await time(() => importWithPipeline(wasm.db, bytes, 'cube.csv'), Math.max(1, Math.min(3, args.reps)), 0);
    }
    ours.chartRender = await measureChartRender(wasm.db, args.reps);
    const project = rows <= 1_000_000 ? await measureProject(wasm.db, args.reps) : undefined;
    await wasm.close();
    const oursPeakRss = peakRss;
    const native = await nativeEngine();
    const theirs = await measureEngine(native, csv, parquet, args.reps, rows);
    await native.close();
    sizes.push({ rows, csvBytes, ours, native: theirs, project, peakRssMb: Math.round(oursPeakRss / 2 ** 20) });
    console.log(`rows ${rows}: done`);
  }
  const startup = args.browser ? await startupToFirstChart(path.resolve('.'), Math.max(3, Math.min(args.reps, 5))) : undefined;
  const pkg = JSON.parse(await readFile('package.json', 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
  return {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` },
    versions: { duckdbWasm: pkg.dependencies['@duckdb/duckdb-wasm'], duckdbNative: pkg.devDependencies['@duckdb/node-api'] },
    reps: args.reps,
    startup,
    sizes,
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const results = await runBench(args);
  clearInterval(sampler);
  await mkdir(args.out, { recursive: true });
  const stamp = results.date.replace(/[:.]/g, '-');
  await writeFile(path.join(args.out, `bench-${stamp}.json`), JSON.stringify(results, null, 2));
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

