import { readFile } from 'node:fs/promises';
import * as XLSX from '@e965/xlsx';
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

const N = 240;
const REGIONS = ['北京市', '上海市', '江苏省'];
const TYPES = ['社会团体', '基金会'];
const SAMPLE = `CREATE TABLE 透视样例 AS
SELECT ['北京市','上海市','江苏省'][1 + i % 3] AS 地区, 2018 + (i * 7) % 4 AS 年份,
       ['社会团体','基金会'][1 + (i // 5) % 2] AS 类型, ((i * 37) % 101)::DOUBLE + 0.5 AS 数值
  FROM range(${N}) t(i)`;
/** The sample's rows, generated here by the same formulas (not read back from the app). */
const rows = Array.from({ length: N }, (_, i) => ({ 地区: REGIONS[i % 3], 年份: 2018 + ((i * 7) % 4), 类型: TYPES[Math.floor(i / 5) % 2], 数值: ((i * 37) % 101) + 0.5 }));
const sum = (pick: (r: (typeof rows)[number]) => boolean) => rows.filter(pick).reduce((a, r) => a + r.数值, 0);
const zh = (n: number, digits = 0) => n.toLocaleString('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function ranFine(page: Page) {
  await page.getByTestId('query-status').filter({ hasText: /用时 \d+ 毫秒/ }).waitFor({ timeout: 60_000 });
}

const grid = (page: Page) => page.getByRole('grid', { name: '透视结果' });
/** The texts of the grid's row headers, in order (first level). */
const rowKeys = (page: Page) => grid(page).locator('.pivot-body [role="row"]').evaluateAll((rs) => rs.map((r) => r.querySelector('[role="rowheader"]')?.textContent ?? ''));

