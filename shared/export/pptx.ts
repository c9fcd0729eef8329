import PptxGenJS from 'pptxgenjs';
import type { ExportChart } from './chart-data';

/** Slides resolved to plain data (case facts, chart arrays): the builder never touches the database. */
export interface PptxKpi {
  label: string;
  value: string;
}
export interface PptxCaseSlide {
  kind: 'case';
  title: string;
  /** "北京市 · 海淀区 · 2013 · 综合治理" */
  meta: string;
  summary: string;
  kpis: PptxKpi[];
  chart?: ExportChart;
  /** Index of the category to draw in the accent colour (the case's own place). */
  highlight?: number;
  source: string;
  notes: string;
}
export interface PptxTextSlide {
  kind: 'text';
  title: string;
  body: string;
  notes: string;
}
export interface PptxChartSlide {
  kind: 'chart';
  chart: ExportChart;
  notes: string;
}
export type PptxSlide = PptxCaseSlide | PptxTextSlide | PptxChartSlide;

export interface PptxDeck {
  title: string;
  slides: PptxSlide[];
}

const FONT = 'Microsoft YaHei';
const INK = '1F2937';
const MUTED = '6B7280';
const ACCENT = '0072B2';
const CHART_COLOURS = ['0072B2', 'E69F00', '009E73', 'D55E00', '56B4E9', 'CC79A7'];
const HIGHLIGHT = 'D55E00';
const OTHER = '9AA5B1';

type PptxSlideObj = ReturnType<PptxGenJS['addSlide']>;

/** Builds a 16:9 .pptx; charts are native PowerPoint charts (editable data), not pictures. */
export async function buildDeckPptx(deck: PptxDeck): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = deck.title;
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };
  for (const s of deck.slides) {
    const slide = pptx.addSlide();
    if (s.kind === 'text') textSlide(slide, s);
    else if (s.kind === 'chart') chartSlide(pptx, slide, s);
    else caseSlide(pptx, slide, s);
    if (s.notes) slide.addNotes(s.notes);
  }
  return (await pptx.write({ outputType: 'uint8array' })) as Uint8Array;
}

function title(slide: PptxSlideObj, text: string) {
  slide.addText(text, { x: 0.5, y: 0.3, w: 12.3, h: 0.9, fontFace: FONT, fontSize: 30, bold: true, color: INK, fit: 'shrink' });
}

function footer(slide: PptxSlideObj, text: string) {
  if (text) slide.addText(text, { x: 0.5, y: 6.95, w: 12.3, h: 0.4, fontFace: FONT, fontSize: 10, color: MUTED });
}

function textSlide(slide: PptxSlideObj, s: PptxTextSlide) {
  title(slide, s.title);
  slide.addText(s.body, { x: 0.5, y: 1.4, w: 12.3, h: 5.4, fontFace: FONT, fontSize: 22, color: INK, valign: 'top', paraSpaceAfter: 8 });
}

/**
 * Large values go to the chart in 万 (the unit says so): PowerPoint's own number formats cannot write 万,
 * and "3,402,000" on every bar crowds a slide.
 */
export function inWan(chart: ExportChart): ExportChart {
  const max = Math.max(0, ...chart.series.flatMap((s) => s.values.map((v) => Math.abs(v ?? 0))));
  if (max < 1e5) return chart;
  const scale = (v: number | null) => (v === null ? null : Math.round((v / 1e4) * 100) / 100);
  return { ...chart, unit: `万${chart.unit ?? ''}`, series: chart.series.map((s) => ({ ...s, values: s.values.map(scale) })) };
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

function addChart(pptx: PptxGenJS, slide: PptxSlideObj, original: ExportChart, box: Box, showTitle: boolean, highlight?: number) {
  const chart = inWan(original);
  const horizontal = chart.kind === 'bar';
  // PowerPoint draws horizontal bars bottom-up; reversed, they read top-down in the data's order, as on screen.
  const order = <T>(xs: T[]): T[] => (horizontal ? [...xs].reverse() : xs);
  const data = chart.series.map((sr) => ({ name: sr.name, labels: order(chart.categories), values: order(sr.values) as number[] }));
  const type = chart.kind === 'line' ? pptx.ChartType.line : chart.kind === 'pie' ? pptx.ChartType.pie : pptx.ChartType.bar;
  // One colour per bar (pptxgenjs writes c:dPt) when a single series has a highlighted category.
  const pointColours = highlight !== undefined && chart.series.length === 1 ? order(chart.categories.map((_, i) => (i === highlight ? HIGHLIGHT : OTHER))) : undefined;
  const colours = pointColours ?? (chart.kind === 'pie' ? CHART_COLOURS : CHART_COLOURS.slice(0, Math.max(1, chart.series.length)));
  slide.addChart(type, data, {
    ...box,
    barDir: horizontal ? 'bar' : 'col',
    barGrouping: chart.stacked ? 'stacked' : 'clustered',
    chartColors: colours,
    showLegend: chart.series.length > 1 || chart.kind === 'pie',
    legendPos: 'b',
    legendFontFace: FONT,
    showValue: true,
    dataLabelFontFace: FONT,
    dataLabelFontSize: 11,
    dataLabelFormatCode: '#,##0.##',
    valAxisLabelFormatCode: '#,##0',
    catAxisLabelFontFace: FONT,
    catAxisLabelFontSize: 12,
    valAxisLabelFontFace: FONT,
    valAxisLabelFontSize: 11,
    showTitle,
    title: chart.title,
    titleFontFace: FONT,
    titleFontSize: 14,
    showValAxisTitle: Boolean(chart.unit),
    valAxisTitle: chart.unit,
    valAxisTitleFontFace: FONT,
  });
}

function chartSlide(pptx: PptxGenJS, slide: PptxSlideObj, s: PptxChartSlide) {
  title(slide, s.chart.title);
  addChart(pptx, slide, s.chart, { x: 0.5, y: 1.3, w: 12.3, h: 5.5 }, false);
  footer(slide, s.chart.source ?? '');
}

function caseSlide(pptx: PptxGenJS, slide: PptxSlideObj, s: PptxCaseSlide) {
  title(slide, s.title);
  slide.addText(s.meta, { x: 0.5, y: 1.15, w: 12.3, h: 0.45, fontFace: FONT, fontSize: 16, color: ACCENT });
  const textW = s.chart ? 6.6 : 12.3;
  slide.addText(s.summary, { x: 0.5, y: 1.7, w: textW, h: 1.6, fontFace: FONT, fontSize: 18, color: INK, valign: 'top' });
  s.kpis.slice(0, 6).forEach((k, i) => {
    const col = i % 3;
    const row = Math.floor(i / 3);
    const w = (textW - 0.4) / 3;
    const x = 0.5 + col * (w + 0.2);
    const y = 3.5 + row * 1.6;
    slide.addShape(pptx.ShapeType.rect, { x, y, w, h: 1.4, fill: { color: 'F3F6FA' }, line: { color: 'D9E1EA' } });
    slide.addText(k.value, { x, y: y + 0.1, w, h: 0.75, fontFace: FONT, fontSize: 24, bold: true, color: ACCENT, align: 'center', fit: 'shrink' });
    slide.addText(k.label, { x: x + 0.1, y: y + 0.85, w: w - 0.2, h: 0.5, fontFace: FONT, fontSize: 12, color: MUTED, align: 'center', fit: 'shrink' });
  });
  if (s.chart) addChart(pptx, slide, s.chart, { x: 7.4, y: 1.7, w: 5.4, h: 5.0 }, true, s.highlight);
  footer(slide, s.source);
}
