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

  it('stays clean with content and with a dialog or menu open: a case page and its provenance, saved charts, the export menu', async () => {
    const { page, pageErrors } = await openApp(browser);
    const failures: string[] = [];
    await show(page, 'cases');
    await page.getByRole('button', { name: '海淀区网格化服务管理体系' }).click();
    await page.getByRole('heading', { name: '海淀区网格化服务管理体系', level: 2 }).waitFor();
    await page.getByRole('img', { name: '人口' }).locator('canvas').waitFor();
    failures.push(...(await axeReport(page, 'case page')));
    await page.getByRole('button', { name: '下沉到三级网格的工作力量的出处' }).click();
    await page.getByRole('dialog', { name: '数据出处' }).waitFor();
    failures.push(...(await axeReport(page, 'provenance dialog')));
    await screenshot(page, 'a11y-provenance-dialog');
    await page.keyboard.press('Escape');

    await show(page, 'chart-builder');
    await page.getByRole('textbox', { name: '标题', exact: true }).fill('各省案例');
    await page.getByRole('button', { name: '保存图表' }).click();
    await page.getByRole('status').filter({ hasText: '已保存：各省案例' }).waitFor();
    await page.getByRole('button', { name: '另存为…' }).click();
    failures.push(...(await axeReport(page, 'builder with a saved chart and 另存为 open')));
    await page.getByRole('button', { name: '取消' }).click();
    const preview = page.getByRole('region', { name: '图表预览' });
    await preview.getByRole('button', { name: '导出', exact: true }).click();
    await page.getByRole('menu', { name: '导出选项' }).waitFor();
    failures.push(...(await axeReport(page, 'export menu')));
    await screenshot(page, 'a11y-export-menu');
    expect(failures).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
