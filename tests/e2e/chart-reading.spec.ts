/**
 * The analyst's loop on a yearbook sheet: a chart by region leaves the 合计 row out and says so, one click keeps
 * it; exclude filters (builder and dashboard); the map says what it summed; YoY under a year filter still
 * compares with the year before; the region popover closes with 清除筛选.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, openApp, runSql, screenshot } from './browser';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Row labels and the exact numbers of the first series, from the chart's hidden data table. */
async function drawn(scope: Locator): Promise<{ rows: [string, number | null][]; notes: string[] }> {
  const table = scope.locator('table[data-kind]').first();
  await table.waitFor({ state: 'attached' });
  return table.evaluate((t) => ({
    rows: Array.from(t.querySelectorAll('tbody tr')).map((r) => {
      const v = r.querySelector('td')?.getAttribute('data-value') ?? '';
      return [r.querySelector('th')?.textContent ?? '', v === '' ? null : Number(v)] as [string, number | null];
    }),
    notes: Array.from(t.querySelectorAll('tfoot td')).map((d) => d.textContent ?? ''),
  }));
}

async function importRegions(page: Page) {
  await page.getByRole('tab', { name: '导入数据' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '选择文件' }).click();
  await (await chooser).setFiles(path.join(FIXTURES, 'yearbook-shapes.xlsx'));
  const card = page.getByRole('article', { name: 'yearbook-shapes.xlsx' });
  await card.getByRole('checkbox', { name: '地区' }).check();
  await card.getByRole('region', { name: '地区' }).getByText('4 行', { exact: true }).waitFor();
  await card.getByRole('button', { name: '导入' }).click();
  await card.getByRole('status').filter({ hasText: '已导入表 yearbook_shapes_地区（4 行）' }).waitFor();
}

