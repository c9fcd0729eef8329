/**
 * Fonts with CJK glyphs on Windows, macOS and Linux, in order of preference. Single quotes: ECharts' SVG
 * renderer copies fontFamily into a double-quoted style attribute without escaping, so double quotes here
 * would make every exported SVG invalid XML. CSS and canvas font strings accept either.
 */
export const CJK_FONT_STACK =
  "'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Noto Sans SC', sans-serif";

/** Okabe–Ito: distinguishable with the common colour-vision deficiencies and in greyscale print. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#56B4E9', '#CC79A7', '#F0E442', '#000000'];

/** The case's own place in a comparison (orange) against the others (grey). */
export const ACCENT_COLOUR = '#D55E00';
export const MUTED_COLOUR = '#9aa5b1';
