import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openApp, SCREENS, screenshot, showScreen } from './browser';
import { dataStrings, pageTexts, withoutData } from './ui-text';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const HAN = /\p{Script=Han}/u;
/** Names that read the same in Chinese text: file formats, products, keys, SQL words the UI teaches. */
const SAME_IN_ZH = new Set(['SQL', 'Excel', 'PowerPoint', 'Word', 'PNG', 'SVG', 'CSV', 'PDF', 'GeoJSON', 'JSON', 'Parquet', 'XLSX', 'xlsx', 'UTF', 'GB', 'BOM', 'Ctrl', 'Shift', 'Enter', 'Alt', 'Esc', 'DuckDB', 'ECharts', 'Top', 'N', 'YoY', 'sgw', 'sgwp', 'Arrow', 'IPC', 'ID', 'id',
  // SQL column types, shown with each column of the table list.
  'INTEGER', 'BIGINT', 'DOUBLE', 'VARCHAR', 'DATE', 'BOOLEAN', 'DECIMAL', 'TIMESTAMP', 'FLOAT', 'SMALLINT', 'HUGEINT']);

/** Per screen, the texts that are neither data nor in `lang`. */
async function strays(page: Page, lang: 'zh-CN' | 'en'): Promise<string[]> {
  const data = dataStrings(lang === 'en' ? 'en' : 'zh');
  // In Chinese, whole English words are checked: a data word (a column name) is fine, a word cut out of
  // another by a short data value is not a word.
  const words = new Set([...data.filter((d) => /^[A-Za-z0-9_]+$/.test(d)), ...SAME_IN_ZH]);
  const phrases = data.filter((d) => !/^[A-Za-z0-9_]+$/.test(d));
  const stray = (text: string) =>
    lang === 'en' ? HAN.test(withoutData(text, data)) : (withoutData(text, phrases).match(/[A-Za-z][A-Za-z0-9_]+/g) ?? []).some((w) => !words.has(w));
  const found: string[] = [];
  for (const id of SCREENS) {
    await showScreen(page, id);
    for (const text of await pageTexts(page)) if (stray(text)) found.push(`${id}: ${text.slice(0, 120)}`);
  }
  return found;
}

describe('every visible string in the UI language (web build in Chromium)', () => {
  it('shows no Chinese outside data values on any screen in English', async () => {
    const { page } = await openApp(browser, { lang: 'en' });
    const found = await strays(page, 'en');
    await screenshot(page, 'ui-language-en-join');
    // The untouched SQL starter is shown in English too (the scan skips the editor: code is the same in every language).
    await showScreen(page, 'workbench');
    expect(await page.locator('.sql-console .cm-content').innerText()).toMatch(/^-- Example: [^\u3000-\u9fff\uff00-\uffef]+\nSELECT/);
    expect(found).toEqual([]);
    await page.context().close();
  });

  it('shows no stray English UI words outside data values on any screen in Chinese', async () => {
    const { page } = await openApp(browser, { lang: 'zh-CN' });
    expect(await strays(page, 'zh-CN')).toEqual([]);
    await page.context().close();
  });
});
