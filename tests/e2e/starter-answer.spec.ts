import { tableFromIPC, tableToIPC, Table, makeVector } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, screenshot } from './browser';

// The starter chart drawn from the build's answer while the engine starts (shared/charts/starter-answer.ts),
// then replaced by the engine's live answer. The engine is held by holding its wasm response until the
// early state has been seen: states are awaited, never time.
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Opened {
  page: Page;
  context: BrowserContext;
  /** Lets the held wasm response through. */
  release(): void;
  warnings: string[];
}

/** Opens the app with the engine's wasm held back; `answer` may rewrite the build's answer file on its way. */
async function openHeld(opts: { answer?: (text: string) => string; views?: (text: string) => string; init?: () => void } = {}): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  let held = 0;
  await context.route(/\.wasm$/, async (route) => {
    held++;
    await released;
    await route.continue();
  });
  const rewrite = (pattern: RegExp, edit?: (text: string) => string) =>
    edit &&
    context.route(pattern, async (route) => {
      const res = await route.fetch();
      await route.fulfill({ response: res, body: edit(await res.text()) });
    });
  await rewrite(/datasets\/starter-answer\.json$/, opts.answer);
  await rewrite(/datasets\/views\.sql$/, opts.views);
  const page = await context.newPage();
  const warnings: string[] = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  if (opts.init) await page.addInitScript(opts.init);
  await page.goto(inject('baseUrl'));
  // The worker asked for the wasm and is waiting for it: the engine cannot be ready.
  await expect.poll(() => held, { timeout: 60_000 }).toBe(1);
  return { page, context, release, warnings };
}

const panel = (page: Page) => page.locator('section.chart-panel');

/** The numbers the chart drew, from its data table (ChartDataTable: data-value per cell). */
const drawnValues = (page: Page) =>
  panel(page)
    .locator('table.sr-only tbody tr')
    .evaluateAll((rows) => rows.map((r) => [r.querySelector('th')!.textContent, ...Array.from(r.querySelectorAll('td'), (td) => td.getAttribute('data-value'))]));

async function waitLive(o: Opened): Promise<void> {
  o.release();
  await o.page.getByTestId('engine-status').filter({ hasText: '数据库已就绪' }).waitFor({ timeout: 60_000 });
  await panel(o.page).and(o.page.locator('[data-answer="live"]')).locator('[data-testid="chart"] canvas').waitFor({ timeout: 60_000 });
}

/** The answer file with every number of its Arrow answers doubled (same schema, keys and SQL). */
function doctored(text: string): string {
  const answer = JSON.parse(text) as { answers: { ipc: string }[] };
  for (const a of answer.answers) {
    const t = tableFromIPC(Buffer.from(a.ipc, 'base64'));
    const columns = Object.fromEntries(
      t.schema.fields.map((f) => {
        const v = t.getChild(f.name)!;
        return [f.name, f.name.startsWith('sum_') ? makeVector(Float64Array.from(v.toArray() as Float64Array, (x) => x * 2)) : v];
      }),
    );
    a.ipc = Buffer.from(tableToIPC(new Table(columns), 'stream')).toString('base64');
  }
  return JSON.stringify(answer);
}