describe('charts that say what they do (web build in Chromium)', () => {
  it('leaves the 合计 row of a yearbook sheet out and says so, keeps it on one click, and excludes with 排除', async () => {
    const { page, pageErrors, externalRequests } = await openApp(browser, { viewport: { width: 1024, height: 900 } });
    await importRegions(page);
    await page.getByRole('tab', { name: '图表制作' }).click();
    const preview = page.getByRole('region', { name: '图表预览' });
    await page.getByRole('combobox', { name: '数据表' }).selectOption('yearbook_shapes_地区');
    await page.getByRole('combobox', { name: '维度', exact: true }).selectOption('地区');
    const measure = page.getByRole('combobox', { name: '度量', exact: true });
    // The 总计 column sums the others: offered, but flagged as a total column.
    await expect(measure.locator('option[value="总计"]').textContent()).resolves.toContain('合计列');
    await measure.selectOption('社会组织单位数_社会团体_2013年');
    const chip = page.getByTestId('totals-chip');
    await chip.filter({ hasText: '已排除合计行：合计' }).waitFor();
    await expect.poll(async () => (await drawn(preview)).rows).toEqual([
      ['浙江', 5600],
      ['上海', 4000],
      ['北京', 3600],
    ]);
    await expect(page.getByTestId('builder-sql').textContent()).resolves.toContain(`"地区" NOT IN ('合计')`);
    expect((await drawn(preview)).notes).toEqual(['已排除合计行：合计']);
    await page.waitForTimeout(500);
    await screenshot(page, 'totals-left-out-zh-1024');

    await page.getByRole('button', { name: '保留合计行 合计' }).click();
    await chip.filter({ hasText: '含合计行：合计' }).waitFor();
    await expect.poll(async () => (await drawn(preview)).rows[0]).toEqual(['合计', 289026]);
    await expect(page.getByTestId('builder-sql').textContent()).resolves.not.toContain('NOT IN');
    await page.getByRole('button', { name: '排除合计行' }).click();
    await chip.filter({ hasText: '已排除合计行：合计' }).waitFor();

    // Exclude (排除 / 不等于) a region.
    await page.getByRole('combobox', { name: '筛选列' }).selectOption('地区');
    await page.getByRole('combobox', { name: '筛选方式' }).selectOption('not_in');
    await page.getByRole('listbox', { name: '筛选值' }).getByRole('option', { name: '北京' }).waitFor();
    await page.getByRole('listbox', { name: '筛选值' }).selectOption(['北京']);
    await page.getByRole('button', { name: '添加筛选' }).click();
    await page.getByText('地区 不等于 北京').waitFor();
    await expect.poll(() => page.getByTestId('builder-sql').textContent()).toContain(`"地区" NOT IN ('北京')`);
    await expect.poll(async () => (await drawn(preview)).rows.map((r) => r[0])).toEqual(['浙江', '上海']);
    await page.waitForTimeout(500);
    await screenshot(page, 'exclude-filter-zh-1024');
    expect(pageErrors).toEqual([]);
    expect(externalRequests).toEqual([]);
    await page.context().close();
  });

  it('notes the districts a province map summed, and keeps the 2012 YoY under a 2012–2014 year filter', async () => {
    const { page, pageErrors } = await openApp(browser);
    await page.getByRole('tab', { name: '工作台' }).click();
    await runSql(page, `CREATE TABLE districts AS SELECT * FROM (VALUES ('北京市海淀区', 30.5), ('北京市朝阳区', 20.25), ('上海市', 70.0)) t(地区, 数量)`);
    await page.getByTestId('query-status').waitFor();
    await page.getByRole('tab', { name: '图表制作' }).click();
    const preview = page.getByRole('region', { name: '图表预览' });
    await page.getByRole('combobox', { name: '数据表' }).selectOption('districts');
    await page.getByRole('combobox', { name: '维度', exact: true }).selectOption('地区');
    await page.getByRole('combobox', { name: '度量', exact: true }).selectOption('数量');
    await page.getByRole('button', { name: '地图' }).click();
    await expect.poll(async () => (await drawn(preview)).rows).toEqual([
      ['上海市', 70],
      ['北京市', 50.75],
    ]);
    expect((await drawn(preview)).notes).toEqual(['2 行省以下数据已按所属省份加总（北京市海淀区、北京市朝阳区）']);
    await page.waitForTimeout(500);
    await screenshot(page, 'map-districts-note-zh');

    // YoY of cases by year under 2012–2014: 2012 still compares with 2011.
    await page.getByRole('tab', { name: '工作台' }).click();
    await runSql(page, 'SELECT count(*) FILTER (WHERE year = 2011)::INTEGER AS a, count(*) FILTER (WHERE year = 2012)::INTEGER AS b FROM cases');
    await page.getByTestId('query-status').filter({ hasText: /1 行/ }).waitFor();
    const [c2011, c2012] = (await page.getByRole('grid', { name: '查询结果' }).getByRole('gridcell').allTextContents()).map(Number);
    expect(c2011).toBeGreaterThan(0);
    await page.getByRole('tab', { name: '图表制作' }).click();
    await page.getByRole('combobox', { name: '数据表' }).selectOption('cases');
    await page.getByRole('combobox', { name: '维度', exact: true }).selectOption('year');
    await page.getByRole('button', { name: '折线图' }).click();
    await page.getByRole('combobox', { name: '计算', exact: true }).selectOption('yoy');
    await page.getByRole('spinbutton', { name: '起始年份' }).fill('2012');
    await page.getByRole('spinbutton', { name: '截止年份' }).fill('2014');
    await expect.poll(async () => (await drawn(preview)).rows.map((r) => r[0]).sort()).toEqual(['2012', '2013', '2014']);
    const y2012 = (await drawn(preview)).rows.find((r) => r[0] === '2012')![1];
    expect(y2012).not.toBeNull();
    expect(Math.abs(y2012! - 100 * (c2012 / c2011 - 1))).toBeLessThan(1e-9);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('excludes regions on a dashboard and closes the region popover with 清除筛选', async () => {
    const { page, pageErrors } = await openApp(browser);
    await page.getByRole('tab', { name: '仪表板' }).click();
    await page.getByRole('combobox', { name: '选择仪表板' }).selectOption('cases');
    const theme = page.locator('.dash-grid article').filter({ hasText: '按主题' }).first();
    await theme.locator('table[data-kind]').waitFor({ state: 'attached' });
    const before = (await drawn(theme)).rows.reduce((a, r) => a + (r[1] ?? 0), 0);
    const picker = page.locator('details.region-picker');
    await picker.locator('summary').click();
    await picker.getByRole('combobox', { name: '地区筛选方式' }).selectOption('not_in');
    await picker.getByRole('checkbox', { name: '浙江省' }).check();
    await picker.locator('summary').filter({ hasText: '地区：排除 浙江省' }).waitFor();
    await page.getByRole('tab', { name: '工作台' }).click();
    const zhejiang = await zhejiangThemes(page);
    await page.getByRole('tab', { name: '仪表板' }).click();
    await expect.poll(async () => (await drawn(theme)).rows.reduce((a, r) => a + (r[1] ?? 0), 0)).toBe(before - zhejiang);
    await screenshot(page, 'dashboard-exclude-region');
    // Open (the dashboard was remounted by the tab switch), then clear: the popover closes with its filter.
    await picker.locator('summary').click();
    await picker.getByRole('checkbox', { name: '浙江省' }).waitFor();
    expect(await picker.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => picker.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await picker.locator('summary').filter({ hasText: '地区：全部地区' }).waitFor();
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});

/** Cases of 浙江省 that have a theme, counted by the engine in the console (cases without a province stay in). */
async function zhejiangThemes(page: Page): Promise<number> {
  await runSql(page, "SELECT count(*)::INTEGER AS n FROM cases WHERE province = '浙江省' AND theme IS NOT NULL");
  await page.getByTestId('query-status').filter({ hasText: /1 行/ }).waitFor();
  return Number((await page.getByRole('grid', { name: '查询结果' }).getByRole('gridcell').allTextContents())[0]);
}
