/**
 * ECharts option for an ExportChart (pictures: PNG/SVG in the app, SVG in the CLI). Column, bar and line
 * come straight from buildCategoryOption, so exported pictures look like the charts on screen; pie and
 * combo adjust its output rather than restyling from scratch.
 */
import { Float64, Table, Utf8, makeData, makeVector } from 'apache-arrow';
import type { EChartsOption } from 'echarts';
import { buildCategoryOption } from '../charts/category';
import { formatCompact } from '../format/number';
import type { Lang } from '../model/catalog';
import type { ExportChart } from './chart-data';

type SeriesList = Extract<EChartsOption['series'], unknown[]>;

/*
 * Arrow's builders (tableFromArrays, vectorFromArray) compile their null checks with `new Function`, which the
 * app's CSP forbids; these two make the vectors straight from buffers instead.
 */
function utf8Vector(values: string[]) {
  const encoder = new TextEncoder();
  const parts = values.map((v) => encoder.encode(v));
  const valueOffsets = new Int32Array(values.length + 1);
  parts.forEach((p, i) => (valueOffsets[i + 1] = valueOffsets[i] + p.length));
  const data = new Uint8Array(valueOffsets[values.length]);
  parts.forEach((p, i) => data.set(p, valueOffsets[i]));
  return makeVector(makeData({ type: new Utf8(), length: values.length, valueOffsets, data }));
}

function float64Vector(values: (number | null)[]) {
  const nullBitmap = new Uint8Array(Math.ceil(values.length / 8));
  values.forEach((v, i) => v !== null && (nullBitmap[i >> 3] |= 1 << (i & 7)));
  const nullCount = values.filter((v) => v === null).length;
  // NaN as well as the null bit: readers that take the raw buffer (toArray) still see a gap, never 0.
  const data = Float64Array.from(values, (v) => v ?? Number.NaN);
  return makeVector(makeData({ type: new Float64(), length: values.length, data, nullBitmap, nullCount }));
}

export function exportChartOption(chart: ExportChart, lang: Lang): EChartsOption {
  // Column names must be unique in the Arrow table; the category column keeps its label.
  const names = chart.series.map((s) => (s.name === chart.categoryLabel ? `${s.name} ` : s.name));
  const table = new Table({
    [chart.categoryLabel]: utf8Vector(chart.categories),
    ...Object.fromEntries(chart.series.map((s, i) => [names[i], float64Vector(s.values)])),
  });
  const kind = chart.kind === 'line' ? 'line' : 'bar';
  const option = buildCategoryOption(
    table,
    { kind, x: chart.categoryLabel, y: names, horizontal: chart.kind === 'bar', stacked: chart.stacked },
    { title: chart.title, subtitle: chart.subtitle, unit: chart.unit, source: chart.source, lang },
  );
  // Pictures are taken from the first frame.
  option.animation = false;
  // The on-screen builder places the legend right under the title; a subtitle needs the room.
  if (chart.subtitle && option.legend && !Array.isArray(option.legend) && !Array.isArray(option.grid)) {
    option.legend = { ...option.legend, top: 60 };
    option.grid = { ...option.grid, top: Number(option.grid?.top ?? 64) + 20 };
  }

  if (chart.kind === 'pie') {
    const s = chart.series[0];
    return {
      ...option,
      xAxis: undefined,
      yAxis: undefined,
      grid: undefined,
      dataset: undefined,
      tooltip: { trigger: 'item' },
      legend: { top: chart.subtitle ? 56 : 36, left: 'left' },
      series: [
        {
          type: 'pie',
          name: s.name,
          radius: ['0%', '62%'],
          center: ['50%', '58%'],
          data: chart.categories.map((c, i) => ({ name: c, value: s.values[i] ?? 0 })),
          label: { formatter: '{b}\n{d}%' },
        },
      ],
    };
  }

  if (chart.kind === 'combo') {
    const primary = Array.isArray(option.yAxis) ? option.yAxis[0] : option.yAxis!;
    const secondaryUnit = chart.series.find((s) => s.secondaryAxis)?.unit ?? '';
    const hasSecondary = chart.series.some((s) => s.secondaryAxis);
    option.yAxis = hasSecondary
      ? [primary, { type: 'value', name: secondaryUnit, splitLine: { show: false }, axisLabel: { formatter: (v: number) => formatCompact(v, lang) } }]
      : primary;
    option.series = (option.series as SeriesList).map((s, i) => {
      const def = chart.series[i];
      return def.type === 'line' ? { ...s, type: 'line', yAxisIndex: def.secondaryAxis ? 1 : 0, barMaxWidth: undefined } : s;
    }) as SeriesList;
  }
  return option;
}

/**
 * ECharts' SVG renderer copies fontFamily into a double-quoted style attribute without escaping, so the
 * app's font stack ("Microsoft YaHei", …) would make the SVG invalid XML. Single quotes are equivalent in CSS.
 */
export function svgSafeFonts<T>(value: T): T {
  if (Array.isArray(value)) return value.map(svgSafeFonts) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, k === 'fontFamily' && typeof v === 'string' ? v.replace(/"/g, "'") : svgSafeFonts(v)]),
  ) as T;
}
