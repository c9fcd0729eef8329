import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openApp, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const DECK = {
  version: 1,
  title: '社会治理创新课堂',
  slides: [
    { id: 's1', kind: 'text', title: '导入：什么是社会治理创新', body: '从管理到治理', notes: '先问学员：社区里谁在“治理”？' },
    { id: 's2', kind: 'text', title: '嘉兴“三社互动”', body: '社区、社团、社工', notes: '强调党政主导、部门推动。' },
    { id: 's3', kind: 'text', title: '讨论', body: '你所在地区的做法', notes: '' },
  ],
};

describe('speaker window (web build in Chromium)', () => {
  it('shows notes, next slide and a timer in a second window that follows and turns the slides', async () => {
    const { page, externalRequests, pageErrors } = await openApp(browser);
    await page.evaluate((deck) => localStorage.setItem('sgw.deck', JSON.stringify(deck)), DECK);
    await page.reload();
    await page.getByRole('tab', { name: '演示' }).click();
    await page.getByRole('button', { name: '开始演示' }).click();
    const counter = page.getByTestId('slide-counter');
    await counter.filter({ hasText: '1 / 3' }).waitFor();

    const popup = page.waitForEvent('popup');
    await page.getByRole('button', { name: '讲者窗口' }).click();
    const speaker = await popup;
    await speaker.getByRole('heading', { name: '导入：什么是社会治理创新' }).waitFor();
    await expect(speaker.getByRole('region', { name: '演讲者备注' }).textContent()).resolves.toContain('先问学员');
    await expect(speaker.getByText('下一页预览：嘉兴“三社互动”').count()).resolves.toBe(1);
    // The timer counts from the start of the presentation.
    await speaker.getByRole('timer', { name: '已用时间' }).filter({ hasText: /^00:0[1-9]$/ }).waitFor({ timeout: 5000 });

    // Turning the page in the speaker window moves the slides, and the other way round.
    await speaker.getByRole('button', { name: '下一页 ›' }).click();
    await counter.filter({ hasText: '2 / 3' }).waitFor();
    await speaker.getByTestId('speaker-counter').filter({ hasText: '第 2 / 3 页' }).waitFor();
    await page.keyboard.press('ArrowRight');
    await speaker.getByRole('heading', { name: '讨论' }).waitFor();
    await expect(speaker.getByRole('region', { name: '演讲者备注' }).textContent()).resolves.toBe('（无备注）');
    await expect(speaker.getByText('下一页预览：演示结束').count()).resolves.toBe(1);
    await speaker.setViewportSize({ width: 960, height: 640 });
    await screenshot(speaker, 'speaker-window');

    await page.keyboard.press('Escape');
    await speaker.getByText('演示已结束。').waitFor();
    expect(externalRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
