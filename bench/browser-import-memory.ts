/**
 * The app's CSV import memory in Chromium (issue 18: the peak below 2× the file above the idle app), through
 * the real UI of the web build: 选择文件 (a File on disk, as the file input gives it), the preview, 导入, the
 * status line. Every process of the browser is counted (the page, its import and engine workers share the
 * renderer process; the browser process reads the File): their RSS summed, sampled every 20 ms from /proc,
 * its peak minus the idle sum taken just before the file is chosen. A fresh browser per run: a renderer
 * that imported once keeps freed pages that the next import reuses without growing.
 * Also the sum of each process's own high-water mark (VmHWM, reset at idle): an upper bound, as the
 * processes need not peak at once. Linux only (/proc); a standalone entry:
 * `node build/scripts/run-ts.mjs bench/browser-import-memory.ts <file.csv> [web build dir] [runs]`.
 */
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { preview } from 'vite';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const SAMPLE_MS = 20;

export interface ImportMemoryRun {
  /** Peak of the summed RSS above the idle sum, bytes. */
  peakAboveIdle: number;
  /** The same until the preview is shown (the import worker's sample and scan), bytes. */
  previewAboveIdle: number;
  /** Σ VmHWM − Σ RSS at idle, bytes (each process's own peak; an upper bound on the true peak). */
  hwmAboveIdle: number;
  /** From 导入 to the status line, ms (noisy; for orientation only). */
  importMs: number;
}

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
async function importOnce(url: string, file: string): Promise<ImportMemoryRun> {
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
    await (await chooser).setFiles(file);
    const name = path.basename(file);
    const card = page.getByRole('article', { name });
    await card.getByRole('table', { name: '预览' }).getByRole('row').nth(1).waitFor({ timeout: 300_000 });
    const previewPeak = peak;
    await card.getByRole('textbox', { name: '表名' }).fill('cube_memory');
    const t0 = performance.now();
    await card.getByRole('button', { name: '导入' }).click();
    await card.getByRole('status').filter({ hasText: '已导入表 cube_memory' }).waitFor({ timeout: 600_000 });
    const importMs = performance.now() - t0;
    sampling = false;
    await sampler;
    const hwm = await sum(await browserPids(), 'VmHWM');
    if (process.env.SGW_MEM_TRACE) await writeFile(process.env.SGW_MEM_TRACE, `${trace.join('\n')}\nimport clicked at ${Math.round(t0)}\n`);
    return { peakAboveIdle: peak - idle, previewAboveIdle: previewPeak - idle, hwmAboveIdle: hwm - idle, importMs };
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
    for (let i = 0; i < runs; i++) out.push(await importOnce(`http://127.0.0.1:${address.port}/`, file));
    return { fileBytes: (await stat(file)).size, runs: out };
  } finally {
    await server.close();
  }
}

if (process.argv[1]?.endsWith('browser-import-memory.cjs')) {
  const [file, dir, runs] = process.argv.slice(2);
  browserImportMemory(path.resolve('.'), path.resolve(file), Number(runs ?? 3), dir && path.resolve(dir))
    .then(({ fileBytes, runs: rs }) => {
      const mb = (n: number) => Math.round(n / 2 ** 20);
      for (const r of rs) console.log(JSON.stringify({ fileMb: mb(fileBytes), peakAboveIdleMb: mb(r.peakAboveIdle), ratio: +(r.peakAboveIdle / fileBytes).toFixed(2), previewAboveIdleMb: mb(r.previewAboveIdle), hwmAboveIdleMb: mb(r.hwmAboveIdle), hwmRatio: +(r.hwmAboveIdle / fileBytes).toFixed(2), importMs: Math.round(r.importMs) }));
    })
    .catch((e: unknown) => {
      console.error(e);
      process.exit(1);
    });
}
