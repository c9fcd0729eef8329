/**
 * A Parquet file of many row groups through the app's import worker (read one row group at a time in
 * parquet-wasm, each batch its own Arrow stream, handed to the engine one call each) into the browser's
 * engine: every row arrives, in order, with its values, as native DuckDB reads the same file.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, runSql, screenshot } from './browser';

const ROWS = 30_000;
let browser: Browser;
let native: DuckDBConnection;
let dir: string;
const file = () => path.join(dir, 'groups.parquet');

beforeAll(async () => {
  browser = await launchBrowser();
  dir = mkdtempSync(path.join(os.tmpdir(), 'sgw-e2e-parquet-'));
  native = await (await DuckDBInstance.create(':memory:')).connect();
  // 15 row groups; NULLs, Chinese text (long, distinct names: never inlined in the engine's strings), decimals
  // and a BIGINT beyond 2^53.
  await native.run(`COPY (SELECT i AS id, CASE WHEN i % 13 = 0 THEN NULL ELSE (['北京市', '内蒙古自治区', '𠀀合计'])[1 + i % 3] END AS 地区,
      repeat('社区服务中心', 1 + i % 5) || '第' || i || '号' AS 名称,
      (i * 12.34)::DECIMAL(18, 2) AS 金额, 9007199254740993 + i AS 大数 FROM range(${ROWS}) t(i))
    TO '${file()}' (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 2000)`);
});
afterAll(async () => {
  await browser?.close();
  native?.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

/** One text cell: a digest of every row in order, and the counts. */
const DIGEST = (table: string) =>
  `SELECT count(*)::VARCHAR || ' ' || count(地区)::VARCHAR || ' ' || md5(string_agg(concat_ws('|', id, 地区, 名称, 金额, 大数), ',' ORDER BY id)) AS d FROM ${table}`;

async function queryCell(page: Page, sql: string): Promise<string> {
  await page.getByRole('tab', { name: '工作台' }).click();
  await runSql(page, sql);
  await page.getByTestId('query-status').filter({ hasText: /\d+ 行/ }).waitFor();
  return (await page.getByRole('grid', { name: '查询结果' }).getByRole('gridcell').allTextContents())[0];
}

describe('Parquet of many row groups (web build in Chromium)', () => {
  it('imports every row, in order, with the values native DuckDB reads from the same file', async () => {
    const { page, externalRequests, pageErrors } = await openApp(browser);
    await page.getByRole('tab', { name: '导入数据' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '选择文件' }).click();
    await (await chooser).setFiles(file());
    const card = page.getByRole('article', { name: 'groups.parquet' });
    await card.getByRole('table', { name: '预览' }).getByRole('cell', { name: '内蒙古自治区' }).first().waitFor();
    await card.getByRole('textbox', { name: '表名' }).fill('pq_groups');
    await screenshot(page, 'import-parquet-groups');
    await card.getByRole('button', { name: '导入' }).click();
    await card.getByRole('status').filter({ hasText: '已导入表 pq_groups' }).waitFor();
    const [want] = (await native.runAndReadAll(DIGEST(`read_parquet('${file()}')`))).getRows()[0];
    expect(String(want)).toMatch(new RegExp(`^${ROWS} ${ROWS - Math.ceil(ROWS / 13)} [0-9a-f]{32}$`));
    expect(await queryCell(page, DIGEST('pq_groups'))).toBe(String(want));
    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('refuses a file that makes parquet-wasm trap before the deadline, in plain words, and the next file reads', async () => {
    // A real Parquet with one byte changed (found by a fuzz run; its magic bytes intact, so it reaches
    // parquet-wasm): the reader panics (a wasm trap, "unreachable") on it.
    const damaged = path.join(dir, 'damaged.parquet');
    const bytes = readFileSync(path.resolve(__dirname, '../fixtures/import/records-brotli.parquet'));
    bytes[84] = 177;
    writeFileSync(damaged, bytes);
    const { page } = await openApp(browser);
    await page.getByRole('tab', { name: '导入数据' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '选择文件' }).click();
    await (await chooser).setFiles(damaged);
    // Well before the 21 s deadline, whose words (限定时间) are not these.
    await page.getByRole('alert').filter({ hasText: '解析程序出错并已停止' }).waitFor({ timeout: 15_000 });
    const again = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '选择文件' }).click();
    await (await again).setFiles(file());
    await page.getByRole('article', { name: 'groups.parquet' }).getByRole('table', { name: '预览' }).getByRole('cell', { name: '内蒙古自治区' }).first().waitFor();
    await page.context().close();
  });
});
