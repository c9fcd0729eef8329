import type { Page } from 'playwright-core';
import { runSql } from './app-ui';

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

/** The 10,000 × 200 pivot: 行号 × 列号 of 2M rows, one row per cell, 值 = i % 997 with i = 行号 × 200 + 列号. */
export const BIG_PIVOT = { rows: 10_000, cols: 200, value: (row: number, col: number) => (row * 200 + col) % 997 };

/** Makes the 2M-row table on 工作台 and builds the 10,000 × 200 pivot over it on 分析 (no totals, 值 alone). */
export async function openBigPivot(page: Page): Promise<void> {
  await runSql(page, `CREATE TABLE 大透视 AS SELECT (i // 200)::INTEGER AS 行号, (i % 200)::INTEGER AS 列号, (i % 997)::DOUBLE AS 值 FROM range(2000000) t(i)`);
  await page.getByTestId('query-status').filter({ hasText: /用时 \d+ 毫秒/ }).waitFor({ timeout: 60_000 });
  await pickPivot(page, { table: '大透视', row: '行号', col: '列号', value: '值', noTotals: true, dropCount: true });
  await page.getByTestId('pivot-status').filter({ hasText: '10,000 行 × 200 列' }).waitFor({ timeout: 120_000 });
}

/**
 * Scrolls the pivot grid from its top left, 600 px down and `dx` px right at every animation frame for
 * `frames` frames: the intervals between frames (ms; the first, which waits for the scroll to start, left out)
 * and the most grid cells the DOM held at any frame.
 */
export function scrollPivot(page: Page, dx: number, frames = 200): Promise<{ times: number[]; maxCells: number }> {
  return page.evaluate(
    async ([dx, frames]) => {
      const el = document.querySelector<HTMLElement>('[role="grid"][aria-label="透视结果"]')!;
      el.scrollTo(0, 0);
      const times: number[] = [];
      let maxCells = 0;
      let last = performance.now();
      await new Promise<void>((resolve) => {
        let n = 0;
        const step = (now: number) => {
          times.push(now - last);
          last = now;
          maxCells = Math.max(maxCells, el.querySelectorAll('[role="gridcell"]').length);
          el.scrollTop += 600;
          el.scrollLeft += dx;
          if (++n < frames) requestAnimationFrame(step);
          else resolve();
        };
        requestAnimationFrame(step);
      });
      return { times: times.slice(1), maxCells };
    },
    [dx, frames] as const,
  );
}
