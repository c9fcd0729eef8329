/** Native PowerPoint charts (pptxgenjs) from ChartData: the kinds of chart-kinds.ts NATIVE_KINDS. */
import type PptxGenJS from 'pptxgenjs';
import type { ChartData, ChartDataSeries } from '../charts/chart-data';
import { languageTag, type Lang } from '../model/catalog';
import { seriesHeader } from './chart-xml';
import { cellValue, excelFormat } from './number-format';
import { seriesStyles } from './xlsx-layout';

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

type Grouping = 'clustered' | 'stacked' | 'percentStacked';

function grouping(data: ChartData): Grouping {
  if (data.stack === 'none' || data.series.length < 2) return 'clustered';
  return data.stack === 'percent' ? 'percentStacked' : 'stacked';
}

/** Labels, axis and the embedded data in one number format (our Excel format: 万/亿, %, decimals by measure). */
const formats = (code: string) => ({ dataLabelFormatCode: code, valAxisLabelFormatCode: code, valLabelFormatCode: code });

const common = (data: ChartData, showTitle: boolean) => ({
  legendPos: 'b' as const,
  legendFontFace: FONT,
  dataLabelFontFace: FONT,
  dataLabelFontSize: 11,
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

/**
 * A native chart for `data` in `box`; `highlight` paints one category of a single series in the accent colour.
 * Numbers are written as in our Excel files: percent numbers as fractions shown 4.4%, large ones shown in 万.
 */
export function addNativeChart(pptx: PptxGenJS, slide: PptxSlideObj, data: ChartData, box: Box, showTitle: boolean, lang: Lang, highlight?: number): void {
  const horizontal = data.kind === 'bar';
  const styles = seriesStyles(data, lang);
  const code = (s: ChartDataSeries) => excelFormat(styles[data.series.indexOf(s)]);
  const values = (s: ChartDataSeries) => s.values.map((v) => (v === null ? null : cellValue(v, styles[data.series.indexOf(s)])));
  // PowerPoint draws horizontal bars bottom-up; reversed, they read top-down in the data's order, as on screen.
  const order = <T,>(xs: T[]): T[] => (horizontal ? [...xs].reverse() : xs);
  const rows = (list: ChartDataSeries[]) => list.map((s) => ({ name: s.name, labels: order(data.categories), values: order(values(s)) as number[] }));
  // lang: the chart's text runs in the deck's language (pptxgenjs otherwise says en-US).
  const opts = { ...box, ...common(data, showTitle), ...formats(code(data.series[0])), lang: languageTag(lang) };
  const axisTitle = (unit: string | undefined) => ({ showValAxisTitle: Boolean(unit), valAxisTitle: unit ?? '' });
  // Value axes start at 0 as on screen (and as in our Excel charts) when their numbers are not negative.
  const zero = (list: ChartDataSeries[]) => (list.every((s) => s.values.every((v) => v === null || v >= 0)) ? { valAxisMinVal: 0 } : {});
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
      // A percent label is the slice's fraction of the whole.
      ...(shares ? {} : { dataLabelFormatCode: '0%' }),
      ...(data.kind === 'donut' ? { holeSize: 60 } : {}),
    });
    return;
  }
  if (data.kind === 'scatter') {
    const [sx, sy] = data.series;
    // pptxgenjs: the first row holds the x values, the next ones the y values.
    slide.addChart(T.scatter, [{ name: seriesHeader(sx, lang), values: values(sx) }, { name: seriesHeader(sy, lang), values: values(sy) }], {
      ...opts,
      ...formats(code(sy)),
      chartColors: colours(1),
      lineSize: 0,
      lineDataSymbol: 'circle',
      lineDataSymbolSize: 8,
      showLegend: false,
      showValAxisTitle: true,
      valAxisTitle: seriesHeader(sy, lang),
      showCatAxisTitle: true,
      catAxisTitle: seriesHeader(sx, lang),
      catAxisTitleFontFace: FONT,
    } as PptxGenJS.IChartOpts);
    return;
  }
  if (data.kind === 'combo' && data.series.some((s) => s.axis === 'right')) {
    const left = data.series.filter((s) => s.axis !== 'right');
    const right = data.series.filter((s) => s.axis === 'right');
    const types = [
      { type: T.bar, data: rows(left), options: { barDir: 'col', barGrouping: grouping({ ...data, series: left }), chartColors: colours(left.length), ...formats(code(left[0])) } },
      {
        type: T.line,
        data: rows(right),
        options: { secondaryValAxis: true, secondaryCatAxis: true, chartColors: CHART_COLOURS.slice(left.length), lineDataSymbol: 'circle', ...formats(code(right[0])) },
      },
    ];
    // Multi-type charts take their options in the second argument (pptxgenjs' documented combo form).
    slide.addChart(types as unknown as PptxGenJS.IChartMulti[], {
      ...opts,
      showLegend: true,
      showValue: true,
      valAxes: [
        { ...axisTitle(left[0]?.unit ?? data.unit), valAxisLabelFormatCode: code(left[0] ?? data.series[0]), ...zero(left) },
        { ...axisTitle(right[0].unit), valAxisLabelFormatCode: code(right[0]), valGridLine: { style: 'none' }, ...zero(right) },
      ],
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
    ...zero(data.series),
    barDir: horizontal ? 'bar' : 'col',
    // pptxgenjs writes an area grouping only for 'stacked'; 100 % areas already hold shares that add up to 100.
    barGrouping: type === T.area && g === 'percentStacked' ? 'stacked' : g,
    ...(g === 'clustered' ? {} : { barOverlapPct: 100 }),
    // A 100 % stacked axis runs from 0 to 1 whatever the series' format.
    ...(g === 'percentStacked' ? { valAxisLabelFormatCode: '0%' } : {}),
    chartColors: pointColours ?? colours(data.series.length),
    showLegend: data.series.length > 1,
    showValue: data.series.length === 1 && data.categories.length <= 24,
    ...(type === T.line ? { lineDataSymbol: 'circle' as const, lineDataSymbolSize: 6 } : {}),
  });
}
