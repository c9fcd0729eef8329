import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { leastSquares } from '../fixtures/stats/least-squares';
import { axeReport } from './axe';
import { launchBrowser, openApp, runSql, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// Three places over five years and a 全国 row that must not be added to 全部; 丙市 starts at 0 (no CAGR).
const PLACES: Record<string, [number, number][]> = {
  甲市: [[10, 100000], [12.5, 110000], [15, 120000], [16.25, 125000], [20, 130000]],
  乙市: [[5, 50000], [6, 52000], [6.5, 54000], [8, 56000], [9.5, 58000]],
  丙市: [[0, 20000], [1, 21000], [2, 22000], [2.5, 23000], [3, 24000]],
};
const YEARS = [2016, 2017, 2018, 2019, 2020];
const ROWS = Object.entries(PLACES).flatMap(([p, vs]) => vs.map(([v, pop], i) => ({ p, year: YEARS[i], v, pop })));
const TREND_SQL = `CREATE TABLE 趋势样例 AS SELECT * FROM (VALUES ${[...ROWS.map((r) => `('${r.p}', ${r.year}, ${r.v}::DOUBLE, ${r.pop})`), "('全国', 2016, 999.0, 9)", "('全国', 2020, 999.0, 9)"].join(', ')}) t(地区, 年份, 机构数, 人口)`;
const OTHER_SQL = `CREATE TABLE 常住 AS SELECT * FROM (VALUES ('甲市', 2020, 1.0), ('乙市', 2020, 2.0), ('丁市', 2020, 3.0)) t(地区, 年份, 常住人口)`;

const fit = leastSquares;
const sig6 = (x: number, lang = 'zh-CN') => new Intl.NumberFormat(lang === 'en' ? 'en-US' : 'zh-CN', { maximumSignificantDigits: 6 }).format(x);
const cell = (x: number) => new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 6 }).format(x);
const round2 = (x: number) => Math.round(x * 100) / 100;

async function setUp(page: Page) {
  await runSql(page, `${TREND_SQL};\n${OTHER_SQL};`);
  await page.getByRole('alert').waitFor({ state: 'detached' });
}
async function pickWhenListed(scope: Page | Locator, name: string, value: string) {
  const select = scope.getByRole('combobox', { name, exact: true });
  await select.locator('option', { hasText: value }).first().waitFor({ state: 'attached', timeout: 20_000 });
  await select.selectOption(value);
}
const previewCells = (page: Page) =>
  page.getByRole('table', { name: '前几行的结果' }).locator('tbody tr').evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('td'), (td) => td.textContent)));
const selection = (box: Locator) => box.evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd));

