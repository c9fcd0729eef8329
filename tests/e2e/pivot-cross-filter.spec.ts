/**
 * A pivot card follows the dashboard's click filter (issue 18's leftover): picking a bar of a chart over the
 * same table (the keyboard route of a click, the same handler) filters the pivot card to that bar's value, and
 * clearing it brings the whole table back. The numbers are read off the card and compared with sums computed
 * here from the sample's own formulas.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import { launchBrowser, openApp, runSql, screenshot } from './browser';
import { pickPivot, pivotSample, zhNumber } from './pivot';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const { sql: SAMPLE, sum } = pivotSample('联动透视', 180, 0.375);
const zh = zhNumber;
const PIVOT = '联动透视表';
const CHART = '联动：各地区数值';

/** The card shows each number as a grid cell. */
async function shows(grid: Locator, numbers: number[]) {
  for (const n of numbers) await grid.getByRole('gridcell', { name: zh(n), exact: true }).first().waitFor();
}

describe('a pivot card under the dashboard’s click filter (web build in Chromium)', () => {
  it('picking a bar of a chart over the same table filters the pivot card; clearing it restores the numbers', async () => {
    const { page, pageErrors, externalRequests } = await openApp(browser, { viewport: { width: 1280, height: 900 } });
    await runSql(page, SAMPLE);
    await page.getByTestId('query-status').filter({ hasText: /用时 \d+ 毫秒/ }).waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: '仪表板' }).click();
    await page.getByRole('button', { name: '新建仪表板' }).click();
    await page.getByRole('combobox', { name: '选择仪表板' }).filter({ hasText: '我的仪表板 1' }).waitFor();

    // The chart: sum of 数值 by 地区, saved and put on the dashboard.
    await page.getByRole('tab', { name: '图表制作' }).click();
    await page.getByRole('combobox', { name: '数据表' }).selectOption('联动透视');
    await page.getByRole('combobox', { name: '维度', exact: true }).selectOption('地区');
    await page.getByRole('combobox', { name: '度量', exact: true }).selectOption('数值');
    await page.getByRole('combobox', { name: '汇总方式', exact: true }).selectOption('sum');
    await page.getByRole('textbox', { name: '标题', exact: true }).fill(CHART);
    await page.getByRole('button', { name: '保存图表' }).click();
    await page.getByRole('status').filter({ hasText: `已保存：${CHART}` }).waitFor();

    // The pivot: 地区 × 年份, sum of 数值, with totals, saved and put on the same dashboard.
    await pickPivot(page, { table: '联动透视', row: '地区', col: '年份', value: '数值', dropCount: true });
    await page.getByTestId('pivot-status').filter({ hasText: '4 行 × 5 列' }).waitFor();
    await page.getByRole('button', { name: '保存透视表' }).click();
    await page.getByRole('textbox', { name: '透视表名称' }).fill(PIVOT);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByRole('status').filter({ hasText: `已保存：${PIVOT}` }).waitFor();
    await page.getByRole('combobox', { name: '目标仪表板' }).selectOption({ label: '我的仪表板 1' });
    await page.getByRole('button', { name: '添加到仪表板' }).click();
    await page.getByRole('status').filter({ hasText: '已添加到仪表板“我的仪表板 1”' }).waitFor();

    await page.getByRole('tab', { name: '仪表板' }).click();
    await page.getByRole('combobox', { name: '选择仪表板' }).selectOption({ label: '我的仪表板 1' });
    await page.getByRole('combobox', { name: '要添加的已保存图表' }).selectOption({ label: CHART });
    await page.getByRole('button', { name: '添加图表' }).click();
    const grid = page.getByRole('article', { name: `透视表：${PIVOT}` }).getByRole('grid', { name: PIVOT });
    const whole = [sum(() => true), sum((r) => r.地区 === '上海市'), sum((r) => r.地区 === '北京市' && r.年份 === 2019)];
    await shows(grid, whole);
    await grid.getByRole('rowheader', { name: '上海市' }).waitFor();

    // 按此图筛选 → 北京市: what a click on the 北京市 bar does.
    const picker = page.getByRole('button', { name: `按此图筛选 ${CHART}` });
    await expect.poll(() => picker.isEnabled()).toBe(true);
    await picker.click();
    await page.getByRole('listbox', { name: `${CHART} 的筛选值` }).getByRole('option', { name: '北京市', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '已按 地区 = 北京市 筛选其他图表' }).waitFor();
    await expect.poll(() => page.getByTestId('cross-filter').textContent()).toMatch(/^联动筛选：地区 = 北京市/);
    // Only 北京市 is left: its total is the grand total, its cells as before, the other regions gone.
    await shows(grid, [sum((r) => r.地区 === '北京市'), sum((r) => r.地区 === '北京市' && r.年份 === 2019)]);
    await expect.poll(() => grid.getByRole('rowheader', { name: '上海市' }).count()).toBe(0);
    await expect(grid.getByRole('rowheader', { name: '江苏省' }).count()).resolves.toBe(0);
    await expect(grid.getByRole('gridcell', { name: zh(whole[0]), exact: true }).count()).resolves.toBe(0);
    await screenshot(page, 'pivot-card-cross-filtered');

    await page.getByRole('button', { name: '清除筛选' }).click();
    await shows(grid, whole);
    await grid.getByRole('rowheader', { name: '上海市' }).waitFor();
    expect(pageErrors).toEqual([]);
    expect(externalRequests).toEqual([]);
    await page.context().close();
  });
});
