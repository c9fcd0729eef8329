/**
 * Scrolling the 10,000 × 200 pivot in the web build in Chromium: the intervals between animation frames while
 * the grid is scrolled 600 px down per frame, then down and 90 px right (every row in view changes each
 * frame). tests/e2e/analysis.spec.ts proves what the virtualised grid shows (few cells, the right rows, the
 * far corner, sorting); how fast it does so is measured here and reported, never asserted in a test.
 */
import { chromium } from 'playwright-core';
import { openBigPivot, scrollPivot } from '../tests/e2e/pivot';
import { ARGS, CHROMIUM, servePreview } from './browser';
import { summarize, type Timing } from './stats';

export interface PivotScroll {
  /** Per pass of 200 frames, the median frame interval (ms): scrolling down, then down and right. */
  down: Timing;
  downRight: Timing;
  /** The 95th percentile frame interval over every pass's frames (ms). */
  downP95: number;
  downRightP95: number;
  /** The most grid cells in the DOM at any frame. */
  maxCells: number;
}

const at = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const median = (xs: number[]) => summarize(xs).median;

export async function pivotScrollFrames(root: string, reps: number): Promise<PivotScroll> {
  const { url, close } = await servePreview(root);
  try {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    try {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
      const page = await context.newPage();
      await page.goto(url);
      await page.getByTestId('engine-status').filter({ hasText: '数据库已就绪' }).waitFor({ timeout: 60_000 });
      await openBigPivot(page);
      // One unmeasured pass of each: the grid's first rows and the page's code paths warm.
      await scrollPivot(page, 0, 50);
      await scrollPivot(page, 90, 50);
      const passes = { down: [] as number[], right: [] as number[], downAll: [] as number[], rightAll: [] as number[] };
      let maxCells = 0;
      for (let i = 0; i < reps; i++) {
        const down = await scrollPivot(page, 0);
        const right = await scrollPivot(page, 90);
        passes.down.push(median(down.times));
        passes.right.push(median(right.times));
        passes.downAll.push(...down.times);
        passes.rightAll.push(...right.times);
        maxCells = Math.max(maxCells, down.maxCells, right.maxCells);
      }
      const p95 = (xs: number[]) => Math.round(at([...xs].sort((a, b) => a - b), 0.95) * 10) / 10;
      return { down: summarize(passes.down), downRight: summarize(passes.right), downP95: p95(passes.downAll), downRightP95: p95(passes.rightAll), maxCells };
    } finally {
      await browser.close();
    }
  } finally {
    await close();
  }
}
