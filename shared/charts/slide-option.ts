import type { EChartsOption } from 'echarts';

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
  return {
    ...option,
    textStyle: { ...(option.textStyle as object), fontSize: 16 },
    ...(big ? { title: panels.length ? [big, ...panels] : big } : {}),
  };
}
