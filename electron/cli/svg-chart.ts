/**
 * Pictures of an ECharts option in Node: SVG from ECharts' server-side renderer (no DOM, no canvas), PNG
 * rasterised from it by resvg. The option is the one the app's screen shows; pictureOption adds only a
 * white background and no animation, as the app's own picture exports do.
 */
// The CLI is the one node-side place that draws charts (docs/architecture.md); nothing else here runs ECharts.
import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';
import { pictureOption } from '../../shared/charts/picture';

export function renderSvg(option: EChartsOption, width = 960, height = 540): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(pictureOption(option));
    return chart.renderToSVGString();
  } finally {
    // Without dispose, ECharts keeps timers alive and Node never exits.
    chart.dispose();
  }
}

/**
 * PNG of an ECharts option, rasterised from its SVG by resvg (a native binary shipped in the npm package).
 * System fonts are loaded so Chinese text uses the machine's CJK fonts, as the app does.
 */
export function renderPng(option: EChartsOption, width = 960, height = 540, scale = 2): Uint8Array {
  const svg = renderSvg(option, width, height);
  return new Uint8Array(new Resvg(svg, { font: { loadSystemFonts: true }, fitTo: { mode: 'zoom', value: scale }, background: '#fff' }).render().asPng());
}
