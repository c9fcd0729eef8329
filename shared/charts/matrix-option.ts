import type { EChartsOption, SeriesOption } from 'echarts';
import { translator } from '../i18n';
import type { Lang } from '../model/catalog';
import type { ChartData } from './chart-data';
import { SEQUENTIAL, valueRange as rangeOf, type ScaleRange } from './colour-scale';
import { compact, frame, maxValue, minValue, tooltipHtml, topSpace, valueText, type OptionSettings } from './option-common';
import { matchFeatureNames } from './geojson';

/** The colour scale's range over `series` (all of them by default). */
export function valueRange(data: ChartData, series: ChartData['series'] = data.series): ScaleRange {
  return rangeOf(series.flatMap((s) => s.values));
}

export function visualMap(range: { min: number; max: number }, lang: Lang) {
  // Upright at the right edge, beside the plot (grids leave SCALE_ROOM): below it, it met the x labels.
  return {
    type: 'continuous' as const,
    min: range.min,
    max: range.max,
    dimension: 2,
    // No drag handles: they doubled its width, and a picture cannot be dragged anyway.
    calculable: false,
    orient: 'vertical' as const,
    right: 8,
    top: 'middle' as const,
    itemWidth: 10,
    itemHeight: 110,
    inRange: { color: SEQUENTIAL },
    outOfRange: { color: '#e9ecef' },
    // Without drag handles the scale names its ends itself: largest at the top.
    text: [compact(lang)(range.max), compact(lang)(range.min)],
    textGap: 6,
    formatter: (v: unknown) => compact(lang)(Number(v)),
  };
}

/** Room at the right for the colour scale. */
export const SCALE_ROOM = 80;

/** Dimension × series as coloured cells, e.g. region × year. */
export function buildHeatmapOption(data: ChartData, lang: Lang): EChartsOption {
  const rows = data.series.map((s) => s.name);
  const cells = data.series.flatMap((s, r) =>
    s.values.flatMap((v, c) => (v === null ? [] : [{ name: data.categories[c], value: [c, r, v] }])),
  );
  const unit = data.series[0]?.unit ?? data.unit;
  return {
    ...frame(data, false),
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const { name, value } = p as { name: string; value: number[] };
        return tooltipHtml(`${rows[value[1]]} · ${name}`, valueText(value[2], unit, lang));
      },
    },
    grid: { left: 12, right: SCALE_ROOM, top: topSpace(data, false) + 8, bottom: 44, containLabel: true },
    xAxis: { type: 'category', data: data.categories, name: data.categoryLabel, nameLocation: 'middle', nameGap: 26, splitArea: { show: true } },
    yAxis: { type: 'category', data: rows, inverse: true, splitArea: { show: true }, axisLabel: { width: 120, overflow: 'truncate' } },
    visualMap: visualMap(valueRange(data), lang),
    series: [
      {
        type: 'heatmap',
        data: cells,
        label: { show: cells.length <= 120, formatter: (p: unknown) => compact(lang)((p as { value: number[] }).value[2]), fontSize: 11 },
        // Narrow cells (a small dashboard card) hide the numbers that would run into each other.
        labelLayout: { hideOverlap: true },
        emphasis: { itemStyle: { borderColor: '#000', borderWidth: 1 } },
      },
    ],
  };
}

/**
 * A choropleth on a user-registered GeoJSON basemap. Data names are the categories; `nameMap` ties each
 * GeoJSON feature to its category, so clicks report categories (cross-filtering works as on the tile map).
 */
export function buildGeoMapOption(data: ChartData, lang: Lang, settings: OptionSettings = {}): EChartsOption {
  const t = translator(lang);
  const s = data.series[0];
  const matched = matchFeatureNames(data.categories, settings.basemapFeatures ?? []);
  const nameMap = Object.fromEntries(matched.flatMap((feature, i) => (feature ? [[feature, data.categories[i]]] : [])));
  const unit = s?.unit ?? data.unit;
  // A choropleth draws one series; the others are named, never summed in.
  const shown: ChartData =
    data.series.length > 1 ? { ...data, notes: [...(data.notes ?? []), t('charts.mapPanelsCapped', { shown: 1, total: data.series.length })] } : data;
  const { dimension: _heatmapOnly, ...scale } = visualMap(valueRange(data, data.series.slice(0, 1)), lang);
  return {
    ...frame(shown, false),
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const { name, value } = p as { name: string; value?: number };
        return tooltipHtml(name, typeof value === 'number' && !Number.isNaN(value) ? valueText(value, unit, lang) : t('charts.noData'));
      },
    },
    visualMap: scale,
    series: [
      {
        type: 'map',
        map: data.basemap,
        nameMap,
        roam: true,
        top: topSpace(data, false) + 8,
        bottom: 28,
        left: 8,
        right: SCALE_ROOM,
        selectedMode: false,
        data: data.categories.map((name, i) => ({
          name,
          value: s?.values[i] ?? NaN,
          ...(settings.highlight !== undefined && name !== String(settings.highlight) ? { itemStyle: { opacity: 0.35 } } : {}),
        })),
        itemStyle: { borderColor: '#fff', areaColor: '#e9ecef' },
        emphasis: { itemStyle: { borderColor: '#000', borderWidth: 1 }, label: { show: true } },
      },
    ],
  };
}

