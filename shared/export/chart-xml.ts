/**
 * DrawingML chart part (xl/charts/chartN.xml) for a native, editable Excel/WPS chart drawn from ChartData.
 * Element order follows the ECMA-376 schema (CT_ChartSpace, CT_Chart, CT_BarSer, CT_AreaSer, CT_ScatterSer …):
 * Excel refuses a file whose order is wrong. Kinds without a native counterpart never get here (chart-kinds.ts).
 */
import type { ChartData, ChartDataSeries } from '../charts/chart-data';
import { PALETTE } from '../charts/theme';
import { paren } from '../format/paren';
import { languageTag, type Lang } from '../model/catalog';
import { officeForm } from './chart-kinds';
import { cellValue, excelFormat, type NumberStyle } from './number-format';
import { absRange, OFFICE_FONT, xmlText } from './ooxml';

/** Where the chart's data sits on its sheet, and how it is written there. Rows are 1-based, columns 0-based. */
export interface ChartRefs {
  sheet: string;
  headerRow: number;
  firstRow: number;
  lastRow: number;
  categoryCol: number;
  /** One column per series, in series order. */
  seriesCols: number[];
  /** The header cell of each series (its name, with the unit when the series' units differ). */
  headers: string[];
  /** The number style of each series: the caches hold what the cells hold, in the cells' format. */
  styles: NumberStyle[];
}

export interface ChartXmlOptions {
  /** Word: the relationship id of the embedded workbook the chart's data lives in (编辑数据 opens it). */
  externalData?: string;
  /** false: no title inside the chart (in Word the heading and the caption name it). Default true. */
  title?: boolean;
}

const NS =
  'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const font = `<a:latin typeface="${xmlText(OFFICE_FONT)}"/><a:ea typeface="${xmlText(OFFICE_FONT)}"/><a:cs typeface="${xmlText(OFFICE_FONT)}"/>`;
// Text runs and the chart itself are tagged with the export's language (en-US in an English file).
const txPr = (lang: Lang, size: number, bold = false) =>
  `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size * 100}" b="${bold ? 1 : 0}">${font}</a:defRPr></a:pPr><a:endParaRPr lang="${languageTag(lang)}"/></a:p></c:txPr>`;
const color = (i: number) => PALETTE[i % PALETTE.length].slice(1).toUpperCase();
const fill = (i: number, alpha?: number) => `<a:solidFill><a:srgbClr val="${color(i)}">${alpha ? `<a:alpha val="${alpha * 1000}"/>` : ''}</a:srgbClr></a:solidFill>`;

function richTitle(lang: Lang, lines: { text: string; size: number; bold: boolean }[]): string {
  const paras = lines
    .map(
      (l) =>
        `<a:p><a:pPr><a:defRPr sz="${l.size * 100}" b="${l.bold ? 1 : 0}">${font}</a:defRPr></a:pPr><a:r><a:rPr lang="${languageTag(lang)}" sz="${l.size * 100}" b="${l.bold ? 1 : 0}">${font}</a:rPr><a:t>${xmlText(l.text)}</a:t></a:r></a:p>`,
    )
    .join('');
  return `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/>${paras}</c:rich></c:tx><c:overlay val="0"/></c:title>`;
}

function strCache(values: string[]): string {
  return `<c:strCache><c:ptCount val="${values.length}"/>${values.map((v, i) => `<c:pt idx="${i}"><c:v>${xmlText(v)}</c:v></c:pt>`).join('')}</c:strCache>`;
}

