import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, openApp, runSql, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// Counts and populations (in 人) chosen so that per-10,000 values are exact decimals: 50 / 100000 × 10000 = 5.
const CASES_SQL = `CREATE TABLE 治安 AS SELECT * FROM (VALUES ('上海', 2020, 50, 100000.0), ('内蒙古', 2020, 30, 200000.0), ('广西', 2020, 9, 30000.0), ('火星', 2020, 1, 1000.0)) t(地区, 年份, 案件数, 常住人口)`;
const PEOPLE_SQL = `CREATE TABLE 人口 AS SELECT * FROM (VALUES ('上海市', 2020, 2487), ('内蒙古自治区', 2020, 2403), ('广西壮族自治区', 2020, 5013), ('北京市', 2020, 2189)) t(地区, 年份, 户籍人口)`;

async function setUp(page: Page) {
  await runSql(page, `${CASES_SQL};\n${PEOPLE_SQL};`);
  await page.getByRole('alert').waitFor({ state: 'detached' });
}

/** Picks `value` in the select named `name` once the live table list has it. */
async function pickWhenListed(scope: Page | Locator, name: string, value: string) {
  const select = scope.getByRole('combobox', { name, exact: true });
  await select.locator('option', { hasText: value }).first().waitFor({ state: 'attached', timeout: 20_000 });
  await select.selectOption(value);
}

