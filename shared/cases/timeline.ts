import type { EChartsOption } from 'echarts';
import { CJK_FONT_STACK } from '../charts/theme';
import type { Lang } from '../model/catalog';
import { THEMES, themeColour, themeLabel, type CaseRecord } from './model';

export const TIMELINE_START = 2004;
export const TIMELINE_END = 2020;

export interface TimelinePoint {
  id: string;
  title: string;
  year: number;
  theme: string;
  /** Theme row plus a small offset so cases of the same year and theme do not overlap. */
  y: number;
}

/** Dated cases within the span, one point each; same-year same-theme cases are spread around their row. */
export function timelinePoints(cases: CaseRecord[]): { points: TimelinePoint[]; undated: number } {
  const points: TimelinePoint[] = [];
  const dated = cases.filter((c) => c.year !== null && c.year >= TIMELINE_START && c.year <= TIMELINE_END);
  const buckets = new Map<string, CaseRecord[]>();
  for (const c of dated) {
    const key = `${c.year}|${c.theme}`;
    buckets.set(key, [...(buckets.get(key) ?? []), c]);
  }
  for (const group of buckets.values()) {
    group.forEach((c, i) => {
      const row = THEMES.indexOf(c.theme as (typeof THEMES)[number]);
      const offset = group.length === 1 ? 0 : (i / (group.length - 1) - 0.5) * 0.6;
      points.push({ id: c.id, title: c.title, year: c.year!, theme: c.theme, y: row + offset });
    });
  }
  return { points, undated: cases.length - dated.length };
}

/**
 * Scatter with years across and the six themes down; each point carries its case id. With `clickable`
 * the tooltip can be entered and holds a button with data-case-id for click-through.
 */
export function buildTimelineOption(points: TimelinePoint[], lang: Lang, clickable = false): EChartsOption {
  return {
    textStyle: { fontFamily: CJK_FONT_STACK },
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      enterable: clickable,
      formatter: (p) => tooltipHtml((p as unknown as { data: TooltipDatum }).data, clickable),
    },
    xAxis: {
      type: 'value',
      min: TIMELINE_START,
      max: TIMELINE_END,
      interval: 1,
      axisLine: { onZero: false },
      axisLabel: { formatter: (v: number) => String(v) },
    },
    // One unit of padding above and below so ticks fall on the theme rows (0 … 5).
    yAxis: {
      type: 'value',
      min: -1,
      max: THEMES.length,
      interval: 1,
      axisLine: { onZero: false },
      inverse: true,
      splitLine: { show: false },
      axisLabel: { formatter: (v: number) => (Number.isInteger(v) && THEMES[v] ? themeLabel(THEMES[v], lang) : '') },
    },
    series: THEMES.map((theme) => ({
      type: 'scatter' as const,
      name: themeLabel(theme, lang),
      symbolSize: 14,
      itemStyle: { color: themeColour(theme), opacity: 0.9 },
      cursor: 'pointer',
      // `name` is the case id: click events report it.
      data: points.filter((p) => p.theme === theme).map((p) => ({ name: p.id, value: [p.year, p.y], id: p.id, title: p.title })),
    })),
  };
}

interface TooltipDatum {
  id: string;
  title: string;
  value: number[];
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export function tooltipHtml(d: TooltipDatum, clickable: boolean): string {
  const title = escapeHtml(d.title);
  const head = clickable ? `<button type="button" class="tooltip-open" data-case-id="${escapeHtml(d.id)}">${title}</button>` : title;
  return `${head}<br/>${d.value[0]}`;
}
