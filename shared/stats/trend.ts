/**
 * The trend of a line chart's series: least-squares line y = a + b·x over its points (x = the year when the
 * categories are numbers, else 0, 1, 2 …), R², and the compound annual growth rate between the first and
 * the last point. A chart's series has at most a few thousand points, so this runs on the drawn numbers in
 * JS (two passes, centred: years near 2000 lose nothing).
 */

export interface Trend {
  slope: number;
  intercept: number;
  r2: number;
  /** (last / first)^(1 / (x_last − x_first)) − 1; null unless both are positive and x spans some. */
  cagr: number | null;
  n: number;
}

export interface TrendPoint {
  x: number;
  y: number;
}

/** The fit over the points with a finite y; null with fewer than two points or a single x. */
export function linearTrend(points: readonly TrendPoint[]): Trend | null {
  const pts = points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  const n = pts.length;
  if (n < 2) return null;
  const mx = pts.reduce((s, p) => s + p.x, 0) / n;
  const my = pts.reduce((s, p) => s + p.y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const p of pts) {
    const dx = p.x - mx;
    const dy = p.y - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  if (sxx === 0) return null;
  const slope = sxy / sxx;
  const intercept = my - slope * mx;
  let rss = 0;
  for (const p of pts) {
    const r = p.y - my - slope * (p.x - mx);
    rss += r * r;
  }
  const sorted = [...pts].sort((a, b) => a.x - b.x);
  const [first, last] = [sorted[0], sorted[n - 1]];
  const span = last.x - first.x;
  const cagr = first.y > 0 && last.y > 0 && span > 0 ? Math.pow(last.y / first.y, 1 / span) - 1 : null;
  return { slope, intercept, r2: syy === 0 ? 1 : 1 - rss / syy, cagr, n };
}

/** Whether the categories are years (every one reads as a number): then x is the year, else the position. */
export function yearly(categories: readonly string[]): boolean {
  return categories.length > 0 && categories.every((c) => c.trim() !== '' && Number.isFinite(Number(c)));
}

/** The x of each category. */
export function trendX(categories: readonly string[]): number[] {
  const years = yearly(categories);
  return categories.map((c, i) => (years ? Number(c) : i));
}

/** The points of one series (categories without a value left out). */
export function trendPoints(categories: readonly string[], values: readonly (number | null)[]): TrendPoint[] {
  const xs = trendX(categories);
  return xs.flatMap((x, i) => {
    const y = values[i];
    return y === null || y === undefined ? [] : [{ x, y }];
  });
}
