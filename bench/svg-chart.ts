import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';

/** Server-side SVG rendering of an ECharts option (no DOM). */
export function renderSvgChart(option: EChartsOption, width = 900, height = 480): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
