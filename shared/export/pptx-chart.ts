/** Native PowerPoint charts (pptxgenjs) from ChartData: the kinds of chart-kinds.ts NATIVE_KINDS. */
import type PptxGenJS from 'pptxgenjs';
import type { ChartData, ChartDataSeries } from '../charts/chart-data';
import { seriesHeader } from './chart-xml';

const FONT = 'Microsoft YaHei';
const CHART_COLOURS = ['0072B2', 'E69F00', '009E73', 'D55E00', '56B4E9', 'CC79A7'];
const HIGHLIGHT = 'D55E00';
const OTHER = '9AA5B1';

type PptxSlideObj = ReturnType<PptxGenJS['addSlide']>;
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Large values on the left axis go to the chart in 万 (the unit says so): PowerPoint's own number formats
 * cannot write 万, and "3,402,000" on every bar crowds a slide. Shares (%) and the right axis keep their scale.
 */
export function inWan(data: ChartData): ChartData {
  const scaled = (s: ChartDataSeries) => s.axis === 'left' && s.unit !== '%';
  const max = Math.max(0, ...data.series.filter(scaled).flatMap((s) => s.values.map((v) => Math.abs(v ?? 0))));
  if (max < 1e5 || data.kind === 'scatter') return data;
  const scale = (v: number | null) => (v === null ? null : Math.round((v / 1e4) * 100) / 100);
  const wan = (unit: string | undefined) => `万${unit ?? ''}`;
  return {
    ...data,
    unit: data.unit === '%' ? data.unit : wan(data.unit),
    series: data.series.map((s) => (scaled(s) ? { ...s, unit: wan(s.unit ?? data.unit), values: s.values.map(scale) } : s)),
  };
}

type Grouping = 'clustered' | 'stacked' | 'percentStacked';

function grouping(data: ChartData): Grouping {
  if (data.stack === 'none' || data.series.length < 2) return 'clustered';
  return data.stack === 'percent' ? 'percentStacked' : 'stacked';
}

const common = (data: ChartData, showTitle: boolean) => ({
  legendPos: 'b' as const,
  legendFontFace: FONT,
  dataLabelFontFace: FONT,
  dataLabelFontSize: 11,
  dataLabelFormatCode: '#,##0.##',
  valAxisLabelFormatCode: '#,##0.##',
  catAxisLabelFontFace: FONT,
  catAxisLabelFontSize: 12,
  valAxisLabelFontFace: FONT,
  valAxisLabelFontSize: 11,
  showTitle,
  title: data.title,
  titleFontFace: FONT,
  titleFontSize: 14,
  valAxisTitleFontFace: FONT,
  displayBlanksAs: 'gap',
});

/** A native chart for `original` in `box`; `highlight` paints one category of a single series in the accent colour. */
export function addNativeChart(pptx: PptxGenJS, slide: PptxSlideObj, original: ChartData, box: Box, showTitle: boolean, highlight?: number): void {
  const data = inWan(original);
  const horizontal = data.kind === 'bar';
  // PowerPoint draws horizontal bars bottom-up; reversed, they read top-down in the data's order, as on screen.
  const order = <T,>(xs: T[]): T[] => (horizontal ? [...xs].reverse() : xs);
  const rows = (list: ChartDataSeries[]) => list.map((s) => ({ name: s.name, labels: order(data.categories), values: order(s.values) as number[] }));
  const opts = { ...box, ...common(data, showTitle) };
  const axisTitle = (unit: string | undefined) => ({ showValAxisTitle: Boolean(unit), valAxisTitle: unit ?? '' });
  const T = pptx.ChartType;
  const pieLike = data.kind === 'pie' || data.kind === 'donut';
  const colours = (n: number) => CHART_COLOURS.slice(0, Math.max(1, n));

  if (pieLike) {
    const [first] = data.series;
    // As on screen: the share of the whole, or the stated value when the numbers already are shares (%).
    const shares = first.unit === '%';
    slide.addChart(data.kind === 'pie' ? T.pie : T.doughnut, rows([first]), {
      ...opts,
      chartColors: CHART_COLOURS,
      showLegend: true,
      showPercent: !shares,
      showValue: shares,
      ...(data.kind === 'donut' ? { holeSize: 60 } : {}),
    });
    return;
  }
  if (data.kind === 'scatter') {
    const [sx, sy] = data.series;
    // pptxgenjs: the first row holds the x values, the next ones the y values.
    slide.addChart(T.scatter, [{ name: seriesHeader(sx), values: sx.values }, { name: seriesHeader(sy), values: sy.values }], {
      ...opts,
      chartColors: colours(1),
      lineSize: 0,
      lineDataSymbol: 'circle',
      lineDataSymbolSize: 8,
      showLegend: false,
      showValAxisTitle: true,
      valAxisTitle: seriesHeader(sy),
      showCatAxisTitle: true,
      catAxisTitle: seriesHeader(sx),
      catAxisTitleFontFace: FONT,
    } as PptxGenJS.IChartOpts);
    return;
  }
  if (data.kind === 'combo' && data.series.some((s) => s.axis === 'right')) {
    const left = data.series.filter((s) => s.axis !== 'right');
    const right = data.series.filter((s) => s.axis === 'right');
    const types = [
      { type: T.bar, data: rows(left), options: { barDir: 'col', barGrouping: grouping({ ...data, series: left }), chartColors: colours(left.length) } },
      { type: T.line, data: rows(right), options: { secondaryValAxis: true, secondaryCatAxis: true, chartColors: CHART_COLOURS.slice(left.length), lineDataSymbol: 'circle' } },
    ];
    // Multi-type charts take their options in the second argument (pptxgenjs' documented combo form).
    slide.addChart(types as unknown as PptxGenJS.IChartMulti[], {
      ...opts,
      showLegend: true,
      showValue: true,
      valAxes: [axisTitle(left[0]?.unit ?? data.unit), { ...axisTitle(right[0].unit), valGridLine: { style: 'none' } }],
      catAxes: [{ catAxisTitle: '' }, { catAxisHidden: true }],
    } as unknown as never[]);
    return;
  }
  const type = data.kind === 'line' ? T.line : data.kind === 'area' ? T.area : T.bar;
  // One colour per bar (pptxgenjs writes c:dPt) when a single series has a highlighted category.
  const pointColours = highlight !== undefined && data.series.length === 1 ? order(data.categories.map((_, i) => (i === highlight ? HIGHLIGHT : OTHER))) : undefined;
  const g = grouping(data);
  slide.addChart(type, rows(data.series), {
    ...opts,
    ...axisTitle(data.unit),
    barDir: horizontal ? 'bar' : 'col',
    // pptxgenjs writes an area grouping only for 'stacked'; 100 % areas already hold shares that add up to 100.
    barGrouping: type === T.area && g === 'percentStacked' ? 'stacked' : g,
    ...(g === 'clustered' ? {} : { barOverlapPct: 100 }),
    chartColors: pointColours ?? colours(data.series.length),
    showLegend: data.series.length > 1,
    showValue: data.series.length === 1 && data.categories.length <= 24,
    ...(type === T.line ? { lineDataSymbol: 'circle' as const, lineDataSymbolSize: 6 } : {}),
  });
}
