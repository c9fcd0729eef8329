import path from 'node:path';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { summarize, type Timing } from './stats';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Start-up to first chart in the real web build: from navigation start until the starter chart's canvas
 * exists (engine started, bundled data loaded, aggregate query run, chart drawn). Fresh context each run.
 */
export async function startupToFirstChart(root: string, reps: number): Promise<Timing> {
  const server = await preview({ configFile: path.join(root, 'vite.config.ts'), preview: { host: '127.0.0.1', port: 0 }, logLevel: 'silent' });
  const address = server.httpServer.address();
  if (!address || typeof address === 'string') throw new Error('preview server has no port');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  const runs: number[] = [];
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
      if (i > 0) runs.push(ms); // the first run warms the HTTP and compile caches of the browser process
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return summarize(runs);
}
