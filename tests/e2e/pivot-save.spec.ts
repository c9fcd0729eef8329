/**
 * Saved pivots (issue 17) in the web build in Chromium: a pivot with totals saved, put on a dashboard and a
 * slide, the project saved and reopened in a fresh page with the same numbers on the card and the slide
 * (against sums computed here), the dashboard exported to Word and rendered by LibreOffice, and a clear
 * message once the pivot's table is gone.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { unpackProject } from '../../shared/project/archive';
import { CURRENT_VERSION } from '../../shared/project/manifest';
import { launchBrowser, openApp, runSql, screenshot, SCREENSHOT_DIR } from './browser';
import { pickPivot, pivotSample, zhNumber } from './pivot';

const run = promisify(execFile);
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const { sql: SAMPLE, sum } = pivotSample('透视存档', 240, 0.125);
const zh = zhNumber;
/** The numbers every view of the pivot must show: the grand total, a region's total, one cell. */
const EXPECTED = [zh(sum(() => true)), zh(sum((r) => r.地区 === '上海市')), zh(sum((r) => r.地区 === '北京市' && r.年份 === 2019))];
const TITLE = '各地区年度数值';

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Uint8Array; file: string }> {
  const d = page.waitForEvent('download');
  await click();
  const got = await d;
  const file = (await got.path())!;
  return { name: got.suggestedFilename(), bytes: new Uint8Array(await readFile(file)), file };
}

/** Every expected number is a cell of `where` (grid cells on a card, table cells on a slide). */
async function showsNumbers(where: Locator, role: 'gridcell' | 'cell', hidden = false) {
  for (const text of EXPECTED) await where.getByRole(role, { name: text, exact: true, includeHidden: hidden }).first().waitFor({ state: hidden ? 'attached' : 'visible' });
}

async function openDashboard(page: Page, title = TITLE) {
  await page.getByRole('tab', { name: '仪表板' }).click();
  await page.getByRole('combobox', { name: '选择仪表板' }).selectOption({ label: '我的仪表板 1' });
  return page.getByRole('article', { name: `透视表：${title}` });
}

async function presentFirst(page: Page) {
  await page.getByRole('tab', { name: '演示' }).click();
  await page.getByRole('button', { name: '开始演示' }).click();
  return page.getByRole('dialog');
}

