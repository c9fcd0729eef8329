import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, openApp, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Moves the mouse over the chart's points until its tooltip shows `target` (charts expose no DOM per point). */
async function hoverUntil(page: Page, chart: Locator, target: Locator, xs: number[], ys: number[]): Promise<void> {
  const box = (await chart.boundingBox())!;
  for (const y of ys) {
    for (const x of xs) {
      await page.mouse.move(box.x + x * box.width, box.y + y * box.height);
      if (await target.isVisible()) return;
    }
  }
  throw new Error('no tooltip found');
}
const steps = (from: number, to: number, n: number) => Array.from({ length: n + 1 }, (_, i) => from + ((to - from) * i) / n);

const count = (page: Page) => page.locator('.case-count').textContent();
const slideCounter = (page: Page) => page.getByTestId('slide-counter').textContent();

describe('case library and presentation (web build in Chromium)', () => {
  it('filters the library, opens a case with its figures and sources, and presents it', async () => {
    const { page, externalRequests, pageErrors } = await openApp(browser);
    await page.getByRole('tab', { name: '案例库' }).click();
    await page.getByText('共 82 个案例').waitFor();
    await page.getByRole('img', { name: '案例时间线（2004—2020）' }).locator('canvas').waitFor();
    await expect(page.getByRole('list', { name: '案例列表' }).getByRole('listitem').count()).resolves.toBe(82);

    await page.getByLabel('主题', { exact: true }).selectOption('网络治理');
    await expect.poll(() => count(page)).toContain('共 13 个案例');
    await page.getByLabel('搜索案例').fill('网格');
    await expect.poll(() => count(page)).not.toContain('共 13 个案例');
    const cards = page.getByRole('list', { name: '案例列表' }).getByRole('listitem');
    const titles = await cards.getByRole('heading').allTextContents();
    expect(titles.length).toBeGreaterThanOrEqual(4);
    // Title matches rank before matches in the summary or tags.
    const inTitle = titles.filter((t) => t.includes('网格')).length;
    expect(inTitle).toBeGreaterThanOrEqual(4);
    expect(titles.slice(0, inTitle).every((t) => t.includes('网格'))).toBe(true);
    expect(titles).toContain('海淀区网格化服务管理体系');
    await screenshot(page, 'cases-library-filtered');

    await page.getByRole('button', { name: '海淀区网格化服务管理体系' }).click();
    await page.getByRole('heading', { name: '海淀区网格化服务管理体系', level: 2 }).waitFor();
    const tile = page.locator('.kpi-tile').filter({ hasText: '下沉到三级网格的工作力量' });
    await expect(tile.locator('.kpi-value').textContent()).resolves.toBe('1.39万人');
    await page.getByRole('button', { name: '下沉到三级网格的工作力量的出处' }).click();
    const dialog = page.getByRole('dialog', { name: '数据出处' });
    await expect(dialog.textContent()).resolves.toContain('13922');
    await expect(dialog.textContent()).resolves.toContain('003_6abf6539eaf24928.txt');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    // Haidian's population next to the other places that state one.
    await page.getByRole('img', { name: '人口' }).locator('canvas').waitFor();
    await screenshot(page, 'cases-case-page');

    await page.getByRole('button', { name: '添加到演示' }).click();
    await page.getByText('已添加到演示（共 1 页）').waitFor();
    await page.getByRole('button', { name: '返回案例库' }).click();
    // Filters survive the round trip.
    await expect(page.getByLabel('搜索案例').inputValue()).resolves.toBe('网格');

    await page.getByRole('tab', { name: '演示' }).click();
    await page.getByRole('button', { name: '添加文字页' }).click();
    await page.getByRole('button', { name: '添加图表页' }).click();
    const slides = page.getByRole('list', { name: '幻灯片' }).getByRole('listitem');
    await expect(slides.count()).resolves.toBe(3);
    // The text slide to the front with 上移, then edit its text and notes.
    await slides.nth(1).getByRole('button', { name: '上移' }).click();
    const first = slides.nth(0);
    await first.getByLabel('标题').fill('第一讲：网格化治理');
    await first.getByLabel('正文').fill('北京海淀与其他地区的比较');
    await first.getByLabel('演讲者备注').fill('开场，约三分钟');
    await expect(slides.nth(1).getAttribute('aria-label')).resolves.toBe('第 2 页：海淀区网格化服务管理体系');
    await screenshot(page, 'present-editor');

    await page.getByRole('button', { name: '开始演示' }).click();
    const show = page.getByRole('dialog', { name: '社会治理创新案例' });
    await show.waitFor();
    await show.getByRole('heading', { name: '第一讲：网格化治理' }).waitFor();
    await expect(slideCounter(page)).resolves.toBe('1 / 3');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => slideCounter(page)).toBe('2 / 3');
    await show.getByRole('heading', { name: '海淀区网格化服务管理体系' }).waitFor();
    await show.getByRole('img', { name: '人口' }).locator('canvas').waitFor();
    await screenshot(page, 'present-case-slide');
    // The case's document by its title, never its seed file name.
    await expect(show.locator('.slide-source').textContent()).resolves.toMatch(/^来源：《.+》/);
    await expect(show.textContent()).resolves.not.toMatch(/\d{3}_[0-9a-f]{16}\.txt/);
    // Switch the comparison live; the source quote opens over the slide and Esc closes only the quote.
    await show.getByRole('group', { name: '与其他地区比较' }).getByRole('button', { name: '面积' }).click();
    await show.getByRole('img', { name: '面积' }).waitFor();
    await show.getByRole('button', { name: '三级网格数的出处' }).click();
    await show.getByRole('dialog', { name: '数据出处' }).waitFor();
    await page.keyboard.press('Escape');
    await show.getByRole('dialog', { name: '数据出处' }).waitFor({ state: 'detached' });
    await expect(slideCounter(page)).resolves.toBe('2 / 3');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => slideCounter(page)).toBe('1 / 3');
    await page.keyboard.press(' ');
    await page.keyboard.press(' ');
    await expect.poll(() => slideCounter(page)).toBe('3 / 3');
    await show.getByRole('img', { name: '上海注册社会组织数（按类型）' }).locator('canvas').waitFor();
    await screenshot(page, 'present-chart-slide');
    await show.getByRole('button', { name: '演讲者视图' }).click();
    await show.getByRole('complementary', { name: '演讲者视图' }).waitFor();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await show.getByText('开场，约三分钟').waitFor();
    // The preview is the slide scaled down whole: tiles three to a row, the chart beside them, the source under all.
    const preview = show.getByRole('complementary', { name: '演讲者视图' });
    await preview.locator('.kpi-tile').nth(5).waitFor();
    await preview.locator('canvas').first().waitFor();
    const boxes = await preview.locator('.kpi-tile, .slide-source, .slide-compare').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    const [tiles, chart, source] = [boxes.slice(0, 6), boxes[6], boxes[7]]; // document order
    expect(new Set(tiles.slice(0, 3).map((b) => Math.round(b.top))).size).toBe(1);
    expect(tiles[3].top).toBeGreaterThan(tiles[0].bottom);
    expect(chart.left).toBeGreaterThan(tiles[2].right);
    expect(source.top).toBeGreaterThanOrEqual(Math.max(tiles[5].bottom, chart.bottom));
    await screenshot(page, 'present-presenter-view');
    await page.keyboard.press('Escape');
    await show.waitFor({ state: 'detached' });

    // Export: a real .pptx with one slide per deck slide and native chart parts.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 PowerPoint' }).click()]);
    expect(download.suggestedFilename()).toBe('社会治理创新案例.pptx');
    // Kept for a look in LibreOffice (soffice --headless --convert-to pdf).
    const file = path.join(tmpdir(), 'sgw-cases-deck.pptx');
    await download.saveAs(file);
    const zip = unzipSync(new Uint8Array(await readFile(file)));
    const names = Object.keys(zip);
    expect(names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))).toHaveLength(3);
    const charts = names.filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n)).map((n) => strFromU8(zip[n]));
    expect(charts).toHaveLength(2);
    // People in persons, shown 340.2万 by the number format (万 by a format, not by scaled numbers).
    expect(charts.some((x) => x.includes('<c:v>3402000</c:v>') && x.includes('<c:formatCode>0\\.0,"万"</c:formatCode>') && x.includes('海淀区'))).toBe(true);
    expect(charts.some((x) => x.includes('<c:v>7905</c:v>') && x.includes('民办非企业单位'))).toBe(true);
    await page.getByText('已导出 社会治理创新案例.pptx').waitFor();
    for (const n of names.filter((x) => x.endsWith('.xml'))) expect(strFromU8(zip[n]), n).not.toMatch(/\d{3}_[0-9a-f]{16}\.txt/);
    expect(names.flatMap((n) => (/^ppt\/slides\/slide\d+\.xml$/.test(n) ? [strFromU8(zip[n])] : [])).join('')).toMatch(/来源：《/);

    // PDF: every slide laid out for print, then the browser's print dialog.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => void (window as unknown as { printed: number }).printed++;
    });
    await page.getByRole('button', { name: '打印或导出 PDF' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await expect(page.locator('.print-deck .print-page').count()).resolves.toBe(3);
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: path.join(tmpdir(), 'sgw-cases-deck.pdf'), preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.locator('.print-deck').waitFor({ state: 'detached' });

    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('clicks through from the province map and the timeline', async () => {
    const { page } = await openApp(browser);
    await page.getByRole('tab', { name: '案例库' }).click();
    await page.getByText('共 82 个案例').waitFor();
    const map = page.getByRole('img', { name: '案例分布（按省份，颜色为主要主题）' });
    await map.locator('canvas').waitFor();
    await screenshot(page, 'cases-overview');
    // 北京 is the tile in column 6 of 9, row 1 of 8.
    const beijing = page.locator('[data-province="北京市"]');
    await hoverUntil(page, map, beijing, steps(6.3 / 9, 6.7 / 9, 4), steps(1.3 / 8, 1.7 / 8, 4));
    // A click on the tile itself filters (the tooltip's button does the same).
    await page.mouse.down();
    await page.mouse.up();
    await expect(page.getByLabel('省份', { exact: true }).inputValue()).resolves.toBe('北京市');
    await expect.poll(() => count(page)).toContain('共 8 个案例');

    await page.getByRole('button', { name: '清除筛选' }).click();
    await page.getByLabel('搜索案例').fill('辽宁民心网');
    await expect.poll(() => count(page)).toContain('共 1 个案例');
    const timeline = page.getByRole('img', { name: '案例时间线（2004—2020）' });
    const minxin = page.locator('[data-case-id="liaoning-minxinwang"]');
    // 2004 is the left end of the axis; 网络治理 the first row.
    await hoverUntil(page, timeline, minxin, steps(0.02, 0.3, 56), steps(0.08, 0.24, 4));
    await minxin.click();
    await page.getByRole('heading', { name: '辽宁民心网（“互联网+纪委”）', level: 2 }).waitFor();
    await page.context().close();
  });

  it('speaks English when switched', async () => {
    const { page } = await openApp(browser, { lang: 'en' });
    await page.getByRole('tab', { name: 'Case library' }).click();
    await page.getByText('82 cases').waitFor();
    await page.getByLabel('Theme', { exact: true }).selectOption('网络治理');
    await page.getByRole('button', { name: '成都市成华区“大联动、微治理”智慧治理' }).click();
    await page.getByRole('button', { name: 'Source of Population' }).waitFor();
    await page.getByRole('img', { name: 'Area' }).locator('canvas').waitFor();
    await screenshot(page, 'cases-english');
    await page.context().close();
  });

  it('reorders slides by drag and keeps the deck across reloads', async () => {
    const { page } = await openApp(browser);
    await page.getByRole('tab', { name: '演示' }).click();
    await page.getByText('演示还没有幻灯片').waitFor();
    await page.getByRole('button', { name: '添加图表页' }).click();
    await page.getByRole('button', { name: '添加文字页' }).click();
    const slides = page.getByRole('list', { name: '幻灯片' }).getByRole('listitem');
    await slides.nth(1).dragTo(slides.nth(0));
    await expect.poll(() => slides.nth(0).getAttribute('aria-label')).toBe('第 1 页：新的文字页');
    await page.reload();
    await page.getByTestId('engine-status').filter({ hasText: '数据库已就绪' }).waitFor();
    await expect(page.getByRole('list', { name: '幻灯片' }).getByRole('listitem').first().getAttribute('aria-label')).resolves.toBe('第 1 页：新的文字页');
    await page.context().close();
  });

  it('explains an unreadable saved deck and keeps it aside', async () => {
    const { page } = await openApp(browser);
    await page.evaluate(() => {
      localStorage.setItem('sgw.deck', '{"version":1,"slides":[{"id":"a","kind":"video"}]}');
      localStorage.setItem('sgw.view', 'present');
    });
    await page.reload();
    await page.getByRole('alert').filter({ hasText: '保存的演示无法读取' }).filter({ hasText: 'sgw.deck.damaged' }).waitFor();
    // Kept aside under the one quarantine suffix, exactly as it was; the deck itself starts blank.
    const kept = JSON.parse((await page.evaluate(() => localStorage.getItem('sgw.deck.damaged')))!) as { raw: string }[];
    expect(kept.map((k) => k.raw)).toEqual(['{"version":1,"slides":[{"id":"a","kind":"video"}]}']);
    await page.getByText('演示还没有幻灯片').waitFor();
    await page.context().close();
  });

  it('puts every chart of a dashboard into the deck as live slides and exports them as native charts', async () => {
    const { page } = await openApp(browser);
    await page.getByRole('tab', { name: '演示' }).click();
    await page.getByRole('combobox', { name: '仪表板' }).selectOption({ label: '上海社会组织' });
    await page.getByRole('button', { name: '添加仪表板全部图表' }).click();
    const slides = page.getByRole('list', { name: '幻灯片' }).getByRole('listitem');
    const n = await slides.count();
    expect(n).toBeGreaterThanOrEqual(4);
    await expect(slides.first().getAttribute('aria-label')).resolves.toBe('第 1 页：注册社会组织构成（2013年末）');
    await page.getByRole('button', { name: '开始演示' }).click();
    const show = page.getByRole('dialog', { name: '社会治理创新案例' });
    await show.locator('canvas').first().waitFor();
    await screenshot(page, 'present-dashboard-slide');
    await page.keyboard.press('Escape');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 PowerPoint' }).click()]);
    const zip = unzipSync(new Uint8Array(await readFile((await download.path())!)));
    const names = Object.keys(zip);
    expect(names.filter((x) => /^ppt\/slides\/slide\d+\.xml$/.test(x))).toHaveLength(n);
    const charts = names.filter((x) => /^ppt\/charts\/chart\d+\.xml$/.test(x)).map((x) => strFromU8(zip[x]));
    expect(charts).toHaveLength(n);
    expect(charts.some((x) => x.includes('<c:v>14.31</c:v>') && x.includes('专职'))).toBe(true);
    await page.context().close();
  });
});
