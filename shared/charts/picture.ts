import type { EChartsOption } from 'echarts';

/** 16:9 at a size that reads well on a Word/WPS page (CSS pixels; PNGs are drawn at 1–3×). */
export const PICTURE_SIZE = { width: 960, height: 540 } as const;
/** A whole slide (13.33 × 7.5 in at 96 dpi) for pictures placed in a pptx. */
export const SLIDE_PICTURE_SIZE = { width: 1280, height: 720 } as const;

/**
 * The option a picture (PNG, SVG, clipboard, the picture in an xlsx/pptx) is drawn from: the very option the
 * screen renders, plus only a white background and no animation (a picture is the first frame). Every other
 * key is the on-screen option's own value, so a picture can never show another kind than the screen.
 */
export function pictureOption(onScreen: EChartsOption): EChartsOption {
  return { ...onScreen, backgroundColor: '#fff', animation: false };
}
