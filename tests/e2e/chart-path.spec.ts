import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import type { ChartData } from '../../shared/charts/chart-data';
import { inspectXlsx } from '../fixtures/export/inspect-xlsx';
import { expectKindMarks } from '../fixtures/export/svg-marks';
import { launchBrowser, openApp, runSql, screenshot, SCREENSHOT_DIR } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** What the screen shows, read back from the chart's visually hidden data table (exact numbers in data-value). */
async function screenChart(scope: Locator): Promise<ChartData> {
  const table = scope.locator('table[data-kind]').first();
  await table.waitFor({ state: 'attached' });
  return table.evaluate((t) => {
    const cols = Array.from(t.querySelectorAll('thead th[data-name]'));
    const rows = Array.from(t.querySelectorAll('tbody tr'));
    const key = (th: Element) => th.getAttribute('data-key') ?? '';
    return {
      kind: t.getAttribute('data-kind'),
      title: t.getAttribute('data-title'),
      categoryLabel: t.querySelector('thead th')?.textContent ?? '',
      categories: rows.map((r) => r.querySelector('th')?.textContent ?? ''),
      keys: rows.map((r) => key(r.querySelector('th')!)),
      series: cols.map((c, i) => ({
        name: c.getAttribute('data-name'),
        unit: c.getAttribute('data-unit') || undefined,
        axis: c.getAttribute('data-axis'),
        type: c.getAttribute('data-type'),
        values: rows.map((r) => {
          const v = r.querySelectorAll('td')[i]?.getAttribute('data-value') ?? '';
          return v === '' ? null : Number(v);
        }),
      })),
      source: '',
      stack: 'none',
      annotations: [],
    };
  }) as Promise<ChartData>;
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Uint8Array }> {
  const d = page.waitForEvent('download');
  await click();
  const file = await d;
  return { name: file.suggestedFilename(), bytes: new Uint8Array(await readFile((await file.path())!)) };
}

/** The preview's 导出 menu: its item labels, and a download from one of them. */
async function exportMenu(page: Page, preview: Locator) {
  await preview.getByRole('button', { name: '导出', exact: true }).click();
  const menu = page.getByRole('menu', { name: '导出选项' });
  return { labels: await menu.getByRole('menuitem').allTextContents(), pick: (item: string) => download(page, () => menu.getByRole('menuitem', { name: item, exact: true }).click()) };
}

const PICTURE_KINDS = ['heatmap', 'map', 'treemap', 'multiples'];

/**
 * Near-black pixels between the title and the source line of a 960 × 540 picture: the treemap's tile labels
 * have a dark text border, its tiles (the first palette colours) and white gaps have none.
 */
async function darkPixelsInTiles(page: Page, png: Uint8Array): Promise<number> {
  return page.evaluate(async (bytes) => {
    const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const { data } = ctx.getImageData(20, 60, 920, 440);
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] < 90 && data[i + 1] < 90 && data[i + 2] < 90) dark++;
    return dark;
  }, Array.from(png));
}

