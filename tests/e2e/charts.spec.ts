import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { launchBrowser, openApp, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const canvasIn = (scope: Locator) => scope.locator('[data-testid="chart"] canvas').first().waitFor({ timeout: 30_000 });

async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name }).click();
}

describe('chart builder and dashboards (web build in Chromium)', () => {
  it('builds a chart by clicking through the builder, shows its SQL, saves it and opens it in the console', async () => {
    const { page, externalRequests, pageErrors } = await openApp(browser);
    await openTab(page, '图表制作');
    const preview = page.getByRole('region', { name: '图表预览' });
    await page.getByRole('combobox', { name: '数据表' }).selectOption('cases');
    await page.getByRole('combobox', { name: '维度', exact: true }).selectOption('theme');
    await page.getByRole('button', { name: '条形图' }).click();
    await expect(page.getByRole('button', { name: '条形图' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await canvasIn(preview);
    await expect(page.getByTestId('builder-sql').textContent()).resolves.toContain('GROUP BY "theme"');

    // A series, a filter and top-N all land in the generated SQL.
    await page.getByRole('combobox', { name: '维度', exact: true }).selectOption('province');
    await page.getByRole('combobox', { name: '系列', exact: true }).selectOption('theme');
    await page.getByRole('combobox', { name: '筛选列' }).selectOption('level');
    await page.getByRole('listbox', { name: '筛选值' }).getByRole('option', { name: '区县级' }).waitFor();
    await page.getByRole('listbox', { name: '筛选值' }).selectOption(['区县级', '地市级']);
    await page.getByRole('button', { name: '添加筛选' }).click();
    await page.getByRole('spinbutton', { name: '前N项' }).fill('6');
    await page.getByRole('button', { name: '柱状图' }).click();
    await page.getByRole('combobox', { name: '堆叠方式' }).selectOption('stacked');
    const sql = page.getByTestId('builder-sql');
    await expect.poll(() => sql.textContent()).toContain(`"level" IN ('区县级', '地市级')`);
    await expect(sql.textContent()).resolves.toContain('LIMIT 6');
    await page.getByRole('textbox', { name: '标题', exact: true }).fill('区县级与地市级案例：前 6 个省份');
    await page.getByRole('textbox', { name: '副标题' }).fill('按主题堆叠');
    await canvasIn(preview);
    await page.getByRole('img', { name: '区县级与地市级案例：前 6 个省份' }).waitFor();
    await page.waitForTimeout(600); // let the update animation finish before the screenshot
    await screenshot(page, 'chart-builder-stacked');

    await page.getByRole('button', { name: '保存图表' }).click();
    await page.getByRole('status').filter({ hasText: '已保存：区县级与地市级案例：前 6 个省份' }).waitFor();
    await page.getByRole('region', { name: '已保存的图表' }).getByRole('button', { name: '打开 区县级与地市级案例：前 6 个省份' }).waitFor();

    // The tile map of provinces, without the series.
    await page.getByRole('combobox', { name: '系列', exact: true }).selectOption('');
    await page.getByRole('button', { name: '删除筛选 层级' }).click();
    await page.getByRole('spinbutton', { name: '前N项' }).fill('');
    await page.getByRole('button', { name: '地图' }).click();
    await page.getByRole('textbox', { name: '标题', exact: true }).fill('各省份案例数');
    await canvasIn(preview);
    await page.getByRole('img', { name: '各省份案例数' }).waitFor();
    await page.waitForTimeout(600);
    await screenshot(page, 'chart-builder-map');

    // A user-registered GeoJSON basemap instead of the tile grid (the fixture's shapes are schematic).
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '注册 GeoJSON 地图…' }).click();
    await (await chooser).setFiles(path.resolve(import.meta.dirname, '../fixtures/geo/demo-yangtze-delta.geojson'));
    await page.getByRole('status').filter({ hasText: '已注册地图“demo-yangtze-delta”（3 个区域）' }).waitFor();
    await expect(page.getByRole('combobox', { name: '底图' }).inputValue()).resolves.toBe('demo-yangtze-delta');
    await canvasIn(preview);
    await page.waitForTimeout(600);
    await screenshot(page, 'chart-builder-geojson');
    const badChooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '注册 GeoJSON 地图…' }).click();
    await (await badChooser).setFiles(path.resolve(import.meta.dirname, '../fixtures/datasets/catalog.json'));
    await page.getByRole('alert').filter({ hasText: '无法注册地图：文件不是 GeoJSON FeatureCollection' }).waitFor();
    await page.getByRole('combobox', { name: '底图' }).selectOption('');

    // Bar + line on two axes over years, with a note.
    await page.getByRole('combobox', { name: '维度', exact: true }).selectOption('year');
    await page.getByRole('button', { name: '组合图' }).click();
    await page.getByRole('combobox', { name: '第二度量' }).waitFor();
    await expect.poll(() => sql.textContent()).toContain('lag(__sgw_v1)');
    await page.getByRole('textbox', { name: '标题', exact: true }).fill('案例数与同比增长');
    await page.getByRole('combobox', { name: '注释位置' }).selectOption('2014');
    await page.getByRole('textbox', { name: '注释文字' }).fill('案例最多的一年');
    await page.getByRole('button', { name: '添加注释' }).click();
    await canvasIn(preview);
    await page.waitForTimeout(600);
    await screenshot(page, 'chart-builder-combo');

    // Every other kind draws without errors: heatmap and small multiples (province × theme), treemap, scatter.
    await page.getByRole('textbox', { name: '标题', exact: true }).fill('');
    await page.getByRole('textbox', { name: '副标题' }).fill('');
    await page.getByRole('combobox', { name: '维度', exact: true }).selectOption('province');
    await page.getByRole('combobox', { name: '系列', exact: true }).selectOption('theme');
    for (const [kind, file] of [
      ['热力图', 'chart-builder-heatmap'],
      ['小多图', 'chart-builder-multiples'],
    ]) {
      await page.getByRole('button', { name: kind }).click();
      await canvasIn(preview);
      await page.waitForTimeout(600);
      await screenshot(page, file);
    }
    await page.getByRole('combobox', { name: '系列', exact: true }).selectOption('');
    await page.getByRole('button', { name: '矩形树图' }).click();
    await canvasIn(preview);
    await page.waitForTimeout(600);
    await screenshot(page, 'chart-builder-treemap');
    await page.getByRole('button', { name: '散点图' }).click();
    await page.getByRole('combobox', { name: '第二度量' }).selectOption('theme');
    await expect.poll(() => sql.textContent()).toContain('count(DISTINCT "theme")');
    await canvasIn(preview);
    await page.waitForTimeout(600);
    await screenshot(page, 'chart-builder-scatter');

    await page.getByRole('button', { name: '在 SQL 查询中打开' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'SQL 编辑器' }).textContent()).toContain('WITH agg AS');
    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('opens the ready dashboards, cross-filters by clicking a bar and clears the filters in one click', async () => {
    const { page, externalRequests, pageErrors } = await openApp(browser);
    await openTab(page, '仪表板');
    await page.getByRole('combobox', { name: '选择仪表板' }).selectOption({ label: '社会治理创新案例' });
    const themeCard = page.getByRole('article', { name: '按主题', exact: true });
    await canvasIn(themeCard);
    await canvasIn(page.getByRole('article', { name: '各省份社会治理创新案例数' }));
    await page.waitForTimeout(500); // let the entry animation settle before the screenshot
    await screenshot(page, 'dashboard-cases');

    // The first (largest) bar of the horizontal theme chart sits at the top, reaching past the middle.
    const chart = themeCard.getByTestId('chart');
    const box = (await chart.boundingBox())!;
    const bands = 6;
    const plotTop = 48;
    const plotHeight = box.height - plotTop - 34;
    await chart.click({ position: { x: box.width * 0.45, y: plotTop + plotHeight / bands / 2 } });
    const chip = page.getByTestId('cross-filter');
    await chip.waitFor();
    await expect(chip.textContent()).resolves.toMatch(/^联动筛选：主题 = \S+/);
    await expect(themeCard.getAttribute('data-selected')).resolves.toBe('true');
    await page.waitForTimeout(500);
    await screenshot(page, 'dashboard-cases-filtered');

    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect(chip.count()).resolves.toBe(0);

    // Global year range and card layout controls.
    await page.getByRole('spinbutton', { name: '起始年份' }).fill('2010');
    await page.getByRole('group', { name: '按主题 的大小' }).getByRole('button', { name: '大' }).click();
    await expect(themeCard.getAttribute('class')).resolves.toContain('size-large');
    await page.getByRole('button', { name: '前移 按主题' }).click();
    const titles = await page.getByRole('article').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(titles.indexOf('按主题')).toBe(0);
    // Layout edits survive leaving the screen; one click restores the ready layout.
    await openTab(page, '图表制作');
    await openTab(page, '仪表板');
    await expect(page.getByRole('article').first().getAttribute('aria-label')).resolves.toBe('按主题');
    await page.getByRole('button', { name: '在 SQL 查询中打开 按主题' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'SQL 编辑器' }).textContent()).toContain('"year" >= 2010');

    await openTab(page, '仪表板');
    await page.getByRole('button', { name: '恢复默认布局' }).click();
    await expect(page.getByRole('article').first().getAttribute('aria-label')).resolves.toBe('各省份社会治理创新案例数');
    await page.getByRole('combobox', { name: '选择仪表板' }).selectOption({ label: '上海社会组织' });
    for (const name of ['从业人员变化（2007→2013）：专职与兼职', '财务状况：2013年规模与同比增长', '注册社会组织构成（2013年末）']) {
      await canvasIn(page.getByRole('article', { name }));
    }
    await page.waitForTimeout(500);
    await screenshot(page, 'dashboard-shanghai');
    const finance = page.getByRole('article', { name: '财务状况：2013年规模与同比增长' });
    await finance.scrollIntoViewIfNeeded();
    await canvasIn(finance);
    await page.waitForTimeout(500);
    await screenshot(page, 'dashboard-shanghai-lower');
    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('cross-filters a dashboard with the keyboard only: Tab to 按此图筛选, arrows and Enter pick, Esc closes', async () => {
    const { page, externalRequests, pageErrors } = await openApp(browser);
    await openTab(page, '仪表板');
    await page.getByRole('combobox', { name: '选择仪表板' }).selectOption({ label: '社会治理创新案例' });
    const mapCard = page.getByRole('article', { name: '各省份社会治理创新案例数' });
    await canvasIn(mapCard);
    await canvasIn(page.getByRole('article', { name: '按主题', exact: true }));
    const mapPicker = page.getByRole('button', { name: '按此图筛选 各省份社会治理创新案例数' });
    const themePicker = page.getByRole('button', { name: '按此图筛选 按主题', exact: true });
    const mapList = page.getByRole('listbox', { name: '各省份社会治理创新案例数 的筛选值' });
    const chip = page.getByTestId('cross-filter');
    const focused = (button: Locator) => button.evaluate((el) => el === document.activeElement);
    const activeOption = async (list: Locator) => page.locator(`[id="${await list.getAttribute('aria-activedescendant')}"]`).textContent();
    // The theme card's data, read the way a keyboard user reads it: its own picker lists what it shows; Esc closes.
    const themeValues = async () => {
      await themePicker.focus();
      await page.keyboard.press('Enter');
      const list = page.getByRole('listbox', { name: '按主题 的筛选值' });
      const values = await list.getByRole('option').allTextContents();
      await page.keyboard.press('Escape');
      await expect(list.count()).resolves.toBe(0);
      await expect(focused(themePicker)).resolves.toBe(true);
      return values;
    };
    await expect.poll(() => mapPicker.isEnabled()).toBe(true);
    await expect.poll(themeValues).toHaveLength(6);

    // Tab from the dashboard toolbar's last button reaches the first card's picker; Enter opens its listbox of provinces.
    await page.getByRole('button', { name: '导出仪表板 PDF' }).focus();
    await page.keyboard.press('Tab');
    await expect(focused(mapPicker)).resolves.toBe(true);
    await page.keyboard.press('Enter');
    await expect(mapPicker.getAttribute('aria-expanded')).resolves.toBe('true');
    await expect(focused(mapList)).resolves.toBe(true);
    await page.keyboard.press('ArrowDown');
    await expect(activeOption(mapList)).resolves.toBe('浙江省');
    await page.keyboard.press('ArrowUp');
    await expect(activeOption(mapList)).resolves.toBe('上海市');
    await page.keyboard.press('Enter');

    // Exactly what a click on the 上海 tile does: the chip, the card marked, and the other cards re-queried.
    await expect.poll(() => chip.textContent()).toMatch(/^联动筛选：省份 = 上海市×?$/);
    await expect(mapCard.getAttribute('data-selected')).resolves.toBe('true');
    await expect(focused(mapPicker)).resolves.toBe(true);
    await expect(mapPicker.textContent()).resolves.toContain('上海市');
    await page.getByRole('status').filter({ hasText: '已按 省份 = 上海市 筛选其他图表' }).waitFor();
    await expect.poll(themeValues).toHaveLength(4);
    expect(await themeValues()).not.toContain('依法治理');

    // Picking the selected value again removes the filter.
    await mapPicker.focus();
    await page.keyboard.press('Enter');
    await expect(mapList.getByRole('option').first().textContent()).resolves.toBe('清除此筛选');
    await expect(mapList.getByRole('option', { name: '上海市' }).getAttribute('aria-selected')).resolves.toBe('true');
    await expect(activeOption(mapList)).resolves.toBe('上海市');
    await page.keyboard.press('Enter');
    await expect.poll(() => chip.count()).toBe(0);
    await expect.poll(themeValues).toHaveLength(6);

    // ArrowDown on the button opens the list too; 清除此筛选 clears the pick.
    await mapPicker.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => chip.textContent()).toMatch(/^联动筛选：省份 = 浙江省×?$/);
    await expect.poll(themeValues).not.toHaveLength(6);
    await mapPicker.focus();
    await page.keyboard.press('Enter');
    await mapList.getByRole('option', { name: '浙江省', selected: true }).waitFor();
    await page.waitForTimeout(500);
    await screenshot(page, 'dashboard-keyboard-cross-filter');
    await page.keyboard.press('Home');
    await expect(activeOption(mapList)).resolves.toBe('清除此筛选');
    await page.keyboard.press('Enter');
    await expect.poll(() => chip.count()).toBe(0);
    await expect(mapCard.getAttribute('data-selected')).resolves.toBeNull();
    await expect(focused(mapPicker)).resolves.toBe(true);
    await expect(mapPicker.getAttribute('aria-expanded')).resolves.toBe('false');
    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it('shows a ready dashboard in English', async () => {
    const { page, pageErrors } = await openApp(browser, { lang: 'en' });
    await openTab(page, 'Dashboards');
    await page.getByRole('combobox', { name: 'Dashboard' }).selectOption({ label: 'Social governance innovation cases' });
    await canvasIn(page.getByRole('article', { name: 'Cases by province' }));
    await canvasIn(page.getByRole('article', { name: 'By theme', exact: true }));
    await page.getByRole('button', { name: 'Clear filters' }).waitFor();
    await page.getByRole('button', { name: 'Filter by this chart: By theme', exact: true }).waitFor();
    await page.waitForTimeout(500);
    await screenshot(page, 'dashboard-cases-en');
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
