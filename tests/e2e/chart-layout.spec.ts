/**
 * No chart kind overlaps its own texts: every kind, legend shown and hidden, with and without a subtitle, at
 * the chart sizes the builder and the smallest dashboard card have in a 1024 px and a 1440 px window. The
 * charts are drawn by the app's option builder and ECharts in Chromium (tests/e2e/layout/harness.ts, bundled
 * with esbuild into a blank page), and the boxes ECharts laid out are compared pairwise.
 */
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, screenshot } from './browser';
import type { Box } from './layout/harness';

let browser: Browser;
let bundle: string;
beforeAll(async () => {
  browser = await launchBrowser();
  const out = await build({ entryPoints: [path.resolve(import.meta.dirname, 'layout/harness.ts')], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'chrome120', minify: true, logLevel: 'silent' });
  bundle = out.outputFiles[0].text;
});
afterAll(async () => {
  await browser?.close();
});

const overlap = (a: Box, b: Box, slack = 1) => a.x + slack < b.x + b.width && b.x + slack < a.x + a.width && a.y + slack < b.y + b.height && b.y + slack < a.y + a.height;
const union = (boxes: Box[], role: string): Box | null => {
  if (boxes.length === 0) return null;
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  return { role, x, y, width: Math.max(...boxes.map((b) => b.x + b.width)) - x, height: Math.max(...boxes.map((b) => b.y + b.height)) - y };
};
const name = (b: Box) => `${b.role}${b.text ? `「${b.text.slice(0, 16)}」` : ''}`;

/** Every pair that must not touch: titles, the legend, the colour scale and the source line against everything else; axis texts of different axes. */
export function collisions(boxes: Box[], width: number, height: number): string[] {
  const bad: string[] = [];
  const legend = union(boxes.filter((b) => b.role.startsWith('legend')), 'legend');
  const scale = union(boxes.filter((b) => b.role.startsWith('visualMap')), 'visualMap');
  const rest = boxes.filter((b) => !b.role.startsWith('legend') && !b.role.startsWith('visualMap'));
  const all = [...rest, ...(legend ? [legend] : []), ...(scale ? [scale] : [])];
  const group = (b: Box) => (b.role.startsWith('title#') ? b.role.split(':')[0] : b.role.replace(/:text$/, ''));
  const guarded = all.filter((b) => b.role.startsWith('title#') || b.role === 'legend' || b.role === 'visualMap' || b.role.startsWith('graphic'));
  for (const g of guarded) {
    // A scrolling legend clips its items to the chart; the clipped ones are still in the element tree.
    if (g.role !== 'legend' && (g.x < -1 || g.y < -1 || g.x + g.width > width + 1 || g.y + g.height > height + 1)) bad.push(`${name(g)} leaves the chart`);
    for (const o of all) if (o !== g && group(o) !== group(g) && overlap(g, o) && !bad.includes(`${name(o)} × ${name(g)}`)) bad.push(`${name(g)} × ${name(o)}`);
  }
  const axisTexts = all.filter((b) => /^(xAxis|yAxis):text$/.test(b.role));
  // Title texts among themselves (title over subtitle), one component.
  const titles = all.filter((b) => b.role === 'title#0:text');
  for (let i = 0; i < titles.length; i++) for (let j = i + 1; j < titles.length; j++) if (overlap(titles[i], titles[j])) bad.push(`${name(titles[i])} × ${name(titles[j])}`);
  // Data labels among themselves (tile names, bar values, slice labels).
  const labels = all.filter((b) => b.role === 'series:text');
  for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) if (overlap(labels[i], labels[j], 2)) bad.push(`${name(labels[i])} × ${name(labels[j])}`);
  for (const a of axisTexts) for (const b of axisTexts) if (a !== b && a.role !== b.role && overlap(a, b) && a.role < b.role) bad.push(`${name(a)} × ${name(b)}`);
  return bad;
}

async function chartSizes(width: number): Promise<{ where: string; width: number; height: number }[]> {
  const { page } = await openApp(browser, { viewport: { width, height: 900 } });
  await page.getByRole('tab', { name: '图表制作' }).click();
  const builder = page.getByRole('region', { name: '图表预览' }).getByTestId('chart');
  await builder.waitFor({ timeout: 30_000 });
  const b = (await builder.boundingBox())!;
  await page.getByRole('tab', { name: '仪表板' }).click();
  const cards = page.locator('.dash-grid [data-testid="chart"]');
  await cards.first().waitFor({ timeout: 30_000 });
  const boxes = await Promise.all((await cards.all()).map((c) => c.boundingBox()));
  const smallest = boxes.filter((x): x is NonNullable<typeof x> => x !== null).sort((p, q) => p.width - q.width)[0];
  await page.context().close();
  return [
    { where: `builder@${width}`, width: Math.round(b.width), height: Math.round(b.height) },
    { where: `card@${width}`, width: Math.round(smallest.width), height: Math.round(smallest.height) },
  ];
}

async function harness(): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1500, height: 1000 } })).newPage();
  await page.setContent('<!doctype html><html><body style="margin:0"><div id="stage"></div></body></html>');
  await page.addScriptTag({ content: bundle });
  return page;
}

describe('chart layout: nothing overlaps', () => {
  it('draws every kind at the builder and card sizes of a 1024 px and a 1440 px window without overlaps', async () => {
    const sizes = [...(await chartSizes(1024)), ...(await chartSizes(1440))];
    expect(sizes.every((s) => s.width > 200 && s.height > 150)).toBe(true);
    const page = await harness();
    const names = await page.evaluate(() => (window as unknown as { layoutCases(): { name: string }[] }).layoutCases().map((c) => c.name));
    expect(names.length).toBe(48);
    const problems: string[] = [];
    for (const size of sizes)
      for (const n of names) {
        const boxes = await page.evaluate(([c, w, h]) => (window as unknown as { drawCase(n: string, w: number, h: number): Box[] }).drawCase(c as string, w as number, h as number), [n, size.width, size.height] as const);
        // The chart drew its title, its source line and a plot.
        if (!boxes.some((b) => b.role === 'title#0:text') || !boxes.some((b) => b.role.startsWith('graphic')) || !boxes.some((b) => b.role.startsWith('series'))) problems.push(`${size.where} ${n}: missing parts`);
        for (const c of collisions(boxes, size.width, size.height)) problems.push(`${size.where} ${n}: ${c}`);
        if (['line-legend', 'heatmap-legend-sub', 'column', 'map-legend', 'multiples-legend-sub', 'bar-sub', 'pie-legend'].includes(n) && size.where.startsWith('builder')) {
          await page.setViewportSize({ width: size.width, height: size.height });
          await screenshot(page, `layout-${size.where}-${n}`);
        }
      }
    if (process.env.LAYOUT_DUMP) (await import('node:fs')).writeFileSync(process.env.LAYOUT_DUMP, JSON.stringify({ sizes, problems }, null, 1));
    expect(problems).toEqual([]);
  });

  it('catches an overlap when there is one (the checker bites)', () => {
    const title: Box = { role: 'title#0:text', text: 'T', x: 8, y: 4, width: 300, height: 20 };
    const unit: Box = { role: 'yAxis:text', text: '万人', x: 10, y: 10, width: 30, height: 14 };
    expect(collisions([title, unit], 600, 400)).toEqual(['title#0:text「T」 × yAxis:text「万人」']);
    expect(collisions([title, { ...unit, y: 40 }], 600, 400)).toEqual([]);
  });
});
