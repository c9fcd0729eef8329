/**
 * The app's CSV import memory in Chromium (issue 18: the peak below 2× the file above the idle app), through
 * the real UI of the web build: 选择文件 (a File on disk, as the file input gives it), the preview, 导入, the
 * status line. Every process of the browser is counted (the page, its import and engine workers share the
 * renderer process; the browser process reads the File): their RSS summed, sampled every 20 ms from /proc,
 * its peak minus the idle sum taken just before the file is chosen. A fresh browser per run: a renderer
 * that imported once keeps freed pages that the next import reuses without growing.
 * Also the time of 导入 (the page's marks) against the engine's own read_csv of the same File in another fresh browser.
 * Also the sum of each process's own high-water mark (VmHWM, reset at idle): an upper bound, as the
 * processes need not peak at once. Linux only (/proc); a standalone entry:
 * `node build/scripts/run-ts.mjs bench/browser-import-memory.ts <file.csv> [web build dir] [runs]`.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import type { Db } from '../shared/db';
import { REGISTERED_FILES } from '../shared/sql/offline';
import { CSV_COLUMNS } from './queries';
import { summarize } from './stats';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const SAMPLE_MS = 20;

export interface ImportMemoryRun {
  /** Peak of the summed RSS above the idle sum, bytes. */
  peakAboveIdle: number;
  /** The same until 导入 can be clicked (the import worker's sample and scan), bytes. */
  previewAboveIdle: number;
  /** Σ VmHWM − Σ RSS at idle, bytes (each process's own peak; an upper bound on the true peak). */
  hwmAboveIdle: number;
  /** From 导入 to the table committed, ms: the page's own marks around the import (use-import-commit.ts). */
  importMs: number;
  /** From the file handed to the chooser to the preview's first row, ms (the page checked every frame). */
  previewMs: number;
  /** From the same to 导入 enabled (the whole file proven, the preview final), ms. */
  readyMs: number;
  /**
   * The reference, in another fresh browser on the same build: the engine's own read_csv of the same File
   * (its bytes read by the page, registered, read with the columns declared), ms.
   */
  referenceMs: number;
  /** 导入 → table in, ms, when the user looks at the proven preview for LOOK_MS first (another fresh browser). */
  importAfterLookMs: number;
}

/** How long the second import of each run waits on the proven preview before 导入. */
export const LOOK_MS = 2000;

/** The browser's processes: everything under this Node process. */
async function browserPids(): Promise<number[]> {
  const parent = new Map<number, number>();
  for (const d of await readdir('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const s = await readFile(`/proc/${d}/stat`, 'utf8').catch(() => '');
    const ppid = Number(s.slice(s.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid) parent.set(Number(d), ppid);
  }
  return [...parent.keys()].filter((pid) => {
    for (let up = parent.get(pid), depth = 0; up && depth < 10; up = parent.get(up), depth++) if (up === process.pid) return true;
    return false;
  });
}

async function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): Promise<number> {
  const s = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(s)?.[1] ?? 0);
}

const sum = async (pids: number[], field: 'VmRSS' | 'VmHWM') => (await Promise.all(pids.map((p) => statusKb(p, field)))).reduce((a, b) => a + b, 0) * 1024;

