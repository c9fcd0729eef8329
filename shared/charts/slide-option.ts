import type { EChartsOption } from 'echarts';

type Part = Record<string, unknown>;
const shift = (part: unknown, by: number): unknown =>
  part && typeof part === 'object' && !Array.isArray(part) && typeof (part as Part).top === 'number' ? { ...(part as Part), top: ((part as Part).top as number) + by } : part;

/** Room right of horizontal bars for a 14 px value label such as 1,000万, in px. */
export const BAR_LABEL_ROOM = 88;

/** Axis labels and names at slide size. */
function bigAxes(axes: unknown): unknown {
  const one = (a: unknown) => {
    const axis = a as Part;
    return { ...axis, axisLabel: { ...(axis.axisLabel as Part), fontSize: 16 }, nameTextStyle: { ...(axis.nameTextStyle as Part), fontSize: 16 } };
  };
  if (Array.isArray(axes)) return axes.map(one);
  return axes && typeof axes === 'object' ? one(axes) : axes;
}

/** Value labels on bars and points at slide size. */
function bigLabels(series: unknown): unknown {
  if (!Array.isArray(series)) return series;
  return series.map((s: Part) => (s.label && typeof s.label === 'object' ? { ...s, label: { ...(s.label as Part), fontSize: 14 } } : s));
}

/**
 * A chart's option at presentation size: readable from the back of a classroom. Used by the slides on
 * screen and by the pictures of those slides in the pptx, so both show the same thing.
 */
export function forSlide(option: EChartsOption): EChartsOption {
  const titles = Array.isArray(option.title) ? option.title : option.title ? [option.title] : [];
  // Small multiples carry one title per panel after the chart's own: only the chart's title grows.
  const [main, ...panels] = titles;
  // No truncation at slide width: the screen's 560 px limit would cut a 28 px title short.
  const big = main ? { ...main, textStyle: { fontSize: 28, fontWeight: 600 as const }, subtextStyle: { ...(main.subtextStyle as object), fontSize: 18 } } : undefined;
  // The bigger title needs room: a legend and a plot placed in pixels below it move down by as much.
  const room = main ? 18 + (main.subtext ? 10 : 0) : 0;
  // Small multiples (one grid per panel) keep their compact panels: bigger type would not fit.
  const compact = Array.isArray(option.grid) && option.grid.length > 1;
  // Horizontal bars end in their value labels (1,000万 at slide size): the plot leaves them room on the right.
  const horizontal = !compact && !Array.isArray(option.yAxis) && (option.yAxis as Part | undefined)?.type === 'category';
  const grid = horizontal ? { ...(shift(option.grid, room) as Part), right: Math.max(Number((option.grid as Part).right) || 0, BAR_LABEL_ROOM) } : shift(option.grid, room);
  return {
    ...option,
    textStyle: { ...(option.textStyle as object), fontSize: 16 },
    ...(big ? { title: panels.length ? [big, ...panels] : big } : {}),
    ...(option.legend ? { legend: shift(option.legend, room) as EChartsOption['legend'] } : {}),
    ...(option.grid ? { grid: grid as EChartsOption['grid'] } : {}),
    ...(option.xAxis && !compact ? { xAxis: bigAxes(option.xAxis) as EChartsOption['xAxis'] } : {}),
    ...(option.yAxis && !compact ? { yAxis: bigAxes(option.yAxis) as EChartsOption['yAxis'] } : {}),
    ...(option.series && !compact ? { series: bigLabels(option.series) as EChartsOption['series'] } : {}),
  };
}