describe('one chart path (web build in Chromium)', () => {
  it('exports every chart kind of the builder as the picture the screen shows', async () => {
    const { page, externalRequests, pageErrors } = await openApp(browser);
    await page.getByRole('tab', { name: '图表制作' }).click();
    const preview = page.getByRole('region', { name: '图表预览' });
    await page.getByRole('combobox', { name: '数据表' }).selectOption('cases');
    const dim = page.getByRole('combobox', { name: '维度', exact: true });
    const series = page.getByRole('combobox', { name: '系列', exact: true });
    // Each kind with the fields it is made for.
    const kinds: [string, string, string, string][] = [
      ['column', '柱状图', 'theme', ''],
      ['bar', '条形图', 'theme', ''],
      ['line', '折线图', 'year', ''],
      ['area', '面积图', 'year', ''],
      ['combo', '组合图', 'year', ''],
      ['pie', '饼图', 'theme', ''],
      ['donut', '环形图', 'theme', ''],
      ['treemap', '矩形树图', 'theme', ''],
      ['scatter', '散点图', 'province', ''],
      ['heatmap', '热力图', 'level', 'theme'],
      ['map', '地图', 'province', ''],
      ['multiples', '小多图', 'year', 'theme'],
    ];
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    for (const [kind, button, x, by] of kinds) {
      await dim.selectOption(x);
      await series.selectOption(by);
      await page.getByRole('button', { name: button, exact: true }).click();
      if (kind === 'scatter') await page.getByRole('combobox', { name: '第二度量' }).selectOption('theme');
      await expect.poll(() => preview.locator('table[data-kind]').getAttribute('data-kind')).toBe(kind);
      await preview.locator('[data-testid="chart"] canvas').first().waitFor();
      const shown = await screenChart(preview);
      expect(shown.categories.length, kind).toBeGreaterThan(1);
      const menu = await exportMenu(page, preview);
      // The menu says what the kind becomes in Excel and Word.
      const becomes = kind === 'heatmap' ? ['色阶表格', '着色表格'] : PICTURE_KINDS.includes(kind) ? ['图片 + 数据表', '图片 + 数据表'] : ['可编辑图表', '可编辑图表'];
      expect(menu.labels.slice(0, 2), kind).toEqual([`导出 Excel（${becomes[0]}）`, `导出 Word（${becomes[1]}）`]);
      const svg = await menu.pick('导出 SVG');
      expect(svg.name).toBe(`${shown.title}.svg`);
      expectKindMarks(new TextDecoder().decode(svg.bytes), shown);
      if (PICTURE_KINDS.includes(kind)) {
        const png = await (await exportMenu(page, preview)).pick('导出 PNG（1×）');
        await writeFile(path.join(SCREENSHOT_DIR, `export-${kind}.png`), png.bytes);
        if (kind === 'treemap') expect(await darkPixelsInTiles(page, png.bytes), 'treemap tile labels in the PNG').toBeGreaterThan(200);
      }
    }

    // A map in Excel: its picture beside its numbers, and no chart of any kind.
    await dim.selectOption('province');
    await series.selectOption('');
    await page.getByRole('button', { name: '地图', exact: true }).click();
    await expect.poll(() => preview.locator('table[data-kind]').getAttribute('data-kind')).toBe('map');
    const shown = await screenChart(preview);
    const xlsx = inspectXlsx((await (await exportMenu(page, preview)).pick('导出 Excel（图片 + 数据表）')).bytes);
    expect(xlsx.charts).toEqual([]);
    expect(xlsx.pictures).toHaveLength(1);
    expect(Array.from(xlsx.pictures[0].bytes.slice(1, 4), (c) => String.fromCharCode(c)).join('')).toBe('PNG');
    const ws = xlsx.workbook.Sheets[xlsx.workbook.SheetNames[0]];
    const first = shown.categories.findIndex((c) => c === ws.A4.v);
    expect(first).toBeGreaterThanOrEqual(0);
    expect(ws.B4.v).toBe(shown.series[0].values[first]);
    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('puts the same YoY numbers in the pptx as the slide shows, over years with a gap', async () => {
    const { page, pageErrors } = await openApp(browser);
    await runSql(page, 'CREATE TABLE 同比缺年 AS SELECT * FROM (VALUES (2010, 100.0), (2011, 110.0), (2013, 99.0), (2014, 121.0)) t(年份, 金额)');
    await page.getByTestId('query-status').waitFor();
    await page.getByRole('tab', { name: '图表制作' }).click();
    const preview = page.getByRole('region', { name: '图表预览' });
    await page.getByRole('combobox', { name: '数据表' }).locator('option', { hasText: '同比缺年' }).waitFor({ state: 'attached' });
    await page.getByRole('combobox', { name: '数据表' }).selectOption('同比缺年');
    await page.getByRole('combobox', { name: '维度', exact: true }).selectOption('年份');
    await page.getByRole('button', { name: '折线图', exact: true }).click();
    await page.getByRole('combobox', { name: '度量', exact: true }).selectOption('金额');
    await page.getByRole('combobox', { name: '计算', exact: true }).selectOption('yoy');
    await page.getByRole('textbox', { name: '标题', exact: true }).fill('金额同比（缺 2012 年）');
    await expect.poll(async () => (await screenChart(preview)).title).toBe('金额同比（缺 2012 年）');
    await page.getByRole('button', { name: '保存图表' }).click();
    await page.getByRole('status').filter({ hasText: '已保存：金额同比（缺 2012 年）' }).waitFor();

    await page.getByRole('tab', { name: '演示' }).click();
    await page.getByRole('combobox', { name: '已保存的图表' }).selectOption({ label: '金额同比（缺 2012 年）' });
    await page.getByRole('button', { name: '添加所选图表' }).click();
    await page.getByRole('button', { name: '开始演示' }).click();
    const show = page.getByRole('dialog');
    await show.locator('[data-testid="chart"] canvas').first().waitFor();
    const onSlide = await screenChart(show);
    await screenshot(page, 'present-yoy-gap');
    expect(onSlide.categories).toEqual(['2010', '2011', '2013', '2014']);
    // Growth is only on the year before: 2013 has no 2012, so no number (as the engine's INTEGER years say).
    const [y2010, y2011, y2013, y2014] = onSlide.series[0].values;
    expect([y2010, y2013]).toEqual([null, null]);
    expect(y2011).toBeCloseTo(10, 10);
    expect(y2014).toBeCloseTo((100 * 22) / 99, 10);
    await page.keyboard.press('Escape');

    const pptx = await download(page, () => page.getByRole('button', { name: '导出 PowerPoint' }).click());
    const zip = unzipSync(pptx.bytes);
    const charts = Object.keys(zip).filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n)).map((n) => strFromU8(zip[n]));
    expect(charts).toHaveLength(1);
    expect(charts[0]).toContain('<c:lineChart>');
    const val = /<c:val>([\s\S]*?)<\/c:val>/.exec(charts[0])![1];
    const cached: (number | null)[] = Array.from({ length: Number(/<c:ptCount val="(\d+)"/.exec(val)![1]) }, () => null);
    for (const p of val.matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v>/g)) cached[Number(p[1])] = Number(p[2]);
    // Equal, number for number, to what the slide drew: percent numbers as fractions the format shows as 10.0%.
    expect(cached).toEqual(onSlide.series[0].values.map((v) => (v === null ? null : v / 100)));
    expect(charts[0]).toContain('<c:formatCode>0.0%</c:formatCode>');
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
