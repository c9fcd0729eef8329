import type { EChartsOption, SeriesOption } from 'echarts';
import { translator } from '../i18n';
import type { Lang } from '../model/catalog';
import type { ChartData, ChartDataSeries } from './chart-data';
import { SCALE_ROOM, valueRange, visualMap } from './matrix-option';
import { compact, frame, tooltipHtml, topSpace, valueText, type OptionSettings } from './option-common';
import { findProvince, GRID_COLS, GRID_ROWS, PROVINCE_GRID } from './province-grid';

/** The most maps side by side (one per year or series); more are named in a note, never dropped silently. */
export const MAX_MAP_PANELS = 6;
const NO_DATA = '#e9ecef';

/** Where panel i of n sits, in percent of the chart: 1 → the whole area, 2 → 2 × 1, 3–4 → 2 × 2, 5–6 → 3 × 2. */
function panelBox(i: number, n: number, top: number) {
  const cols = n === 1 ? 1 : n <= 4 ? 2 : 3;
  const rows = Math.ceil(n / cols);
  // The colour scale takes the right edge (≈ 14 % of a small card).
  const w = 86 / cols;
  const h = (88 - top) / rows;
  return { left: 1 + (i % cols) * w, top: top + Math.floor(i / cols) * h, width: w - 2, height: h, cols };
}

function tiles(data: ChartData, s: ChartDataSeries, lang: Lang, settings: OptionSettings, small: boolean) {
  const byTile = new Map<string, { category: string; value: number | null }>();
  data.categories.forEach((c, i) => {
    const tile = findProvince(c);
    if (tile && !byTile.has(tile.name)) byTile.set(tile.name, { category: c, value: s.values[i] ?? null });
  });
  const withData: object[] = [];
  const empty: object[] = [];
  for (const tile of PROVINCE_GRID) {
    const hit = byTile.get(tile.name);
    const short = lang === 'en' ? tile.en : tile.short;
    const faded = settings.highlight !== undefined && hit?.category !== String(settings.highlight);
    const v = hit?.value ?? null;
    const name = hit?.category ?? tile.name;
    // A faded dark tile keeps ECharts' white label with its dark outline, which smudges: plain grey text instead.
    const fade = faded ? { label: { color: '#555', textBorderWidth: 0 }, itemStyle: { opacity: 0.35 } } : {};
    if (v === null) empty.push({ name, value: [tile.col, tile.row, 0], label: { formatter: short } });
    // Small panels have no room for the number under the name: the colour and the tooltip give it.
    else withData.push({ name, value: [tile.col, tile.row, v], ...fade, label: { formatter: small ? short : `${short}\n${compact(lang)(v)}`, ...(faded ? fade.label : {}) } });
  }
  return { withData, empty };
}

/**
 * Province tile map: every province a square in geographic order, coloured on one scale from the data's
 * smallest to its largest value. Places the grid does not know (e.g. 全国) are left out; provinces without data
 * are grey. Several series (one per year, runChart's split) draw one map each, on the same scale.
 */
export function buildProvinceMapOption(data: ChartData, lang: Lang, settings: OptionSettings = {}): EChartsOption {
  const t = translator(lang);
  const panels = data.series.slice(0, MAX_MAP_PANELS);
  const capped = data.series.length > panels.length;
  const shown: ChartData = capped ? { ...data, notes: [...(data.notes ?? []), t('charts.mapPanelsCapped', { shown: panels.length, total: data.series.length })] } : data;
  const unit = panels[0]?.unit ?? data.unit;
  const n = Math.max(panels.length, 1);
  const single = n === 1;
  const topPct = data.subtitle ? 18 : 14;
  const grids = panels.map((_, i) => {
    if (single) return { left: 8, right: SCALE_ROOM, top: topSpace(data, false) + 4, bottom: 28 };
    const b = panelBox(i, n, topPct);
    return { left: `${b.left}%`, top: `${b.top + 4}%`, width: `${b.width}%`, height: `${b.height - 5}%` };
  });
  const series: SeriesOption[] = [];
  // The scale covers the tiles drawn (a 全国 row off the grid does not stretch it).
  const drawn: number[] = [];
  panels.forEach((s, i) => {
    const { withData, empty } = tiles(data, s, lang, settings, !single);
    for (const d of withData) drawn.push((d as { value: number[] }).value[2]);
    const common = {
      type: 'heatmap' as const,
      xAxisIndex: i,
      yAxisIndex: i,
      itemStyle: { borderColor: '#fff', borderWidth: single ? 3 : 2, borderRadius: single ? 4 : 2 },
      label: { show: true, fontSize: single ? 11 : 9, lineHeight: single ? 14 : 11 },
      emphasis: { itemStyle: { borderColor: '#000', borderWidth: 2 } },
    };
    series.push({ ...common, name: s.name, data: withData } as SeriesOption);
    // Tiles without data: their own series, outside the colour scale, so the scale can start at the data's minimum.
    series.push({ ...common, name: t('charts.noData'), data: empty, itemStyle: { ...common.itemStyle, color: NO_DATA }, label: { ...common.label, color: '#555' } } as SeriesOption);
  });
  const scale = { ...visualMap(valueRange({ ...data, series: [{ ...panels[0], values: drawn }] }), lang), seriesIndex: panels.map((_, i) => 2 * i) };
  const axis = (count: number, i: number, inverse = false) => ({ type: 'category' as const, data: Array.from({ length: count }, (_, k) => k), show: false, gridIndex: i, ...(inverse ? { inverse } : {}) });
  return {
    ...frame(shown, false),
    ...(single
      ? {}
      : {
          title: [
            frame(shown, false).title as object,
            ...panels.map((s, i) => {
              const b = panelBox(i, n, topPct);
              // Anchored by its bottom just above the panel's tiles.
              return { text: s.name, left: `${b.left + b.width / 2}%`, bottom: `${100 - b.top - 3}%`, padding: 0, textAlign: 'center' as const, textStyle: { fontSize: 12, fontWeight: 600 as const } };
            }),
          ],
        }),
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const { name, value, seriesIndex } = p as { name: string; value: number[]; seriesIndex: number };
        const panel = panels[Math.floor(seriesIndex / 2)];
        const head = single ? name : `${panel?.name ?? ''} · ${name}`;
        return tooltipHtml(head, seriesIndex % 2 === 1 ? t('charts.noData') : valueText(value[2], unit, lang));
      },
    },
    grid: grids,
    xAxis: panels.map((_, i) => axis(GRID_COLS, i)),
    yAxis: panels.map((_, i) => axis(GRID_ROWS, i, true)),
    // Heatmap series need a visualMap: the no-data tiles get a hidden one that paints them all grey.
    visualMap: [scale, { type: 'continuous', show: false, min: 0, max: 1, dimension: 2, seriesIndex: panels.map((_, i) => 2 * i + 1), inRange: { color: [NO_DATA, NO_DATA] } }],
    series,
  };
}
