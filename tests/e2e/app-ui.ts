import type { Page } from 'playwright-core';

// Steps a user takes in the app, with no test runner in them: the e2e specs and the browser benchmarks
// (bench/pivot-scroll.ts) drive the app the same way.

/** Replaces the SQL editor's text (CodeMirror's contenteditable) and runs it with Ctrl+Enter. */
export async function runSql(page: Page, sql: string, via: 'keyboard' | 'button' = 'keyboard'): Promise<void> {
  const editor = page.getByRole('textbox', { name: /SQL 编辑器|SQL editor/ });
  await editor.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await editor.fill(sql);
  if (via === 'keyboard') await page.keyboard.press('ControlOrMeta+Enter');
  else await page.getByRole('button', { name: /^(运行|Run)$/ }).click();
}
