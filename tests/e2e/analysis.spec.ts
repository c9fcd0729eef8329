import { readFile } from 'node:fs/promises';
import * as XLSX from '@e965/xlsx';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, runSql, screenshot } from './browser';
import { BIG_PIVOT, openBigPivot, pickPivot, scrollPivot } from './pivot';

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
    await pickPivot(page, { table: '透视样例', row: '地区', col: '年份', value: '数值' });
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
    expect(book.SheetNames).toEqual(['数据透视表']);

    // 附带图表: a second sheet with a native column chart.
    await page.getByRole('checkbox', { name: '附带图表' }).check();
    const withChart = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Excel' }).click();
    const chartBytes = new Uint8Array(await readFile((await (await withChart).path())!));
    const parts = unzipSync(chartBytes);
    expect(XLSX.read(chartBytes).SheetNames).toEqual(['数据透视表', '透视图']);
    expect(strFromU8(parts['xl/charts/chart1.xml'])).toContain('<c:barDir val="col"/>');

    // Word: a real table, the year keys merged over their columns, header rows repeated, totals bold.
    const word = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 Word' }).click();
    const doc = strFromU8(unzipSync(new Uint8Array(await readFile((await (await word).path())!)))['word/document.xml']);
    expect(doc.match(/<w:tblHeader\/>/g)).toHaveLength(2);
    expect(doc).toContain('<w:gridSpan w:val="2"/>');
    expect(doc).toContain('<w:vMerge w:val="restart"/>');
    expect(doc).toMatch(/<w:b\/><w:bCs\/>(?:<w:sz w:val="\d+"\/><w:szCs w:val="\d+"\/>)?<\/w:rPr><w:t xml:space="preserve">合计<\/w:t>/);
    expect(doc).toContain(`>${zh(societies / 1e4, 1)}万</w:t>`);

    // Totals off: no 合计 rows.
    await page.getByRole('checkbox', { name: '小计与合计' }).uncheck();
    await page.getByTestId('pivot-status').filter({ hasText: /^3 行 × 4 列/ }).waitFor();
    await page.getByRole('button', { name: '在 SQL 查询中打开' }).first().click();
    await expect(page.getByRole('textbox', { name: 'SQL 编辑器' }).textContent()).resolves.toContain('GROUPING SETS');
    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('统计 panel: summary, Pearson and Spearman matrices, and a regression equal to normal equations solved here; collinear regressors refused in words', async () => {
    const { page, pageErrors } = await openApp(browser, { viewport: { width: 1024, height: 900 } });
    await runSql(page, REGRESSION_SAMPLE);
    await ranFine(page);
    await page.getByRole('tab', { name: '分析', exact: true }).click();
    await page.getByRole('combobox', { name: '数据表' }).selectOption('回归样例');
    await page.getByRole('tab', { name: '统计' }).click();
    const summary = page.getByRole('table', { name: '描述统计' });
    const y = summary.getByRole('row', { name: /^机构数/ });
    await y.waitFor();
    // 计数 and 缺失 (columns 3 and 4: 列, 类型, 计数, 缺失 …).
    await expect(y.getByRole('cell').nth(1).textContent()).resolves.toBe(String(fitRows.length));
    await expect(y.getByRole('cell').nth(2).textContent()).resolves.toBe(String(REG_N - fitRows.length));
    const corr = page.getByRole('table', { name: '相关矩阵' });
    await corr.waitFor();
    await page.getByRole('combobox', { name: '相关系数' }).selectOption('spearman');
    await page.getByText(/^Spearman 等级相关系数/).waitFor();

    await page.getByRole('combobox', { name: '因变量' }).selectOption('机构数');
    await page.getByRole('checkbox', { name: '年份序号' }).check();
    await page.getByRole('checkbox', { name: '人口' }).check();
    await page.getByRole('button', { name: '估计回归' }).click();
    const coefficients = page.getByRole('table', { name: '线性回归（最小二乘）：机构数 ~ 年份序号 + 人口' });
    await coefficients.waitFor();
    const expected = ols(fitRows.map((r) => [1, r.x1, r.x2]), fitRows.map((r) => r.y));
    for (const [i, term] of ['截距', '年份序号', '人口'].entries()) {
      const shown = await coefficients.getByRole('row', { name: new RegExp(`^${term}`) }).getByRole('cell').first().textContent();
      const v = Number(shown!.replaceAll(',', ''));
      // Shown to six significant digits.
      expect(Math.abs(v - expected[i]), term).toBeLessThanOrEqual(5e-6 * Math.abs(expected[i]));
    }
    const fit = page.getByRole('definition');
    await expect(fit.nth(0).textContent()).resolves.toBe(String(fitRows.length));
    await expect(fit.nth(1).textContent()).resolves.toBe(String(REG_N - fitRows.length));
    await screenshot(page, 'analysis-stats-1024');

    await page.getByRole('checkbox', { name: '两倍序号' }).check();
    await page.getByRole('button', { name: '估计回归' }).click();
    await page.getByRole('alert').filter({ hasText: '共线' }).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('draws a trend line on a line chart in the builder, with slope, R² and CAGR in the picture', async () => {
    const { page, pageErrors } = await openApp(browser, { viewport: { width: 1024, height: 800 } });
    await page.getByRole('tab', { name: '图表制作' }).click();
    await page.getByRole('combobox', { name: '数据表' }).selectOption('cases');
    await page.getByRole('combobox', { name: '维度', exact: true }).selectOption('year');
    await page.getByRole('button', { name: '折线图' }).click();
    await page.getByRole('checkbox', { name: '趋势线' }).check();
    const preview = page.getByRole('region', { name: '图表预览' });
    await preview.locator('[data-testid="chart"] canvas').first().waitFor();
    await page.waitForTimeout(600);
    await screenshot(page, 'chart-builder-trend-1024');
    const download = page.waitForEvent('download');
    await preview.getByRole('button', { name: '导出', exact: true }).click();
    await page.getByRole('menu', { name: '导出选项' }).getByRole('menuitem', { name: '导出 SVG', exact: true }).click();
    const svg = await readFile((await (await download).path())!, 'utf8');
    expect(svg).toMatch(/斜率 [+-][\d.,]+(万|亿)?\/年，R² = 0\.\d{3}(，年均增长 -?\d+\.\d%)?/);
    expect(svg).toContain('（线性趋势）');
    expect(pageErrors).toEqual([]);
  });

  it('shows both screens in English at 1024 px', async () => {
    const { page } = await openApp(browser, { viewport: { width: 1024, height: 800 }, lang: 'en' });
    await runSql(page, SAMPLE);
    await pickPivot(page, { table: '透视样例', row: '地区', col: '年份', value: '数值', lang: 'en' });
    await page.getByRole('grid', { name: 'Pivot result' }).getByRole('rowheader', { name: 'Total' }).first().waitFor();
    await screenshot(page, 'analysis-pivot-1024-en');
    await page.getByRole('tab', { name: 'Statistics' }).click();
    await page.getByRole('table', { name: 'Summary statistics' }).waitFor();
    await screenshot(page, 'analysis-stats-1024-en');

    // The pivot as last edited comes back after a reload (the browser profile keeps it).
    await page.reload();
    await page.getByTestId('engine-status').filter({ hasText: 'Database ready' }).waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: 'Workbench', exact: true }).click();
    await runSql(page, SAMPLE);
    await page.getByRole('tab', { name: 'Analysis', exact: true }).click();
    await page.getByRole('tab', { name: 'Pivot table' }).click();
    await page.getByTestId('pivot-status').filter({ hasText: '4 rows × 5 columns' }).waitFor();
  });

  it('scrolls a 10,000 × 200 pivot: only the cells in view in the DOM at every frame, the rows in view right, the far corner right, sorted', async () => {
    const { page } = await openApp(browser);
    await openBigPivot(page);
    // Down only, then down and right together (every row in view changes). How long the frames take is the
    // benchmark's to say (bench/pivot-scroll.ts), not this test's.
    for (const dx of [0, 90]) expect((await scrollPivot(page, dx)).maxCells).toBeLessThan(1500);
    const grid = page.getByRole('grid', { name: '透视结果' });
    /** The first row in view: its 行号 and the text of its first cell (列号 0, at the left edge). */
    const firstInView = () =>
      grid.evaluate((el) => {
        const top = el.getBoundingClientRect().top + (el.querySelector('[role="columnheader"]')?.getBoundingClientRect().height ?? 0);
        const row = Array.from(el.querySelectorAll('.pivot-body [role="row"]')).find((r) => r.getBoundingClientRect().bottom > top + 1);
        return row ? [row.querySelector('[role="rowheader"]')?.textContent ?? '', row.querySelector('[role="gridcell"]')?.textContent ?? ''] : null;
      });
    const zhInt = (n: number) => n.toLocaleString('zh-CN');
    // Halfway down: the rows there, with their own values (not the top's, re-labelled).
    await grid.evaluate((el) => el.scrollTo(0, el.scrollHeight / 2));
    await expect.poll(async () => Number((await firstInView())?.[0])).toBeGreaterThan(4000);
    const [label, cell] = (await firstInView())!;
    expect(Number(label)).toBeLessThan(6000);
    expect(cell).toBe(zhInt(BIG_PIVOT.value(Number(label), 0)));
    // The far corner: 行号 9999, 列号 199 holds one row, i = 1,999,999.
    await grid.evaluate((el) => el.scrollTo(el.scrollWidth, el.scrollHeight));
    const corner = grid.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '9999', exact: true }) });
    await expect.poll(() => corner.getByRole('gridcell').last().textContent()).toBe(zhInt(BIG_PIVOT.value(9999, 199)));
    await screenshot(page, 'analysis-pivot-10000x200');
    // Sorted by 行号, descending: 9999 comes first, with its values.
    await page.getByRole('combobox', { name: '行排序' }).selectOption('labelDesc');
    await grid.evaluate((el) => el.scrollTo(0, 0));
    await expect.poll(firstInView, { timeout: 60_000 }).toEqual(['9999', zhInt(BIG_PIVOT.value(9999, 0))]);
  }, 240_000);
});