/** The most panels small multiples draw (6 × 6 fits 31 provinces); more are named in a note, never dropped silently. */
export const MAX_PANELS = 36;

/**
 * Columns and rows for n panels on a chart about twice as wide as tall, rows balanced so the last one
 * is nearly full (31 → 8 × 4, 36 → 9 × 4); panel titles and axis labels shrink as the grid gets denser.
 */
export function multiplesLayout(n: number) {
  const count = Math.max(n, 1);
  const rows = Math.ceil(count / (count <= 4 ? count : Math.ceil(Math.sqrt(count * 2))));
  const cols = Math.ceil(count / rows);
  const dense = rows > 2;
  return { cols, rows, dense, titleSize: rows <= 2 ? 12 : rows === 3 ? 11 : 10, labelSize: dense ? 9 : 10 };
}

/** One small chart per series, all on the same scales, so sizes compare across panels. */
/**
 * One scale for every panel, on round steps: ECharts given only a max (3) and splitNumber 2 labels 0, 2, 3
 * with the 1 gone; about three equal steps of 1, 2, 2.5 or 5 × 10ⁿ reach past both ends.
 */
export function sharedScale(lo: number, hi: number): { min: number; max: number; interval: number } {
  const span = hi - lo;
  if (!(span > 0) || !Number.isFinite(span)) return { min: lo, max: lo + 1, interval: 1 };
  const rough = span / 3;
  const p = 10 ** Math.floor(Math.log10(rough));
  const interval = ([1, 2, 2.5, 5, 10].find((f) => f * p >= rough * (1 - 1e-12)) ?? 10) * p;
  const min = Math.floor(lo / interval + 1e-9) * interval;
  return { min, max: Math.ceil(hi / interval - 1e-9) * interval, interval };
}

export function buildSmallMultiplesOption(data: ChartData, lang: Lang): EChartsOption {
  const panels = data.series.slice(0, MAX_PANELS);
  const capped = data.series.length > panels.length;
  const note = capped ? translator(lang)('charts.multiplesCapped', { shown: panels.length, total: data.series.length }) : '';
  // The note joins the subtitle so the title block makes room for it.
  const shown: ChartData = capped ? { ...data, subtitle: data.subtitle ? `${data.subtitle} · ${note}` : note } : data;
  const { cols, rows, dense, titleSize, labelSize } = multiplesLayout(panels.length);
  const years = data.keys.every((k) => typeof k === 'number');
  const { min, max, interval } = sharedScale(minValue(data), maxValue(data));
  const w = 100 / cols;
  // Percent layout (ECharts has no calc()): the title block takes the top ~15 %, the source line ~6 %.
  const top = shown.subtitle ? 18 : 14;
  const cellH = (94 - top) / rows;
  const titleRoom = dense ? 3.5 : 5;
  const gap = dense ? 2.5 : 5;
  const at = (i: number) => ({ left: (i % cols) * w + 1, top: top + Math.floor(i / cols) * cellH });
  // Dense grids label only the outer panels; inner labels stay (transparent) so every plot keeps the same size.
  const inner = (outer: boolean) => (dense && !outer ? { color: 'transparent' } : {});
  const grids = panels.map((_, i) => ({
    left: `${at(i).left}%`,
    width: `${w - 3}%`,
    top: `${at(i).top + titleRoom}%`,
    height: `${cellH - titleRoom - gap}%`,
    containLabel: true,
  }));
  const series: SeriesOption[] = panels.map((s, i) => ({
    type: years ? 'line' : 'bar',
    name: s.name,
    data: s.values,
    xAxisIndex: i,
    yAxisIndex: i,
    barMaxWidth: 24,
    symbolSize: dense ? 3 : 4,
    connectNulls: true,
    tooltip: { valueFormatter: (v: unknown) => valueText(v, s.unit, lang) },
  }));
  const frameTitle = frame(shown, false).title as object;
  return {
    ...frame(shown, false),
    title: [
      frameTitle,
      // Centred over the panel, clear of the top tick label of the value axis.
      // Anchored by its bottom on the plot's top edge, so a taller title grows away from the plot.
      ...panels.map((s, i) => ({
        text: s.name,
        left: `${at(i).left + (w - 3) / 2}%`,
        bottom: `${100 - at(i).top - titleRoom + 1}%`,
        textAlign: 'center' as const,
        padding: 0,
        textStyle: { fontSize: titleSize, fontWeight: 600 as const },
      })),
    ],
    tooltip: { trigger: 'axis' },
    grid: grids,
    xAxis: panels.map((_, i) => ({
      type: 'category' as const,
      data: data.categories,
      gridIndex: i,
      axisLabel: { fontSize: labelSize, hideOverlap: true, ...inner(i + cols >= panels.length) },
    })),
    yAxis: panels.map((_, i) => ({
      type: 'value' as const,
      gridIndex: i,
      max,
      min,
      interval,
      // The top label would sit under the panel title.
      axisLabel: { fontSize: labelSize, formatter: compact(lang), showMaxLabel: false, ...inner(i % cols === 0) },
    })),
    series,
  };
}
