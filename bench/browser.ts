import path from 'node:path';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { summarize, type Timing } from './stats';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The app's own marks (renderer/db/worker-db.ts, engine.ts), from navigation start. */
const PHASES = ['sgw:engine-instantiated', 'sgw:engine-open', 'sgw:datasets-loaded'] as const;

export interface Startup {
  firstChart: Timing;
  /** When the engine was open and when the bundled datasets were loaded, ms after navigation start. */
  phases: Record<string, Timing>;
}

/**
 * Start-up to first chart in the real web build: from navigation start until the starter chart's canvas
 * exists (engine started, bundled data loaded, aggregate query run, chart drawn). Fresh context each run, so
 * no HTTP or code cache helps (Electron's V8 code cache cannot be measured here: its binary does not run).
 */
export async function startupToFirstChart(root: string, reps: number): Promise<Startup> {
  const server = await preview({ configFile: path.join(root, 'vite.config.ts'), preview: { host: '127.0.0.1', port: 0 }, logLevel: 'silent' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const runs: number[] = [];
  const phases: Record<string, number[]> = Object.fromEntries(PHASES.map((p) => [p, []]));
  try {
    for (let i = 0; i < reps + 1; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${address.port}/`);
      const handle = await page.waitForFunction(() => (document.querySelector('[data-testid="chart"] canvas') ? performance.now() : 0), undefined, {
        timeout: 60_000,
        polling: 10,
      });
      const ms = (await handle.jsonValue()) as number;
      const marks = await page.evaluate((names) => names.map((n) => performance.getEntriesByName(n)[0]?.startTime ?? -1), [...PHASES]);
      if (i > 0) {
        // the first run warms the HTTP and compile caches of the browser process
        runs.push(ms);
        PHASES.forEach((p, k) => phases[p].push(marks[k]));
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { firstChart: summarize(runs), phases: Object.fromEntries(PHASES.map((p) => [p.replace('sgw:', ''), summarize(phases[p])])) };
}
