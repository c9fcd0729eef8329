import type { Page } from 'playwright-core';

const LABELS = {
  'zh-CN': { tab: '分析', table: '数据表', row: '添加行字段', col: '添加列字段', value: '添加值字段', count: '移除 行数', totals: '小计与合计' },
  en: { tab: 'Analysis', table: 'Table', row: 'Add row field', col: 'Add column field', value: 'Add value field', count: 'Remove Rows', totals: 'Subtotals and totals' },
};

export interface PickedPivot {
  table: string;
  row: string;
  col: string;
  value: string;
  /** Remove the default 行数 (count) measure once the value is there, so the value alone is shown. */
  dropCount?: boolean;
  /** Untick 小计与合计 before the fields are picked. */
  noTotals?: boolean;
  lang?: keyof typeof LABELS;
}

/** Opens 分析 and builds a pivot by picking its table, one row, one column and one value field, as a user would. */
export async function pickPivot(page: Page, p: PickedPivot): Promise<void> {
  const l = LABELS[p.lang ?? 'zh-CN'];
  await page.getByRole('tab', { name: l.tab, exact: true }).click();
  await page.getByRole('combobox', { name: l.table }).selectOption(p.table);
  if (p.noTotals) await page.getByRole('checkbox', { name: l.totals }).uncheck();
  await page.getByRole('combobox', { name: l.row }).selectOption(p.row);
  await page.getByRole('combobox', { name: l.col }).selectOption(p.col);
  await page.getByRole('combobox', { name: l.value }).selectOption(p.value);
  if (p.dropCount) await page.getByRole('button', { name: l.count }).click();
}
