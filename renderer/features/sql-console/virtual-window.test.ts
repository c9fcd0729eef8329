import { describe, expect, it } from 'vitest';
import { MAX_SCROLL_HEIGHT, virtualWindow } from './virtual-window';

describe('virtualWindow', () => {
  it('maps scrollTop to rows directly for small results', () => {
    const w = virtualWindow(1000, 20, 400, 2010, 0);
    expect(w.spacerHeight).toBe(20000);
    expect(w.first).toBe(100);
    expect(w.top).toBe(2000);
    expect(w.count).toBe(21); // rows 100..120 are (partly) visible
  });

  it('renders only what fits (plus overscan) at the top of a million rows', () => {
    const w = virtualWindow(1_000_000, 28, 560, 0);
    expect(w.first).toBe(0);
    expect(w.count).toBeLessThan(40);
    expect(w.spacerHeight).toBe(MAX_SCROLL_HEIGHT);
  });

  it('reaches the very last row of a million when scrolled to the bottom', () => {
    const rows = 1_000_000;
    const viewport = 560;
    const w = virtualWindow(rows, 28, viewport, MAX_SCROLL_HEIGHT - viewport, 0);
    expect(w.first + w.count).toBe(rows);
    // The last row's bottom edge lines up with the bottom of the viewport.
    expect(w.top + (rows - w.first) * 28).toBeCloseTo(MAX_SCROLL_HEIGHT, 5);
  });

  it('clamps scroll positions outside the range and handles empty results', () => {
    expect(virtualWindow(10, 20, 400, -50).first).toBe(0);
    expect(virtualWindow(0, 20, 400, 0)).toMatchObject({ first: 0, count: 0, spacerHeight: 0 });
  });
});
