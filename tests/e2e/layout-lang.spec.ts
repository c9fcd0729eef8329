import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, SCREENS, screenshot, showScreen } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The header's geometry: its height, the title's line count, whether the title is cut and where the English button ends. */
const headerBox = (page: Page) =>
  page.evaluate(() => {
    const header = document.querySelector<HTMLElement>('.app-header')!;
    const h1 = header.querySelector('h1')!;
    const range = document.createRange();
    range.selectNodeContents(h1);
    // Lines of the title: the distinct tops of its text's boxes (a wrapped 工作/台 has two).
    const lines = new Set(Array.from(range.getClientRects()).filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
    const english = Array.from(header.querySelectorAll('button')).find((b) => b.textContent === 'English')!.getBoundingClientRect();
    const tabs = Array.from(header.querySelectorAll('[role="tab"]')).map((b) => b.getBoundingClientRect());
    const button = tabs[0];
    // Every visible piece of the header: none may cover another (an ellipsis is fine).
    const pieces = [h1, ...Array.from(header.querySelectorAll('[role="tab"], button, .project-name, .engine-status'))]
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ el, r }) => r.width > 0 && !el.closest('[role="menu"]'))
      .filter(({ el }, i, all) => !all.some((o, j) => j !== i && o.el !== el && o.el.contains(el)));
    const overlaps: string[] = [];
    for (const a of pieces)
      for (const b of pieces)
        if (a !== b && a.r.left < b.r.left && a.r.right > b.r.left + 0.5 && a.r.top < b.r.bottom && b.r.top < a.r.bottom) overlaps.push(`${(a.el.textContent ?? '').trim().slice(0, 16)} | ${(b.el.textContent ?? '').trim().slice(0, 16)}`);
    return {
      overlaps,
      height: header.getBoundingClientRect().height,
      titleLines: lines,
      // The whole title shows: nothing of it is hidden behind an ellipsis.
      titleCut: h1.scrollWidth > h1.clientWidth,
      titleBottom: h1.getBoundingClientRect().bottom,
      tabsTop: Math.min(...tabs.map((r) => r.top)),
      tabRows: new Set(tabs.map((r) => Math.round(r.top))).size,
      oneRow: button.height,
      englishRight: english.right,
      englishVisible: english.width > 0 && english.left >= 0,
      projectName: header.querySelector('[data-testid="project-name"]')!.getBoundingClientRect().width,
      width: window.innerWidth,
      overflow: document.documentElement.scrollWidth - window.innerWidth,
    };
  });

describe('language and layout (web build in Chromium)', () => {
  it('writes the project message time in the UI language, and switches it with the language', async () => {
    const { page } = await openApp(browser, { viewport: { width: 1024, height: 800 } });
    const download = page.waitForEvent('download');
    await page.keyboard.press('ControlOrMeta+s');
    await download;
    const message = page.locator('.project-message-text');
    await expect.poll(() => message.textContent()).toMatch(/^已保存 \d{2}:\d{2}:\d{2}$/);
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => message.textContent()).toMatch(/^Saved \d{1,2}:\d{2}:\d{2} (AM|PM)$/);
    await page.getByTestId('project-name').filter({ hasText: 'Untitled project' }).waitFor();
    const box = await headerBox(page);
    await screenshot(page, 'header-en-1024-saved');
    expect(box.tabRows).toBe(1);
    expect(box.englishRight).toBeLessThanOrEqual(box.width);
    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => message.textContent()).toMatch(/^已保存 \d{2}:\d{2}:\d{2}$/);
    await page.getByTestId('project-name').filter({ hasText: '未命名项目' }).waitFor();
    await page.context().close();
  });

  for (const lang of ['zh-CN', 'en'] as const) {
    for (const width of [1024, 1440]) {
      it(`shows the whole title at ${width} px in ${lang}, the header in its rows (one in Chinese, tabs under the title in English), the English button on screen`, async () => {
        const { page } = await openApp(browser, { lang, viewport: { width, height: 800 } });
        const box = await headerBox(page);
        await screenshot(page, `header-${lang}-${width}`);
        expect(box.titleLines).toBe(1);
        expect(box.titleCut).toBe(false);
        expect(box.overlaps).toEqual([]);
        expect(box.tabRows).toBe(1);
        // Chinese: one line, no taller than one row of its buttons plus its padding and border. English: the
        // full title does not fit beside the tabs below 1680 px, so the tabs take a second row under it.
        const rows = lang === 'en' ? 2 : 1;
        expect(box.height).toBeLessThanOrEqual(rows * box.oneRow + (rows - 1) * 4 + 16 + 1 + 2);
        if (lang === 'en') expect(box.tabsTop).toBeGreaterThanOrEqual(box.titleBottom - 1);
        expect(box.englishVisible).toBe(true);
        expect(box.englishRight).toBeLessThanOrEqual(box.width);
        expect(box.overflow).toBeLessThanOrEqual(0);
        // 未命名项目 / Untitled project stays readable (at least five characters wide).
        expect(box.projectName).toBeGreaterThan(50);
        await page.getByTestId('project-name').filter({ hasText: lang === 'en' ? 'Untitled project' : '未命名项目' }).waitFor();
        await page.context().close();
      });
    }
  }

  for (const lang of ['zh-CN', 'en'] as const) {
    it(`holds every screen at 1024 px in ${lang}: nothing wider than the window, no control cut off at the right`, async () => {
      const { page } = await openApp(browser, { lang, viewport: { width: 1024, height: 800 } });
      const found: string[] = [];
      for (const id of SCREENS) {
        await showScreen(page, id);
        const problems = await page.evaluate(() => {
          const out: string[] = [];
          const overflow = document.documentElement.scrollWidth - window.innerWidth;
          if (overflow > 0) out.push(`page ${overflow}px wider`);
          // Visible controls that end beyond the window (a scrolling container's own content is fine).
          for (const el of Array.from(document.querySelectorAll<HTMLElement>('button, select, input, [role="tab"]'))) {
            const r = el.getBoundingClientRect();
            if (r.width === 0 || r.height === 0 || el.closest('.cm-editor, [data-virtual], .table-scroll, .pivot-result, .result-grid')) continue;
            if (r.right > window.innerWidth + 1) out.push(`${el.tagName.toLowerCase()} "${(el.textContent || el.getAttribute('aria-label') || '').trim().slice(0, 30)}" ends at ${Math.round(r.right)}`);
          }
          return out;
        });
        found.push(...problems.map((p) => `${id}: ${p}`));
        await screenshot(page, `screen-${lang}-1024-${id}`);
      }
      expect(found).toEqual([]);
      await page.context().close();
    });
  }
});
