import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { preview } from 'vite';
import { summarize, type Timing } from './stats';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/** The app's own marks, from navigation start: the page's (main.tsx, engine.ts, worker-db.ts, starter-answer.ts) … */
const PAGE_MARKS = ['sgw:app-evaluated', 'sgw:early-answer', 'sgw:engine-instantiated', 'sgw:engine-open', 'sgw:first-tables', 'sgw:starter-answered', 'sgw:rest-started', 'sgw:datasets-loaded'] as const;
/** … and the engine worker's (engine-worker.ts), moved onto the page's clock. */
const WORKER_MARKS = ['sgw:wasm-response', 'sgw:wasm-compiled', 'sgw:wasm-instantiated'] as const;
const PHASES = [...PAGE_MARKS, ...WORKER_MARKS].map((m) => m.replace('sgw:', ''));

export interface Startup {
  /** Navigation → the starter chart drawn: from the build's answer while the engine starts, when it is used. */
  firstChart: Timing;
  /** Navigation → the chart showing the engine's own answer (the same moment when no build answer was drawn). */
  liveChart: Timing;
  /** Runs whose first chart was the build's answer. */
  earlyRuns: number;
  /** When each step was done, ms after navigation start (see PHASES). */
  phases: Record<string, Timing>;
  /** CPU time of the browser's processes from navigation to the chart (user + system, every core). */
  cpuMs?: Timing;
  /** A returning user: the browser started again on the same profile (its HTTP and code caches kept). */
  secondStart?: Timing;
  secondLive?: Timing;
}

/** Processes under this one (the browser and its renderers), CPU ms so far; undefined without /proc. */
async function browserCpuMs(): Promise<number | undefined> {
  try {
    const procs = new Map<number, { ppid: number; ticks: number }>();
    for (const d of await readdir('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      const stat = await readFile(`/proc/${d}/stat`, 'utf8').catch(() => '');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (f.length > 13) procs.set(Number(d), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) });
    }
    let ticks = 0;
    for (const p of procs.values()) {
      let up = p.ppid;
      for (let depth = 0; depth < 8 && up > 1 && up !== process.pid; depth++) up = procs.get(up)?.ppid ?? 0;
      if (up === process.pid) ticks += p.ticks;
    }
    // Linux reports 100 ticks per second (USER_HZ) on every platform Node runs on.
    return ticks * 10;
  } catch {
    return undefined;
  }
}

/** The web build (dist/renderer) served by vite preview on a free loopback port. */
export async function servePreview(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = await preview({ configFile: path.join(root, 'vite.config.ts'), preview: { host: '127.0.0.1', port: 0 }, logLevel: 'silent' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  return { url: `http://127.0.0.1:${address.port}/`, close: () => server.close() };
}

type Run = { ms: number; liveMs: number; early: boolean; marks: number[]; cpuMs?: number };

/** ms after navigation start when the starter chart's canvas is there under `panel` (its data-answer state). */
async function chartAt(page: Page, panel: string): Promise<{ ms: number; answer: string }> {
  const handle = await page.waitForFunction(
    (sel) => {
      const p = document.querySelector(sel);
      return p?.querySelector('[data-testid="chart"] canvas') ? { ms: performance.now(), answer: p.getAttribute('data-answer') ?? '' } : null;
    },
    panel,
    { timeout: 60_000, polling: 10 },
  );
  return (await handle.jsonValue()) as { ms: number; answer: string };
}

/** Opens the app, waits for the starter chart's canvas, then for the engine's answer in it; times and marks, ms after navigation start. */
async function openToFirstChart(context: BrowserContext, url: string): Promise<Run> {
  const page: Page = context.pages()[0] ?? (await context.newPage());
  const cpu0 = await browserCpuMs();
  await page.goto(url);
  const first = await chartAt(page, 'section.chart-panel');
  const live = first.answer === 'live' ? first : await chartAt(page, 'section.chart-panel[data-answer="live"]');
  const cpu1 = await browserCpuMs();
  // The tables the starter chart does not need load after it: wait for that mark too (not part of `ms`).
  await page.waitForFunction(() => performance.getEntriesByName('sgw:datasets-loaded').length > 0, undefined, { timeout: 30_000, polling: 10 });
  const pageMarks = await page.evaluate((names) => names.map((n) => performance.getEntriesByName(n)[0]?.startTime ?? -1), [...PAGE_MARKS]);
  const origin = await page.evaluate(() => performance.timeOrigin);
  let workerMarks: number[] = WORKER_MARKS.map(() => -1);
  for (const w of page.workers()) {
    const m = await w.evaluate((names) => ({ origin: performance.timeOrigin, at: names.map((n) => performance.getEntriesByName(n)[0]?.startTime ?? -1) }), [...WORKER_MARKS]);
    if (m.at.some((t) => t >= 0)) workerMarks = m.at.map((t) => (t < 0 ? -1 : t + m.origin - origin));
  }
  return { ms: first.ms, liveMs: live.ms, early: first.answer === 'early', marks: [...pageMarks, ...workerMarks], cpuMs: cpu0 === undefined || cpu1 === undefined ? undefined : cpu1 - cpu0 };
}

/**
 * Start-up to first chart in the real web build: from navigation start until the starter chart's canvas
 * exists (drawn from the build's answer while the engine starts, shared/charts/starter-answer.ts), and until
 * it shows the engine's own answer (engine started, its tables loaded, the query run). A fresh context each run,
 * so no HTTP or code cache helps; then, as a separate row, the browser restarted on one profile (a
 * returning user: Chromium's HTTP cache and its cache of the compiled wasm kept). Electron's own code cache
 * cannot be measured here (its binary does not run).
 */
export async function startupToFirstChart(root: string, reps: number): Promise<Startup> {
  const { url, close } = await servePreview(root);
  const runs: number[] = [];
  const live: number[] = [];
  let earlyRuns = 0;
  const cpu: number[] = [];
  const phases: number[][] = PHASES.map(() => []);
  const again: number[] = [];
  const againLive: number[] = [];
  const profile = await mkdtemp(path.join(os.tmpdir(), 'sgw-bench-profile-'));
  try {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    try {
      for (let i = 0; i < reps + 1; i++) {
        const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
        const run = await openToFirstChart(context, url);
        if (i > 0) {
          // the first run warms the browser process (its own start, the OS file cache)
          runs.push(run.ms);
          live.push(run.liveMs);
          if (run.early) earlyRuns++;
          if (run.cpuMs !== undefined) cpu.push(run.cpuMs);
          run.marks.forEach((t, k) => phases[k].push(t));
        }
        await context.close();
      }
    } finally {
      await browser.close();
    }
    // The returning user: the first launch fills the profile's caches, the next ones are measured.
    for (let i = 0; i < reps + 1; i++) {
      const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: ARGS, viewport: { width: 1440, height: 900 } });
      try {
        const run = await openToFirstChart(context, url);
        if (i > 0) {
          again.push(run.ms);
          againLive.push(run.liveMs);
        }
      } finally {
        await context.close();
      }
    }
  } finally {
    await rm(profile, { recursive: true, force: true });
    await close();
  }
  return {
    firstChart: summarize(runs),
    liveChart: summarize(live),
    earlyRuns,
    phases: Object.fromEntries(PHASES.map((p, k) => [p, summarize(phases[k])])),
    ...(cpu.length === runs.length ? { cpuMs: summarize(cpu) } : {}),
    secondStart: summarize(again),
    secondLive: summarize(againLive),
  };
}
