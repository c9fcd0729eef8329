import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser';

// The engine worker compiles the wasm itself (renderer/db/engine-worker.ts): what happens when the server
// does not serve it as the app expects.
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function openWithWasm(serve: 'missing' | 'octet-stream'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const wasmRequests: string[] = [];
  await context.route(/\.wasm$/, async (route) => {
    wasmRequests.push(route.request().url());
    if (serve === 'missing') return route.fulfill({ status: 404, body: 'not here' });
    const res = await route.fetch();
    return route.fulfill({ response: res, headers: { ...res.headers(), 'content-type': 'application/octet-stream' } });
  });
  const page = await context.newPage();
  await page.goto(inject('baseUrl'));
  // The route must have seen the worker's request, or this test would prove nothing.
  await expect.poll(() => wasmRequests.length, { timeout: 60_000 }).toBe(1);
  return page;
}

describe('start-up when the wasm is not served as expected (web build in Chromium)', () => {
  it('says the engine could not start when the wasm is missing, instead of loading for ever', async () => {
    const page = await openWithWasm('missing');
    const status = page.getByTestId('engine-status');
    await status.filter({ hasText: '数据库引擎启动失败' }).waitFor({ timeout: 60_000 });
    await expect(status.textContent()).resolves.toContain('HTTP 404');
    await page.context().close();
  });

  it('still starts and draws the starter chart when the wasm comes without the application/wasm type', async () => {
    const page = await openWithWasm('octet-stream');
    await page.getByTestId('engine-status').filter({ hasText: '数据库已就绪' }).waitFor({ timeout: 60_000 });
    await page.waitForFunction(() => document.querySelector('[data-testid="chart"] canvas') !== null, undefined, { timeout: 60_000 });
    await page.context().close();
  });
});

describe('duckdb\'s wasm as the web build ships it (web build in Chromium)', () => {
  it('runs duckdb\'s wasm with only the exports its glue names (build/vite/duckdb-wasm.ts), and answers', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const wasms: string[] = [];
    context.on('response', (res) => {
      if (/duckdb-eh[^/]*\.wasm$/.test(res.url())) wasms.push(res.url());
    });
    const page = await context.newPage();
    await page.goto(inject('baseUrl'));
    await page.getByTestId('engine-status').filter({ hasText: '数据库已就绪' }).waitFor({ timeout: 60_000 });
    await page.locator('section.chart-panel[data-answer="live"] [data-testid="chart"] canvas').waitFor({ timeout: 60_000 });
    await expect.poll(() => wasms.length, { timeout: 10_000 }).toBe(1);
    // the wasm the worker fetched (too big for the inspector's cache: read here again); duckdb-wasm 1.32's own has 75,011
    const wasm = await (await fetch(wasms[0])).arrayBuffer();
    expect(WebAssembly.Module.exports(await WebAssembly.compile(wasm)).length).toBeLessThan(1000);
    await context.close();
  });
});

describe('start-up when a bundled table after the first chart cannot be read', () => {
  it('still says the engine failed, naming the file, though the starter chart\'s tables loaded first', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const asked: string[] = [];
    // statements is not under the starter chart: it loads after its query (renderer/db/engine.ts).
    await context.route(/datasets\/statements\.arrow$/, (route) => {
      asked.push(route.request().url());
      return route.fulfill({ status: 404, body: 'not here' });
    });
    const page = await context.newPage();
    await page.goto(inject('baseUrl'));
    const status = page.getByTestId('engine-status');
    await status.filter({ hasText: '数据库引擎启动失败' }).waitFor({ timeout: 60_000 });
    await expect(status.textContent()).resolves.toContain('datasets/statements.arrow: HTTP 404');
    expect(asked).toHaveLength(1);
    await context.close();
  });
});
