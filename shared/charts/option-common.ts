import type { EChartsOption } from 'echarts';
import { formatCompact, formatNumber } from '../format/number';
import type { Lang } from '../model/catalog';
import type { FilterValue } from '../model/chart-spec';
import { sourceAndNotes, type ChartData } from './chart-data';
import { ACCENT_COLOUR, CJK_FONT_STACK, MUTED_COLOUR, PALETTE } from './theme';

/** Text as HTML: ECharts puts a formatter's return value into the tooltip's innerHTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A tooltip of plain-text lines, each escaped: category names, series names and units come from the
 * user's data (a CSV cell `<img src=x onerror=…>` must show as text, never become an element).
 */
export function tooltipHtml(...lines: string[]): string {
  return lines.map(escapeHtml).join('<br/>');
}

/** "200,300 人": full number and unit, for tooltips. */
export function valueText(v: unknown, unit: string | undefined, lang: Lang): string {
  if (typeof v !== 'number' || !Number.isFinite(v)) return '—';
  return `${formatNumber(Math.round(v * 100) / 100, lang)}${unit ? (unit === '%' ? '%' : ` ${unit}`) : ''}`;
}

/** Axis ticks and data labels: 万/亿 (zh) or K/M (en). */
export const compact = (lang: Lang) => (v: number) => formatCompact(v, lang);

/** Where the legend starts: under the title (≈ 4–29 px) and the subtitle (≈ 29–50 px). */
const legendTop = (data: ChartData) => (data.subtitle ? 56 : 34);

/** Space the title block takes at the top (title, optional subtitle, optional legend). */
export function topSpace(data: ChartData, legend: boolean): number {
  return legend ? legendTop(data) + 30 : 40 + (data.subtitle ? 22 : 0);
}

/** Room above a vertical value axis for its name (the unit), which ECharts draws above the plot. */
export const AXIS_NAME_ROOM = 22;

/**
 * The texts that must fit the chart's width, for the renderer to merge in when the box size is known (the
 * option builders do not know it): the title and the source line are cut with … at the chart's edge.
 */
export function fitToWidth(option: EChartsOption, width: number): EChartsOption | null {
  // Only charts drawn by frame() have these parts (the case library's own pictures have neither).
  const graphic = option.graphic;
  if (!Array.isArray(graphic) || !graphic.some((g) => (g as { id?: string }).id === SOURCE_ID)) return null;
  const w = Math.max(120, Math.round(width) - 16);
  return { title: [{ textStyle: { width: Math.min(560, w) } }], graphic: [{ id: SOURCE_ID, style: { width: Math.min(900, w) } }] };
}
export const SOURCE_ID = 'sgw-source';

export interface OptionSettings {
  /** The x value picked by a click on this chart (cross-filter source): the other elements are dimmed. */
  highlight?: FilterValue;
  /** Feature names of the registered GeoJSON basemap a map chart draws on. */
  basemapFeatures?: string[];
  /** The x value whose bar is painted in the accent colour and every other bar grey (a case's own place). */
  accent?: FilterValue;
}

/** Index of the highlighted category, or -1. */
export function highlightIndex(data: ChartData, settings: OptionSettings): number {
  return settings.highlight === undefined ? -1 : data.keys.findIndex((k) => k === settings.highlight);
}

/** Values as data items, the ones not picked faded. */
export function dimmed<T>(items: T[], picked: number): (T | { value: T; itemStyle: { opacity: number } })[] {
  return picked < 0 ? items : items.map((v, i) => (i === picked ? v : { value: v, itemStyle: { opacity: 0.3 } }));
}

/** Bar values as data items: faded when another bar is picked, orange/grey when one bar is the accent. */
export function barItems(values: (number | null)[], data: ChartData, settings: OptionSettings) {
  const picked = highlightIndex(data, settings);
  const accent = settings.accent === undefined ? -1 : data.keys.findIndex((k) => k === settings.accent);
  if (accent < 0) return dimmed(values, picked);
  return values.map((v, i) => ({
    value: v,
    itemStyle: { color: i === accent ? ACCENT_COLOUR : MUTED_COLOUR, ...(picked >= 0 && i !== picked ? { opacity: 0.3 } : {}) },
  }));
}

/** Counts tick in whole numbers. */
export function wholeNumbers(data: ChartData): boolean {
  return data.series.every((s) => s.values.every((v) => v === null || Number.isInteger(v)));
}

/** Title, palette, fonts and the source line under the chart: the parts every chart kind shares. */
export function frame(data: ChartData, legend: boolean): EChartsOption {
  return {
    color: PALETTE,
    textStyle: { fontFamily: CJK_FONT_STACK },
    animationDuration: 300,
    animationDurationUpdate: 250,
    title: {
      text: data.title,
      subtext: data.subtitle,
      left: 8,
      top: 4,
      textStyle: { fontSize: 15, fontWeight: 600, overflow: 'truncate', width: 560 },
      subtextStyle: { color: '#555' },
    },
    legend: legend ? { type: 'scroll', top: legendTop(data), left: 8, right: 8, itemWidth: 14, itemHeight: 10 } : undefined,
    graphic: [
      {
        id: SOURCE_ID,
        type: 'text',
        left: 8,
        bottom: 4,
        style: { text: sourceAndNotes(data), fill: '#666', fontSize: 11, fontFamily: CJK_FONT_STACK, width: 900, overflow: 'truncate' },
      },
    ],
  };
}

/** The largest absolute value over all series (for shared scales). */
export function maxValue(data: ChartData): number {
  let max = 0;
  for (const s of data.series) for (const v of s.values) if (v !== null && Math.abs(v) > max) max = Math.abs(v);
  return max;
}

export function minValue(data: ChartData): number {
  let min = 0;
  for (const s of data.series) for (const v of s.values) if (v !== null && v < min) min = v;
  return min;
}
