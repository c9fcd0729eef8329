import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { inspectXlsx } from '../fixtures/export/inspect-xlsx';
import { launchBrowser, openApp, runSql, screenshot, SCREENSHOT_DIR } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const CHART_NAME = '上海注册社会组织数（按类型）';

async function chartPanel(page: Page) {
  const panel = page.getByRole('region', { name: '图表' });
  await panel.getByRole('img', { name: CHART_NAME }).waitFor();
  return panel;
}

/** Clicks a menu item of the chart's 导出 menu and returns the downloaded file. */
async function exportFromMenu(page: Page, item: string): Promise<{ name: string; bytes: Uint8Array }> {
  const panel = await chartPanel(page);
  await panel.getByRole('button', { name: '导出', exact: true }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menu', { name: '导出选项' }).getByRole('menuitem', { name: item, exact: true }).click();
  const d = await download;
  return { name: d.suggestedFilename(), bytes: new Uint8Array(await readFile((await d.path())!)) };
}

function pngSize(bytes: Uint8Array): [number, number] {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  expect(Array.from(bytes.slice(1, 4), (c) => String.fromCharCode(c)).join('')).toBe('PNG');
  return [view.getUint32(16), view.getUint32(20)];
}

describe('export (web build in Chromium)', () => {
  it('exports the chart as Excel with a native chart over typed numbers', async () => {
    const { page, externalRequests, pageErrors } = await openApp(browser);
    const panel = await chartPanel(page);
    await panel.getByRole('button', { name: '导出', exact: true }).click();
    const menu = page.getByRole('menu', { name: '导出选项' });
    await expect(menu.getByRole('menuitem').allTextContents()).resolves.toEqual([
      '导出 Excel（可编辑图表）',
      '导出 Word（可编辑图表）',
      '导出 PNG（1×）',
      '导出 PNG（2×）',
      '导出 PNG（3×）',
      '导出 SVG',
      '复制图片',
      '导出 CSV',
      '导出 CSV（GB18030）',
    ]);
    await screenshot(page, 'export-menu');
    await page.keyboard.press('Escape');
    await expect(menu.count()).resolves.toBe(0);

    const { name, bytes } = await exportFromMenu(page, '导出 Excel（可编辑图表）');
    expect(name).toBe(`${CHART_NAME}.xlsx`);
    const x = inspectXlsx(bytes);
    const ws = x.workbook.Sheets[CHART_NAME];
    // The unit on its own row above the header (the print layout), the header without it.
    expect([ws.A2.v, ws.A3.v, ws.B3.v, ws.C3.v]).toEqual(['单位：家', '类型', '2013年末', '2014年6月末']);
    expect(x.charts).toHaveLength(1);
    const [s1, s2] = x.charts[0].series;
    const categories = x.resolveRef(s1.cat);
    expect(categories.length).toBeGreaterThan(1);
    expect(categories.every((c) => typeof c === 'string' && c.length > 0)).toBe(true);
    expect(x.cellTypes(s2.val).every((t) => t === 'n')).toBe(true);
    expect(x.resolveRef(s2.val)).toEqual(s2.numCache);
    expect(x.resolveRef(s1.tx)).toEqual(['2013年末']);
    expect(x.charts[0].xml).toContain('<c:barDir val="col"/>');
    // The source line sits under the table.
    const sourceRow = 3 + categories.length + 2;
    expect(String(ws[`A${sourceRow}`].v)).toMatch(/^来源：/);
    await expect(page.getByRole('status').filter({ hasText: `已导出：${CHART_NAME}.xlsx` }).count()).resolves.toBe(1);
    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('exports PNG at 2× and 3×, SVG with title and source, and GB18030 CSV', async () => {
    const { page, pageErrors } = await openApp(browser);
    const png2 = await exportFromMenu(page, '导出 PNG（2×）');
    expect(png2.name).toBe(`${CHART_NAME}@2x.png`);
    expect(pngSize(png2.bytes)).toEqual([1920, 1080]);
    // Kept beside the screenshots so the exported picture itself can be looked at.
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    await writeFile(path.join(SCREENSHOT_DIR, 'export-chart@2x.png'), png2.bytes);
    const png3 = await exportFromMenu(page, '导出 PNG（3×）');
    expect(pngSize(png3.bytes)).toEqual([2880, 1620]);

    const svg = new TextDecoder().decode((await exportFromMenu(page, '导出 SVG')).bytes);
    expect(svg).toMatch(/^<svg[^>]*width="960"/);
    expect(svg).toContain(CHART_NAME);
    expect(svg).toContain('来源：');
    expect(svg).toContain('2014年6月末');
    expect(svg).not.toMatch(/font-family:"/);

    const csv = await exportFromMenu(page, '导出 CSV（GB18030）');
    expect(csv.name).toBe(`${CHART_NAME}.csv`);
    const text = new TextDecoder('gb18030').decode(csv.bytes);
    expect(text.split('\r\n')[0]).toBe('类型,2013年末（家）,2014年6月末（家）');
    expect(csv.bytes[0]).not.toBe(0xef);
    const utf8 = await exportFromMenu(page, '导出 CSV');
    expect(Array.from(utf8.bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(utf8.bytes)).toBe(text);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('copies the chart picture to the clipboard', async () => {
    const { page } = await openApp(browser);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const panel = await chartPanel(page);
    await panel.getByRole('button', { name: '导出', exact: true }).click();
    await page.getByRole('menuitem', { name: '复制图片' }).click();
    await panel.getByRole('status').filter({ hasText: '图片已复制到剪贴板' }).waitFor();
    const types = await page.evaluate(async () => (await navigator.clipboard.read()).flatMap((item) => item.types));
    expect(types).toContain('image/png');
    await page.context().close();
  });

  it('exports a query result to Excel and CSV from the SQL console', async () => {
    const { page } = await openApp(browser);
    await runSql(page, "SELECT category AS 类型, count(*)::INTEGER AS 条数, '=1+1' AS 公式 FROM sh_social_org GROUP BY 1 ORDER BY 2 DESC");
    await page.getByTestId('query-status').filter({ hasText: /\d+ 行/ }).waitFor();
    const group = page.getByRole('group', { name: '导出查询结果' });
    let download = page.waitForEvent('download');
    await group.getByRole('button', { name: '导出结果 Excel' }).click();
    const xlsx = await download;
    expect(xlsx.suggestedFilename()).toBe('查询结果.xlsx');
    const x = inspectXlsx(new Uint8Array(await readFile((await xlsx.path())!)));
    const ws = x.workbook.Sheets['查询结果'];
    expect([ws.A1.v, ws.B1.v, ws.C1.v]).toEqual(['类型', '条数', '公式']);
    expect(ws.B2.t).toBe('n');
    expect(ws.B2.v).toBeGreaterThan(0);
    expect(ws.C2).toMatchObject({ t: 's', v: "'=1+1" });
    await screenshot(page, 'export-result');

    download = page.waitForEvent('download');
    await group.getByRole('button', { name: '导出结果 CSV' }).click();
    const csv = new TextDecoder().decode(await readFile((await (await download).path())!));
    expect(csv.split('\r\n')[0]).toBe('类型,条数,公式');
    expect(csv.split('\r\n')[1]).toMatch(/^[^,]*,\d+,'=1\+1$/);
    await group.getByRole('status').filter({ hasText: '已导出：查询结果.csv' }).waitFor();
    await page.context().close();
  });

  it('exports a dashboard card from its 导出 menu and the whole dashboard as one workbook', async () => {
    const { page } = await openApp(browser);
    await page.getByRole('tab', { name: '仪表板' }).click();
    await page.getByRole('combobox', { name: '选择仪表板' }).selectOption({ label: '上海社会组织' });
    const staff = page.getByRole('article', { name: '从业人员变化（2007→2013）：专职与兼职' });
    await staff.locator('canvas').first().waitFor();
    await staff.getByRole('button', { name: '导出', exact: true }).click();
    let download = page.waitForEvent('download');
    await page.getByRole('menu', { name: '导出选项' }).getByRole('menuitem', { name: '导出 Excel（可编辑图表）', exact: true }).click();
    const card = inspectXlsx(new Uint8Array(await readFile((await (await download).path())!)));
    expect(card.charts.map((c) => c.series.map((s) => s.numCache))).toEqual([
      [
        [4.4, 14.31],
        [8.1, 5.72],
      ],
    ]);
    // Scroll so every card has loaded, then export the dashboard.
    const cards = page.getByRole('article');
    const count = await cards.count();
    for (let i = 0; i < count; i++) {
      await cards.nth(i).scrollIntoViewIfNeeded();
      await cards.nth(i).locator('canvas').first().waitFor();
    }
    download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出仪表板 Excel' }).click();
    const d = await download;
    expect(d.suggestedFilename()).toBe('上海社会组织.xlsx');
    const book = inspectXlsx(new Uint8Array(await readFile((await d.path())!)));
    expect(book.charts).toHaveLength(count);
    expect(book.workbook.SheetNames[0]).toBe('目录');
    await page.context().close();
  });
});
