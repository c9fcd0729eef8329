/**
 * Outputs a report writer hands in (issue 16), in the web build in Chromium: the chart's Word export, the
 * builder's source line, the dashboard as Word and as an A4 PDF (Chromium's own PDF printer, the one
 * Electron's printToPDF uses, read back by poppler), and the user's own dashboards in 演示.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { inspectXlsx } from '../fixtures/export/inspect-xlsx';
import { launchBrowser, openApp, screenshot, SCREENSHOT_DIR } from './browser';

const run = promisify(execFile);
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Uint8Array }> {
  const d = page.waitForEvent('download');
  await click();
  const file = await d;
  return { name: file.suggestedFilename(), bytes: new Uint8Array(await readFile((await file.path())!)) };
}

const docxText = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

async function allCardsDrawn(page: Page): Promise<string[]> {
  const cards = page.getByRole('article');
  const count = await cards.count();
  for (let i = 0; i < count; i++) {
    await cards.nth(i).scrollIntoViewIfNeeded();
    await cards.nth(i).locator('canvas').first().waitFor();
  }
  return Promise.all(Array.from({ length: count }, async (_, i) => (await cards.nth(i).getAttribute('aria-label'))!));
}

describe('outputs for reports (web build in Chromium)', () => {
  it('exports the chart as Word: a native chart with its embedded workbook, caption and source', async () => {
    const { page, pageErrors } = await openApp(browser);
    const panel = page.getByRole('region', { name: '图表' });
    const title = '上海注册社会组织数（按类型）';
    await panel.getByRole('img', { name: title }).waitFor();
    await panel.getByRole('button', { name: '导出', exact: true }).click();
    const { name, bytes } = await download(page, () => page.getByRole('menuitem', { name: '导出 Word（可编辑图表）', exact: true }).click());
    expect(name).toBe(`${title}.docx`);
    const files = unzipSync(bytes);
    const chart = strFromU8(files['word/charts/chart1.xml']);
    expect(chart).toContain('<c:barDir val="col"/>');
    expect(strFromU8(files['word/charts/_rels/chart1.xml.rels'])).toContain('../embeddings/Microsoft_Excel_Worksheet1.xlsx');
    // The embedded workbook holds the numbers the chart caches (Word's 编辑数据 opens it).
    const book = inspectXlsx(files['word/embeddings/Microsoft_Excel_Worksheet1.xlsx']);
    const cached = [...chart.matchAll(/<c:numCache>.*?<\/c:numCache>/gs)].map((m) => [...m[0].matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((v) => Number(v[1])));
    const refs = [...chart.matchAll(/<c:val><c:numRef><c:f>([^<]*)<\/c:f>/g)].map((m) => m[1].replaceAll('&apos;', "'"));
    expect(refs).toHaveLength(2);
    expect(refs.map((r) => book.cellTypes(r).every((t) => t === 'n'))).toEqual([true, true]);
    expect(refs.map((r) => book.resolveRef(r))).toEqual(cached);
    const text = docxText(strFromU8(files['word/document.xml']));
    expect(text).toContain(`图1\u3000${title}`);
    expect(text).toMatch(/来源：上海社会组织统计/);
    await panel.getByRole('status').filter({ hasText: `已导出：${title}.docx` }).waitFor();
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('lets the builder’s source line be written, shows the data’s provenance until then, and exports what is written', async () => {
    const { page } = await openApp(browser);
    await page.getByRole('tab', { name: '图表制作' }).click();
    const preview = page.getByRole('region', { name: '图表预览' });
    await preview.locator('[data-testid="chart"] canvas').first().waitFor();
    const source = page.getByRole('textbox', { name: '来源', exact: true });
    const provenance = (await source.getAttribute('placeholder'))!;
    // The catalog's document titles, never a table or seed file name.
    expect(provenance).toMatch(/《/);
    expect(provenance).not.toMatch(/\d{3}_[0-9a-f]{16}\.txt|sh_social_org/);
    const svgOf = async () => {
      await preview.getByRole('button', { name: '导出', exact: true }).click();
      return new TextDecoder().decode((await download(page, () => page.getByRole('menuitem', { name: '导出 SVG' }).click())).bytes);
    };
    expect(await svgOf()).toContain(`来源：${provenance.slice(0, 12)}`);
    await source.fill('上海市民政局《2014 年社会组织统计》');
    await expect.poll(svgOf).toContain('来源：上海市民政局《2014 年社会组织统计》');
    await screenshot(page, 'builder-source');
    await page.getByRole('button', { name: '恢复默认来源' }).click();
    await expect(source.inputValue()).resolves.toBe('');
    expect(await svgOf()).not.toContain('上海市民政局《2014');
    await page.context().close();
  });

  it('puts the saved charts the user ticks into one Word document, each as Word has it', async () => {
    const { page, pageErrors } = await openApp(browser);
    await page.getByRole('tab', { name: '图表制作' }).click();
    const preview = page.getByRole('region', { name: '图表预览' });
    // Each chart starts afresh from its table (保存图表 updates the chart being edited).
    const save = async (kind: string, x: string, by: string, title: string) => {
      await page.getByRole('combobox', { name: '数据表' }).selectOption('sh_social_org');
      await page.getByRole('combobox', { name: '数据表' }).selectOption('cases');
      await page.getByRole('combobox', { name: '维度', exact: true }).selectOption(x);
      await page.getByRole('combobox', { name: '系列', exact: true }).selectOption(by);
      await page.getByRole('button', { name: kind, exact: true }).click();
      await page.getByRole('textbox', { name: '标题', exact: true }).fill(title);
      await preview.getByRole('img', { name: title }).waitFor();
      await page.getByRole('button', { name: '保存图表' }).click();
      await page.getByRole('status').filter({ hasText: `已保存：${title}` }).waitFor();
    };
    await save('柱状图', 'theme', '', '各主题案例数');
    await save('饼图', 'theme', '', '案例主题构成');
    await save('热力图', 'level', 'theme', '层级 × 主题');
    const saved = page.getByRole('region', { name: '已保存的图表' });
    const button = saved.getByRole('button', { name: /^所选 \d+ 张图表导出 Word$/ });
    await expect(button.isDisabled()).resolves.toBe(true);
    for (const title of ['各主题案例数', '层级 × 主题']) await saved.getByRole('checkbox', { name: `选择 ${title}` }).check();
    const { name, bytes } = await download(page, () => saved.getByRole('button', { name: '所选 2 张图表导出 Word' }).click());
    expect(name).toBe('图表汇编.docx');
    const files = unzipSync(bytes);
    // The column chart is a native chart; the heatmap a shaded table (no chart part, no picture).
    expect(Object.keys(files).filter((f) => /^word\/(charts\/chart\d+\.xml|media\/)/.test(f))).toEqual(['word/charts/chart1.xml']);
    const doc = strFromU8(files['word/document.xml']);
    const text = docxText(doc);
    expect(text).toContain('图1\u3000各主题案例数');
    expect(text).not.toContain('案例主题构成');
    expect(text).toContain('层级 × 主题');
    expect(doc).toMatch(/<w:shd [^>]*w:fill="[0-9A-F]{6}"/);
    await saved.getByRole('status').filter({ hasText: '已导出：图表汇编.docx' }).waitFor();
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('exports a dashboard as Word and as a paginated A4 PDF with its title, filters, date and page numbers', async () => {
    const { page, pageErrors } = await openApp(browser);
    await page.getByRole('tab', { name: '仪表板' }).click();
    await page.getByRole('combobox', { name: '选择仪表板' }).selectOption({ label: '上海社会组织' });
    await page.getByRole('spinbutton', { name: '起始年份' }).fill('2008');
    const titles = await allCardsDrawn(page);
    expect(titles.length).toBeGreaterThan(3);

    const word = await download(page, () => page.getByRole('button', { name: '导出仪表板 Word' }).click());
    expect(word.name).toBe('上海社会组织.docx');
    const files = unzipSync(word.bytes);
    const figures = Object.keys(files).filter((f) => /^word\/(charts\/chart\d+\.xml|media\/image\d+\.png)$/.test(f));
    expect(figures).toHaveLength(titles.length);
    const text = docxText(strFromU8(files['word/document.xml']));
    expect(text).toContain('筛选条件：地区：全部地区；年份：2008—…');
    expect(text).toMatch(/导出日期：\d{4}年\d{1,2}月\d{1,2}日/);
    titles.forEach((t, i) => expect(text).toContain(`图${i + 1}\u3000${t}`));

    // The browser's print dialog is the user's; here Chromium prints the same layout to PDF itself.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await page.getByRole('button', { name: '导出仪表板 PDF' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    // The print layout is hidden on screen: one picture per card, named by the card's title.
    await expect(page.getByTestId('print-dashboard').locator('img').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).alt))).resolves.toEqual(titles);
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, 'dashboard.pdf');
    await writeFile(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await expect.poll(() => page.getByTestId('print-dashboard').count()).toBe(0);

    const pages = Number(/^Pages:\s+(\d+)/m.exec((await run('pdfinfo', [file])).stdout)?.[1]);
    const size = /^Page size:\s+([\d.]+) x ([\d.]+)/m.exec((await run('pdfinfo', [file])).stdout)!;
    expect([Math.round(Number(size[1])), Math.round(Number(size[2]))]).toEqual([595, 842]); // A4 in points
    expect(pages).toBeGreaterThan(1);
    expect(pages).toBeLessThanOrEqual(Math.ceil(titles.length / 2) + 1);
    const texts = await Promise.all(Array.from({ length: pages }, async (_, i) => (await run('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), file, '-'])).stdout));
    expect(texts[0]).toContain('上海社会组织');
    expect(texts[0]).toContain('筛选条件：地区：全部地区；年份：2008—…');
    expect(texts[0]).toMatch(/导出日期：\d{4}年/);
    texts.forEach((t, i) => expect(t.trim().split('\n').at(-1)!.replace(/\s+/g, '')).toBe(`${i + 1}/${pages}`));
    // Each card whole on one page: its title on exactly one page, and as many source lines on a page as titles.
    // poppler reads some glyphs of the embedded CJK subset as radicals (⽐ U+2F50, ⻓ U+2EBB): a CJK character
    // of the title matches itself or a radical.
    const squash = (s: string) => s.replace(/\s+/g, '');
    const loose = (title: string) => new RegExp(squash(title).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\u4e00-\u9fff]/g, (c) => `[${c}\u2e80-\u2fdf]`));
    const onPage = texts.map((t) => titles.filter((title) => loose(title).test(squash(t))));
    for (const title of titles) expect(onPage.filter((p) => p.includes(title)), title).toHaveLength(1);
    texts.forEach((t, i) => expect(squash(t).split('来源：').length - 1).toBe(onPage[i].length));
    await run('pdftoppm', ['-png', '-r', '50', file, path.join(SCREENSHOT_DIR, 'dashboard-pdf')]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('offers the user’s own dashboards in 演示', async () => {
    const { page } = await openApp(browser);
    await page.getByRole('tab', { name: '仪表板' }).click();
    await page.getByRole('button', { name: '新建仪表板' }).click();
    await page.getByRole('combobox', { name: '选择仪表板' }).filter({ hasText: '我的仪表板 1' }).waitFor();
    await page.getByRole('tab', { name: '演示' }).click();
    const pick = page.getByRole('combobox', { name: '仪表板', exact: true });
    await expect.poll(() => pick.locator('option').allTextContents()).toEqual(['', '上海社会组织', '社会治理创新案例', '我的仪表板 1']);
    await page.context().close();
  });
});