describe('分析: 数据透视表 and 统计 (web build in Chromium)', () => {
  it('builds a pivot with totals by picking and dragging, formats, shares, sorts, filters, drills into a cell, shows its SQL and exports Excel', async () => {
    const { page, externalRequests, pageErrors } = await openApp(browser, { viewport: { width: 1024, height: 900 } });
    await runSql(page, SAMPLE);
    await ranFine(page);
    await page.getByRole('tab', { name: '分析', exact: true }).click();
    await page.getByRole('combobox', { name: '数据表' }).selectOption('透视样例');
    await page.getByRole('combobox', { name: '添加行字段' }).selectOption('地区');
    await page.getByRole('combobox', { name: '添加列字段' }).selectOption('年份');
    await page.getByRole('combobox', { name: '添加值字段' }).selectOption('数值');
    await page.getByTestId('pivot-status').filter({ hasText: '4 行 × 5 列' }).waitFor();

    // Grand total and one cell, against sums computed here.
    const total = sum(() => true);
    const cell = sum((r) => r.地区 === '北京市' && r.年份 === 2018);
    await grid(page).getByRole('gridcell', { name: zh(total), exact: true }).waitFor();
    await grid(page).getByRole('gridcell', { name: zh(cell, Number.isInteger(cell) ? 0 : 2), exact: true }).first().waitFor();
    expect(await rowKeys(page)).toEqual(['上海市', '北京市', '江苏省', '合计']);
    const sql = await page.getByTestId('pivot-sql').textContent();
    expect(sql).toContain('GROUPING SETS');
    expect(sql).toContain('FROM "透视样例"');
    await screenshot(page, 'analysis-pivot-1024');

    // Click a cell: its rows and the drill-down SQL.
    await grid(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: '北京市' }) }).getByRole('gridcell').nth(1).click();
    const drill = page.getByRole('region', { name: '单元格明细：北京市 × 2018' });
    await drill.waitFor();
    const drillRows = rows.filter((r) => r.地区 === '北京市' && r.年份 === 2018).length;
    await drill.getByRole('grid').and(page.locator(`[aria-rowcount="${drillRows + 1}"]`)).waitFor();
    await expect(drill.getByTestId('pivot-drill-sql').textContent()).resolves.toMatch(/"地区" = '北京市'\n\s+AND "年份" = 2018/);
    await drill.getByRole('button', { name: '关闭明细' }).click();

    // One value left: 万 format, a row share, sorting by its total, top-N and an exclude filter.
    await page.getByRole('button', { name: '移除 行数' }).click();
    await page.getByTestId('pivot-status').filter({ hasText: '4 行 × 5 列' }).waitFor();
    await page.getByRole('combobox', { name: '数值 求和 的数字格式' }).selectOption('wan');
    await grid(page).getByRole('gridcell', { name: `${zh(total / 1e4, 1)}万`, exact: true }).waitFor();
    await page.getByRole('combobox', { name: '数值 求和 的显示方式' }).selectOption('row_share');
    await grid(page).getByRole('gridcell', { name: '100.0%', exact: true }).first().waitFor();
    await page.getByRole('combobox', { name: '数值 求和（占行合计） 的显示方式' }).selectOption('value');
    // Back from a share, the percent format goes too.
    await expect(page.getByRole('combobox', { name: '数值 求和 的数字格式' }).inputValue()).resolves.toBe('auto');
    await page.getByRole('combobox', { name: '数值 求和 的数字格式' }).selectOption('wan');
    await page.getByRole('combobox', { name: '行排序' }).selectOption('valueDesc');
    const byTotal = [...REGIONS].sort((a, b) => sum((r) => r.地区 === b) - sum((r) => r.地区 === a));
    await expect.poll(() => rowKeys(page)).toEqual([...byTotal, '合计']);
    await page.getByRole('spinbutton', { name: '前N项（按第一个值）' }).fill('2');
    await expect.poll(() => rowKeys(page)).toEqual([...byTotal.slice(0, 2), '合计']);
    await page.getByRole('spinbutton', { name: '前N项（按第一个值）' }).fill('');
    await page.getByRole('combobox', { name: '筛选列' }).selectOption('类型');
    await page.getByRole('combobox', { name: '筛选方式' }).selectOption('not_in');
    await page.getByRole('listbox', { name: '筛选值' }).selectOption('基金会');
    const societies = sum((r) => r.类型 === '社会团体');
    await grid(page).getByRole('gridcell', { name: `${zh(societies / 1e4, 1)}万`, exact: true }).waitFor();
    await expect(page.getByTestId('pivot-sql').textContent()).resolves.toContain(`"类型" NOT IN ('基金会')`);

    // Drag a field into the rows: a second row level with subtotals.
    await page.getByRole('list', { name: /^字段/ }).getByText('类型', { exact: true }).dragTo(page.getByRole('region', { name: '行', exact: true }));
    await page.getByTestId('pivot-status').filter({ hasText: /^7 行 × 5 列/ }).waitFor();
    await page.getByRole('checkbox', { name: '热力着色' }).check();
    await expect.poll(() => grid(page).locator('[role="gridcell"][style*="rgba(214, 72, 46"]').count()).toBeGreaterThan(3);
    await screenshot(page, 'analysis-pivot-heat-1024');

    // Excel: merged year headers, bold totals, the 万 number format.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    const book = XLSX.read(await readFile((await (await download).path())!), { cellStyles: true });
    const sheet = book.Sheets['数据透视表'];
    const cells = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, raw: false });
    expect(cells.flat()).toContain('合计');
    expect(sheet['!merges']?.length).toBeGreaterThan(0);
    const numbers = Object.values(sheet).filter((c): c is XLSX.CellObject => typeof c === 'object' && c !== null && 't' in c && c.t === 'n');
    expect(numbers.some((c) => c.v === societies && String(c.z).includes('万'))).toBe(true);

    // Totals off: no 合计 rows.
    await page.getByRole('checkbox', { name: '小计与合计' }).uncheck();
    await page.getByTestId('pivot-status').filter({ hasText: /^3 行 × 4 列/ }).waitFor();
    await page.getByRole('button', { name: '在 SQL 查询中打开' }).first().click();
    await expect(page.getByRole('textbox', { name: 'SQL 编辑器' }).textContent()).resolves.toContain('GROUPING SETS');
    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
