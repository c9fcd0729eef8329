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

const IMG = '<img src=x onerror=window.__pwned=1>';
const BOLD = '<b>x</b>';
/** Region names, series and a measure name that are markup; 北京 and 上海 so the tile map has places to draw. */
const CSV = [`地区,类型,数量（${BOLD}）,金额`, `${IMG},${BOLD},10,1.5`, `北京,${BOLD},20,2.5`, `上海,${IMG},30,3.5`, `${BOLD},社会团体,40,4.5`, '北京,社会团体,5,6.5'].join('\n');

/**
 * Watches the whole page from now on: every element the data could have created (an img pointing at `x`,
 * a b holding `x`), and every tooltip text that shows the markup as text (proof that a tooltip carried it).
 */
async function watch(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __created: string[]; __shownAsText: number };
    w.__created = [];
    w.__shownAsText = 0;
    const check = (node: Node) => {
      // innerHTML of plain text adds Text nodes: judge them by the element they went into.
      const n = node instanceof Element ? node : node.parentElement;
      if (!n) return;
      for (const el of [n, ...Array.from(n.querySelectorAll('img, b'))]) {
        if ((el.tagName === 'IMG' && /(^|\/)x$/.test(el.getAttribute('src') ?? '')) || (el.tagName === 'B' && el.textContent === 'x')) w.__created.push(el.outerHTML);
      }
      // Counted inside a chart only, outside its screen-reader table: that is the tooltip.
      const inTooltip = n.closest('[data-testid="chart"]') && !n.closest('table');
      if (inTooltip && ((n.textContent ?? '').includes('<img src=x') || (n.textContent ?? '').includes('<b>x</b>'))) w.__shownAsText++;
    };
    new MutationObserver((records) => {
      for (const r of records) {
        r.addedNodes.forEach(check);
        if (r.type === 'characterData' && r.target.parentNode) check(r.target.parentNode);
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
}

/** Sweeps the mouse over the chart so its tooltips open over every part of it. */
async function hoverAll(page: Page, chart: Locator) {
  const box = (await chart.boundingBox())!;
  for (let y = 0.15; y <= 0.9; y += 0.075) for (let x = 0.08; x <= 0.95; x += 0.06) await page.mouse.move(box.x + x * box.width, box.y + y * box.height);
}

describe('data that is markup stays text in every chart and tooltip (web build in Chromium)', () => {
  it('pie, treemap, scatter, heatmap and map over region names, series and a measure named with HTML create no element', async () => {
    const { page, pageErrors } = await openApp(browser);
    await page.getByRole('tab', { name: '导入数据' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '选择文件' }).click();
    await (await chooser).setFiles({ name: 'inject.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    const card = page.getByRole('article', { name: 'inject.csv' });
    await card.getByRole('table', { name: '预览' }).getByRole('cell', { name: IMG }).first().waitFor();
    await card.getByRole('button', { name: '导入' }).click();
    await card.getByRole('status').filter({ hasText: '已导入表 inject（5 行）' }).waitFor();

    await watch(page);
    await page.getByRole('tab', { name: '图表制作' }).click();
    const preview = page.getByRole('region', { name: '图表预览' });
    await page.getByRole('combobox', { name: '数据表' }).locator('option', { hasText: 'inject' }).waitFor({ state: 'attached' });
    await page.getByRole('combobox', { name: '数据表' }).selectOption('inject');
    await page.getByRole('combobox', { name: '度量', exact: true }).selectOption(`数量（${BOLD}）`);
    const dim = page.getByRole('combobox', { name: '维度', exact: true });
    const series = page.getByRole('combobox', { name: '系列', exact: true });
    const kinds: [string, string, string][] = [
      ['pie', '饼图', ''],
      ['treemap', '矩形树图', ''],
      ['scatter', '散点图', ''],
      ['heatmap', '热力图', '类型'],
      ['map', '地图', ''],
    ];
    for (const [kind, button, by] of kinds) {
      await dim.selectOption('地区');
      await series.selectOption(by);
      await page.getByRole('button', { name: button, exact: true }).click();
      if (kind === 'scatter') await page.getByRole('combobox', { name: '第二度量' }).selectOption('金额');
      await expect.poll(() => preview.locator('table[data-kind]').getAttribute('data-kind')).toBe(kind);
      const chart = preview.locator('[data-testid="chart"]').first();
      await chart.locator('canvas').first().waitFor();
      await page.waitForTimeout(500);
      await hoverAll(page, chart);
      await screenshot(page, `injection-${kind}`);
    }
    const result = await page.evaluate(() => {
      const w = window as unknown as { __created: string[]; __shownAsText: number; __pwned?: unknown };
      const inPage = Array.from(document.querySelectorAll('img, b')).filter((el) => (el.tagName === 'IMG' ? /(^|\/)x$/.test(el.getAttribute('src') ?? '') : el.textContent === 'x')).map((el) => el.outerHTML);
      return { created: w.__created, inPage, shownAsText: w.__shownAsText, pwned: typeof w.__pwned };
    });
    // No element came from the data, anywhere in the page, and the tooltips did show it (as text).
    expect(result.created).toEqual([]);
    expect(result.inPage).toEqual([]);
    expect(result.pwned).toBe('undefined');
    expect(result.shownAsText).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
