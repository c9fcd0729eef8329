import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openApp, runSql } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('SQL that needs an engine extension is refused at once in the app too (web build in Chromium)', () => {
  it('time-zone functions: a plain refusal naming them, no request leaves the page, and the console carries on', async () => {
    const { page, externalRequests, pageErrors } = await openApp(browser);
    const alert = page.getByRole('region', { name: 'SQL 查询' }).getByRole('alert');
    for (const sql of ["SELECT date_part('year', now())", "SELECT TIMESTAMP '2020-01-01 08:00' AT TIME ZONE 'Asia/Shanghai'"]) {
      const started = Date.now();
      await runSql(page, sql);
      await alert.filter({ hasText: '离线版不含此功能' }).waitFor({ timeout: 10_000 });
      expect(Date.now() - started).toBeLessThan(10_000);
      await expect(alert.textContent()).resolves.toContain('icu 扩展（时区与排序规则：AT TIME ZONE、timezone()、current_date');
      await expect(alert.textContent()).resolves.not.toMatch(/exception_type|https?:|INSTALL/);
    }
    await runSql(page, 'SELECT year(now()::TIMESTAMP) >= 2024 AS recent');
    await page.getByTestId('query-status').filter({ hasText: '1 行' }).waitFor();
    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
