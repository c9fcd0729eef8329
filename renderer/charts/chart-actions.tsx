import type { ReactNode } from 'react';
import type { ECharts, EChartsOption } from 'echarts';
import type { ChartData } from '../../shared/charts/chart-data';
import type { ChartSpec } from '../../shared/model/chart-spec';

/** Everything an action on a chart (export to xlsx/png/svg, copy) needs. */
export interface ChartActionTarget {
  spec: ChartSpec;
  data: ChartData;
  /** The option the screen renders: every picture of the chart is drawn from this object. */
  option: EChartsOption;
  sql: string;
  /** The drawn chart, when it is on screen. */
  getInstance(): ECharts | null;
}

type ActionRenderer = (target: ChartActionTarget) => ReactNode;
const renderers: ActionRenderer[] = [];

/**
 * The slot on the chart builder toolbar and on every dashboard card where menus attach (the export
 * feature registers its menu here once at start-up).
 */
export function registerChartActions(render: ActionRenderer): void {
  renderers.push(render);
}

export function ChartActions({ target }: { target: ChartActionTarget | null }) {
  if (!target || renderers.length === 0) return null;
  return <>{renderers.map((r, i) => <span key={i}>{r(target)}</span>)}</>;
}