const REG_N = 200;
const REGRESSION_SAMPLE = `CREATE TABLE 回归样例 AS
SELECT i::DOUBLE AS 年份序号, ((i * 37) % 101)::DOUBLE AS 人口, (2 * i)::DOUBLE AS 两倍序号,
       CASE WHEN i % 10 = 0 THEN NULL ELSE 3 + 0.5 * i - 0.2 * ((i * 37) % 101) + (((i * 53) % 17) - 8) / 4.0 END AS 机构数
  FROM range(${REG_N}) t(i)`;
const fitRows = Array.from({ length: REG_N }, (_, i) => ({ i, x1: i, x2: (i * 37) % 101, y: 3 + 0.5 * i - 0.2 * ((i * 37) % 101) + (((i * 53) % 17) - 8) / 4 })).filter((r) => r.i % 10 !== 0);

/** Least squares by the normal equations and Gaussian elimination with partial pivoting (independent of the app's Cholesky). */
function ols(x: number[][], y: number[]): number[] {
  const p = x[0].length;
  const a = Array.from({ length: p }, (_, i) => [...Array.from({ length: p }, (_, j) => x.reduce((s, r) => s + r[i] * r[j], 0)), x.reduce((s, r, k) => s + r[i] * y[k], 0)]);
  for (let c = 0; c < p; c++) {
    const pivot = a.slice(c).reduce((best, row, k) => (Math.abs(row[c]) > Math.abs(a[best][c]) ? c + k : best), c);
    [a[c], a[pivot]] = [a[pivot], a[c]];
    for (let r = 0; r < p; r++) if (r !== c) a[r] = a[r].map((v, j) => v - (a[r][c] / a[c][c]) * a[c][j]);
  }
  return a.map((row, i) => row[p] / row[i]);
}
