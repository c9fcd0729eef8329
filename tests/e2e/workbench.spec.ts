import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openApp, runSql, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('workbench (web build in Chromium)', () => {
  it('starts DuckDB offline, lists the bundled tables and draws the starter chart', async () => {
    const { page, externalRequests, requests, pageErrors } = await openApp(browser);
    const catalog = page.getByRole('list', { name: '数据表' });
    await catalog.getByText('sh_social_org', { exact: true }).first().waitFor();
    await catalog.getByText('cases', { exact: true }).first().waitFor();
    const chart = page.getByRole('img', { name: '上海注册社会组织数（按类型）' });
    await chart.waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="chart"] canvas') !== null);
    const file = await screenshot(page, 'workbench-start');
    expect(file).toMatch(/workbench-start\.png$/);
    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    // Start-up path (issue 18): the 27 MB wasm is fetched once (by the engine worker, for its early compile),
    // and the bundled tables come from the build's fast form (Arrow), no CSV parsed.
    expect(requests.filter((p) => p.endsWith('.wasm'))).toHaveLength(1);
    expect(requests.filter((p) => /\/datasets\/.+\.arrow$/.test(p)).length).toBeGreaterThanOrEqual(7);
    expect(requests.filter((p) => p.endsWith('.csv'))).toEqual([]);
    await page.context().close();
  });

  it('runs a query with Ctrl+Enter and shows the row count, elapsed time and grid', async () => {
    const { page } = await openApp(browser);
    await runSql(page, 'SELECT category AS 类型, count(*)::INTEGER AS 条数 FROM sh_social_org GROUP BY 1 ORDER BY 2 DESC');
    const status = page.getByTestId('query-status');
    await status.filter({ hasText: /\d+ 行 · 用时 \d+ 毫秒/ }).waitFor();
    const grid = page.getByRole('grid', { name: '查询结果' });
    await expect(grid.getByRole('columnheader', { name: '类型' }).count()).resolves.toBe(1);
    await expect(grid.getByRole('gridcell').count()).resolves.toBeGreaterThan(0);
    await page.context().close();
  });

  it('shows any bundled figure\'s source document and quote in one click', async () => {
    const { page } = await openApp(browser);
    await runSql(page, "SELECT indicator, category, value, unit, source, quote, note FROM sh_social_org WHERE indicator = '注册社会组织数' AND year = 2014 ORDER BY value DESC");
    await page.getByTestId('query-status').filter({ hasText: '4 行' }).waitFor();
    await page.getByRole('button', { name: '第 1 行出处' }).click();
    const dialog = page.getByRole('dialog', { name: '数据出处' });
    await expect(dialog.textContent()).resolves.toContain('003_6abf6539eaf24928.txt');
    await expect(dialog.textContent()).resolves.toContain('《社会治理创新案例名称4篇》（嘉兴“三社互动”');
    await expect(dialog.textContent()).resolves.toContain('11924');
    await screenshot(page, 'provenance');
    await page.keyboard.press('Escape');
    await expect(dialog.count()).resolves.toBe(0);
    const timing = await page.getByTestId('engine-status').locator('[title]').getAttribute('title');
    expect(timing).toMatch(/^引擎启动 \d+ 毫秒，内置数据加载 \d+ 毫秒$/);
    await page.context().close();
  });

  it('keeps the text and explains a bad query in plain words', async () => {
    const { page } = await openApp(browser);
    await runSql(page, 'SELECT * FROM 不存在的表', 'button');
    const alert = page.getByRole('region', { name: 'SQL 查询' }).getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('找不到表、视图或函数');
    await expect(page.getByRole('textbox', { name: 'SQL 编辑器' }).textContent()).resolves.toBe('SELECT * FROM 不存在的表');
    await screenshot(page, 'sql-error');
    await page.context().close();
  });

  it('scrolls a 1,000,000-row result to its last row', async () => {
    const { page } = await openApp(browser);
    await runSql(page, "SELECT range AS 序号, '社会组织' || range AS 名称, range * 0.5 AS 数值 FROM range(1000000)");
    await page.getByTestId('query-status').filter({ hasText: '1,000,000 行' }).waitFor({ timeout: 60_000 });
    const grid = page.getByRole('grid', { name: '查询结果' });
    await expect(grid.getAttribute('aria-rowcount')).resolves.toBe('1000001');
    // Only a window of rows is in the DOM.
    await expect(grid.getByRole('row').count()).resolves.toBeLessThan(80);
    await grid.evaluate((el) => (el.scrollTop = el.scrollHeight));
    await grid.getByRole('gridcell', { name: '社会组织999999', exact: true }).waitFor();
    await grid.evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
    const firstShown = async () => Number(await grid.getByRole('rowheader').first().textContent());
    await expect.poll(firstShown).toBeLessThan(600_000);
    expect(await firstShown()).toBeGreaterThan(400_000);
    await screenshot(page, 'million-rows');
    await page.context().close();
  });

  it('cancels a running query', async () => {
    const { page } = await openApp(browser);
    await runSql(page, 'SELECT sum(hash(a.range * b.range)) FROM range(200000) a, range(200000) b');
    const cancel = page.getByRole('button', { name: '取消查询' });
    await cancel.waitFor();
    await cancel.click();
    await page.getByTestId('query-status').filter({ hasText: '查询已取消' }).waitFor();
    // The engine is free again afterwards.
    await runSql(page, 'SELECT 42 AS answer');
    await page.getByTestId('query-status').filter({ hasText: '1 行' }).waitFor({ timeout: 30_000 });
    await page.context().close();
  });

  it('completes table and column names in the editor', async () => {
    const { page } = await openApp(browser);
    // Completion knows the tables once the catalog has listed them.
    await page.getByRole('list', { name: '数据表' }).getByText('sh_social_org', { exact: true }).first().waitFor();
    const editor = page.getByRole('textbox', { name: 'SQL 编辑器' });
    await editor.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('Delete');
    await page.keyboard.type('SELECT * FROM sh_soc');
    await page.locator('[role="option"][aria-selected="true"]', { hasText: 'sh_social_org' }).waitFor();
    // CodeMirror ignores keys for its interactionDelay (75 ms) after the list opens, against accidental picks.
    await page.waitForTimeout(150);
    await page.keyboard.press('Enter');
    await expect(editor.textContent()).resolves.toBe('SELECT * FROM sh_social_org');
    await page.context().close();
  });

  it('redraws the chart when the window is resized', async () => {
    const { page } = await openApp(browser, { viewport: { width: 1440, height: 900 } });
    await page.waitForFunction(() => document.querySelector('[data-testid="chart"] canvas') !== null);
    const canvasWidth = () => page.locator('[data-testid="chart"] canvas').first().evaluate((c) => (c as HTMLCanvasElement).getBoundingClientRect().width);
    const wide = await canvasWidth();
    await page.setViewportSize({ width: 1000, height: 900 });
    await expect.poll(canvasWidth).not.toBe(wide);
    const box = await page.getByTestId('chart').boundingBox();
    expect(Math.abs((await canvasWidth()) - box!.width)).toBeLessThan(2);
    await screenshot(page, 'narrow-window');
    await page.context().close();
  });

  it('keeps query history across reloads and loads an entry back into the editor', async () => {
    const { page } = await openApp(browser);
    await runSql(page, 'SELECT 1 AS 第一');
    await page.getByTestId('query-status').filter({ hasText: '1 行' }).waitFor();
    await runSql(page, 'SELECT 2 AS 第二');
    await page.getByTestId('query-status').filter({ hasText: '1 行' }).waitFor();
    await page.reload();
    await page.getByTestId('engine-status').filter({ hasText: '数据库已就绪' }).waitFor();
    await page.getByText('查询历史').click();
    const history = page.getByRole('list', { name: '查询历史' });
    await expect(history.getByRole('button').allTextContents()).resolves.toEqual(['SELECT 2 AS 第二', 'SELECT 1 AS 第一']);
    await history.getByRole('button', { name: 'SELECT 1 AS 第一' }).click();
    await expect(page.getByRole('textbox', { name: 'SQL 编辑器' }).textContent()).resolves.toBe('SELECT 1 AS 第一');
    await page.context().close();
  });

  it('shows the web shell and version, and uses the preload DesktopApi when Electron provides one', async () => {
    const web = await openApp(browser);
    await expect(web.page.getByTestId('app-info').textContent()).resolves.toMatch(/^网页版 v\d+\.\d+\.\d+$/);
    await web.page.context().close();
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.addInitScript(() => {
      const languages: string[] = [];
      (window as unknown as { desktop: unknown; languages: string[] }).languages = languages;
      (window as unknown as { desktop: unknown }).desktop = {
        setLanguage: async (lang: string) => void languages.push(lang),
        getAppInfo: async () => ({ shell: 'electron', version: '7.7.7', platform: 'linux' }),
        openFiles: async () => [],
        saveFile: async () => ({ saved: false }),
        openExternal: async () => undefined,
        openProject: async () => null,
        beginProjectSave: async () => null,
        recentProjects: async () => [],
        onMenuCommand: () => () => undefined,
      };
    });
    await page.goto(inject('baseUrl'));
    await page.getByTestId('app-info').filter({ hasText: '桌面版 v7.7.7' }).waitFor();
    // The native menu follows the page's language: told at start and on every switch.
    const languages = () => page.evaluate(() => (window as unknown as { languages: string[] }).languages);
    await expect(languages()).resolves.toEqual(['zh-CN']);
    await page.getByRole('group', { name: '界面语言' }).getByRole('button', { name: 'English' }).click();
    await page.getByTestId('app-info').filter({ hasText: 'Desktop v7.7.7' }).waitFor();
    await expect(languages()).resolves.toEqual(['zh-CN', 'en']);
    await context.close();
  });

  it('switches to English and remembers the choice', async () => {
    const { page } = await openApp(browser);
    await page.getByRole('group', { name: '界面语言' }).getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'SQL query' }).waitFor();
    await page.reload();
    await page.getByTestId('engine-status').filter({ hasText: 'Database ready' }).waitFor();
    await expect(page.getByRole('button', { name: 'Run' }).count()).resolves.toBe(1);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await screenshot(page, 'english');
    await page.context().close();
  });
});
