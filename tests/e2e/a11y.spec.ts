import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, screenshot } from './browser';
import { axeReport } from './axe';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const SCREENS = ['workbench', 'import', 'cases', 'chart-builder', 'dashboards', 'present'] as const;

async function show(page: Page, id: string) {
  await page.locator(`#tab-${id}`).click();
  await page.locator(`[aria-labelledby="tab-${id}"]`).waitFor();
  // Lazy screens: wait for the screen itself, then for its first chart or list to settle.
  await page.getByText(/正在打开…|Opening…/).waitFor({ state: 'detached' });
  await page.waitForTimeout(800);
}

describe('accessibility: axe-core on every screen (web build in Chromium)', () => {
  for (const lang of ['zh-CN', 'en'] as const) {
    it(`finds no serious or critical violations, and no landmark or heading problems, on every screen in ${lang}`, async () => {
      const { page, pageErrors } = await openApp(browser, { lang });
      const failures: string[] = [];
      for (const id of SCREENS) {
        await show(page, id);
        failures.push(...(await axeReport(page, `${lang} ${id}`)));
      }
      await screenshot(page, `a11y-${lang}-present`);
      expect(failures).toEqual([]);
      expect(pageErrors).toEqual([]);
      await page.context().close();
    });
  }
});
