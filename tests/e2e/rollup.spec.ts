import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, runSql, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const BIG = `CREATE TABLE 大表 AS
SELECT ['北京市','上海市','江苏省','浙江省','广东省','四川省'][1 + (i * 7) % 6] AS 地区,
       2005 + (i * 13) % 15 AS 年份,
       ['社会团体','民办非企业单位','基金会'][1 + (i * 5) % 3] AS 类型,
       (((i * 7919) % 100003) / 100.0)::DOUBLE AS 数值
  FROM range(300000) t(i)`;

/** The data rows of a downloaded CSV (UTF-8 with BOM), header dropped. */
async function csvRows(page: Page, click: () => Promise<void>): Promise<string[]> {
  const download = page.waitForEvent('download');
  await click();
  const text = new TextDecoder().decode(await readFile((await (await download).path())!));
  return text.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean).slice(1);
}

async function ranFine(page: Page) {
  await page.getByTestId('query-status').filter({ hasText: /用时 \d+ 毫秒/ }).waitFor({ timeout: 60_000 });
}

describe('rollups in the app (web build in Chromium)', () => {
  it('answers charts and a dashboard of your own over a big table from its rollup, and rebuilds it after the table changes', async () => {
    const { page, externalRequests, pageErrors } = await openApp(browser);
    await runSql(page, BIG);
    await ranFine(page);

    await page.getByRole('tab', { name: '图表制作' }).click();
    await page.getByRole('combobox', { name: '数据表' }).selectOption('大表');
    await page.getByRole('combobox', { name: '维度', exact: true }).selectOption('地区');
    await page.getByRole('combobox', { name: '度量', exact: true }).selectOption('数值');
    await page.getByRole('combobox', { name: '汇总方式', exact: true }).selectOption('sum');
    const note = page.getByTestId('builder-rollup');
    await note.filter({ hasText: '由源表 30万 行汇总而成' }).waitFor({ timeout: 60_000 });
    // The visible SQL stays the plain query over the table; only the engine reads the rollup.
    await expect(page.getByTestId('builder-sql').textContent()).resolves.toContain('FROM "大表"');
    const preview = page.getByRole('region', { name: '图表预览' });
    await preview.locator('[data-testid="chart"] canvas').first().waitFor();
    await page.waitForTimeout(600);
    await screenshot(page, 'chart-builder-rollup');
    // The numbers the chart drew from the rollup are the numbers of the plain SQL over the table, digit for digit.
    const drawnFromRollup = await csvRows(page, async () => {
      await preview.getByRole('button', { name: '导出', exact: true }).click();
      await page.getByRole('menu', { name: '导出选项' }).getByRole('menuitem', { name: '导出 CSV', exact: true }).click();
    });
    expect(drawnFromRollup).toHaveLength(6);
    await page.getByRole('button', { name: '在 SQL 查询中打开' }).click();
    await page.getByRole('textbox', { name: 'SQL 编辑器' }).click();
    await page.keyboard.press('ControlOrMeta+Enter');
    await page.getByTestId('query-status').filter({ hasText: '6 行' }).waitFor({ timeout: 60_000 });
    const fromTable = await csvRows(page, () => page.getByRole('group', { name: '导出查询结果' }).getByRole('button', { name: '导出结果 CSV' }).click());
    expect(drawnFromRollup).toEqual(fromTable);
    await page.getByRole('tab', { name: '图表制作' }).click();
    // A dimension with ~100,000 values is refused with advice instead of drawn.
    await page.getByRole('combobox', { name: '维度', exact: true }).selectOption('数值');
    await preview.getByRole('alert').filter({ hasText: '超过 5,000 个数据点' }).waitFor({ timeout: 60_000 });
    await page.getByRole('combobox', { name: '维度', exact: true }).selectOption('地区');
    await preview.locator('[data-testid="chart"] canvas').first().waitFor();
    await page.getByRole('textbox', { name: '标题', exact: true }).fill('大表：各地区数值');
    await page.getByRole('button', { name: '保存图表' }).click();
    await page.getByRole('status').filter({ hasText: '已保存：大表：各地区数值' }).waitFor();

    // A new dashboard of the user's own, over the big table: filters on 年份 reach the card, answered by the rollup.
    await page.getByRole('tab', { name: '仪表板' }).click();
    await page.getByRole('button', { name: '新建仪表板' }).click();
    await page.getByText('这个仪表板还没有图表').waitFor();
    await page.getByRole('textbox', { name: '仪表板名称' }).fill('大表看板');
    await page.getByRole('combobox', { name: '要添加的已保存图表' }).selectOption({ label: '大表：各地区数值' });
    await page.getByRole('button', { name: '添加图表' }).click();
    const card = page.getByRole('article', { name: '大表：各地区数值' });
    const fromRollup = page.locator('article[aria-label="大表：各地区数值"][data-source="rollup"]');
    await fromRollup.waitFor({ timeout: 60_000 });
    await page.getByRole('spinbutton', { name: '起始年份' }).fill('2015');
    await fromRollup.waitFor();
    await card.getByRole('button', { name: '在 SQL 查询中打开 大表：各地区数值' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'SQL 编辑器' }).textContent()).toContain('"年份" >= 2015');
    await page.getByRole('tab', { name: '仪表板' }).click();
    await expect(page.getByRole('combobox', { name: '选择仪表板' }).locator('option:checked').textContent()).resolves.toBe('大表看板');
    await fromRollup.waitFor();
    await page.waitForTimeout(600);
    await screenshot(page, 'dashboard-own-rollup');
    await page.getByRole('button', { name: '删除仪表板' }).click();
    await page.getByRole('group', { name: '确定删除“大表看板”？' }).getByRole('button', { name: '删除' }).click();
    await expect(page.getByRole('combobox', { name: '选择仪表板' }).locator('option', { hasText: '大表看板' }).count()).resolves.toBe(0);

    // A change to the table in the console drops the rollup; the chart is answered from a new one.
    await page.getByRole('tab', { name: '工作台' }).click();
    await runSql(page, `DELETE FROM 大表 WHERE 地区 = '北京市'`);
    await page.getByRole('grid', { name: '查询结果' }).filter({ hasText: /50,?000/ }).waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: '图表制作' }).click();
    await note.filter({ hasText: '由源表 25万 行汇总而成' }).waitFor({ timeout: 60_000 });

    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
