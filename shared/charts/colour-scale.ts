/**
 * The heatmap's colour scale (from the data's minimum to its maximum), shared by the screen (visualMap in matrix-option.ts) and the colour tables of
 * Word and PowerPoint exports, so a shaded cell in a report has the colour of the same cell on screen.
 */

/**
 * Light to dark blue: ordered for print and colour-blind readers (one hue, rising darkness). The lightest is
 * a visible blue: with the scale starting at the data's minimum, the smallest value must not look like white
 * or like the grey of a tile without data.
 */
export const SEQUENTIAL = ['#c6dbef', '#9ecae1', '#4292c6', '#0072B2', '#08306b'];

export interface ScaleRange {
  min: number;
  max: number;
}

/**
 * The colour scale from the data's smallest to its largest value (not from 0: a heatmap of 95–105 % would
 * otherwise be one colour). One value, or none, still gets a scale that draws.
 */
export function valueRange(values: Iterable<number | null>): ScaleRange {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) if (v !== null) [min, max] = [Math.min(min, v), Math.max(max, v)];
  if (min === Infinity) return { min: 0, max: 1 };
  if (min === max) return min === 0 ? { min: 0, max: 1 } : { min: Math.min(0, min), max: Math.max(0, max) };
  return { min, max };
}

/** Where `v` sits on the scale, 0…1 (clamped). */
const position = (v: number, r: ScaleRange) => (r.max > r.min ? Math.min(1, Math.max(0, (v - r.min) / (r.max - r.min))) : 0);

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const hex2 = (n: number) => Math.round(n).toString(16).padStart(2, '0').toUpperCase();

/**
 * The colour of `v` on the scale over `range` (as ECharts' continuous visualMap: linear in RGB between
 * evenly spaced stops), as RRGGBB without '#'.
 */
export function scaleColour(v: number, range: ScaleRange): string {
  const pos = position(v, range) * (SEQUENTIAL.length - 1);
  const i = Math.min(SEQUENTIAL.length - 2, Math.floor(pos));
  const [a, b] = [rgb(SEQUENTIAL[i]), rgb(SEQUENTIAL[i + 1])];
  return a.map((x, k) => hex2(x + (b[k] - x) * (pos - i))).join('');
}

/** Position on the scale from which a cell is dark enough to need white text (#4292c6 and darker). */
export const DARK_FROM = 0.5;

/** White or ink text on a cell of `v`. */
export function textOnScale(v: number, range: ScaleRange): string {
  return range.max > range.min && position(v, range) >= DARK_FROM ? 'FFFFFF' : '1F2937';
}
