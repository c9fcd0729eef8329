/**
 * The workspace store and invalidation in renderer/db, as a user meets them: a project round trip that
 * brings every document back equal and updates the screens in place, filter lists and charts that follow
 * the data after console statements, an import and a project open, and no restore prompt without work.
 */
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { unpackProject } from '../../shared/project/archive';
import type { ProjectManifest } from '../../shared/project/manifest';
import { launchBrowser, openApp, runSql, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const AUTOSAVE_INTERVAL_MS = 4000;
const tab = (page: Page, name: string) => page.getByRole('tab', { name }).click();
const ran = (page: Page) => page.getByTestId('query-status').filter({ hasText: /用时 \d+ 毫秒/ }).waitFor({ timeout: 60_000 });

async function sql(page: Page, text: string) {
  await tab(page, '工作台');
  await runSql(page, text);
  await ran(page);
}

/** Ctrl+S in the browser downloads the project: returns the file and its manifest. */
async function saveProject(page: Page, name: string): Promise<{ file: string; manifest: ProjectManifest }> {
  const download = page.waitForEvent('download');
  await page.keyboard.press('ControlOrMeta+s');
  const file = path.join(tmpdir(), `sgw-e2e-${name}-${Date.now()}.sgwp`);
  await (await download).saveAs(file);
  return { file, manifest: unpackProject(new Uint8Array(await readFile(file))).manifest };
}

async function openProjectFile(page: Page, file: string) {
  await page.getByRole('button', { name: '项目' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('menuitem', { name: /打开项目/ }).click();
  await (await chooser).setFiles(file);
}

const sorted = (xs: string[]) => [...xs].sort();
const filterValues = (page: Page) => page.getByRole('listbox', { name: '筛选值' }).locator('option').allTextContents();
/** The chart's categories as the builder offers them for a note (one per x value drawn). */
const chartCategories = async (page: Page) => (await page.getByRole('combobox', { name: '注释位置' }).locator('option').allTextContents()).filter(Boolean);
const dashboardRegions = (page: Page) => page.getByRole('group', { name: '地区' }).locator('label').allTextContents();
/** When the autosave in IndexedDB was written, or null when there is none. */
/** The dashboard's region list, the builder's filter list and the chart's categories all show `regions`. */
async function expectRegionsEverywhere(page: Page, regions: string[]) {
  await tab(page, '仪表板');
  await page.getByText(/^地区：/).click();
  await expect.poll(async () => sorted(await dashboardRegions(page))).toEqual(sorted(regions));
  await tab(page, '图表制作');
  await page.getByRole('combobox', { name: '筛选列' }).selectOption('地区');
  await expect.poll(async () => sorted(await filterValues(page))).toEqual(sorted(regions));
  await expect.poll(async () => sorted(await chartCategories(page))).toEqual(sorted(regions));
}

async function chooseImportFile(page: Page, name: string) {
  await tab(page, '导入数据');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '选择文件' }).click();
  await (await chooser).setFiles(path.resolve(import.meta.dirname, '../fixtures/import', name));
  const card = page.getByRole('article', { name });
  await card.getByRole('table', { name: '预览' }).getByRole('cell', { name: '11924' }).waitFor();
  return card;
}

const autosavedAt = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<number | null>((resolve) => {
        const req = indexedDB.open('sgw-workbench', 1);
        req.onupgradeneeded = () => req.result.createObjectStore('autosave');
        req.onsuccess = () => {
          const get = req.result.transaction('autosave').objectStore('autosave').get('workspace');
          get.onsuccess = () => resolve((get.result as { savedAt?: number } | undefined)?.savedAt ?? null);
          get.onerror = () => resolve(null);
        };
        req.onerror = () => resolve(null);
      }),
  );