describe('saved pivots on dashboards and slides, through a project (web build in Chromium)', () => {
  it('saves a pivot with totals, shows it on a card and a slide, reopens the project with the same numbers and exports the dashboard to Word', async () => {
    const { page, pageErrors, externalRequests } = await openApp(browser, { viewport: { width: 1280, height: 900 } });
    await runSql(page, SAMPLE);
    await page.getByTestId('query-status').filter({ hasText: /用时 \d+ 毫秒/ }).waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: '仪表板' }).click();
    await page.getByRole('button', { name: '新建仪表板' }).click();
    await page.getByRole('combobox', { name: '选择仪表板' }).filter({ hasText: '我的仪表板 1' }).waitFor();

    await pickPivot(page, { table: '透视存档', row: '地区', col: '年份', value: '数值', dropCount: true });
    await page.getByTestId('pivot-status').filter({ hasText: '4 行 × 5 列' }).waitFor();
    await showsNumbers(page.getByRole('grid', { name: '透视结果' }), 'gridcell');

    // 保存透视表: a name first; saving again updates the same pivot.
    await expect(page.getByTestId('pivot-save-target').textContent()).resolves.toBe('保存为新透视表');
    await page.getByRole('button', { name: '保存透视表' }).click();
    await page.getByRole('textbox', { name: '透视表名称' }).fill(TITLE);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByRole('status').filter({ hasText: `已保存：${TITLE}` }).waitFor();
    await expect(page.getByTestId('pivot-save-target').textContent()).resolves.toBe(`保存将更新“${TITLE}”`);
    const list = page.getByRole('list', { name: '已保存的透视表' });
    await list.getByRole('button', { name: `打开 ${TITLE}` }).waitFor();
    await page.getByRole('button', { name: '保存透视表' }).click();
    await page.getByRole('status').filter({ hasText: `已更新：${TITLE}` }).waitFor();
    // 另存为… under a name another pivot has asks first: 取消 keeps both as they were, 覆盖 replaces it.
    const ask = page.getByRole('alertdialog', { name: `已有名为“${TITLE}”的透视表，要覆盖它吗？` });
    for (const answer of ['取消', '覆盖']) {
      await page.getByRole('button', { name: '另存为…' }).click();
      await page.getByRole('textbox', { name: '透视表名称' }).fill(TITLE);
      await page.getByRole('button', { name: '另存', exact: true }).click();
      await ask.getByRole('button', { name: answer }).click();
      await ask.waitFor({ state: 'detached' });
      await expect(list.getByRole('listitem').count()).resolves.toBe(1);
    }

    await page.getByRole('combobox', { name: '目标仪表板' }).selectOption({ label: '我的仪表板 1' });
    await page.getByRole('button', { name: '添加到仪表板' }).click();
    await page.getByRole('status').filter({ hasText: '已添加到仪表板“我的仪表板 1”' }).waitFor();
    await page.getByRole('button', { name: '添加到演示' }).click();
    await page.getByRole('status').filter({ hasText: '已添加到演示（第 1 页）' }).waitFor();
    await screenshot(page, 'pivot-saved-analysis');

    const card = await openDashboard(page);
    await showsNumbers(card.getByRole('grid', { name: TITLE }), 'gridcell');
    // Read-only: no value cell of a card opens its rows.
    await expect(card.locator('.pivot-cell.clickable').count()).resolves.toBe(0);
    await screenshot(page, 'pivot-card');
    // The dashboard's region filter reaches the card as it does chart cards: 排除 上海市 leaves its row and its
    // share of the grand total out; 清除筛选 brings them back.
    const picker = page.locator('details.region-picker');
    await picker.locator('summary').click();
    await picker.getByRole('combobox', { name: '地区筛选方式' }).selectOption('not_in');
    await picker.getByRole('checkbox', { name: '上海市' }).check();
    const cardGrid = card.getByRole('grid', { name: TITLE });
    await cardGrid.getByRole('gridcell', { name: zh(sum((r) => r.地区 !== '上海市')), exact: true }).waitFor();
    await expect(cardGrid.getByRole('rowheader', { name: '上海市' }).count()).resolves.toBe(0);
    await screenshot(page, 'pivot-card-filtered');
    await page.getByRole('button', { name: '清除筛选' }).click();
    await showsNumbers(cardGrid, 'gridcell');
    let stage = await presentFirst(page);
    await showsNumbers(stage.getByRole('table', { name: TITLE }), 'cell');
    await screenshot(page, 'pivot-slide');
    await page.keyboard.press('Escape');

    // Save the project and open it in a fresh page.
    await page.getByRole('tab', { name: '工作台' }).click();
    const saved = await download(page, () => page.keyboard.press('ControlOrMeta+s'));
    const projectFile = path.join(tmpdir(), `sgw-pivot-${Date.now()}.sgwp`);
    await writeFile(projectFile, saved.bytes);
    const { manifest } = unpackProject(saved.bytes);
    expect(manifest.version).toBe(CURRENT_VERSION);
    expect(manifest.documents.pivots[0].pivots.map((p) => [p.spec.title, p.spec.totals, p.spec.rows, p.spec.cols])).toEqual([[TITLE, true, ['地区'], ['年份']]]);
    expect(manifest.documents.decks[0].slides.map((s) => s.kind)).toEqual(['pivot']);
    await page.context().close();

    const fresh = await openApp(browser, { viewport: { width: 1280, height: 900 } });
    await fresh.page.getByRole('button', { name: '项目' }).click();
    const chooser = fresh.page.waitForEvent('filechooser');
    await fresh.page.getByRole('menuitem', { name: /打开项目/ }).click();
    await (await chooser).setFiles(projectFile);
    await fresh.page.getByRole('list', { name: '数据表' }).getByText('透视存档', { exact: true }).first().waitFor();
    const reopened = await openDashboard(fresh.page);
    await showsNumbers(reopened.getByRole('grid', { name: TITLE }), 'gridcell');
    // Drawn as on the 分析 screen before that screen was ever opened in this page: rows stacked, not overlapping.
    const tops = await reopened.locator('.pivot-body [role="row"]').evaluateAll((rs) => rs.map((r) => Math.round(r.getBoundingClientRect().top)));
    expect(tops).toEqual([...tops].sort((a, b) => a - b));
    expect(new Set(tops).size).toBe(4);
    expect(tops[1] - tops[0]).toBe(28);
    await screenshot(fresh.page, 'pivot-card-reopened');
    stage = await presentFirst(fresh.page);
    await showsNumbers(stage.getByRole('table', { name: TITLE }), 'cell');
    await screenshot(fresh.page, 'pivot-slide-reopened');
    await fresh.page.keyboard.press('Escape');
    await fresh.page.getByRole('tab', { name: '分析', exact: true }).click();
    await fresh.page.getByRole('list', { name: '已保存的透视表' }).getByRole('button', { name: `打开 ${TITLE}` }).waitFor();

    // The dashboard as Word: the pivot card is a real table holding the same numbers.
    await openDashboard(fresh.page);
    await fresh.page.getByRole('article', { name: `透视表：${TITLE}` }).getByRole('grid').waitFor();
    const word = await download(fresh.page, () => fresh.page.getByRole('button', { name: '导出仪表板 Word' }).click());
    expect(word.name).toBe('我的仪表板 1.docx');
    const doc = strFromU8(unzipSync(word.bytes)['word/document.xml']);
    const cells = [...doc.matchAll(/<w:tc>.*?<\/w:tc>/g)].map((m) => [...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    for (const text of [...EXPECTED, '上海市', '2019', '合计']) expect(cells, text).toContain(text);
    expect([...doc.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).toContain(`表1\u3000${TITLE}`);
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    const docx = path.join(SCREENSHOT_DIR, 'pivot-dashboard.docx');
    await writeFile(docx, word.bytes);
    await run('libreoffice', ['--headless', '--convert-to', 'pdf', '--outdir', SCREENSHOT_DIR, docx], { timeout: 120_000 });
    const pdf = path.join(SCREENSHOT_DIR, 'pivot-dashboard.pdf');
    const text = (await run('pdftotext', ['-layout', pdf, '-'])).stdout;
    for (const n of EXPECTED) expect(text).toContain(n);
    await run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, path.join(SCREENSHOT_DIR, 'pivot-dashboard-word')]);

    // The dashboard as PDF: the print layout holds the pivot as a table (Chromium prints it here as Electron would).
    await fresh.page.evaluate(() => {
      window.print = () => undefined;
    });
    await fresh.page.getByRole('button', { name: '导出仪表板 PDF' }).click();
    // (hidden on screen: it is for the printer only)
    await showsNumbers(fresh.page.getByTestId('print-dashboard').getByRole('table', { name: TITLE, includeHidden: true }), 'cell', true);
    const printed = path.join(SCREENSHOT_DIR, 'pivot-dashboard-print.pdf');
    await writeFile(printed, await fresh.page.pdf({ preferCSSPageSize: true, printBackground: true }));
    await fresh.page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    const printedText = (await run('pdftotext', ['-layout', printed, '-'])).stdout;
    for (const n of EXPECTED) expect(printedText).toContain(n);
    await run('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '1', printed, path.join(SCREENSHOT_DIR, 'pivot-dashboard-print')]);

    // New rows: the card asks again (its grand total grows by what was added).
    await fresh.page.getByRole('tab', { name: '工作台' }).click();
    await runSql(fresh.page, "INSERT INTO 透视存档 VALUES ('上海市', 2018, 100.5)");
    await fresh.page.getByTestId('query-status').filter({ hasText: /用时 \d+ 毫秒/ }).waitFor();
    const grown = await openDashboard(fresh.page);
    await grown.getByRole('gridcell', { name: zh(sum(() => true) + 100.5), exact: true }).waitFor();
    // A column renamed, then the table dropped: the card says so in words, nothing crashes.
    await fresh.page.getByRole('tab', { name: '工作台' }).click();
    await runSql(fresh.page, 'ALTER TABLE 透视存档 RENAME COLUMN 数值 TO 值');
    await fresh.page.getByTestId('query-status').filter({ hasText: /用时 \d+ 毫秒/ }).waitFor();
    await (await openDashboard(fresh.page)).getByRole('alert').filter({ hasText: '列「数值」已不存在（数据表「透视存档」），这个透视表无法显示。' }).waitFor();
    await fresh.page.getByRole('tab', { name: '工作台' }).click();
    // 删除此表 lists the saved pivot among what depends on the table (取消 changes nothing).
    await fresh.page.getByRole('list', { name: '数据表' }).getByText('透视存档', { exact: true }).first().click();
    await fresh.page.getByRole('button', { name: '删除此表（透视存档）' }).click();
    const deleting = fresh.page.getByRole('dialog', { name: '删除数据表“透视存档”' });
    await expect(deleting.getByRole('list', { name: '以下内容依赖此表：' }).locator('li').allTextContents()).resolves.toContain(`已保存的透视表“${TITLE}”`);
    await deleting.getByRole('button', { name: '取消' }).click();
    await runSql(fresh.page, 'DROP TABLE 透视存档');
    const gone = await openDashboard(fresh.page);
    await gone.getByRole('alert').filter({ hasText: '数据表「透视存档」已不存在，这个透视表无法显示。' }).waitFor();
    stage = await presentFirst(fresh.page);
    await stage.getByRole('alert').filter({ hasText: '数据表「透视存档」已不存在' }).waitFor();
    await fresh.page.keyboard.press('Escape');
    await screenshot(fresh.page, 'pivot-card-gone');

    // Rename the saved pivot: the card follows. Delete it: the card keeps its last version and says so; 撤销 brings it back.
    await fresh.page.getByRole('tab', { name: '分析', exact: true }).click();
    const savedList = fresh.page.getByRole('list', { name: '已保存的透视表' });
    await savedList.getByRole('button', { name: `重命名 ${TITLE}` }).click();
    await fresh.page.getByRole('textbox', { name: `“${TITLE}”的新名称` }).fill('各地区数值');
    await fresh.page.getByRole('button', { name: '确定', exact: true }).click();
    await savedList.getByRole('button', { name: '删除 各地区数值' }).click();
    await fresh.page.getByRole('status').filter({ hasText: '已删除“各地区数值”' }).waitFor();
    await fresh.page.getByRole('button', { name: '撤销' }).click();
    await savedList.getByRole('button', { name: '打开 各地区数值' }).waitFor();
    await expect((await openDashboard(fresh.page, '各地区数值')).getByText(/已删除/).count()).resolves.toBe(0);
    await fresh.page.getByRole('tab', { name: '分析', exact: true }).click();
    await savedList.getByRole('button', { name: '删除 各地区数值' }).click();
    const kept = await openDashboard(fresh.page, '各地区数值');
    await kept.getByText('原透视表“各地区数值”已删除，这里显示它最后保存的版本').waitFor();
    expect(pageErrors).toEqual([]);
    expect(fresh.pageErrors).toEqual([]);
    expect(externalRequests).toEqual([]);
    await fresh.page.context().close();
  });
});
