/**
 * The heatmap's colour scale, shared by the screen (visualMap in matrix-option.ts) and the colour tables of
 * Word and PowerPoint exports, so a shaded cell in a report has the colour of the same cell on screen.
 */

/** Light to dark blue: ordered for print and colour-blind readers (one hue, rising darkness). */
export const SEQUENTIAL = ['#eef5fb', '#9ecae1', '#4292c6', '#0072B2', '#08306b'];

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const hex2 = (n: number) => Math.round(n).toString(16).padStart(2, '0').toUpperCase();

/**
 * The colour of `v` on the scale from 0 to `max` (as ECharts' continuous visualMap: linear in RGB between
 * evenly spaced stops), as RRGGBB without '#'.
 */
export function scaleColour(v: number, max: number): string {
  const t = max > 0 ? Math.min(1, Math.max(0, v / max)) : 0;
  const pos = t * (SEQUENTIAL.length - 1);
  const i = Math.min(SEQUENTIAL.length - 2, Math.floor(pos));
  const [a, b] = [rgb(SEQUENTIAL[i]), rgb(SEQUENTIAL[i + 1])];
  return a.map((x, k) => hex2(x + (b[k] - x) * (pos - i))).join('');
}

/** Share of the maximum from which a cell is dark enough to need white text (#4292c6 and darker). */
export const DARK_FROM = 0.5;

/** White or ink text on a cell of `v`. */
export function textOnScale(v: number, max: number): string {
  return max > 0 && v / max >= DARK_FROM ? 'FFFFFF' : '1F2937';
}