describe("the starter chart before the engine is ready (the build's answer)", () => {
  it('is drawn while the engine starts, says so, and the live answer replaces it with the same values', async () => {
    const o = await openHeld();
    const { page } = o;
    const early = panel(page).and(page.locator('[data-answer="early"]'));
    await early.locator('[data-testid="chart"] canvas').waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('engine-status').textContent()).resolves.toContain('正在启动数据库引擎');
    // Said visibly and to screen readers (the figure is described by the note).
    const note = early.getByRole('status');
    await expect(note.textContent()).resolves.toBe('数据库引擎仍在启动：此图先按构建时算好的结果绘制，引擎就绪后换成实时查询结果。');
    await expect(page.getByRole('img', { name: '上海注册社会组织数（按类型）' }).getAttribute('aria-describedby')).resolves.toBe(await note.getAttribute('id'));
    // Exports wait for the engine's own answer.
    await expect(early.getByRole('button', { name: /导出/ }).count()).resolves.toBe(0);
    const before = await drawnValues(page);
    expect(before.length).toBeGreaterThan(1);
    await screenshot(page, 'starter-early');
    await waitLive(o);
    expect(await drawnValues(page)).toEqual(before);
    await expect(panel(page).getByRole('status').count()).resolves.toBe(0);
    await expect(page.getByRole('img', { name: '上海注册社会组织数（按类型）' }).getAttribute('aria-describedby')).resolves.toBeNull();
    expect(o.warnings.filter((w) => /build-time answer|starter-chart answer/.test(w))).toEqual([]);
    await o.context.close();
  });

  it('is replaced by the true values when the answer file was doctored, and the difference is logged', async () => {
    const o = await openHeld({ answer: doctored });
    const { page } = o;
    await panel(page).and(page.locator('[data-answer="early"]')).locator('[data-testid="chart"] canvas').waitFor({ timeout: 60_000 });
    const wrong = await drawnValues(page);
    await waitLive(o);
    const right = await drawnValues(page);
    expect(right.length).toBe(wrong.length);
    // Each drawn number was twice the engine's, and now is the engine's.
    right.forEach((row, r) => row.slice(1).forEach((v, c) => expect(Number(wrong[r][c + 1])).toBe(2 * Number(v))));
    expect(right.flat().some((v) => Number(v) > 0)).toBe(true);
    await expect.poll(() => o.warnings.filter((w) => w.includes("the starter chart's build-time answer differs")).length).toBeGreaterThan(0);
    await o.context.close();
  });

  it('is not drawn when a file under the chart differs from the build (views.sql), nor with a calculated field on its table', async () => {
    // Each case with the console warnings a developer sees: a changed file is a build slip, said once; the
    // user's calculated field changes the chart's SQL, which the build never ran, and is nothing to report.
    const cases: [Parameters<typeof openHeld>[0], number][] = [
      // A comment changes nothing the engine computes, but the bytes are not the ones the answer was made from.
      [{ views: (text) => `${text}\n-- changed after the build\n` }, 1],
      [
        {
          init: () =>
            localStorage.setItem('sgw.calcFields', JSON.stringify({ version: 1, fields: [{ name: 'twice', table: 'sh_registrations_wide', def: { kind: 'expr', expr: 'end_2013 * 2' } }] })),
        },
        0,
      ],
    ];
    for (const [c, warned] of cases) {
      const o = await openHeld(c);
      const { page } = o;
      // Decided (no answer for these inputs) while the engine is still held: nothing drawn, the chart waits.
      await panel(page).and(page.locator('[data-answer="waiting"]')).waitFor({ timeout: 60_000 });
      await expect(panel(page).locator('[data-testid="chart"]').count()).resolves.toBe(0);
      await expect(page.getByTestId('engine-status').textContent()).resolves.toContain('正在启动数据库引擎');
      await waitLive(o);
      expect(o.warnings.filter((w) => w.includes("the build's starter-chart answer is not used")).length).toBe(warned);
      await o.context.close();
    }
  });

  it('is taken away when the engine fails to start', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await context.route(/\.wasm$/, (route) => route.fulfill({ status: 404, body: 'not here' }));
    const page = await context.newPage();
    await page.goto(inject('baseUrl'));
    await page.getByTestId('engine-status').filter({ hasText: '数据库引擎启动失败' }).waitFor({ timeout: 60_000 });
    await panel(page).and(page.locator('[data-answer="waiting"]')).waitFor({ timeout: 60_000 });
    await expect(panel(page).locator('[data-testid="chart"]').count()).resolves.toBe(0);
    await context.close();
  });
});
