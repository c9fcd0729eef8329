/** Server-side SVG of an ECharts option: no DOM, no canvas, so the CLI can draw charts headless. */
// The CLI is the one node-side place that draws charts (docs/architecture.md); nothing else here runs ECharts.
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';
import { svgSafeFonts } from '../../shared/export/chart-option';

export function renderSvg(option: EChartsOption, width = 960, height = 540): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(svgSafeFonts({ backgroundColor: '#fff', ...option, animation: false }));
    return chart.renderToSVGString();
  } finally {
    // Without dispose, ECharts keeps timers alive and Node never exits.
    chart.dispose();
  }
}
