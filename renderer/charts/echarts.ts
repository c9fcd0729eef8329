/**
 * The renderer's ECharts: the core with only the chart types, components and renderers the app's option
 * builders use (shared/charts), so the start-up bundle evaluates a fraction of the whole library. Every other
 * renderer module takes ECharts from here. echarts.test.ts draws every chart kind with this set and with the
 * whole library and requires the same picture; a builder that starts using another part fails it.
 */
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart, MapChart, PieChart, ScatterChart, TreemapChart } from 'echarts/charts';
import {
  GraphicComponent,
  GridComponent,
  LegendScrollComponent,
  MarkLineComponent,
  MarkPointComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
} from 'echarts/components';
import { LabelLayout, LegacyGridContainLabel } from 'echarts/features';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  HeatmapChart,
  LineChart,
  MapChart,
  PieChart,
  ScatterChart,
  TreemapChart,
  GraphicComponent,
  GridComponent,
  LegendScrollComponent,
  MarkLineComponent,
  MarkPointComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
  LabelLayout,
  LegacyGridContainLabel,
  // Canvas on screen and for PNG; SVG for the SVG export (image-export.ts).
  CanvasRenderer,
  SVGRenderer,
]);

export { echarts };