function numCache(values: (number | null)[], style: NumberStyle): string {
  const pts = values.map((v, i) => (v === null || !Number.isFinite(v) ? '' : `<c:pt idx="${i}"><c:v>${cellValue(v, style)}</c:v></c:pt>`)).join('');
  return `<c:numCache><c:formatCode>${xmlText(excelFormat(style))}</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

/** The header cell text of a series column: its name with the unit, "2014年（家）" or "2014 (orgs)" (paren.ts). */
export function seriesHeader(s: Pick<ChartDataSeries, 'name' | 'unit'>, lang: Lang, chartUnit?: string): string {
  const unit = s.unit ?? chartUnit;
  return unit ? `${s.name}${paren(unit, lang)}` : s.name;
}

type Ctx = { data: ChartData; refs: ChartRefs; lang: Lang };

const txRef = ({ refs }: Ctx, i: number) =>
  `<c:tx><c:strRef><c:f>${xmlText(absRange(refs.sheet, refs.seriesCols[i], refs.headerRow))}</c:f>${strCache([refs.headers[i]])}</c:strRef></c:tx>`;
const catRef = ({ data, refs }: Ctx, tag = 'cat') =>
  `<c:${tag}><c:strRef><c:f>${xmlText(absRange(refs.sheet, refs.categoryCol, refs.firstRow, refs.lastRow))}</c:f>${strCache(data.categories)}</c:strRef></c:${tag}>`;
const valRef = ({ data, refs }: Ctx, i: number, tag = 'val') =>
  `<c:${tag}><c:numRef><c:f>${xmlText(absRange(refs.sheet, refs.seriesCols[i], refs.firstRow, refs.lastRow))}</c:f>${numCache(data.series[i].values, refs.styles[i])}</c:numRef></c:${tag}>`;
const head = (i: number) => `<c:idx val="${i}"/><c:order val="${i}"/>`;
const marker = (i: number) => `<c:marker><c:symbol val="circle"/><c:size val="6"/><c:spPr>${fill(i)}<a:ln>${fill(i)}</a:ln></c:spPr></c:marker>`;

const barSer = (c: Ctx, i: number) => `<c:ser>${head(i)}${txRef(c, i)}<c:spPr>${fill(i)}</c:spPr><c:invertIfNegative val="0"/>${catRef(c)}${valRef(c, i)}</c:ser>`;
const lineSer = (c: Ctx, i: number) =>
  `<c:ser>${head(i)}${txRef(c, i)}<c:spPr><a:ln w="28575" cap="rnd">${fill(i)}<a:round/></a:ln></c:spPr>${marker(i)}${catRef(c)}${valRef(c, i)}<c:smooth val="0"/></c:ser>`;
const areaSer = (c: Ctx, i: number, alpha: number) => `<c:ser>${head(i)}${txRef(c, i)}<c:spPr>${fill(i, alpha)}<a:ln w="19050">${fill(i)}</a:ln></c:spPr>${catRef(c)}${valRef(c, i)}</c:ser>`;

function pieSer(c: Ctx): string {
  const points = c.data.categories
    .map((_, p) => `<c:dPt><c:idx val="${p}"/><c:bubble3D val="0"/><c:spPr>${fill(p)}<a:ln><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill></a:ln></c:spPr></c:dPt>`)
    .join('');
  const pos = c.data.kind === 'pie' ? '<c:dLblPos val="bestFit"/>' : '';
  const labels = `<c:dLbls>${txPr(c.lang, 9)}${pos}<c:showLegendKey val="0"/><c:showVal val="0"/><c:showCatName val="1"/><c:showSerName val="0"/><c:showPercent val="1"/><c:showBubbleSize val="0"/><c:showLeaderLines val="1"/></c:dLbls>`;
  return `<c:ser>${head(0)}${txRef(c, 0)}${points}${labels}${catRef(c)}${valRef(c, 0)}</c:ser>`;
}

/** x = the first series, y = the second: one point per category, as the scatter on screen. */
function scatterSer(c: Ctx): string {
  const noLine = '<c:spPr><a:ln w="19050"><a:noFill/></a:ln></c:spPr>';
  const m = `<c:marker><c:symbol val="circle"/><c:size val="8"/><c:spPr>${fill(0)}<a:ln>${fill(0)}</a:ln></c:spPr></c:marker>`;
  return `<c:ser>${head(0)}${txRef(c, 1)}${noLine}${m}${valRef(c, 0, 'xVal')}${valRef(c, 1, 'yVal')}<c:smooth val="0"/></c:ser>`;
}

const AX = { cat: 500000001, val: 500000002, cat2: 500000003, val2: 500000004 };

function catAx(lang: Lang, id: number, cross: number, pos: 'b' | 'l', hidden = false, reversed = false): string {
  return `<c:catAx><c:axId val="${id}"/><c:scaling><c:orientation val="${reversed ? 'maxMin' : 'minMax'}"/></c:scaling><c:delete val="${hidden ? 1 : 0}"/><c:axPos val="${pos}"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${txPr(lang, 9)}<c:crossAx val="${cross}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
}