/** One import of `file` in a fresh browser on the web build served from `dir`. */
async function importOnce(url: string, file: string, lookMs = 0): Promise<Omit<ImportMemoryRun, 'referenceMs' | 'importAfterLookMs'>> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await page.goto(url);
    await page.getByTestId('engine-status').filter({ hasText: /数据库已就绪|Database ready/ }).waitFor({ timeout: 120_000 });
    await page.getByRole('tab', { name: '导入数据' }).click();
    await page.getByRole('button', { name: '选择文件' }).waitFor();
    // Settle: the bundled tables' load and the import screen's first paint are part of the idle app.
    await page.waitForTimeout(3000);
    const pids = await browserPids();
    await Promise.all(pids.map((p) => writeFile(`/proc/${p}/clear_refs`, '5').catch(() => undefined)));
    const idle = await sum(pids, 'VmRSS');
    let peak = idle;
    let sampling = true;
    const trace: string[] = [];
    const sampler = (async () => {
      while (sampling) {
        const pids = await browserPids();
        const total = await sum(pids, 'VmRSS');
        peak = Math.max(peak, total);
        if (process.env.SGW_MEM_TRACE) trace.push(`${Math.round(performance.now())} ${(await Promise.all(pids.map(async (p) => `${p}:${Math.round((await statusKb(p, 'VmRSS')) / 1024)}`))).join(' ')}`);
        await new Promise((r) => setTimeout(r, SAMPLE_MS));
      }
    })();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '选择文件' }).click();
    const picked = performance.now();
    await (await chooser).setFiles(file);
    const name = path.basename(file);
    const card = page.getByRole('article', { name });
    // Checked every frame (a locator's wait polls at growing intervals, up to 0.5 s late).
    const shown = (test: 'preview' | 'ready') =>
      page.waitForFunction(
        ([name, test]) => {
          const card = Array.from(document.querySelectorAll('article')).find((a) => a.getAttribute('aria-label') === name);
          if (test === 'preview') return !!card?.querySelector('table[aria-label="预览"] tbody tr');
          return Array.from(card?.querySelectorAll('button') ?? []).some((b) => b.textContent === '导入' && !b.disabled);
        },
        [name, test] as const,
        { polling: 'raf', timeout: 300_000 },
      );
    await shown('preview');
    const previewMs = performance.now() - picked;
    await shown('ready');
    const readyMs = performance.now() - picked;
    const previewPeak = peak;
    await card.getByRole('textbox', { name: '表名' }).fill('cube_memory');
    // A user who looks at the proven preview before clicking (the app reads the file ahead meanwhile).
    if (lookMs > 0) await page.waitForTimeout(lookMs);
    const t0 = performance.now();
    await card.getByRole('button', { name: '导入' }).click();
    await card.getByRole('status').filter({ hasText: '已导入表 cube_memory' }).waitFor({ timeout: 600_000 });
    const importMs = await page.evaluate(() => performance.measure('sgw:import', 'sgw:import-start', 'sgw:import-end').duration);
    sampling = false;
    await sampler;
    const hwm = await sum(await browserPids(), 'VmHWM');
    if (process.env.SGW_MEM_TRACE) await writeFile(process.env.SGW_MEM_TRACE, `${trace.join('\n')}\nimport clicked at ${Math.round(t0)}\n`);
    return { peakAboveIdle: peak - idle, previewAboveIdle: previewPeak - idle, hwmAboveIdle: hwm - idle, importMs, previewMs, readyMs };
  } finally {
    await browser.close();
  }
}

/**
 * The engine's own read_csv of `file` in a fresh browser on the same build, once the app is idle (as before
 * the import): the page reads the File the chooser gave, registers its bytes and reads them with the bench's
 * declared columns (what the Node bench's reference does), through the engine the app itself uses.
 */
async function referenceOnce(url: string, file: string): Promise<number> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await page.goto(`${url}?bench`);
    await page.getByTestId('engine-status').filter({ hasText: /数据库已就绪|Database ready/ }).waitFor({ timeout: 120_000 });
    await page.waitForTimeout(3000);
    await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<input type="file" id="bench-file">'));
    await page.locator('#bench-file').setInputFiles(file);
    const sql = `CREATE TABLE cube_reference AS SELECT * FROM read_csv('${REGISTERED_FILES}reference.csv', header = true, columns = ${CSV_COLUMNS})`;
    return await page.evaluate(
      async ({ sql, name }) => {
        const db = (globalThis as { sgwBenchDb?: Db }).sgwBenchDb;
        const picked = (document.getElementById('bench-file') as HTMLInputElement).files?.[0];
        if (!db || !picked) throw new Error('no bench hook (renderer/db/bench-hook.ts) or no file');
        const t0 = performance.now();
        await db.registerFile(name, new Uint8Array(await picked.arrayBuffer()));
        await db.exec(sql);
        await db.dropFile(name);
        return performance.now() - t0;
      },
      { sql, name: `${REGISTERED_FILES}reference.csv` },
    );
  } finally {
    await browser.close();
  }
}

