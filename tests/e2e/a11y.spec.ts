import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openApp, SCREENS, screenshot, showScreen } from './browser';
import { axeReport } from './axe';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('accessibility: axe-core on every screen (web build in Chromium)', () => {
  for (const lang of ['zh-CN', 'en'] as const) {
    it(`finds no serious or critical violations, and no landmark, heading or empty-table-header problems, on every screen in ${lang}`, async () => {
      const { page, pageErrors } = await openApp(browser, { lang });
      const failures: string[] = [];
      for (const id of SCREENS) {
        await showScreen(page, id);
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
    await showScreen(page, 'cases');
    await page.getByRole('button', { name: '海淀区网格化服务管理体系' }).click();
    await page.getByRole('heading', { name: '海淀区网格化服务管理体系', level: 2 }).waitFor();
    await page.getByRole('img', { name: '人口' }).locator('canvas').waitFor();
    failures.push(...(await axeReport(page, 'case page')));
    await page.getByRole('button', { name: '下沉到三级网格的工作力量的出处' }).click();
    await page.getByRole('dialog', { name: '数据出处' }).waitFor();
    failures.push(...(await axeReport(page, 'provenance dialog')));
    await screenshot(page, 'a11y-provenance-dialog');
    await page.keyboard.press('Escape');

    await showScreen(page, 'chart-builder');
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