interface ValAxOpts {
  gridlines: boolean;
  crossesMax?: boolean;
  /** The axis' format code: its series' cell format, or 0% for a 100 % stacked axis. */
  format: string;
  /** Scatter x axis: sits between the data, not between categories. */
  midCat?: boolean;
  /** The axis starts at 0, as the screen's does (readers' autoscale may start a bar axis at 250). */
  fromZero?: boolean;
}

function valAx(lang: Lang, id: number, cross: number, pos: 'l' | 'r' | 'b', title: string | undefined, opts: ValAxOpts): string {
  const t = title ? richTitle(lang, [{ text: title, size: 9, bold: false }]) : '';
  const grid = opts.gridlines ? '<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>' : '';
  return `<c:valAx><c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/>${opts.fromZero ? '<c:min val="0"/>' : ''}</c:scaling><c:delete val="0"/><c:axPos val="${pos}"/>${grid}${t}<c:numFmt formatCode="${xmlText(opts.format)}" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>${txPr(lang, 9)}<c:crossAx val="${cross}"/><c:crosses val="${opts.crossesMax ? 'max' : 'autoZero'}"/><c:crossBetween val="${opts.midCat ? 'midCat' : 'between'}"/></c:valAx>`;
}

/** Stacking as on screen: bars and areas stack (or stack to 100 %) when the chart says so; lines never do. */
function stacking(data: ChartData): 'none' | 'stacked' | 'percentStacked' {
  if (data.stack === 'none' || data.series.length < 2) return 'none';
  return data.stack === 'percent' ? 'percentStacked' : 'stacked';
}

function barChart(c: Ctx, indices: number[], dir: 'col' | 'bar'): string {
  const s = stacking(c.data);
  const sers = indices.map((i) => barSer(c, i)).join('');
  const overlap = s === 'none' ? '' : '<c:overlap val="100"/>';
  return `<c:barChart><c:barDir val="${dir}"/><c:grouping val="${s === 'none' ? 'clustered' : s}"/><c:varyColors val="0"/>${sers}<c:gapWidth val="80"/>${overlap}<c:axId val="${AX.cat}"/><c:axId val="${AX.val}"/></c:barChart>`;
}

function lineChart(c: Ctx, indices: number[], axes: [number, number]): string {
  const sers = indices.map((i) => lineSer(c, i)).join('');
  return `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${sers}<c:marker val="1"/><c:axId val="${axes[0]}"/><c:axId val="${axes[1]}"/></c:lineChart>`;
}

function areaChart(c: Ctx, indices: number[]): string {
  const s = stacking(c.data);
  // As on screen: translucent when the areas overlap, nearly opaque when they stack.
  const sers = indices.map((i) => areaSer(c, i, s === 'none' ? 30 : 85)).join('');
  return `<c:areaChart><c:grouping val="${s === 'none' ? 'standard' : s}"/><c:varyColors val="0"/>${sers}<c:axId val="${AX.cat}"/><c:axId val="${AX.val}"/></c:areaChart>`;
}

