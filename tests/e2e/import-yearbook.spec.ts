import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, openApp, runSql, screenshot, SCREENSHOT_DIR } from './browser';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');
const NARROW = { width: 1024, height: 900 };

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function chooseFile(page: Page, name: string, button = '选择文件') {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles(path.join(FIXTURES, name));
}

const columnNames = async (section: Locator, n: number, label = (i: number) => `第 ${i} 列列名`) => {
  const names: string[] = [];
  for (let i = 1; i <= n; i++) names.push(await section.getByRole('textbox', { name: label(i), exact: true }).inputValue());
  return names;
};

async function queryCells(page: Page, sql: string, tab = '工作台'): Promise<string[]> {
  await page.getByRole('tab', { name: tab }).click();
  await runSql(page, sql);
  await page.getByTestId('query-status').filter({ hasText: /\d+ (行|rows?)/ }).waitFor();
  return page.getByRole('grid', { name: /^(查询结果|Results)$/ }).getByRole('gridcell').allTextContents();
}

describe('yearbook layouts at import (web build in Chromium)', () => {
  it('reads merged headers, units, indentation, 其中 and totals per sheet; settings of one sheet leave the other alone (zh-CN, 1024 px)', async () => {
    const { page, pageErrors, externalRequests } = await openApp(browser, { viewport: NARROW });
    await page.getByRole('tab', { name: '导入数据' }).click();
    await chooseFile(page, 'yearbook-shapes.xlsx');
    const card = page.getByRole('article', { name: 'yearbook-shapes.xlsx' });
    const orgs = card.getByRole('region', { name: '社会组织' });
    await orgs.getByRole('table', { name: '预览' }).getByRole('cell', { name: '公募基金会' }).waitFor();
    expect(await columnNames(orgs, 8)).toEqual(['指标', '上级指标', '其中项', '单位', '2007年', '2012年', '2013年', '增长']);
    // Years recognised under the merged parent 年份, units from the labels, the 其中 row flagged under 基金会.
    await orgs.getByText('年份 › 2012年').waitFor();
    const row = await orgs.getByRole('row').filter({ hasText: '公募基金会' }).getByRole('cell').allTextContents();
    expect(row).toEqual(['公募基金会', '基金会', 'true', '家', '1050', '1316', '1378', '4.7']);
    const detected = orgs.getByRole('list', { name: '识别结果' });
    for (const line of ['表头：第 2–3 行（2 行）', '单位行：第 4 行', '数据：第 5–10 行', '行标签有 Excel 缩进：上一级写在“上级指标”列', '去掉空白列：第 2 列', '资料来源：民政部《2013年社会服务发展统计公报》（将作为图表的来源）']) {
      await detected.getByText(line, { exact: true }).waitFor();
    }
    await screenshot(page, 'import-yearbook-shapes-zh-1024');

    // A second sheet with another layout: a three-row header, a 合计 row and a 总计 column.
    await card.getByRole('checkbox', { name: '地区' }).check();
    const regions = card.getByRole('region', { name: '地区' });
    const totals = regions.getByRole('group', { name: '合计' });
    await totals.getByText('合计行：“地区”列的 合计').waitFor();
    await totals.getByText('合计列：总计').waitFor();
    expect(await columnNames(regions, 2)).toEqual(['地区', '社会组织单位数_社会团体_2012年']);
    await regions.getByText('4 行', { exact: true }).waitFor();
    await regions.screenshot({ path: path.join(SCREENSHOT_DIR, 'import-yearbook-regions-zh-1024.png') });

    // Settings on 地区 change 地区 only.
    await regions.getByRole('spinbutton', { name: '数据起始行' }).fill('7');
    await regions.getByText('3 行', { exact: true }).waitFor();
    await expect(orgs.getByRole('spinbutton', { name: '数据起始行' }).inputValue()).resolves.toBe('5');
    await orgs.getByText('6 行', { exact: true }).waitFor();
    await regions.getByRole('spinbutton', { name: '数据起始行' }).fill('');
    await regions.getByText('4 行', { exact: true }).waitFor();

    // Unpivot 社会组织 only: years under 年份 become rows, the unit column travels with them.
    await orgs.getByRole('checkbox', { name: /年份列转为长表/ }).check();
    await orgs.getByText('18 行', { exact: true }).waitFor();
    expect(await columnNames(orgs, 7)).toEqual(['指标', '上级指标', '其中项', '单位', '增长', '年份', '数值']);
    expect(await columnNames(regions, 1)).toEqual(['地区']);
    await regions.getByText('4 行', { exact: true }).waitFor();
    await card.getByRole('button', { name: '导入' }).click();
    await card.getByRole('status').filter({ hasText: '已导入表 yearbook_shapes_地区（4 行）' }).waitFor();
    await card.getByRole('status').filter({ hasText: '已导入表 yearbook_shapes_社会组织（18 行）' }).waitFor();

    const units = await queryCells(page, 'SELECT 单位, count(*)::INTEGER AS n, sum(数值) AS s FROM yearbook_shapes_社会组织 WHERE 年份 = 2013 GROUP BY 单位 ORDER BY 单位');
    expect(units.map((c) => c.replaceAll(',', ''))).toEqual(['万人', '1', '636.6', '家', '5', '1096158']);
    const prov = await queryCells(page, "SELECT source, totals FROM sgw_meta.provenance WHERE table_name = 'yearbook_shapes_地区'");
    expect(prov[0]).toBe('');
    expect(JSON.parse(prov[1])).toEqual({ rows: [{ column: '地区', values: ['合计'] }], columns: ['总计'] });
    const src = await queryCells(page, "SELECT source, roles FROM sgw_meta.provenance WHERE table_name = 'yearbook_shapes_社会组织'");
    expect(src[0]).toBe('民政部《2013年社会服务发展统计公报》');
    expect(JSON.parse(src[1])).toEqual({ label: '指标', parent: '上级指标', part: '其中项', unit: '单位' });
    expect(pageErrors).toEqual([]);
    expect(externalRequests).toEqual([]);
    await page.context().close();
  });

  it('reads a GBK yearbook CSV in English: layout in words, totals, unpivot (en, 1024 px)', async () => {
    const { page, pageErrors } = await openApp(browser, { viewport: NARROW, lang: 'en' });
    await page.getByRole('tab', { name: 'Import data' }).click();
    await chooseFile(page, 'yearbook-gbk.csv', 'Choose files');
    const card = page.getByRole('article', { name: 'yearbook-gbk.csv' });
    const table = card.getByRole('region', { name: 'yearbook-gbk.csv' });
    await table.getByRole('table', { name: 'Preview' }).getByRole('cell', { name: '成都' }).waitFor();
    const name = (i: number) => `Column ${i} name`;
    expect(await columnNames(table, 7, name)).toEqual(['地区', '上级地区', '其中项', '社区服务机构_2012年', '社区服务机构_2013年', '社区服务机构_2014年', '覆盖率']);
    const detected = table.getByRole('list', { name: 'What was detected' });
    for (const line of ['header: rows 3–4 (2 rows)', 'units row: row 5', 'blank columns dropped: 2', 'source: 民政部 (used as the charts’ source line)']) {
      await detected.getByText(line, { exact: true }).waitFor();
    }
    await table.getByRole('group', { name: 'Totals' }).getByText('total rows: 全国 in “地区”').waitFor();
    const chengdu = await table.getByRole('row').filter({ hasText: '成都' }).getByRole('cell').allTextContents();
    expect(chengdu).toEqual(['成都', '四川', 'true', '3000', '3500', '4000', '75']);
    await table.getByText('Unit: 个').first().waitFor();
    await screenshot(page, 'import-yearbook-gbk-en-1024');

    await table.getByRole('checkbox', { name: /Year columns to long format/ }).check();
    await table.getByText('21 rows', { exact: true }).waitFor();
    expect(await columnNames(table, 6, name)).toEqual(['地区', '上级地区', '其中项', '覆盖率', '年份', '数值']);
    await card.getByRole('button', { name: 'Import', exact: true }).click();
    await card.getByRole('status').filter({ hasText: 'Imported table yearbook_gbk (21 rows)' }).waitFor();
    const cells = await queryCells(page, "SELECT 年份, 数值 FROM yearbook_gbk WHERE 地区 = '成都' ORDER BY 年份", 'Workbench');
    expect(cells).toEqual(['2012', '3000', '2013', '3500', '2014', '4000']);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
