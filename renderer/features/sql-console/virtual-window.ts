/** Browsers cap an element's height (≈33 M px in Chromium); above this the scroll range is scaled. */
export const MAX_SCROLL_HEIGHT = 8_000_000;

export interface VirtualWindow {
  /** Height of the scrollable spacer. */
  spacerHeight: number;
  /** First row to render and how many. */
  first: number;
  count: number;
  /** Where (in spacer coordinates) the first rendered row's top edge goes. */
  top: number;
}

/**
 * Which rows a viewport shows. Below MAX_SCROLL_HEIGHT this is the usual scrollTop / rowHeight; above it
 * the scroll position maps proportionally onto the rows, so a million rows remain reachable and smooth.
 */
export function virtualWindow(rows: number, rowHeight: number, viewportHeight: number, scrollTop: number, overscan = 4): VirtualWindow {
  const fullHeight = rows * rowHeight;
  const spacerHeight = Math.min(fullHeight, MAX_SCROLL_HEIGHT);
  const visibleRows = viewportHeight / rowHeight;
  const scrollRange = Math.max(1, spacerHeight - viewportHeight);
  const rowRange = Math.max(0, rows - visibleRows);
  const clamped = Math.min(Math.max(scrollTop, 0), scrollRange);
  const exact = fullHeight <= MAX_SCROLL_HEIGHT ? clamped / rowHeight : (clamped / scrollRange) * rowRange;
  const firstVisible = Math.floor(exact);
  const first = Math.max(0, firstVisible - overscan);
  const count = Math.min(rows - first, Math.ceil(visibleRows) + 2 * overscan + 1);
  const top = clamped - (exact - first) * rowHeight;
  return { spacerHeight, first, count: Math.max(0, count), top };
}
