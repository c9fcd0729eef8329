import type { EChartsOption, SeriesOption } from 'echarts';
import { translator } from '../i18n';
import type { Lang } from '../model/catalog';
import { trendX, yearly, type Trend } from '../stats/trend';
import type { ChartData, ChartDataSeries } from './chart-data';
import { AXIS_NAME_ROOM, barItems, compact, frame, tooltipHtml, topSpace, valueText, wholeNumbers, type OptionSettings } from './option-common';
import { PALETTE, ROUND_DASHES, ROUND_SYMBOLS } from './theme';
import { paren } from '../format/paren';

const STACKABLE = new Set(['bar', 'area']);

/** Series 13, 14 … reuse the palette's colours: other markers and dashes on lines, a pattern on bars. */
export function roundLook(i: number, type: 'bar' | 'line') {
  const round = Math.floor(i / PALETTE.length);
  if (round === 0) return {};
  const k = round % ROUND_SYMBOLS.length;
  return type === 'line'
    ? { symbol: ROUND_SYMBOLS[k], symbolSize: 8, showSymbol: true, lineStyle: { type: ROUND_DASHES[k] } }
    : { itemStyle: { decal: { symbol: ROUND_SYMBOLS[k], symbolSize: 0.6, color: 'rgba(255, 255, 255, 0.7)', dashArrayX: 5, dashArrayY: 5 } } };
}

function markers(data: ChartData, s: ChartDataSeries, horizontal: boolean, first: boolean) {
  if (!first || data.annotations.length === 0) return {};
  const idx = (x: unknown) => data.categories.indexOf(String(x));
  const points = data.annotations
    .filter((a) => a.style === 'point' && idx(a.x) >= 0 && s.values[idx(a.x)] !== null)
    .map((a) => {
      const cat = data.categories[idx(a.x)];
      const v = s.values[idx(a.x)];
      return { name: a.text, coord: horizontal ? [v, cat] : [cat, v], value: a.text };
    });
  const lines = data.annotations
    .filter((a) => a.style === 'line' && idx(a.x) >= 0)
    .map((a) => ({ name: a.text, ...(horizontal ? { yAxis: data.categories[idx(a.x)] } : { xAxis: data.categories[idx(a.x)] }) }));
  return {
    ...(points.length
      ? {
          markPoint: {
            symbol: 'circle',
            symbolSize: 10,
            itemStyle: { color: '#D55E00' },
            label: { show: true, position: 'top' as const, formatter: '{b}', color: '#222', backgroundColor: '#fff', borderColor: '#D55E00', borderWidth: 1, padding: [2, 4] },
            data: points,
          },
        }
      : {}),
    ...(lines.length
      ? { markLine: { symbol: 'none', lineStyle: { color: '#555', type: 'dashed' as const }, label: { formatter: '{b}', position: 'end' as const, color: '#333' }, data: lines } }
      : {}),
  };
}

/** "斜率 +12.3/年，R² = 0.976，年均增长 7.3%": what a trend line says at its end. */
export function trendText(trend: Trend, years: boolean, lang: Lang): string {
  const t = translator(lang);
  const slope = `${trend.slope > 0 ? '+' : ''}${compact(lang)(trend.slope)}`;
  const cagr = trend.cagr === null ? '' : t('trend.cagr', { cagr: `${(trend.cagr * 100).toFixed(1)}%` });
  return t('trend.label', { slope, per: t(years ? 'trend.perYear' : 'trend.perStep'), r2: trend.r2.toFixed(3) }) + cagr;
}

/** Each trend as a dashed line in its series' colour, labelled at its end. */
function trendSeries(data: ChartData, lang: Lang): SeriesOption[] {
  const xs = trendX(data.categories);
  const years = yearly(data.categories);
  const t = translator(lang);
  return data.series.flatMap((s, i) => {
    if (!s.trend) return [];
    const { slope, intercept } = s.trend;
    const color = PALETTE[i % PALETTE.length];
    return [
      {
        type: 'line',
        name: t('trend.name', { series: s.name }),
        data: xs.map((x) => intercept + slope * x),
        symbol: 'none',
        silent: true,
        lineStyle: { type: 'dashed', width: 1.5, color },
        itemStyle: { color },
        endLabel: { show: true, formatter: trendText(s.trend, years, lang), color: '#333', fontSize: 11, backgroundColor: 'rgba(255, 255, 255, 0.85)', padding: [1, 3] },
        tooltip: { valueFormatter: (v: unknown) => valueText(v, s.unit, lang) },
      } as SeriesOption,
    ];
  });
}

