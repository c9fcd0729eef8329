import type { EChartsOption, SeriesOption } from 'echarts';
import { translator } from '../i18n';
import type { Lang } from '../model/catalog';
import type { ChartData } from './chart-data';
import { compact, frame, maxValue, minValue, tooltipHtml, topSpace, valueText, type OptionSettings } from './option-common';
import { matchFeatureNames } from './geojson';
import { findProvince, GRID_COLS, GRID_ROWS, PROVINCE_GRID } from './province-grid';

/** Light to dark blue: ordered for print and colour-blind readers (one hue, rising darkness). */
export const SEQUENTIAL = ['#eef5fb', '#9ecae1', '#4292c6', '#0072B2', '#08306b'];

function visualMap(max: number, lang: Lang, bottom: number) {
  return {
    type: 'continuous' as const,
    min: 0,
    max: max || 1,
    dimension: 2,
    calculable: true,
    orient: 'horizontal' as const,
    left: 'right',
    bottom,
    itemWidth: 10,
    itemHeight: 100,
    inRange: { color: SEQUENTIAL },
    outOfRange: { color: '#e9ecef' },
    formatter: (v: unknown) => compact(lang)(Number(v)),
  };
}

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
    grid: { left: 12, right: 16, top: topSpace(data, false) + 8, bottom: 64, containLabel: true },
    xAxis: { type: 'category', data: data.categories, name: data.categoryLabel, nameLocation: 'middle', nameGap: 26, splitArea: { show: true } },
    yAxis: { type: 'category', data: rows, inverse: true, splitArea: { show: true }, axisLabel: { width: 120, overflow: 'truncate' } },
    visualMap: visualMap(maxValue(data), lang, 22),
    series: [
      {
        type: 'heatmap',
        data: cells,
        label: { show: cells.length <= 120, formatter: (p: unknown) => compact(lang)((p as { value: number[] }).value[2]), fontSize: 11 },
        emphasis: { itemStyle: { borderColor: '#000', borderWidth: 1 } },
      },
    ],
  };
}

/**
 * Province tile map: every province a square in geographic order, coloured by the first series. Places
 * the grid does not know (e.g. 全国) are left out; provinces without data are grey.
 */
export function buildProvinceMapOption(data: ChartData, lang: Lang, settings: OptionSettings = {}): EChartsOption {
  const t = translator(lang);
  const s = data.series[0];
  const byTile = new Map<string, { category: string; value: number | null }>();
  data.categories.forEach((c, i) => {
    const tile = findProvince(c);
    if (tile && !byTile.has(tile.name)) byTile.set(tile.name, { category: c, value: s?.values[i] ?? null });
  });
  const tiles = PROVINCE_GRID.map((tile) => {
    const hit = byTile.get(tile.name);
    // Tiles without data sit below the colour scale, so visualMap paints them grey.
    const short = lang === 'en' ? tile.en : tile.short;
    const v = hit?.value ?? -1;
    const faded = settings.highlight !== undefined && hit?.category !== String(settings.highlight);
    return {
      name: hit?.category ?? tile.name,
      value: [tile.col, tile.row, v],
      // A faded dark tile keeps ECharts' white label with its dark outline, which smudges: plain grey text instead.
      label: { formatter: v < 0 ? short : `${short}\n${compact(lang)(v)}`, ...(faded ? { color: '#555', textBorderWidth: 0 } : {}) },
      ...(faded ? { itemStyle: { opacity: 0.35 } } : {}),
    };
  });
  const unit = s?.unit ?? data.unit;
  const top = topSpace(data, false) + 4;
  return {
    ...frame(data, false),
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const { name, value } = p as { name: string; value: number[] };
        return tooltipHtml(name, value[2] < 0 ? t('charts.noData') : valueText(value[2], unit, lang));
      },
    },
    grid: { left: 8, right: 8, top, bottom: 56 },
    xAxis: { type: 'category', data: Array.from({ length: GRID_COLS }, (_, i) => i), show: false },
    yAxis: { type: 'category', data: Array.from({ length: GRID_ROWS }, (_, i) => i), show: false, inverse: true },
    visualMap: visualMap(maxValue(data), lang, 24),
    series: [
      {
        type: 'heatmap',
        data: tiles,
        itemStyle: { borderColor: '#fff', borderWidth: 3, borderRadius: 4 },
        label: {
          show: true,
          fontSize: 11,
          lineHeight: 14,
        },
        emphasis: { itemStyle: { borderColor: '#000', borderWidth: 2 } },
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
  const { dimension: _heatmapOnly, ...scale } = visualMap(maxValue(data), lang, 22);
  return {
    ...frame(data, false),
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
        bottom: 56,
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
export function buildSmallMultiplesOption(data: ChartData, lang: Lang): EChartsOption {
  const panels = data.series.slice(0, MAX_PANELS);
  const capped = data.series.length > panels.length;
  const note = capped ? translator(lang)('charts.multiplesCapped', { shown: panels.length, total: data.series.length }) : '';
  // The note joins the subtitle so the title block makes room for it.
  const shown: ChartData = capped ? { ...data, subtitle: data.subtitle ? `${data.subtitle} · ${note}` : note } : data;
  const { cols, rows, dense, titleSize, labelSize } = multiplesLayout(panels.length);
  const years = data.keys.every((k) => typeof k === 'number');
  const max = maxValue(data);
  const min = minValue(data);
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
      ...panels.map((s, i) => ({
        text: s.name,
        left: `${at(i).left + (w - 3) / 2}%`,
        top: `${at(i).top}%`,
        textAlign: 'center' as const,
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
      splitNumber: 2,
      axisLabel: { fontSize: labelSize, formatter: compact(lang), ...inner(i % cols === 0) },
    })),
    series,
  };
}