/** `runs` imports of `file` through the web build in `dir` (default: the one `npm run build:web` made). */
export async function browserImportMemory(root: string, file: string, runs: number, dir = path.join(root, 'dist/renderer')): Promise<{ fileBytes: number; runs: ImportMemoryRun[] }> {
  const server = await preview({ configFile: path.join(root, 'vite.config.ts'), build: { outDir: dir }, preview: { host: '127.0.0.1', port: 0 }, logLevel: 'silent' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  try {
    const out: ImportMemoryRun[] = [];
    const url = `http://127.0.0.1:${address.port}/`;
    for (let i = 0; i < runs; i++) out.push({ ...(await importOnce(url, file)), referenceMs: await referenceOnce(url, file), importAfterLookMs: (await importOnce(url, file, LOOK_MS)).importMs });
    return { fileBytes: (await stat(file)).size, runs: out };
  } finally {
    await server.close();
  }
}

export interface AppCsvImport {
  fileMb: number;
  peakAboveIdleMb: number;
  ratio: number;
  range: [number, number];
  previewAboveIdleMb: number;
  hwmAboveIdleMb: number;
  /** Medians, ms: pick → preview, pick → 导入 enabled, 导入 → table in, the engine's own read_csv of the same File (another fresh browser). */
  previewMs: number;
  readyMs: number;
  importMs: number;
  referenceMs: number;
  /** 导入 after LOOK_MS on the proven preview (median). */
  importAfterLookMs?: number;
  runs: number;
}

const median = (xs: number[]) => summarize(xs).median;

/** The app's import of `csv` (the 1M-row, 80 MB one) in Chromium, `runs` fresh browsers: its peak above the idle app against the file, its times against the engine's own read_csv. */
export async function appImportMemory(csv: string, runs: number): Promise<AppCsvImport> {
  const { fileBytes, runs: measured } = await browserImportMemory(path.resolve('.'), csv, runs);
  const mb = (n: number) => Math.round(n / 2 ** 20);
  const peaks = measured.map((r) => r.peakAboveIdle).sort((a, b) => a - b);
  const ms = (k: 'previewMs' | 'readyMs' | 'importMs' | 'referenceMs' | 'importAfterLookMs') => Math.round(median(measured.map((r) => r[k])));
  return {
    fileMb: mb(fileBytes),
    peakAboveIdleMb: mb(median(peaks)),
    ratio: Math.round((median(peaks) / fileBytes) * 100) / 100,
    range: [mb(peaks[0]), mb(peaks[peaks.length - 1])],
    previewAboveIdleMb: mb(median(measured.map((r) => r.previewAboveIdle))),
    hwmAboveIdleMb: mb(median(measured.map((r) => r.hwmAboveIdle))),
    previewMs: ms('previewMs'),
    readyMs: ms('readyMs'),
    importMs: ms('importMs'),
    referenceMs: ms('referenceMs'),
    importAfterLookMs: ms('importAfterLookMs'),
    runs: measured.length,
  };
}

if (process.argv[1]?.endsWith('browser-import-memory.cjs')) {
  const [file, dir, runs] = process.argv.slice(2);
  browserImportMemory(path.resolve('.'), path.resolve(file), Number(runs ?? 3), dir && path.resolve(dir))
    .then(({ fileBytes, runs: rs }) => {
      const mb = (n: number) => Math.round(n / 2 ** 20);
      for (const r of rs) console.log(JSON.stringify({ fileMb: mb(fileBytes), peakAboveIdleMb: mb(r.peakAboveIdle), ratio: +(r.peakAboveIdle / fileBytes).toFixed(2), previewAboveIdleMb: mb(r.previewAboveIdle), hwmAboveIdleMb: mb(r.hwmAboveIdle), hwmRatio: +(r.hwmAboveIdle / fileBytes).toFixed(2), importMs: Math.round(r.importMs), previewMs: Math.round(r.previewMs), readyMs: Math.round(r.readyMs), referenceMs: Math.round(r.referenceMs), importAfterLookMs: Math.round(r.importAfterLookMs) }));
    })
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
