import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { strFromU8, unzipSync } from 'fflate';
import { Float16, Table, tableFromArrays, tableToIPC, vectorFromArray } from 'apache-arrow';
import { unpackProject } from '../../shared/project/archive';
import { packedFile } from '../fixtures/projects/project-support';
import { CURRENT_VERSION, PROJECT_FORMAT, type ProjectManifest } from '../../shared/project/manifest';
import { axeReport } from './axe';
import { launchBrowser, openApp, runSql, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function createSurveyTable(page: Page) {
  await runSql(page, "CREATE TABLE 社区调查 AS SELECT * FROM (VALUES ('和平里', 120), ('望京', 143)) t(社区, 人数)");
  await page.getByRole('list', { name: '数据表' }).getByText('社区调查', { exact: true }).first().waitFor();
  await runSql(page, 'SELECT sum(人数) AS 合计 FROM 社区调查');
  await page.getByTestId('query-status').filter({ hasText: '1 行' }).waitFor();
}

async function openProjectFile(page: Page, file: string) {
  await page.getByRole('button', { name: '项目' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('menuitem', { name: /打开项目/ }).click();
  await (await chooser).setFiles(file);
}

describe('projects in the browser', () => {
  it('saves with Ctrl+S and reopens elsewhere with the same tables and history', async () => {
    const { page } = await openApp(browser);
    await createSurveyTable(page);
    // A presentation slide is part of the project too.
    await page.getByRole('tab', { name: '演示' }).click();
    await page.getByRole('button', { name: '添加文字页' }).click();
    await page.getByRole('list', { name: '幻灯片' }).getByRole('listitem').first().waitFor();
    await page.getByRole('tab', { name: '工作台' }).click();
    const download = page.waitForEvent('download');
    await page.keyboard.press('ControlOrMeta+s');
    const file = path.join(tmpdir(), `sgw-e2e-${Date.now()}.sgwp`);
    const d = await download;
    expect(d.suggestedFilename()).toMatch(/\.sgwp$/);
    await d.saveAs(file);
    const { manifest } = unpackProject(new Uint8Array(await readFile(file)));
    expect(manifest.tables.map((t) => [t.name, t.rows])).toEqual([['社区调查', 2]]);
    expect(manifest.documents.decks).toHaveLength(1);
    await page.context().close();

    const fresh = await openApp(browser);
    await openProjectFile(fresh.page, file);
    await fresh.page.getByRole('list', { name: '数据表' }).getByText('社区调查', { exact: true }).first().waitFor();
    await fresh.page.getByText('查询历史').click();
    await fresh.page.getByRole('list', { name: '查询历史' }).getByRole('button', { name: 'SELECT sum(人数) AS 合计 FROM 社区调查' }).waitFor();
    await runSql(fresh.page, 'SELECT 社区 FROM 社区调查 ORDER BY 人数 DESC');
    await fresh.page.getByRole('grid', { name: '查询结果' }).getByRole('gridcell', { name: '望京' }).waitFor();
    await screenshot(fresh.page, 'project-reopened');
    await fresh.page.getByRole('tab', { name: '演示' }).click();
    await expect.poll(() => fresh.page.getByRole('list', { name: '幻灯片' }).getByRole('listitem').count()).toBe(1);
    await fresh.page.context().close();
  });

  it('refuses a damaged project with a clear message and changes nothing', async () => {
    const { page } = await openApp(browser);
    await createSurveyTable(page);
    const bad = path.join(tmpdir(), `sgw-e2e-bad-${Date.now()}.sgwp`);
    await writeFile(bad, 'PK\u0003\u0004 this is not really a zip');
    await openProjectFile(page, bad);
    const alert = page.getByRole('alert').filter({ hasText: '无法打开项目' });
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('当前工作区未作任何改动');
    await runSql(page, 'SELECT count(*) AS n FROM 社区调查');
    await page.getByTestId('query-status').filter({ hasText: '1 行' }).waitFor();
    await screenshot(page, 'project-open-failed');
    await page.context().close();
  });

  it('refuses a sealed project the engine cannot load half-way, and a file with one flipped bit; the workspace stays as it was', async () => {
    const { page } = await openApp(browser);
    await createSurveyTable(page);
    const manifest: ProjectManifest = {
      format: PROJECT_FORMAT,
      version: CURRENT_VERSION,
      app: { name: 'sgw', version: 'e2e' },
      savedAt: new Date(0).toISOString(),
      tables: [
        { name: '甲表', file: 'tables/t0.arrow', rows: 2 },
        { name: '半精度', file: 'tables/t1.arrow', rows: 2 },
      ],
      sql: { draft: '', history: [], snippets: [] },
      documents: { charts: [], dashboards: [], decks: [], calcFields: [], joins: [], pivots: [] },
      settings: { lang: 'zh-CN' },
    };
    const tables = new Map([
      ['tables/t0.arrow', tableToIPC(tableFromArrays({ 名称: ['一', '二'] }), 'stream')],
      // Valid Arrow that duckdb-wasm refuses: the failure comes from the browser's engine after 甲表 is in.
      ['tables/t1.arrow', tableToIPC(new Table({ 比例: vectorFromArray([0.5, 1], new Float16()) }), 'stream')],
    ]);
    const halfway = path.join(tmpdir(), `sgw-e2e-halfway-${Date.now()}.sgwp`);
    await writeFile(halfway, packedFile(manifest, tables));
    await openProjectFile(page, halfway);
    const alert = page.getByRole('alert').filter({ hasText: '无法打开项目' });
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/数据库无法载入数据表“半精度”.*当前工作区未作任何改动/);
    await screenshot(page, 'project-open-rolled-back');
    await runSql(page, "SELECT '表数-' || count(*)::VARCHAR AS n FROM duckdb_tables() WHERE table_name IN ('甲表', '半精度') OR table_name LIKE '%sgw%'");
    await page.getByRole('grid', { name: '查询结果' }).getByRole('gridcell', { name: '表数-0' }).waitFor();
    await runSql(page, "SELECT '行数-' || count(*)::VARCHAR AS n FROM 社区调查");
    await page.getByRole('grid', { name: '查询结果' }).getByRole('gridcell', { name: '行数-2' }).waitFor();

    // One bit of the seal flipped (stored uncompressed, so its hex digits are in the file as text).
    const sealed = packedFile({ ...manifest, tables: [manifest.tables[0]] }, new Map([...tables].slice(0, 1)));
    const seal = strFromU8(unzipSync(sealed)['manifest.sha256']);
    const at = new TextDecoder('latin1').decode(sealed).indexOf(seal);
    expect(at).toBeGreaterThan(0);
    sealed[at + 10] ^= 0x01;
    const flipped = path.join(tmpdir(), `sgw-e2e-flipped-${Date.now()}.sgwp`);
    await writeFile(flipped, sealed);
    await openProjectFile(page, flipped);
    await page.getByRole('alert').filter({ hasText: '校验和不符' }).waitFor();
    await screenshot(page, 'project-open-checksum');
    await page.context().close();
  });

  it('autosaves; a reload restores the work, and a session that never closed is offered for restore', async () => {
    const { page } = await openApp(browser);
    await createSurveyTable(page);
    await page.getByTestId('project-name').filter({ hasText: '●' }).waitFor({ timeout: 20_000 });
    // Give the autosave time to write the snapshot (it runs every few seconds after a change). A clean record
    // (dirty: false) can already be there from start-up: wait for the one that holds the unsaved work.
    // (page.evaluate awaits the promise; waitForFunction would take the pending promise itself as truthy.)
    const autosaveDirty = () =>
      page.evaluate(
        () =>
          new Promise<boolean>((resolve) => {
            const req = indexedDB.open('sgw-workbench', 1);
            req.onsuccess = () => {
              const db = req.result;
              const done = (v: boolean) => {
                db.close();
                resolve(v);
              };
              const get = db.transaction('autosave').objectStore('autosave').get('workspace');
              get.onsuccess = () => done((get.result as { dirty?: boolean } | undefined)?.dirty === true);
              get.onerror = () => done(false);
            };
            req.onerror = () => resolve(false);
          }),
      );
    await expect.poll(autosaveDirty, { timeout: 20_000, interval: 500 }).toBe(true);
    // A second window while the first is still open sees an autosave that was not closed cleanly.
    const second = await page.context().newPage();
    await second.goto(page.url());
    const prompt = second.getByRole('dialog', { name: '恢复上次的工作？' });
    await prompt.waitFor({ timeout: 30_000 });
    await screenshot(second, 'project-restore-prompt');
    // The time of the work in the UI's format (2026/12/01 08:57), and the dialog clean for axe.
    await expect(prompt.textContent()).resolves.toMatch(/（\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}）/);
    await expect(axeReport(second, 'restore prompt')).resolves.toEqual([]);
    await prompt.getByRole('button', { name: '恢复' }).click();
    await second.getByRole('list', { name: '数据表' }).getByText('社区调查', { exact: true }).first().waitFor();
    await second.close();
    // A clean reload restores silently.
    await page.reload();
    await page.getByRole('list', { name: '数据表' }).getByText('社区调查', { exact: true }).first().waitFor({ timeout: 30_000 });
    await page.context().close();
  });
});