function plotArea(c: Ctx): string {
  const { data } = c;
  const all = data.series.map((_, i) => i);
  // The left axis reads like its first series (in a combo, the bars); the right one like the first line on it.
  const format = (i: number) => excelFormat(c.refs.styles[i]);
  // The screen's value axes include 0 (scatter's do not): so do ours whenever their numbers are not negative.
  const fromZero = (indices: number[]) => indices.every((i) => data.series[i].values.every((v) => v === null || v >= 0));
  const grid = { gridlines: true, format: stacking(data) === 'percentStacked' ? '0%' : format(0), fromZero: fromZero(all.filter((i) => data.series[i].axis !== 'right')) };
  const axes = catAx(c.lang, AX.cat, AX.val, 'b') + valAx(c.lang, AX.val, AX.cat, 'l', data.unit, grid);
  switch (data.kind) {
    case 'pie':
      return `<c:pieChart><c:varyColors val="1"/>${pieSer(c)}<c:firstSliceAng val="0"/></c:pieChart>`;
    case 'donut':
      // The screen's ring is 38 %–64 % of the radius: a hole of about 60 %.
      return `<c:doughnutChart><c:varyColors val="1"/>${pieSer(c)}<c:firstSliceAng val="0"/><c:holeSize val="60"/></c:doughnutChart>`;
    case 'line':
      return lineChart(c, all, [AX.cat, AX.val]) + axes;
    case 'area':
      return areaChart(c, all) + axes;
    case 'scatter': {
      const [sx, sy] = data.series;
      const title = (s: ChartDataSeries) => seriesHeader(s, c.lang);
      return (
        `<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>${scatterSer(c)}<c:axId val="${AX.val2}"/><c:axId val="${AX.val}"/></c:scatterChart>` +
        valAx(c.lang, AX.val2, AX.val, 'b', title(sx), { gridlines: false, midCat: true, format: format(0) }) +
        valAx(c.lang, AX.val, AX.val2, 'l', title(sy), { gridlines: true, midCat: true, format: format(1) })
      );
    }
    case 'bar':
      // First category at the top, as on screen; the value axis then crosses at the last category (bottom).
      return barChart(c, all, 'bar') + catAx(c.lang, AX.cat, AX.val, 'l', false, true) + valAx(c.lang, AX.val, AX.cat, 'b', data.unit, { ...grid, crossesMax: true });
    case 'combo': {
      const lines = all.filter((i) => data.series[i].type === 'line');
      const bars = all.filter((i) => data.series[i].type !== 'line');
      const right = lines.filter((i) => data.series[i].axis === 'right');
      const left = lines.filter((i) => data.series[i].axis !== 'right');
      const primary = (bars.length ? barChart(c, bars, 'col') : '') + (left.length ? lineChart(c, left, [AX.cat, AX.val]) : '');
      if (right.length === 0) return primary + axes;
      // The secondary pair: a hidden category axis and a value axis on the right, crossing at the maximum.
      return (
        primary +
        lineChart(c, right, [AX.cat2, AX.val2]) +
        axes +
        catAx(c.lang, AX.cat2, AX.val2, 'b', true) +
        valAx(c.lang, AX.val2, AX.cat2, 'r', data.series[right[0]].unit, { gridlines: false, crossesMax: true, format: format(right[0]), fromZero: fromZero(right) })
      );
    }
    default:
      return barChart(c, all, 'col') + axes;
  }
}

/** The whole chartN.xml for `data`, its series referencing the cells described by `refs`. */
export function chartXml(data: ChartData, refs: ChartRefs, lang: Lang, opts: ChartXmlOptions = {}): string {
  if (officeForm(data.kind) !== 'native') throw new Error(`${data.kind} has no native Excel chart`);
  if (data.series.length !== refs.seriesCols.length || refs.headers.length !== refs.seriesCols.length || refs.styles.length !== refs.seriesCols.length) throw new Error('one column per series is needed');
  if (data.series.length === 0 || data.categories.length === 0) throw new Error('a chart needs at least one series and one category');
  if (data.kind === 'scatter' && data.series.length < 2) throw new Error('a scatter chart needs two series');
  const titleLines = [{ text: data.title, size: 14, bold: true }, ...(data.subtitle ? [{ text: data.subtitle, size: 10, bold: false }] : [])];
  const pieLike = data.kind === 'pie' || data.kind === 'donut';
  const legend = pieLike || (data.kind !== 'scatter' && data.series.length > 1) ? `<c:legend><c:legendPos val="b"/><c:overlay val="0"/>${txPr(lang, 9)}</c:legend>` : '';
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace ${NS}><c:date1904 val="0"/><c:lang val="${languageTag(lang)}"/><c:roundedCorners val="0"/>` +
    `<c:chart>${opts.title === false ? '<c:autoTitleDeleted val="1"/>' : `${richTitle(lang, titleLines)}<c:autoTitleDeleted val="0"/>`}<c:plotArea><c:layout/>${plotArea({ data, refs, lang })}</c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>` +
    `<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>${txPr(lang, 10)}` +
    // CT_ChartSpace: externalData follows txPr.
    `${opts.externalData ? `<c:externalData r:id="${opts.externalData}"><c:autoUpdate val="0"/></c:externalData>` : ''}</c:chartSpace>`
  );
}
