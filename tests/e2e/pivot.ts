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

export interface SampleRow {
  地区: string;
  年份: number;
  数值: number;
}

/**
 * A sample table for pivot tests (地区 × 年份 × 数值) and the same rows computed here by the same formulas, so
 * the sums a test expects are its own, never the app's.
 */
export function pivotSample(table: string, n: number, fraction: number) {
  const regions = ['北京市', '上海市', '江苏省'];
  const sql = `CREATE TABLE ${table} AS
SELECT ['北京市','上海市','江苏省'][1 + i % 3] AS 地区, 2018 + (i * 7) % 4 AS 年份, ((i * 37) % 101)::DOUBLE + ${fraction} AS 数值
  FROM range(${n}) t(i)`;
  const rows: SampleRow[] = Array.from({ length: n }, (_, i) => ({ 地区: regions[i % 3], 年份: 2018 + ((i * 7) % 4), 数值: ((i * 37) % 101) + fraction }));
  const sum = (pick: (r: SampleRow) => boolean) => rows.filter(pick).reduce((a, r) => a + r.数值, 0);
  return { sql, sum };
}

/**
 * As the value format 自动 writes a number of a value that is not whole in every cell (the samples' fractions
 * make sure of that): grouped, two decimals in every cell, totals included (shared/pivot/labels.ts wholeValues).
 */
export const zhNumber = (n: number) => n.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
