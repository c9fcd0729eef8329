import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, queryCells, screenshot } from './browser';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function chooseFile(page: Page, name: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '选择文件' }).click();
  await (await chooser).setFiles(path.join(FIXTURES, name));
}

/** Drops a fixture onto a target as the OS would: a DataTransfer holding a File (named `name`, read from `from`). */
async function dropFile(page: Page, name: string, selector: string, from = path.join(FIXTURES, name)) {
  const base64 = (await readFile(from)).toString('base64');
  await page.evaluate(
    ({ base64, name, selector }) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const dt = new DataTransfer();
      dt.items.add(new File([bytes], name));
      const target = document.querySelector(selector)!;
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { base64, name, selector },
  );
}

describe('import (web build in Chromium)', () => {
  it('previews a GBK CSV, imports it under a chosen name and queries it', async () => {
    const { page, externalRequests, pageErrors } = await openApp(browser);
    await page.getByRole('tab', { name: '导入数据' }).click();
    await chooseFile(page, 'gbk.csv');
    const card = page.getByRole('article', { name: 'gbk.csv' });
    await card.getByTestId('import-detected').filter({ hasText: 'GB18030' }).waitFor();
    await expect(card.getByRole('combobox', { name: '编码' }).inputValue()).resolves.toBe('');
    await expect(card.getByRole('textbox', { name: '第 1 列列名' }).inputValue()).resolves.toBe('地区');
    await expect(card.getByRole('combobox', { name: '第 3 列类型' }).inputValue()).resolves.toBe('integer');
    // The user changes 社会组织数 to 大整数: it lands as BIGINT.
    await card.getByRole('combobox', { name: '第 3 列类型' }).selectOption({ label: '大整数' });
    await expect(card.getByRole('spinbutton', { name: '表头行', exact: true }).inputValue()).resolves.toBe('1');
    const preview = card.getByRole('table', { name: '预览' });
    await preview.getByRole('cell', { name: '11924' }).waitFor();
    await card.getByRole('textbox', { name: '表名' }).fill('gbk_orgs');
    await screenshot(page, 'import-gbk-preview');
    await card.getByRole('button', { name: '导入' }).click();
    await card.getByRole('status').filter({ hasText: '已导入表 gbk_orgs（4 行）' }).waitFor();
    const cells = await queryCells(page, 'SELECT 地区, 社会组织数, 增长率 FROM gbk_orgs ORDER BY 社会组织数 DESC NULLS LAST');
    expect(cells.slice(0, 3)).toEqual(['广东', '15332', '6.1']);
    expect(await queryCells(page, 'SELECT DISTINCT typeof(社会组织数) FROM gbk_orgs')).toEqual(['BIGINT']);
    await page.getByRole('list', { name: '数据表' }).getByText('gbk_orgs', { exact: true }).waitFor();
    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('imports a 2 MB CSV through the engine (planned in the worker, read_csv in the database) with every row', async () => {
    const { page, pageErrors } = await openApp(browser);
    // Records what the import worker answers (it starts on first use), to see which way the table went.
    await page.evaluate(() => {
      const replies: string[] = [];
      (window as unknown as { importReplies: string[] }).importReplies = replies;
      const Base = window.Worker;
      window.Worker = class extends Base {
        constructor(url: string | URL, options?: WorkerOptions) {
          super(url, options);
          this.addEventListener('message', (ev: MessageEvent<{ type?: string }>) => void (ev.data?.type && ev.data.type !== 'progress' && replies.push(ev.data.type)));
        }
      };
      // And the size of every Blob the page reads: the picked File goes to the workers as a handle, so the
      // page reads only its head (the format), never the whole file nor the engine's pieces.
      const reads: number[] = [];
      (window as unknown as { pageReads: number[] }).pageReads = reads;
      const read = Blob.prototype.arrayBuffer;
      Blob.prototype.arrayBuffer = function (this: Blob) {
        reads.push(this.size);
        return read.call(this);
      };
    });
    await page.getByRole('tab', { name: '导入数据' }).click();
    const regions = ['北京市', '上海市', '广东省', '四川省'];
    const rows = Array.from({ length: 40_000 }, (_, i) => `${regions[i % 4]},${2004 + (i % 20)},${regions[i % 4].slice(0, 2)}第${i}社区服务中心,${i % 7 ? (i * 37) % 10_000 : '—'}`);
    const text = `地区,年份,机构名称,数值\n${rows.join('\n')}\n合计,2024,全部,1\n`;
    expect(text.length * 2).toBeGreaterThan(1024 * 1024);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '选择文件' }).click();
    await (await chooser).setFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    const card = page.getByRole('article', { name: 'big.csv' });
    await card.getByRole('table', { name: '预览' }).getByRole('cell', { name: '北京第0社区服务中心' }).waitFor();
    await expect(card.getByRole('combobox', { name: '第 4 列类型' }).inputValue()).resolves.toBe('integer');
    await card.getByRole('textbox', { name: '表名' }).fill('big_orgs');
    await screenshot(page, 'import-big-csv-preview');
    // Proven, the file is read into the engine before 导入 (renderer/features/import/prestage.ts): its plan
    // is asked for once, now, and 导入 asks the worker nothing more.
    await page.waitForFunction(() => (window as unknown as { importReplies: string[] }).importReplies.includes('planned'));
    await card.getByRole('button', { name: '导入' }).click();
    await card.getByRole('status').filter({ hasText: '已导入表 big_orgs（40,001 行）' }).waitFor();
    const expected = rows.reduce((sum, _, i) => sum + (i % 7 ? (i * 37) % 10_000 : 0), 1);
    const cells = await queryCells(page, "SELECT count(*)::INTEGER, count(数值)::INTEGER, sum(数值)::BIGINT, count(*) FILTER (WHERE 地区 = '合计')::INTEGER FROM big_orgs");
    // Previewed from the sample first, then proven; planned and committed by the engine: no Arrow was built
    // (a refused plan would show a 'built' reply).
    const replies = await page.evaluate(() => (window as unknown as { importReplies: string[] }).importReplies);
    expect(replies.filter((r) => r !== 'analyzed')).toEqual(['sampled', 'planned']);
    expect(replies.indexOf('sampled')).toBeLessThan(replies.indexOf('analyzed'));
    const pageReads = await page.evaluate(() => (window as unknown as { pageReads: number[] }).pageReads);
    // The page reads the file's head only (its format); the engine's thread reads its pieces itself (Db.registerSlice).
    expect(pageReads).toEqual([64 * 1024]);
    expect(cells.slice(0, 4)).toEqual(['40001', String(40_001 - Math.ceil(40_000 / 7)), String(expected), '1']);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('a big CSV rewritten on disk after it was chosen: the card says the file can no longer be read, and the workspace is as it was', async () => {
    const { page, pageErrors } = await openApp(browser);
    const tablesBefore = await queryCells(page, "SELECT string_agg(schema_name || '.' || table_name, ' ' ORDER BY 1) FROM duckdb_tables() WHERE NOT internal AND schema_name = 'main'");
    await page.getByRole('tab', { name: '导入数据' }).click();
    const rows = Array.from({ length: 60_000 }, (_, i) => `${['北京市', '上海市'][i % 2]},${2004 + (i % 20)},第${i}社区服务中心,${i}`);
    const dir = await mkdtemp(path.join(tmpdir(), 'sgw-gone-'));
    const file = path.join(dir, 'rewritten.csv');
    await writeFile(file, `地区,年份,机构名称,数值\n${rows.join('\n')}\n`);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '选择文件' }).click();
    await (await chooser).setFiles(file);
    const card = page.getByRole('article', { name: 'rewritten.csv' });
    await card.getByRole('button', { name: '导入' }).and(page.locator(':enabled')).waitFor();
    // Rewritten (shorter) once the preview is proven: the File the page holds no longer matches the disk. The
    // engine may have read it ahead of 导入 already (prestage.ts); a change of settings reads it again.
    await writeFile(file, '地区,年份\n北京市,2004\n');
    await card.getByRole('combobox', { name: '编码' }).selectOption('gb18030');
    await card.getByText('文件已无法读取').waitFor();
    await expect(card.getByRole('button', { name: '导入' }).isDisabled()).resolves.toBe(true);
    await screenshot(page, 'import-file-rewritten');
    // Nothing was created: the same user tables (the app's own sgw_meta.provenance may appear: bookkeeping
    // made before the first import), none under its name and no staging table left behind.
    expect(await queryCells(page, "SELECT string_agg(schema_name || '.' || table_name, ' ' ORDER BY 1) FROM duckdb_tables() WHERE NOT internal AND schema_name = 'main'")).toEqual(tablesBefore);
    expect(await queryCells(page, "SELECT count(*)::INTEGER FROM duckdb_tables() WHERE table_name LIKE '%rewritten%' OR table_name LIKE '__sgw_import%'")).toEqual(['0']);
    expect(pageErrors).toEqual([]);
    await rm(dir, { recursive: true, force: true });
    await page.context().close();
  });

  it('imports zstd- and gzip-compressed Parquet in the worker (decompressors bundled, CSP-safe)', async () => {
    const { page, externalRequests, pageErrors } = await openApp(browser);
    await page.getByRole('tab', { name: '导入数据' }).click();
    for (const codec of ['zstd', 'gzip']) {
      await chooseFile(page, `records-${codec}.parquet`);
      const card = page.getByRole('article', { name: `records-${codec}.parquet` });
      await card.getByRole('table', { name: '预览' }).getByRole('cell', { name: '11924.5' }).waitFor();
      await card.getByRole('textbox', { name: '表名' }).fill(`pq_${codec}`);
      await card.getByRole('button', { name: '导入' }).click();
      await card.getByRole('status').filter({ hasText: `已导入表 pq_${codec}（3 行）` }).waitFor();
    }
    const cells = await queryCells(page, 'SELECT sum(数量) FROM (SELECT 数量 FROM pq_zstd UNION ALL SELECT 数量 FROM pq_gzip)');
    expect(cells[0]).toMatch(/^54,?513$/);
    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('takes a yearbook workbook dropped on the window: sheets, merged headers, units, notes; unpivots years', async () => {
    const { page, pageErrors } = await openApp(browser);
    await dropFile(page, 'yearbook.xlsx', 'body');
    // The drop switches to the import screen.
    const card = page.getByRole('article', { name: 'yearbook.xlsx' });
    await card.getByRole('group', { name: '工作表列表' }).waitFor();
    await expect(card.getByRole('checkbox', { name: '社会组织' }).isChecked()).resolves.toBe(true);
    await expect(card.getByRole('checkbox', { name: '空表（空）' }).isDisabled()).resolves.toBe(true);
    await expect(card.getByRole('textbox', { name: '第 2 列列名' }).inputValue()).resolves.toBe('社会组织_合计');
    await expect(card.getByRole('spinbutton', { name: '表头行', exact: true }).inputValue()).resolves.toBe('3');
    await card.getByText('单位：万人').waitFor();
    await card.getByText('注：本表数据不含港澳台地区。', { exact: false }).waitFor();
    await screenshot(page, 'import-yearbook-preview');
    await card.getByRole('button', { name: '导入' }).click();
    await card.getByRole('status').filter({ hasText: '已导入表 yearbook_社会组织（4 行）' }).waitFor();

    // The second sheet in long format.
    await page.getByRole('tab', { name: '导入数据' }).click();
    await card.getByRole('checkbox', { name: '按年份' }).check();
    await card.getByRole('checkbox', { name: '社会组织' }).uncheck();
    await card.getByRole('checkbox', { name: /年份列转为长表/ }).check();
    await expect.poll(() => card.getByRole('textbox', { name: '第 2 列列名' }).inputValue()).toBe('年份');
    await card.getByRole('button', { name: '导入' }).click();
    await card.getByRole('status').filter({ hasText: '已导入表 yearbook_按年份（10 行）' }).waitFor();

    const cells = await queryCells(page, "SELECT 地区, 社会组织_基金会, 从业人员 FROM yearbook_社会组织 WHERE 地区 = '上海'");
    expect(cells).toEqual(['上海', '300', '15.6']);
    const long = await queryCells(page, "SELECT 年份, 数值 FROM yearbook_按年份 WHERE 类型 = '基金会' ORDER BY 年份 DESC LIMIT 1");
    expect(long).toEqual(['2014', '4117']);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('explains a bad file, re-decodes on an encoding override and refuses a taken table name', async () => {
    const { page } = await openApp(browser);
    await page.getByRole('tab', { name: '导入数据' }).click();
    await chooseFile(page, 'garbage.csv');
    // Refused by its content before a card is made: one plain line, nothing to import.
    await page.getByRole('alert').filter({ hasText: 'garbage.csv：这不是文本表格文件' }).waitFor();
    await expect(page.getByRole('article', { name: 'garbage.csv' }).count()).resolves.toBe(0);

    await chooseFile(page, 'big5.csv');
    const card = page.getByRole('article', { name: 'big5.csv' });
    await card.getByRole('table', { name: '预览' }).waitFor();
    await card.getByRole('combobox', { name: '编码' }).selectOption('big5');
    await card.getByRole('table', { name: '预览' }).getByRole('cell', { name: '臺北市' }).waitFor();
    await card.getByRole('textbox', { name: '表名' }).fill('sh_social_org');
    await card.getByRole('button', { name: '导入' }).click();
    await card.getByRole('alert').filter({ hasText: '已有名为“sh_social_org”的表' }).waitFor();
    await screenshot(page, 'import-errors');
    await page.context().close();
  });

  it('names what a renamed file really is: a SYLK sheet saved as .csv is read as SYLK and the card says so', async () => {
    const { page, pageErrors } = await openApp(browser);
    await page.getByRole('tab', { name: '导入数据' }).click();
    await dropFile(page, '导出数据.csv', 'body', path.resolve(FIXTURES, '../formats/sheet.slk'));
    const card = page.getByRole('article', { name: '导出数据.csv' });
    await card.getByTestId('import-detected-format').filter({ hasText: '检测为：SYLK 电子表格（扩展名 .csv）' }).waitFor();
    await card.getByRole('list', { name: '识别结果' }).getByText('文件内容检测为：SYLK 电子表格', { exact: true }).waitFor();
    // The format line names what was read, not the reader's family (it said 格式：XLSX for every sheet format).
    await card.getByText('格式：SYLK', { exact: true }).waitFor();
    await expect(card.getByRole('textbox', { name: '第 2 列列名' }).inputValue()).resolves.toBe('äøéöwithCol');
    await card.getByRole('table', { name: '预览' }).getByRole('cell', { name: 'Straße' }).waitFor();
    await screenshot(page, 'import-renamed-sylk');
    // A file that is what its name says gets no such line, only the detail.
    await chooseFile(page, 'gbk.csv');
    const plain = page.getByRole('article', { name: 'gbk.csv' });
    await plain.getByRole('list', { name: '识别结果' }).getByText('文件内容检测为：分隔符文本（CSV/TSV）', { exact: true }).waitFor();
    await plain.getByText('格式：CSV', { exact: true }).waitFor();
    await expect(plain.getByTestId('import-detected-format').count()).resolves.toBe(0);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
