/**
 * Fonts with CJK glyphs on Windows, macOS and Linux, in order of preference. Single quotes: ECharts' SVG
 * renderer copies fontFamily into a double-quoted style attribute without escaping, so double quotes here
 * would make every exported SVG invalid XML. CSS and canvas font strings accept either.
 */
export const CJK_FONT_STACK =
  "'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Noto Sans SC', sans-serif";

/**
 * Twelve colours that stay apart for the common colour-vision deficiencies: Okabe & Ito's eight ("Color
 * Universal Design", 2002/2008: https://jfly.uni-koeln.de/color/) in their order, then four of Paul Tol's
 * schemes (https://personal.sron.nl/~pault/, "muted" wine #882255 and indigo #332288, "light" pink #FFAABB
 * and pale cyan #99DDFF), picked greedily for the largest smallest distance. palette.test.ts holds every pair
 * to CIEDE2000 ΔE ≥ 11 in normal vision and under simulated deuteranopia and protanopia (Machado et al. 2009).
 * Series beyond twelve repeat the colours with other markers and dashes (seriesLook).
 */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#56B4E9', '#CC79A7', '#F0E442', '#000000', '#882255', '#FFAABB', '#332288', '#99DDFF'];

/** Markers and dashes for the second, third … round of the palette. */
export const ROUND_SYMBOLS = ['circle', 'triangle', 'rect', 'diamond'] as const;
export const ROUND_DASHES = ['solid', 'dashed', 'dotted', 'dashed'] as const;

/** The case's own place in a comparison (orange) against the others (grey). */
export const ACCENT_COLOUR = '#D55E00';
export const MUTED_COLOUR = '#9aa5b1';
