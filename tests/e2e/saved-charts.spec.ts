import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const tab = (page: Page, name: string) => page.getByRole('tab', { name }).click();
const savedList = (page: Page) => page.getByRole('region', { name: '已保存的图表' });
const savedTitles = (page: Page) => savedList(page).getByRole('listitem').getByRole('button', { name: /^打开 / }).allTextContents();
const status = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).waitFor();

async function chart(page: Page, dimension: string, title: string) {
  await page.getByRole('combobox', { name: '维度', exact: true }).selectOption(dimension);
  await page.getByRole('textbox', { name: '标题', exact: true }).fill(title);
  await page.getByRole('img', { name: title }).waitFor();
}

/** The category labels of a card's chart, from its data table (visually hidden, for screen readers). */
const cardCategories = (page: Page, title: string) =>
  page.getByRole('article', { name: title }).getByRole('table', { name: `${title} 的数据` }).locator('tbody th').allTextContents();

describe('saved charts you can manage (web build in Chromium)', () => {
  it('saves new charts, updates the one being edited, 另存为, renames, copies, deletes with undo; a card follows its chart', async () => {
    const { page, pageErrors, externalRequests } = await openApp(browser);
    await tab(page, '图表制作');
    await page.getByRole('combobox', { name: '数据表' }).selectOption('cases');
    await chart(page, 'province', '各省案例');
    await expect(page.getByTestId('save-target').textContent()).resolves.toBe('保存为新图表');
    await page.getByRole('button', { name: '保存图表' }).click();
    await status(page, '已保存：各省案例');
    await expect(page.getByTestId('save-target').textContent()).resolves.toBe('保存将更新“各省案例”');

    // The next chart, built from this one under its own title: a second chart, not a replacement.
    await chart(page, 'theme', '各主题案例');
    await expect(page.getByTestId('save-target').textContent()).resolves.toBe('保存为新图表');
    await page.getByRole('button', { name: '保存图表' }).click();
    await status(page, '已保存：各主题案例');
    await expect.poll(() => savedTitles(page)).toEqual(['各主题案例', '各省案例']);

    // Same chart, new kind: 保存图表 updates it.
    await page.getByRole('button', { name: '条形图' }).click();
    await page.getByRole('button', { name: '保存图表' }).click();
    await status(page, '已更新：各主题案例');
    await expect.poll(() => savedTitles(page)).toEqual(['各主题案例', '各省案例']);
    const themeItem = savedList(page).getByRole('listitem').filter({ has: page.getByRole('button', { name: '打开 各主题案例', exact: true }) });
    await expect(themeItem.textContent()).resolves.toContain('cases · 条形图 · ');
    await expect(themeItem.getAttribute('aria-current')).resolves.toBe('true');
    // Saved time in the UI's format: 2026/12/01 08:57 in Chinese.
    await expect(themeItem.locator('.saved-meta').textContent()).resolves.toMatch(/ · \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/);

    // 另存为: a copy under a new title, which the draft now is; the original keeps its content.
    await page.getByRole('button', { name: '另存为…' }).click();
    const copyTitle = page.getByRole('textbox', { name: '新图表的标题' });
    await expect(copyTitle.inputValue()).resolves.toBe('各主题案例（副本）');
    await copyTitle.fill('各主题案例（柱状）');
    await page.getByRole('button', { name: '另存', exact: true }).click();
    await status(page, '已保存：各主题案例（柱状）');
    await page.getByRole('button', { name: '柱状图' }).click();
    await page.getByRole('button', { name: '保存图表' }).click();
    await status(page, '已更新：各主题案例（柱状）');
    await expect.poll(() => savedTitles(page)).toEqual(['各主题案例（柱状）', '各主题案例', '各省案例']);
    await expect(themeItem.textContent()).resolves.toContain('条形图');

    // 重命名 in place, 复制, 删除 with 撤销.
    await savedList(page).getByRole('button', { name: '重命名 各省案例' }).click();
    await savedList(page).getByRole('textbox', { name: '各省案例 的新标题' }).fill('各省份案例');
    await page.keyboard.press('Enter');
    await savedList(page).getByRole('button', { name: '复制 各省份案例' }).click();
    await expect.poll(() => savedTitles(page)).toEqual(['各省份案例（副本）', '各主题案例（柱状）', '各主题案例', '各省份案例']);
    await savedList(page).getByRole('button', { name: '删除 各省份案例（副本）' }).click();
    await status(page, '已删除“各省份案例（副本）”');
    await expect.poll(() => savedTitles(page)).toEqual(['各主题案例（柱状）', '各主题案例', '各省份案例']);
    await savedList(page).getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => savedTitles(page)).toEqual(['各省份案例（副本）', '各主题案例（柱状）', '各主题案例', '各省份案例']);
    await savedList(page).getByRole('button', { name: '删除 各省份案例（副本）' }).click();
    await expect.poll(() => savedTitles(page)).toEqual(['各主题案例（柱状）', '各主题案例', '各省份案例']);
    await savedList(page).scrollIntoViewIfNeeded();
    await page.waitForTimeout(600);
    await screenshot(page, 'saved-charts-list');

    // A dashboard card refers to 各主题案例 and follows its update.
    await tab(page, '仪表板');
    await page.getByRole('button', { name: '新建仪表板' }).click();
    await page.getByRole('combobox', { name: '要添加的已保存图表' }).selectOption({ label: '各主题案例' });
    await page.getByRole('button', { name: '添加图表' }).click();
    await expect.poll(() => cardCategories(page, '各主题案例')).toContain('综合治理');
    await tab(page, '图表制作');
    await savedList(page).getByRole('button', { name: '打开 各主题案例', exact: true }).click();
    await page.getByRole('combobox', { name: '维度', exact: true }).selectOption('level');
    await page.getByRole('button', { name: '保存图表' }).click();
    await status(page, '已更新：各主题案例');
    await tab(page, '仪表板');
    await expect.poll(() => cardCategories(page, '各主题案例')).toContain('区县级');
    // A slide refers to it too.
    await tab(page, '演示');
    await page.getByRole('combobox', { name: '已保存的图表' }).selectOption({ label: '各主题案例' });
    await page.getByRole('button', { name: '添加所选图表' }).click();
    const slides = page.getByRole('list', { name: '幻灯片' }).getByRole('listitem');
    await expect.poll(() => slides.first().getAttribute('aria-label')).toMatch(/各主题案例$/);
    // Renamed, the card and the slide take the new title; deleted, they keep the last version and say so.
    await tab(page, '图表制作');
    await savedList(page).getByRole('button', { name: '重命名 各主题案例', exact: true }).click();
    await savedList(page).getByRole('textbox', { name: '各主题案例 的新标题' }).fill('各层级案例');
    await savedList(page).getByRole('button', { name: '确定' }).click();
    await savedList(page).getByRole('button', { name: '删除 各层级案例' }).click();
    await tab(page, '仪表板');
    const card = page.getByRole('article', { name: '各层级案例' });
    await card.getByText('原图表“各层级案例”已删除，这里显示它最后保存的版本').waitFor();
    await expect.poll(() => cardCategories(page, '各层级案例')).toContain('区县级');
    await page.waitForTimeout(600);
    await screenshot(page, 'saved-charts-card-lost');
    await tab(page, '演示');
    await expect.poll(() => slides.first().getAttribute('aria-label')).toMatch(/各层级案例$/);
    await slides.first().getByText('原图表“各层级案例”已删除，这里显示它最后保存的版本').waitFor();
    expect(pageErrors).toEqual([]);
    expect(externalRequests).toEqual([]);
    await page.context().close();
  });

  it('lists a long collection searchably, with saved times in the English format', async () => {
    const spec = (title: string, x: string) => ({
      version: 1,
      table: 'cases',
      kind: 'column',
      x,
      measures: [{ column: null, agg: 'count', transform: 'none' }],
      filters: [],
      sort: 'value_desc',
      stack: 'none',
      title,
      annotations: [],
    });
    const charts = ['province', 'theme', 'level', 'province', 'theme', 'level', 'province'].map((x, i) => ({
      id: `seed${i}`,
      savedAt: '2026-03-05T14:07:00.000Z',
      spec: spec(i % 2 ? `主题图 ${i}` : `Region chart ${i}`, x),
    }));
    const { page } = await openApp(browser, { lang: 'en' });
    await page.evaluate((file) => localStorage.setItem('sgw.savedCharts', JSON.stringify(file)), { version: 1, charts });
    await page.reload();
    await page.getByTestId('engine-status').filter({ hasText: 'Database ready' }).waitFor({ timeout: 60_000 });
    await tab(page, 'Chart builder');
    const list = page.getByRole('region', { name: 'Saved charts' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(7);
    await expect(list.getByRole('listitem').first().locator('.saved-meta').textContent()).resolves.toMatch(/^cases · Column · 03\/05\/2026, \d{1,2}:07 (AM|PM)$/);
    await list.getByRole('searchbox', { name: 'Search saved charts' }).fill('主题');
    await expect.poll(() => list.getByRole('listitem').getByRole('button', { name: /^Open / }).allTextContents()).toEqual(['主题图 1', '主题图 3', '主题图 5']);
    await list.getByRole('searchbox', { name: 'Search saved charts' }).fill('nothing like it');
    await list.getByText('No chart has “nothing like it” in its title or table').waitFor();
    await list.getByRole('searchbox', { name: 'Search saved charts' }).fill('Region');
    await list.scrollIntoViewIfNeeded();
    await screenshot(page, 'saved-charts-search-en');
    await page.context().close();
  });
});
