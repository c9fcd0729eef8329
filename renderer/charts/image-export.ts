/**
 * Chart pictures for reports: PNG at 1×/2×/3× from an off-screen canvas instance, SVG from ECharts'
 * server-side renderer (no DOM needed), and the PNG on the clipboard. Each takes the option the screen
 * renders and draws pictureOption(option): the same option plus a white background and no animation. A
 * separate instance per export keeps the on-screen chart untouched and gives every picture the same size
 * whatever the window's size.
 */
import { echarts } from './echarts';
import type { EChartsOption } from 'echarts';
import { PICTURE_SIZE, pictureOption } from '../../shared/charts/picture';

export interface PictureSize {
  width: number;
  height: number;
}

export { PICTURE_SIZE };
export const PNG_SCALES = [1, 2, 3] as const;
export type PngScale = (typeof PNG_SCALES)[number];

function dataUrlBytes(url: string): Uint8Array {
  const b64 = url.slice(url.indexOf(',') + 1);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export function chartPng(onScreen: EChartsOption, scale: PngScale, size: PictureSize = PICTURE_SIZE): Uint8Array {
  const box = document.createElement('div');
  box.style.cssText = `position:fixed;left:-20000px;top:0;width:${size.width}px;height:${size.height}px`;
  document.body.append(box);
  const chart = echarts.init(box, undefined, { renderer: 'canvas', width: size.width, height: size.height });
  try {
    chart.setOption(pictureOption(onScreen));
    // A second layout pass: on a fresh canvas instance without animation, ECharts 6.1 draws a treemap's tile
    // labels only from the second pass on (the first frame is tiles alone); other kinds are unchanged by it.
    chart.resize();
    return dataUrlBytes(chart.getDataURL({ type: 'png', pixelRatio: scale, backgroundColor: '#fff' }));
  } finally {
    chart.dispose();
    box.remove();
  }
}

export function chartSvg(onScreen: EChartsOption, size: PictureSize = PICTURE_SIZE): string {
  const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption(pictureOption(onScreen));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export function canCopyImages(): boolean {
  return typeof ClipboardItem !== 'undefined' && typeof navigator.clipboard?.write === 'function';
}

/** Puts a 2× PNG of the chart on the clipboard (pastes into Word, WPS, PowerPoint, chat apps). */
export async function copyChartPng(onScreen: EChartsOption, scale: PngScale = 2): Promise<void> {
  const bytes = chartPng(onScreen, scale);
  const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'image/png' });
  await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]);
}
