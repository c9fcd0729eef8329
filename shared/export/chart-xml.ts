/**
 * DrawingML chart part (xl/charts/chartN.xml) for a native, editable Excel/WPS chart. Element order follows
 * the ECMA-376 schema (CT_ChartSpace, CT_Chart, CT_BarSer …): Excel refuses a file whose order is wrong.
 */
import { CJK_FONT_STACK, PALETTE } from '../charts/theme';
import type { ExportChart, ExportSeries } from './chart-data';
import { absRange, xmlText } from './ooxml';

/** Where the chart's data sits on its sheet. Rows are 1-based, columns 0-based. */
export interface ChartRefs {
  sheet: string;
  headerRow: number;
  firstRow: number;
  lastRow: number;
  categoryCol: number;
  /** One column per series, in series order. */
  seriesCols: number[];
}

const NS =
  'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
/** First font of the app's CJK stack: what Excel/WPS on Windows use for Chinese. */
export const CHART_FONT = CJK_FONT_STACK.split(',')[0].replace(/"/g, '').trim();

const font = `<a:latin typeface="${xmlText(CHART_FONT)}"/><a:ea typeface="${xmlText(CHART_FONT)}"/><a:cs typeface="${xmlText(CHART_FONT)}"/>`;
const txPr = (size: number, bold = false) =>
  `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size * 100}" b="${bold ? 1 : 0}">${font}</a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>`;
const color = (i: number) => PALETTE[i % PALETTE.length].slice(1).toUpperCase();
const fill = (i: number) => `<a:solidFill><a:srgbClr val="${color(i)}"/></a:solidFill>`;

function richTitle(lines: { text: string; size: number; bold: boolean }[]): string {
  const paras = lines
    .map(
      (l) =>
        `<a:p><a:pPr><a:defRPr sz="${l.size * 100}" b="${l.bold ? 1 : 0}">${font}</a:defRPr></a:pPr><a:r><a:rPr lang="zh-CN" sz="${l.size * 100}" b="${l.bold ? 1 : 0}">${font}</a:rPr><a:t>${xmlText(l.text)}</a:t></a:r></a:p>`,
    )
    .join('');
  return `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/>${paras}</c:rich></c:tx><c:overlay val="0"/></c:title>`;
}

function strCache(values: string[]): string {
  return `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${xmlText(v)}</c:v></c:pt>`).join('')}</c:strCache>`;
}

function numCache(values: (number | null)[]): string {
  const pts = values.map((v, i) => (v === null || !Number.isFinite(v) ? '' : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join('');
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

/** c:tx, c:cat and c:val of one series: references into the sheet plus caches for readers that do not recalc. */
function seriesRefs(chart: ExportChart, refs: ChartRefs, i: number) {
  const s = chart.series[i];
  const col = refs.seriesCols[i];
  return {
    tx: `<c:tx><c:strRef><c:f>${xmlText(absRange(refs.sheet, col, refs.headerRow))}</c:f>${strCache([seriesHeader(s, chart.unit)])}</c:strRef></c:tx>`,
    cat: `<c:cat><c:strRef><c:f>${xmlText(absRange(refs.sheet, refs.categoryCol, refs.firstRow, refs.lastRow))}</c:f>${strCache(chart.categories)}</c:strRef></c:cat>`,
    val: `<c:val><c:numRef><c:f>${xmlText(absRange(refs.sheet, col, refs.firstRow, refs.lastRow))}</c:f>${numCache(s.values)}</c:numRef></c:val>`,
  };
}

/** The header cell text of a series column: its name with the unit, e.g. "2014年（家）". */
export function seriesHeader(s: ExportSeries, chartUnit?: string): string {
  const unit = s.unit ?? chartUnit;
  return unit ? `${s.name}（${unit}）` : s.name;
}

function barSer(chart: ExportChart, refs: ChartRefs, i: number): string {
  const r = seriesRefs(chart, refs, i);
  return `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>${r.tx}<c:spPr>${fill(i)}</c:spPr><c:invertIfNegative val="0"/>${r.cat}${r.val}</c:ser>`;
}

function lineSer(chart: ExportChart, refs: ChartRefs, i: number): string {
  const r = seriesRefs(chart, refs, i);
  const marker = `<c:marker><c:symbol val="circle"/><c:size val="6"/><c:spPr>${fill(i)}<a:ln>${fill(i)}</a:ln></c:spPr></c:marker>`;
  return `<c:ser><c:idx val="${i}"/><c:order val="${i}"/>${r.tx}<c:spPr><a:ln w="28575" cap="rnd">${fill(i)}<a:round/></a:ln></c:spPr>${marker}${r.cat}${r.val}<c:smooth val="0"/></c:ser>`;
}

function pieSer(chart: ExportChart, refs: ChartRefs): string {
  const r = seriesRefs(chart, refs, 0);
  const points = chart.categories
    .map((_, p) => `<c:dPt><c:idx val="${p}"/><c:bubble3D val="0"/><c:spPr>${fill(p)}<a:ln><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></a:ln></c:spPr></c:dPt>`)
    .join('');
  const labels = `<c:dLbls>${txPr(9)}<c:dLblPos val="bestFit"/><c:showLegendKey val="0"/><c:showVal val="0"/><c:showCatName val="1"/><c:showSerName val="0"/><c:showPercent val="1"/><c:showBubbleSize val="0"/><c:showLeaderLines val="1"/></c:dLbls>`;
  return `<c:ser><c:idx val="0"/><c:order val="0"/>${r.tx}${points}${labels}${r.cat}${r.val}</c:ser>`;
}

const AX = { cat: 500000001, val: 500000002, cat2: 500000003, val2: 500000004 };

function catAx(id: number, cross: number, pos: 'b' | 'l', hidden = false, reversed = false): string {
  return `<c:catAx><c:axId val="${id}"/><c:scaling><c:orientation val="${reversed ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="${hidden ? 1 : 0}"/><c:axPos val="${pos}"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${txPr(9)}<c:crossAx val="${cross}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
}

