import type { ChartData } from '../charts/chart-data';
import type { ChartKind } from '../model/chart-spec';
import type { ExportChart, ExportChartKind } from './chart-data';

/**
 * Excel and PowerPoint have no tile map, treemap, heatmap or small multiples as native charts: those are
 * exported as the closest native chart over the same numbers (the picture exports keep the real look).
 */
const NATIVE_KIND: Record<ChartKind, ExportChartKind> = {
  column: 'column',
  bar: 'bar',
  line: 'line',
  area: 'line',
  combo: 'combo',
  pie: 'pie',
  donut: 'pie',
  treemap: 'bar',
  scatter: 'column',
  heatmap: 'column',
  map: 'bar',
  multiples: 'column',
};

/** The chart builder's ChartData as the exporters' ExportChart. */
export function toExportChart(data: ChartData): ExportChart {
  const kind = NATIVE_KIND[data.kind];
  const notes = data.annotations.map((a) => a.text).filter((t) => t.length > 0);
  return {
    kind,
    ...(data.stack !== 'none' && (kind === 'column' || kind === 'bar') ? { stacked: true } : {}),
    title: data.title,
    ...(data.subtitle ? { subtitle: data.subtitle } : {}),
    categoryLabel: data.categoryLabel,
    categories: data.categories,
    series: data.series.map((s) => ({
      name: s.name,
      values: s.values,
      ...(s.unit ? { unit: s.unit } : {}),
      ...(kind === 'combo' ? { type: s.type === 'line' || s.type === 'area' ? ('line' as const) : ('bar' as const), secondaryAxis: s.axis === 'right' } : {}),
    })),
    ...(data.unit ? { unit: data.unit } : {}),
    source: data.source,
    ...(notes.length ? { notes } : {}),
  };
}