describe('workspace store (web build in Chromium)', () => {
  it('saves every document into the project and opens it in a fresh page equal, updating the screens in place', async () => {
    const { page, pageErrors } = await openApp(browser);
    await sql(page, "CREATE TABLE 社区调查 AS SELECT * FROM (VALUES ('和平里', 120), ('望京', 143)) t(社区, 人数)");
    await page.getByRole('list', { name: '数据表' }).getByText('社区调查', { exact: true }).first().waitFor();
    // A saved chart and a dashboard of one's own with it.
    await tab(page, '图表制作');
    await page.getByRole('combobox', { name: '数据表' }).selectOption('社区调查');
    await page.getByRole('combobox', { name: '维度', exact: true }).selectOption('社区');
    await page.getByRole('textbox', { name: '标题', exact: true }).fill('各社区 "人数"');
    await page.getByRole('button', { name: '保存图表' }).click();
    await page.getByRole('status').filter({ hasText: '已保存：各社区 "人数"' }).waitFor();
    await tab(page, '仪表板');
    await page.getByRole('button', { name: '新建仪表板' }).click();
    await page.getByRole('textbox', { name: '仪表板名称' }).fill('社区看板');
    await page.getByRole('combobox', { name: '要添加的已保存图表' }).selectOption({ label: '各社区 "人数"' });
    await page.getByRole('button', { name: '添加图表' }).click();
    await page.getByRole('article', { name: '各社区 "人数"' }).waitFor();
    // A deck slide, and a SQL draft that was never run.
    await tab(page, '演示');
    await page.getByRole('button', { name: '添加文字页' }).click();
    await page.getByRole('list', { name: '幻灯片' }).getByRole('listitem').first().waitFor();
    await tab(page, '工作台');
    const draft = "SELECT 社区 FROM 社区调查 WHERE 社区 <> 'it''s' -- 草稿";
    await page.getByRole('textbox', { name: 'SQL 编辑器' }).click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('Delete');
    await page.getByRole('textbox', { name: 'SQL 编辑器' }).fill(draft);
    const first = await saveProject(page, 'round-trip');
    expect(first.manifest.sql.draft).toBe(draft);
    expect(first.manifest.sql.history.map((h) => h.sql)).toEqual(["CREATE TABLE 社区调查 AS SELECT * FROM (VALUES ('和平里', 120), ('望京', 143)) t(社区, 人数)"]);
    expect(first.manifest.documents.decks).toMatchObject([{ slides: [{ kind: 'text' }] }]);
    expect(first.manifest.documents.charts).toMatchObject([{ charts: [{ spec: { title: '各社区 "人数"', table: '社区调查' } }] }]);
    expect(first.manifest.documents.dashboards).toMatchObject([{ dashboards: [{ title: '社区看板', cards: [{ spec: { title: '各社区 "人数"' } }] }] }]);
    await page.context().close();

    const fresh = await openApp(browser);
    const p = fresh.page;
    // Elements of the screen shown before the open: they must survive it (no remount) and show the project.
    const panel = await p.locator('#panel-workbench').elementHandle();
    const editor = await p.getByRole('textbox', { name: 'SQL 编辑器' }).elementHandle();
    await openProjectFile(p, first.file);
    await p.getByRole('list', { name: '数据表' }).getByText('社区调查', { exact: true }).first().waitFor();
    await expect.poll(() => editor!.textContent()).toBe(draft);
    await expect(panel!.evaluate((el) => el.isConnected)).resolves.toBe(true);
    await expect(editor!.evaluate((el) => el.isConnected)).resolves.toBe(true);
    await expect(p.getByTestId('project-name').textContent()).resolves.not.toContain('●');
    await p.getByText('查询历史').click();
    await p.getByRole('list', { name: '查询历史' }).getByRole('button', { name: /CREATE TABLE 社区调查/ }).waitFor();
    await screenshot(p, 'workspace-project-opened-in-place');
    // The other screens read the same store.
    await tab(p, '演示');
    await expect.poll(() => p.getByRole('list', { name: '幻灯片' }).getByRole('listitem').count()).toBe(1);
    await tab(p, '仪表板');
    await p.getByRole('combobox', { name: '选择仪表板' }).selectOption({ label: '社区看板' });
    await p.getByRole('article', { name: '各社区 "人数"' }).locator('canvas').first().waitFor();
    // Saved again, the documents are the ones that were opened.
    const second = await saveProject(p, 'round-trip-again');
    expect(second.manifest.sql).toEqual(first.manifest.sql);
    expect(second.manifest.documents).toEqual(first.manifest.documents);
    expect(second.manifest.settings).toEqual(first.manifest.settings);
    expect(second.manifest.tables.map((t) => [t.name, t.rows, t.crc32])).toEqual(first.manifest.tables.map((t) => [t.name, t.rows, t.crc32]));
    expect(pageErrors).toEqual([]);
    expect(fresh.pageErrors).toEqual([]);
    await p.context().close();
  });

  it('keeps filter lists and charts on the current data after console statements, an import and a project open', async () => {
    const { page, externalRequests, pageErrors } = await openApp(browser);
    await sql(page, "CREATE TABLE 街道数据 AS SELECT * FROM (VALUES ('和平里', 120), ('望京', 143), ('大栅栏', 80)) t(地区, 人数)");
    await page.getByRole('list', { name: '数据表' }).getByText('街道数据', { exact: true }).first().waitFor();
    const saved = await saveProject(page, 'three-streets');
    const three = ['和平里', '大栅栏', '望京'];

    await tab(page, '图表制作');
    await page.getByRole('combobox', { name: '数据表' }).selectOption('街道数据');
    await page.getByRole('combobox', { name: '维度', exact: true }).selectOption('地区');
    await page.getByRole('textbox', { name: '标题', exact: true }).fill('各街道');
    await page.getByRole('button', { name: '保存图表' }).click();
    await page.getByRole('combobox', { name: '筛选列' }).selectOption('地区');
    await expect.poll(async () => sorted(await filterValues(page))).toEqual(sorted(three));
    await expect.poll(async () => sorted(await chartCategories(page))).toEqual(sorted(three));
    await tab(page, '仪表板');
    await page.getByRole('button', { name: '新建仪表板' }).click();
    await page.getByRole('combobox', { name: '要添加的已保存图表' }).selectOption({ label: '各街道' });
    await page.getByRole('button', { name: '添加图表' }).click();
    await page.getByText(/^地区：/).click();
    await expect.poll(async () => sorted(await dashboardRegions(page))).toEqual(sorted(three));

    // Console statements: nobody syncs anything, the lists and the chart follow.
    await sql(page, "DELETE FROM 街道数据 WHERE 地区 = '望京'");
    await sql(page, "INSERT INTO 街道数据 VALUES ('亚运村', 60)");
    const now = ['亚运村', '和平里', '大栅栏'];
    await expectRegionsEverywhere(page, now);

    // An import over the same table name.
    const card = await chooseImportFile(page, 'gbk.csv');
    await card.getByRole('textbox', { name: '表名' }).fill('街道数据');
    await card.getByRole('checkbox', { name: '覆盖同名表' }).check();
    // What reads the table being replaced is listed, as 删除此表 lists it.
    const readers = card.getByRole('list', { name: '覆盖“街道数据”后，以下内容将读取新表；新表缺少它们用到的列时将无法显示：' });
    await expect(readers.locator('li').allTextContents()).resolves.toEqual(['已保存的图表“各街道”', '仪表板“我的仪表板 1”中的图表“各街道”', '图表制作中的草稿“各街道”']);
    await screenshot(page, 'import-replace-dependents');
    await card.getByRole('button', { name: '导入' }).click();
    await card.getByRole('status').filter({ hasText: '已导入表 街道数据（4 行）' }).waitFor();
    const imported = ['上海', '北京', '广东', '浙江'];
    await expectRegionsEverywhere(page, imported);

    // A project opened while the builder is on screen: the same list updates in place.
    const list = await page.getByRole('listbox', { name: '筛选值' }).elementHandle();
    await openProjectFile(page, saved.file);
    await page.getByRole('status').filter({ hasText: '已打开项目' }).waitFor();
    await expect.poll(async () => sorted(await filterValues(page))).toEqual(sorted(three));
    await expect(list!.evaluate((el) => el.isConnected)).resolves.toBe(true);
    await expect.poll(async () => sorted(await chartCategories(page))).toEqual(sorted(three));
    await page.waitForTimeout(600); // let the redraw animation finish
    await screenshot(page, 'workspace-filters-after-open');
    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('offers no restore after a session that only previewed an import, and autosaves a change once', async () => {
    const { page } = await openApp(browser);
    await chooseImportFile(page, 'gbk.csv');
    // Two autosave periods pass with the window still open (not closed cleanly, as after a crash).
    await page.waitForTimeout(2 * AUTOSAVE_INTERVAL_MS + 1000);
    await expect(page.getByTestId('project-name').textContent()).resolves.not.toContain('●');
    await expect(autosavedAt(page)).resolves.toBeNull();
    const second = await page.context().newPage();
    await second.goto(page.url());
    await second.getByTestId('engine-status').filter({ hasText: '数据库已就绪' }).waitFor({ timeout: 60_000 });
    await second.waitForTimeout(1500);
    await expect(second.getByRole('dialog', { name: '恢复上次的工作？' }).count()).resolves.toBe(0);
    await second.close();

    // A real change is autosaved, once: taking the snapshot is not itself a change.
    await sql(page, 'CREATE TABLE 小表 AS SELECT 1 AS x');
    await page.getByTestId('project-name').filter({ hasText: '●' }).waitFor();
    await expect.poll(() => autosavedAt(page), { timeout: 3 * AUTOSAVE_INTERVAL_MS }).not.toBeNull();
    // (A tick that fell inside the statement saw it half-way and is followed by one more.)
    await page.waitForTimeout(AUTOSAVE_INTERVAL_MS + 500);
    const at = await autosavedAt(page);
    await page.waitForTimeout(2 * AUTOSAVE_INTERVAL_MS + 500);
    await expect(autosavedAt(page)).resolves.toBe(at);
    await page.context().close();
  });
});