function valAx(id: number, cross: number, pos: 'l' | 'r' | 'b', unit: string | undefined, opts: { gridlines: boolean; crossesMax?: boolean; percent?: boolean }): string {
  const title = unit ? richTitle([{ text: unit, size: 9, bold: false }]) : '';
  return `<c:valAx><c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${pos}"/>${opts.gridlines ? '<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>' : ''}${title}<c:numFmt formatCode="${opts.percent ? '0%' : 'General'}" sourceLinked="${opts.percent ? 0 : 1}"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${txPr(9)}<c:crossAx val="${cross}"/><c:crosses val="${opts.crossesMax ? 'max' : 'autoZero'}"/><c:crossBetween val="between"/></c:valAx>`;
}

function barChart(chart: ExportChart, refs: ChartRefs, indices: number[], dir: 'col' | 'bar'): string {
  const grouping = chart.stacked ? 'stacked' : 'clustered';
  const sers = indices.map((i) => barSer(chart, refs, i)).join('');
  const overlap = chart.stacked ? '<c:overlap val="100"/>' : '';
  return `<c:barChart><c:barDir val="${dir}"/><c:grouping val="${grouping}"/><c:varyColors val="0"/>${sers}<c:gapWidth val="80"/>${overlap}<c:axId val="${AX.cat}"/><c:axId val="${AX.val}"/></c:barChart>`;
}

function lineChart(chart: ExportChart, refs: ChartRefs, indices: number[], axes: [number, number]): string {
  const grouping = chart.stacked && chart.kind === 'line' ? 'stacked' : 'standard';
  const sers = indices.map((i) => lineSer(chart, refs, i)).join('');
  return `<c:lineChart><c:grouping val="${grouping}"/><c:varyColors val="0"/>${sers}<c:marker val="1"/><c:axId val="${axes[0]}"/><c:axId val="${axes[1]}"/></c:lineChart>`;
}

function plotArea(chart: ExportChart, refs: ChartRefs): string {
  const all = chart.series.map((_, i) => i);
  const grid = { gridlines: true };
  switch (chart.kind) {
    case 'pie':
      return `<c:pieChart><c:varyColors val="1"/>${pieSer(chart, refs)}<c:firstSliceAng val="0"/></c:pieChart>`;
    case 'line':
      return lineChart(chart, refs, all, [AX.cat, AX.val]) + catAx(AX.cat, AX.val, 'b') + valAx(AX.val, AX.cat, 'l', chart.unit, grid);
    case 'bar':
      // First category at the top, as on screen; the value axis then crosses at the last category (bottom).
      return barChart(chart, refs, all, 'bar') + catAx(AX.cat, AX.val, 'l', false, true) + valAx(AX.val, AX.cat, 'b', chart.unit, { ...grid, crossesMax: true });
    case 'column':
      return barChart(chart, refs, all, 'col') + catAx(AX.cat, AX.val, 'b') + valAx(AX.val, AX.cat, 'l', chart.unit, grid);
    case 'combo': {
      const lines = all.filter((i) => chart.series[i].type === 'line');
      const bars = all.filter((i) => chart.series[i].type !== 'line');
      const secondary = lines.some((i) => chart.series[i].secondaryAxis);
      const primary = barChart(chart, refs, bars, 'col') + (secondary || lines.length === 0 ? '' : lineChart(chart, refs, lines, [AX.cat, AX.val]));
      const axes = catAx(AX.cat, AX.val, 'b') + valAx(AX.val, AX.cat, 'l', chart.unit, grid);
      if (!secondary) return primary + axes;
      // The secondary pair: a hidden category axis and a value axis on the right, crossing at the maximum.
      const unit2 = chart.series[lines.find((i) => chart.series[i].secondaryAxis)!].unit;
      return (
        primary +
        lineChart(chart, refs, lines, [AX.cat2, AX.val2]) +
        axes +
        catAx(AX.cat2, AX.val2, 'b', true) +
        valAx(AX.val2, AX.cat2, 'r', unit2, { gridlines: false, crossesMax: true })
      );
    }
  }
}

/** The whole chartN.xml for `chart`, its series referencing the cells described by `refs`. */
export function chartXml(chart: ExportChart, refs: ChartRefs): string {
  if (chart.series.length !== refs.seriesCols.length) throw new Error('one column per series is needed');
  if (chart.series.length === 0 || chart.categories.length === 0) throw new Error('a chart needs at least one series and one category');
  const titleLines = [{ text: chart.title, size: 14, bold: true }, ...(chart.subtitle ? [{ text: chart.subtitle, size: 10, bold: false }] : [])];
  const legend = chart.kind === 'pie' || chart.series.length > 1 ? `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${txPr(9)}</c:legend>` : '';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace ${NS}><c:date1904 val="0"/><c:lang val="zh-CN"/><c:roundedCorners val="0"/>` +
    `<c:chart>${richTitle(titleLines)}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plotArea(chart, refs)}</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>${txPr(10)}</c:chartSpace>`
  );
}