describe('calculated fields and combined tables (web build in Chromium)', () => {
  it('builds a per-10,000 field checked by the engine, completes column names, refuses bad formulas in words, and charts it', async () => {
    const { page, externalRequests, pageErrors } = await openApp(browser, { viewport: { width: 1024, height: 900 } });
    await setUp(page);
    await page.getByRole('tab', { name: '计算字段' }).click();
    await pickWhenListed(page, '数据表', '治安');
    await page.getByRole('button', { name: '新建计算字段' }).click();
    await page.getByRole('textbox', { name: '字段名称' }).fill('每万人案件');
    const formula = page.getByRole('textbox', { name: '公式' });

    // Not an expression: refused before the engine, in words.
    await formula.fill('1); DROP TABLE 治安; --');
    await page.getByRole('button', { name: '检查并预览' }).click();
    await page.getByRole('alert').filter({ hasText: '公式中不能有分号（;）' }).waitFor();
    // A type error from the engine, in words (not its raw text).
    await formula.fill('"地区" * 2');
    await page.getByRole('button', { name: '检查并预览' }).click();
    await page.getByRole('alert').filter({ hasText: '不能用于这些类型的值：文本、数字' }).waitFor();
    // Another table cannot be read.
    await formula.fill('(SELECT max(户籍人口) FROM 人口)');
    await page.getByRole('button', { name: '检查并预览' }).click();
    await page.getByRole('alert').filter({ hasText: '公式只能使用本表的列' }).waitFor();

    // Completion: typing part of a name offers the column; Enter puts it in quotes.
    await formula.fill('');
    await formula.pressSequentially('"案件数" / 常');
    const list = page.getByRole('listbox', { name: '列名补全' });
    await list.getByRole('option', { name: '常住人口' }).waitFor();
    await formula.press('Enter');
    await expect(formula.inputValue()).resolves.toBe('"案件数" / "常住人口"');
    // Typing straight after a click elsewhere: the list must stay open (a late close-on-blur timer
    // once shut it under the user's hands, and Enter then broke the line).
    await formula.fill('"案件数" / ');
    await page.getByRole('button', { name: '检查并预览' }).click();
    await formula.pressSequentially('常');
    await list.getByRole('option', { name: '常住人口' }).waitFor();
    await page.waitForTimeout(400);
    await expect(list.getByRole('option', { name: '常住人口' }).isVisible()).resolves.toBe(true);
    await formula.press('Enter');
    await expect(formula.inputValue()).resolves.toBe('"案件数" / "常住人口"');

    // The per-10,000 helper writes the formula and suggests a unit, which the user corrects.
    await page.getByRole('combobox', { name: '数量列' }).selectOption('案件数');
    await page.getByRole('combobox', { name: '人口列' }).selectOption('常住人口');
    await page.getByRole('combobox', { name: '人口的单位' }).selectOption('人');
    await page.getByRole('button', { name: '生成每万人公式' }).click();
    await expect(formula.inputValue()).resolves.toBe('"案件数" / "常住人口" * 10000');
    const unit = page.getByRole('textbox', { name: '结果的单位' });
    await expect(unit.inputValue()).resolves.toBe('个/万人');
    await unit.fill('件/万人');
    await page.getByRole('button', { name: '检查并预览' }).click();
    const editor = page.getByRole('region', { name: '新建计算字段' });
    await expect.poll(() => editor.locator('.calc-trial > [role="status"], [role="alert"]').first().textContent(), { timeout: 20_000 }).toBe('公式可用：结果是数字，4 / 4 行有值，最小 1.5，最大 10。');
    const preview = page.getByRole('table', { name: '前几行的结果' });
    await expect(preview.locator('tbody tr').evaluateAll((rows) => rows.map((r) => Array.from(r.querySelectorAll('td'), (td) => td.textContent)))).resolves.toEqual([
      ['50', '100,000', '5'],
      // 30 / 200000 × 10000 is 1.4999999999999998 in doubles; shown to 6 decimals.
      ['30', '200,000', '1.5'],
      ['9', '30,000', '3'],
      ['1', '1,000', '10'],
    ]);
    await preview.scrollIntoViewIfNeeded();
    await screenshot(page, 'calc-field-per-10k');
    await page.getByRole('button', { name: '保存字段' }).click();
    await page.getByRole('status').filter({ hasText: '已保存字段“每万人案件”。' }).waitFor();
    await page.getByRole('list', { name: '本表的计算字段' }).getByText('"案件数" / "常住人口" * 10000').waitFor();

    // The field is a column in the chart builder: as the measure, read through the relation that adds it.
    await page.getByRole('tab', { name: '图表制作' }).click();
    await pickWhenListed(page, '数据表', '治安');
    await page.getByRole('combobox', { name: '维度', exact: true }).selectOption('地区');
    await pickWhenListed(page, '度量', '每万人案件');
    const sql = page.getByTestId('builder-sql');
    await expect.poll(() => sql.textContent(), { timeout: 20_000 }).toContain('"案件数" / "常住人口" * 10000');
    await expect(sql.textContent()).resolves.toContain('AS "每万人案件"');
    await page.locator('[data-testid="chart"] canvas').first().waitFor({ timeout: 30_000 });
    expect(pageErrors).toEqual([]);
    expect(externalRequests).toEqual([]);
  });

  it('combines two tables by region and year: normalised names, unmatched keys on both sides, a correction, then the view', async () => {
    const { page, pageErrors } = await openApp(browser, { viewport: { width: 1024, height: 1000 } });
    await setUp(page);
    await page.getByRole('tab', { name: '合并表' }).click();
    const left = page.getByRole('group', { name: '左表（保留其行）' });
    const right = page.getByRole('group', { name: '右表' });
    await pickWhenListed(left, '数据表', '治安');
    await right.getByRole('combobox', { name: '数据表' }).selectOption('人口');
    await expect(left.getByRole('combobox', { name: '地区列' }).inputValue()).resolves.toBe('地区');
    await expect(right.getByRole('combobox', { name: '年份列' }).inputValue()).resolves.toBe('年份');
    await page.getByRole('button', { name: '预览匹配' }).click();
    const summary = page.getByRole('region', { name: '匹配结果' });
    await summary.getByText('左表“治安”：3 个键匹配（3 行），1 个键未匹配（1 行）。').waitFor();
    await summary.getByText('右表“人口”：3 个键匹配（3 行），1 个键未匹配（1 行）。').waitFor();
    await expect(summary.getByRole('list', { name: '左表未匹配的键' }).textContent()).resolves.toBe('火星 · 2020（1 行）');
    await expect(summary.getByRole('list', { name: '右表未匹配的键' }).textContent()).resolves.toBe('北京市 · 2020（1 行）');
    // Normalised pairs are shown with why, and can be corrected.
    await expect(summary.getByRole('combobox', { name: '“上海”对应的右表地名' }).inputValue()).resolves.toBe('上海市');
    await expect(summary.getByRole('combobox', { name: '“广西”对应的右表地名' }).inputValue()).resolves.toBe('广西壮族自治区');
    await screenshot(page, 'join-preview');
    await summary.getByRole('combobox', { name: '“火星”对应的右表地名' }).selectOption('北京市');
    await summary.getByText('左表“治安”：4 个键匹配（4 行），0 个键未匹配（0 行）。').waitFor();
    await expect(summary.getByRole('combobox', { name: '“火星”对应的右表地名' }).inputValue()).resolves.toBe('北京市');
    await summary.getByText('全部匹配。').first().waitFor();
    await summary.getByRole('button', { name: '创建合并表' }).click();
    await page.getByRole('status').filter({ hasText: '已创建合并表“治安_人口”（4 行）。' }).waitFor();
    await page.getByRole('list', { name: '已有的合并表' }).getByText('由“治安”（治安）与“人口”（人口）按 地区、年份 合并').waitFor();
    await screenshot(page, 'join-created');

    // The view is a table like any other: its rows read in the console keep both sides' columns.
    await page.getByRole('tab', { name: '工作台' }).click();
    await runSql(page, 'SELECT 地区, 户籍人口 FROM 治安_人口 ORDER BY 户籍人口');
    // 火星 was matched by hand to 北京市, whose 户籍人口 is 2189.
    const grid = page.getByRole('grid', { name: '查询结果' });
    await grid.getByRole('gridcell', { name: '火星', exact: true }).waitFor();
    await expect(grid.getByRole('row').filter({ hasText: '火星' }).textContent()).resolves.toContain('2189');
    expect(pageErrors).toEqual([]);
  });

  it('shows both screens in English at 1024 px', async () => {
    const { page, pageErrors } = await openApp(browser, { viewport: { width: 1024, height: 900 }, lang: 'en' });
    await setUp(page);
    await page.getByRole('tab', { name: 'Combine' }).click();
    const left = page.getByRole('group', { name: 'Left table (its rows are kept)' });
    await pickWhenListed(left, 'Table', '人口');
    await left.getByRole('combobox', { name: 'Table' }).selectOption('治安');
    await page.getByRole('group', { name: 'Right table' }).getByRole('combobox', { name: 'Table' }).selectOption('人口');
    await page.getByRole('button', { name: 'Preview the matching' }).click();
    await page.getByText('Left table “治安”: keys matched 3 (rows: 3), keys unmatched 1 (rows: 1).').waitFor();
    await screenshot(page, 'join-preview-en');
    await page.getByRole('tab', { name: 'Fields' }).click();
    await page.getByRole('combobox', { name: 'Table' }).selectOption('治安');
    await page.getByRole('button', { name: 'New calculated field' }).click();
    await page.getByRole('textbox', { name: 'Field name' }).fill('per10k');
    await page.getByRole('textbox', { name: 'Formula' }).fill('"地区" * 2');
    await page.getByRole('button', { name: 'Check and preview' }).click();
    await page.getByRole('alert').filter({ hasText: 'does not work on values of these types: text, number' }).waitFor();
    await page.getByRole('alert').scrollIntoViewIfNeeded();
    await screenshot(page, 'calc-field-error-en');
    expect(pageErrors).toEqual([]);
  });
});
