import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { runSql } from './app-ui';

export { runSql };

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, 'screenshots');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

export interface AppPage {
  page: Page;
  /** Requests that left 127.0.0.1 (the app must work offline). */
  externalRequests: string[];
  /** Paths of every request of the page and its workers, in order. */
  requests: string[];
  pageErrors: string[];
}

/** Opens the app in a fresh context and waits until DuckDB has loaded the bundled tables. */
export async function openApp(browser: Browser, opts: { viewport?: { width: number; height: number }; lang?: 'zh-CN' | 'en' } = {}): Promise<AppPage> {
  const context = await browser.newContext({ viewport: opts.viewport ?? { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const externalRequests: string[] = [];
  const requests: string[] = [];
  const pageErrors: string[] = [];
  // The context's, so the engine worker's own requests (its wasm) are counted too.
  context.on('request', (r) => requests.push(new URL(r.url()).pathname));
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol)) externalRequests.push(r.url());
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  if (opts.lang) await page.addInitScript((l) => localStorage.setItem('sgw.lang', l), opts.lang);
  await page.goto(inject('baseUrl'));
  await page.getByTestId('engine-status').filter({ hasText: /数据库已就绪|Database ready/ }).waitFor({ timeout: 60_000 });
  return { page, externalRequests, requests, pageErrors };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}


/** Runs a query on 工作台 and gives the texts of its result cells, row by row. */
export async function queryCells(page: Page, sql: string): Promise<string[]> {
  await page.getByRole('tab', { name: '工作台' }).click();
  await runSql(page, sql);
  await page.getByTestId('query-status').filter({ hasText: /\d+ 行/ }).waitFor();
  return page.getByRole('grid', { name: '查询结果' }).getByRole('gridcell').allTextContents();
}

/** The app's screens (tab ids, renderer/views.tsx), in tab order. */
/** Every tab of renderer/views.tsx, in tab order (tests/unit checks the two lists agree). */
export const SCREENS = ['workbench', 'import', 'cases', 'chart-builder', 'analysis', 'dashboards', 'present', 'calc-fields', 'join'] as const;

/** Shows a screen by its tab and waits until the lazy screen is there and its first charts have settled. */
export async function showScreen(page: Page, id: string): Promise<void> {
  await page.locator(`#tab-${id}`).click();
  await page.locator(`[aria-labelledby="tab-${id}"]`).waitFor();
  await page.getByText(/正在打开…|Opening…/).waitFor({ state: 'detached' });
  await page.waitForTimeout(1200);
}