describe('analysis without SQL: formula starters, trend, editing a combined table, deleting a table', () => {
  it('two starters make fields whose previews equal our arithmetic; the trend of one (in 家) equals our least squares; CAGR refused for a start at 0', async () => {
    const { page, pageErrors, externalRequests } = await openApp(browser, { viewport: { width: 1024, height: 900 } });
    await setUp(page);
    await page.getByRole('tab', { name: '计算字段' }).click();
    await pickWhenListed(page, '数据表', '趋势样例');
    const formula = page.getByRole('textbox', { name: '公式' });
    const starters = page.getByRole('group', { name: '常用公式' });

    // 比率: the template with its first placeholder selected; typing replaces it, Tab selects the next.
    await page.getByRole('button', { name: '新建计算字段' }).click();
    await page.getByRole('textbox', { name: '字段名称' }).fill('人均机构');
    await starters.getByRole('button', { name: '比率' }).click();
    await expect(formula.inputValue()).resolves.toBe('"分子列" / nullif("分母列", 0)');
    await expect.poll(() => selection(formula)).toBe('"分子列"');
    await page.keyboard.type('"机构数"');
    await formula.press('Tab');
    await expect(selection(formula)).resolves.toBe('"分母列"');
    await page.keyboard.type('"人口"');
    await expect(formula.inputValue()).resolves.toBe('"机构数" / nullif("人口", 0)');
    await page.getByRole('button', { name: '检查并预览' }).click();
    await expect.poll(() => previewCells(page), { timeout: 20_000 }).toEqual(ROWS.slice(0, 10).map((r) => [cell(r.v), cell(r.pop), cell(r.v / r.pop)]));
    await page.getByRole('button', { name: '保存字段' }).click();
    await page.getByRole('status').filter({ hasText: '已保存字段“人均机构”。' }).waitFor();

    // 四舍五入 inserted at the caret after existing text is replaced: its placeholder replaced by an expression.
    await page.getByRole('button', { name: '新建计算字段' }).click();
    await page.getByRole('textbox', { name: '字段名称' }).fill('三分之一机构');
    await starters.getByRole('button', { name: '四舍五入' }).click();
    await expect(formula.inputValue()).resolves.toBe('round("数值列", 2)');
    await expect.poll(() => selection(formula)).toBe('"数值列"');
    await page.keyboard.type('"机构数" / 3');
    await page.getByRole('textbox', { name: '结果的单位' }).fill('家');
    await page.getByRole('button', { name: '检查并预览' }).click();
    await expect.poll(() => previewCells(page), { timeout: 20_000 }).toEqual(ROWS.slice(0, 10).map((r) => [cell(r.v), cell(round2(r.v / 3))]));
    await screenshot(page, 'calc-starters-1024');
    await page.getByRole('button', { name: '保存字段' }).click();
    await page.getByRole('status').filter({ hasText: '已保存字段“三分之一机构”。' }).waitFor();

    // 统计 → 趋势 over the new field, every place but 全国 summed per year.
    await page.getByRole('tab', { name: '分析', exact: true }).click();
    await page.getByRole('combobox', { name: '数据表' }).selectOption('趋势样例');
    await page.getByRole('tab', { name: '统计' }).click();
    const trend = page.getByRole('region', { name: '趋势' });
    await pickWhenListed(trend, '趋势指标', '三分之一机构');
    await expect(trend.getByRole('combobox', { name: '年份列' }).inputValue()).resolves.toBe('年份');
    await expect(trend.getByRole('combobox', { name: '地区列' }).inputValue()).resolves.toBe('地区');
    const all = YEARS.map((y, i) => [y, Object.values(PLACES).reduce((s, vs) => s + round2(vs[i][0] / 3), 0)] as [number, number]);
    const f = fit(all);
    const facts = trend.getByLabel('线性趋势', { exact: true });
    await expect.poll(() => facts.locator('dd').allTextContents(), { timeout: 20_000 }).toEqual([`+${sig6(f.slope)} 家/年`, sig6(f.r2), `${sig6(f.cagr * 100)}%`, '5']);
    await trend.getByText('“全部”为各地区之和，已排除合计行：全国').waitFor();
    await trend.getByRole('img', { name: '三分之一机构（全部（合计））的趋势' }).waitFor();
    await trend.scrollIntoViewIfNeeded();
    await screenshot(page, 'analysis-trend-1024');
    expect(await axeReport(page, 'trend')).toEqual([]);

    // One place: 丙市 starts at 0, so there is no CAGR, said in words.
    await trend.getByRole('combobox', { name: '趋势指标' }).selectOption('机构数');
    await trend.getByRole('combobox', { name: '地区', exact: true }).selectOption('丙市');
    const c = fit(YEARS.map((y, i) => [y, PLACES['丙市'][i][0]]));
    await expect.poll(() => facts.locator('dd').allTextContents(), { timeout: 20_000 }).toEqual([`+${sig6(c.slope)}/年`, sig6(c.r2), '不计算：首年或末年的值不大于 0', '5']);
    expect(pageErrors).toEqual([]);
    expect(externalRequests).toEqual([]);
  });

  it('reopens a combined table, changes a name pair, sees the matching again and saves it in place; deleting a table lists what depends on it', async () => {
    const { page, pageErrors } = await openApp(browser, { viewport: { width: 1024, height: 900 } });
    await setUp(page);
    await page.getByRole('tab', { name: '合并表' }).click();
    const left = page.getByRole('group', { name: '左表（保留其行）' });
    await pickWhenListed(left, '数据表', '趋势样例');
    await page.getByRole('group', { name: '右表' }).getByRole('combobox', { name: '数据表' }).selectOption('常住');
    await page.getByRole('textbox', { name: '合并表名称' }).fill('趋势_常住');
    await page.getByRole('button', { name: '预览匹配' }).click();
    const summary = page.getByRole('region', { name: '匹配结果' });
    await summary.getByRole('button', { name: '创建合并表' }).click();
    await page.getByRole('status').filter({ hasText: '已创建合并表“趋势_常住”' }).waitFor();

    // Edit: its keys come back and the matching shows again at once; a manual pair is added and saved.
    await page.getByRole('button', { name: '编辑合并表“趋势_常住”' }).click();
    await page.getByRole('status').filter({ hasText: '正在编辑合并表“趋势_常住”' }).waitFor();
    await expect(left.getByRole('combobox', { name: '数据表' }).inputValue()).resolves.toBe('趋势样例');
    await expect(page.getByRole('textbox', { name: '合并表名称' }).inputValue()).resolves.toBe('趋势_常住');
    // 甲市 and 乙市 match in 2020; 丙市 has no partner yet, 丁市 none on the left.
    const unmatched = summary.getByRole('list', { name: '左表未匹配的键' });
    await expect.poll(() => unmatched.locator('li').count(), { timeout: 20_000 }).toBe(ROWS.length + 2 - 2);
    await expect(summary.getByRole('list', { name: '右表未匹配的键' }).textContent()).resolves.toBe('丁市 · 2020（1 行）');
    await summary.getByRole('combobox', { name: '“丙市”对应的右表地名' }).selectOption('丁市');
    await expect.poll(() => unmatched.locator('li').count(), { timeout: 20_000 }).toBe(ROWS.length + 2 - 3);
    await screenshot(page, 'join-edit-1024');
    await summary.getByRole('button', { name: '保存修改' }).click();
    await page.getByRole('status').filter({ hasText: '已更新合并表“趋势_常住”（17 行）。' }).waitFor();
    await expect(page.getByRole('list', { name: '已有的合并表' }).locator('li').count()).resolves.toBe(1);
    // The view answers with the new pair: 丙市 2020 now has 丁市's 常住人口.
    await page.getByRole('tab', { name: '工作台' }).click();
    await runSql(page, `SELECT 常住人口 FROM 趋势_常住 WHERE 地区 = '丙市' AND 年份 = 2020`);
    await page.getByRole('grid', { name: '查询结果' }).getByRole('gridcell', { name: '3', exact: true }).waitFor();

    // A calculated field on the view; deleting 常住 lists the field and the combined table.
    await page.getByRole('tab', { name: '计算字段' }).click();
    await pickWhenListed(page, '数据表', '趋势_常住');
    await page.getByRole('button', { name: '新建计算字段' }).click();
    await page.getByRole('textbox', { name: '字段名称' }).fill('双倍人口');
    await page.getByRole('textbox', { name: '公式' }).fill('"常住人口" * 2');
    await page.getByRole('button', { name: '检查并预览' }).click();
    await page.getByRole('button', { name: '保存字段' }).click();
    await page.getByRole('status').filter({ hasText: '已保存字段“双倍人口”。' }).waitFor();
    await page.getByRole('tab', { name: '工作台' }).click();
    const catalog = page.getByRole('list', { name: '数据表' });
    await catalog.getByText('常住', { exact: true }).click();
    await page.getByRole('button', { name: '删除此表（常住）' }).click();
    const dialog = page.getByRole('dialog', { name: '删除数据表“常住”' });
    await expect(dialog.getByRole('list', { name: '以下内容依赖此表：' }).locator('li').allTextContents()).resolves.toEqual(['计算字段“双倍人口”（趋势_常住）', '合并表“趋势_常住”']);
    await screenshot(page, 'delete-table-1024');
    expect(await axeReport(page, 'delete dialog')).toEqual([]);
    await dialog.getByRole('button', { name: '只删除表，保留其他内容（标为不可用）' }).click();
    await page.getByRole('status').filter({ hasText: '已删除数据表“常住”。' }).waitFor();
    await expect.poll(() => catalog.locator('.table-name').allTextContents()).not.toContain('常住');
    await expect(catalog.locator('.table-name').allTextContents()).resolves.not.toContain('趋势_常住');
    // The field is kept and said to be unusable; the combined table is gone with its view.
    await page.getByRole('tab', { name: '计算字段' }).click();
    await page.getByRole('list', { name: '数据表已删除的计算字段' }).getByText('“双倍人口”：数据表“趋势_常住”已不存在').waitFor();
    await page.getByRole('tab', { name: '合并表' }).click();
    await page.getByText('还没有合并表。').waitFor();

    // Deleting 趋势样例 with nothing left depending on it but the kept field? No: that field was on the view.
    await page.getByRole('tab', { name: '工作台' }).click();
    await catalog.getByText('趋势样例', { exact: true }).click();
    await page.getByRole('button', { name: '删除此表（趋势样例）' }).click();
    const plain = page.getByRole('dialog', { name: '删除数据表“趋势样例”' });
    await plain.getByText('此操作不能撤销').waitFor();
    await expect(plain.getByRole('list').count()).resolves.toBe(0);
    await plain.getByRole('button', { name: '删除', exact: true }).click();
    await expect.poll(() => catalog.locator('.table-name').allTextContents()).not.toContain('趋势样例');
    expect(pageErrors).toEqual([]);
  });

  it('a table re-made without a column a combined table needs: the table list keeps working, the join says it is broken, and editing makes it again', async () => {
    const { page, pageErrors } = await openApp(browser, { viewport: { width: 1024, height: 900 } });
    await setUp(page);
    await page.getByRole('tab', { name: '合并表' }).click();
    await pickWhenListed(page.getByRole('group', { name: '左表（保留其行）' }), '数据表', '趋势样例');
    await page.getByRole('group', { name: '右表' }).getByRole('combobox', { name: '数据表' }).selectOption('常住');
    await page.getByRole('button', { name: '预览匹配' }).click();
    await page.getByRole('region', { name: '匹配结果' }).getByRole('button', { name: '创建合并表' }).click();
    await page.getByRole('status').filter({ hasText: '已创建合并表“趋势样例_常住”' }).waitFor();
    // 常住 again, without 常住人口 (as a re-import with other columns would leave it), then a new table.
    await page.getByRole('tab', { name: '工作台' }).click();
    await runSql(page, `CREATE OR REPLACE TABLE 常住 AS SELECT 地区, 年份 FROM 常住;\nCREATE TABLE 之后的表 AS SELECT 1 AS x;`);
    const catalog = page.getByRole('list', { name: '数据表' });
    await expect.poll(() => catalog.locator('.table-name').allTextContents(), { timeout: 20_000 }).toContain('之后的表');
    expect(await catalog.locator('.table-name').allTextContents()).not.toContain('趋势样例_常住');
    await page.getByRole('tab', { name: '合并表' }).click();
    const item = page.getByRole('list', { name: '已有的合并表' }).locator('li').filter({ hasText: '趋势样例_常住' });
    await item.getByRole('alert').filter({ hasText: '暂不可用：“趋势样例”或“常住”已删除或重新导入' }).waitFor();
    await page.getByRole('button', { name: '编辑合并表“趋势样例_常住”' }).click();
    await page.getByRole('region', { name: '匹配结果' }).getByRole('button', { name: '保存修改' }).click();
    await page.getByRole('status').filter({ hasText: '已更新合并表“趋势样例_常住”（17 行）。' }).waitFor();
    await expect.poll(() => item.getByRole('alert').count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('holds at 1024 px in English: trend and starters', async () => {
    const { page, pageErrors } = await openApp(browser, { viewport: { width: 1024, height: 900 }, lang: 'en' });
    await setUp(page);
    await page.getByRole('tab', { name: 'Analysis', exact: true }).click();
    await page.getByRole('combobox', { name: 'Table' }).selectOption('趋势样例');
    await page.getByRole('tab', { name: 'Statistics' }).click();
    const trend = page.getByRole('region', { name: 'Trend' });
    await pickWhenListed(trend, 'Trend measure', '机构数');
    await trend.getByRole('combobox', { name: 'Region', exact: true }).selectOption('甲市');
    const a = fit(YEARS.map((y, i) => [y, PLACES['甲市'][i][0]]));
    await expect.poll(() => trend.getByLabel('Linear trend', { exact: true }).locator('dd').allTextContents(), { timeout: 20_000 }).toEqual([`+${sig6(a.slope, 'en')}/yr`, sig6(a.r2, 'en'), `${sig6(a.cagr * 100, 'en')}%`, '5']);
    await trend.scrollIntoViewIfNeeded();
    await screenshot(page, 'analysis-trend-en-1024');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    await page.getByRole('tab', { name: 'Fields' }).click();
    await pickWhenListed(page, 'Table', '趋势样例');
    await page.getByRole('button', { name: 'New calculated field' }).click();
    await page.getByRole('group', { name: 'Common formulas' }).getByRole('button', { name: 'Join text' }).click();
    await expect(page.getByRole('textbox', { name: 'Formula' }).inputValue()).resolves.toBe(`concat_ws('·', "text 1", "text 2")`);
    await screenshot(page, 'calc-starters-en-1024');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    // The delete dialog in English, with a dependent: the field saved on 常住.
    // Another table closes the editor.
    await page.getByRole('combobox', { name: 'Table' }).selectOption('常住');
    await page.getByRole('button', { name: 'New calculated field' }).click();
    await page.getByRole('textbox', { name: 'Field name' }).fill('double');
    await page.getByRole('textbox', { name: 'Formula' }).fill('"常住人口" * 2');
    await page.getByRole('button', { name: 'Check and preview' }).click();
    await page.getByRole('button', { name: 'Save field' }).click();
    await page.getByRole('status').filter({ hasText: 'double' }).waitFor();
    await page.getByRole('tab', { name: 'Workbench', exact: true }).click();
    await page.getByRole('list', { name: 'Tables' }).getByText('常住', { exact: true }).click();
    await page.getByRole('button', { name: 'Delete table (常住)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete the table “常住”' });
    await expect(dialog.getByRole('list', { name: 'These depend on this table:' }).textContent()).resolves.toBe('Calculated field “double” (常住)');
    await screenshot(page, 'delete-table-en-1024');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('list', { name: 'Tables' }).getByText('常住', { exact: true }).count()).resolves.toBe(1);
    expect(pageErrors).toEqual([]);
  });
});