/** Column/bar (grouped, stacked, 100 % stacked, horizontal), line and area, and bar + line on two axes. */
export function buildCartesianOption(data: ChartData, lang: Lang, settings: OptionSettings = {}): EChartsOption {
  const horizontal = data.kind === 'bar';
  const legend = data.series.length > 1;
  const right = data.series.find((s) => s.axis === 'right');
  const percent = data.stack === 'percent';
  const whole = wholeNumbers(data);
  const valueAxis = (unit: string | undefined, side: 'left' | 'right') => ({
    type: 'value' as const,
    name: unit ?? '',
    position: side,
    ...(percent && side === 'left' ? { max: 100 } : {}),
    ...(whole && side === 'left' ? { minInterval: 1 } : {}),
    axisLabel: { formatter: compact(lang) },
    splitLine: { show: side === 'left' },
    nameTextStyle: { align: side === 'left' ? ('left' as const) : ('right' as const) },
  });
  const categoryAxis = {
    type: 'category' as const,
    data: data.categories,
    axisLabel: { hideOverlap: true, width: horizontal ? 120 : 90, overflow: 'truncate' as const },
  };
  const single = data.series.length === 1;
  const series: SeriesOption[] = data.series.map((s, i) => {
    const type = s.type === 'area' ? 'line' : s.type === 'line' ? 'line' : 'bar';
    const stack = data.stack !== 'none' && STACKABLE.has(s.type) ? 'total' : undefined;
    return {
      type,
      name: s.name,
      data: type === 'bar' ? barItems(s.values, data, settings) : s.values,
      yAxisIndex: !horizontal && s.axis === 'right' ? 1 : 0,
      stack,
      barMaxWidth: 44,
      connectNulls: type === 'line',
      symbolSize: 6,
      ...(s.type === 'area' ? { areaStyle: { opacity: stack ? 0.85 : 0.3 } } : {}),
      ...roundLook(i, type),
      ...(single || s.axis === 'right'
        ? {
            label: {
              show: data.categories.length <= 24,
              position: horizontal ? ('right' as const) : ('top' as const),
              formatter: (p: { value?: unknown }) =>
                typeof p.value === 'number' ? `${compact(lang)(p.value)}${s.unit === '%' ? '%' : ''}` : '',
              fontSize: 11,
              ...(type === 'line' ? { color: '#222', backgroundColor: 'rgba(255, 255, 255, 0.85)', padding: [1, 3] } : {}),
            },
          }
        : {}),
      tooltip: { valueFormatter: (v: unknown) => valueText(v, s.unit, lang) },
      ...markers(data, s, horizontal, i === 0),
    } as SeriesOption;
  });
  const trends = trendSeries(data, lang);
  series.push(...trends);
  // A vertical chart's unit sits above the plot: leave it room under the title block (no overlap with the title).
  const named = !horizontal && Boolean(data.unit || right?.unit);
  const top = topSpace(data, legend || trends.length > 0) + (named ? AXIS_NAME_ROOM : 0);
  const valueAxes = right && !horizontal ? [valueAxis(data.unit, 'left'), valueAxis(right.unit, 'right')] : valueAxis(data.unit, 'left');
  return {
    ...frame(data, legend || trends.length > 0),
    tooltip: { trigger: 'axis', axisPointer: { type: horizontal ? 'shadow' : 'line' } },
    // A trend's end label needs room right of the plot.
    grid: { left: 12, right: trends.length ? 220 : right ? 16 : horizontal ? 40 : 28, top: top + 8, bottom: 28, containLabel: true },
    xAxis: horizontal ? valueAxis(data.unit, 'left') : categoryAxis,
    yAxis: horizontal ? { ...categoryAxis, inverse: true } : valueAxes,
    series,
  };
}

/** Two measures per category: x = first, y = second, one labelled point per category. */
export function buildScatterOption(data: ChartData, lang: Lang): EChartsOption {
  const [sx, sy] = data.series;
  const points = data.categories
    .map((name, i) => ({ name, value: [sx?.values[i] ?? null, sy?.values[i] ?? null] }))
    .filter((p) => p.value[0] !== null && p.value[1] !== null);
  const axis = (s: ChartDataSeries | undefined) => ({
    type: 'value' as const,
    name: s ? `${s.name}${s.unit ? paren(s.unit, lang) : ''}` : '',
    nameLocation: 'middle' as const,
    nameGap: 30,
    scale: true,
    axisLabel: { formatter: compact(lang) },
  });
  return {
    ...frame(data, false),
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const { name, value } = p as { name: string; value: number[] };
        return tooltipHtml(name, `${sx?.name}: ${valueText(value[0], sx?.unit, lang)}`, `${sy?.name}: ${valueText(value[1], sy?.unit, lang)}`);
      },
    },
    // Axis names sit outside containLabel's box: leave them room on the left and at the bottom.
    grid: { left: 56, right: 32, top: topSpace(data, false) + 8, bottom: 48, containLabel: true },
    xAxis: axis(sx),
    yAxis: { ...axis(sy), nameGap: 36 },
    series: [
      {
        type: 'scatter',
        data: points,
        symbolSize: 12,
        label: { show: points.length <= 40, position: 'right', formatter: '{b}', fontSize: 11 },
        labelLayout: { hideOverlap: true },
      },
    ],
  };
}
