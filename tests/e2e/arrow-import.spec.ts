/**
 * An Arrow IPC file through the app's import worker into the browser's engine: its int64 column lands as
 * BIGINT with every digit (beyond 2^53, −2^63, NULL), the preview shows those digits, and the card names the
 * format. The expected texts are the literals written into the file, not read back from the app.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Int32, Int64, Table, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, queryCells, screenshot } from './browser';

const BIG = ['9007199254740993', '-9223372036854775808', '9223372036854775807', null, '-4611686018427387903'];
let browser: Browser;
let dir: string;
const file = () => path.join(dir, '大数.arrow');

beforeAll(async () => {
  browser = await launchBrowser();
  dir = mkdtempSync(path.join(os.tmpdir(), 'sgw-e2e-arrow-'));
  const t = new Table({
    id: vectorFromArray([1, 2, 3, 4, 5], new Int32()),
    大数: vectorFromArray(BIG.map((x) => (x === null ? null : BigInt(x))), new Int64()),
    地区: vectorFromArray(['北京市', '上海市', '𠀀村', '内蒙古自治区', null], new Utf8()),
  });
  writeFileSync(file(), tableToIPC(t, 'file'));
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Arrow IPC import (web build in Chromium)', () => {
  it('keeps a 64-bit integer column as BIGINT, every digit in the preview and in the table', async () => {
    const { page, externalRequests, pageErrors } = await openApp(browser);
    await page.getByRole('tab', { name: '导入数据' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '选择文件' }).click();
    await (await chooser).setFiles(file());
    const card = page.getByRole('article', { name: '大数.arrow' });
    const preview = card.getByRole('table', { name: '预览' });
    for (const digits of BIG.filter((x) => x !== null)) await preview.getByRole('cell', { name: digits, exact: true }).waitFor();
    await card.getByText('格式：Arrow', { exact: true }).waitFor();
    // The type box says what will be imported: 大整数 (BIGINT), not 小数; 整数 for the 32-bit id.
    const typeShown = (n: number) => card.getByRole('combobox', { name: `第 ${n} 列类型` }).evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent);
    expect([await typeShown(1), await typeShown(2), await typeShown(3)]).toEqual(['整数', '大整数', '文本']);
    await card.getByRole('textbox', { name: '表名' }).fill('arrow_big');
    await screenshot(page, 'import-arrow-bigint');
    await card.getByRole('button', { name: '导入' }).click();
    await card.getByRole('status').filter({ hasText: '已导入表 arrow_big' }).waitFor();
    const cells = await queryCells(page, `SELECT typeof(大数) AS t, string_agg(coalesce(大数::VARCHAR, 'NULL'), ',' ORDER BY id) AS v FROM arrow_big GROUP BY 1`);
    expect(cells).toEqual(['BIGINT', BIG.map((x) => x ?? 'NULL').join(',')]);
    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
