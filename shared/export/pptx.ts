import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import PptxGenJS from 'pptxgenjs';
import { sourceAndNotes, type ChartData } from '../charts/chart-data';
import { scaleColour, textOnScale, valueRange } from '../charts/colour-scale';
import { translator } from '../i18n';
import { languageTag, type Lang } from '../model/catalog';
import { officeForm } from './chart-kinds';
import { formatValue } from './number-format';
import { OFFICE_FONT } from './ooxml';
import { addNativeChart } from './pptx-chart';
import { pivotSlide } from './pptx-pivot';
import type { PivotTable } from '../pivot/table';
import { seriesHeaders, seriesStyles, unitLine } from './xlsx-layout';

/** Slides resolved to plain data (case facts, ChartData, pictures): the builder never touches the database. */
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
  chart?: ChartData;
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
  data: ChartData;
  /** The on-screen picture (PNG, 16:9) for kinds shown as a picture (needsPicture): required for those. */
  picture?: Uint8Array;
  notes: string;
}
/** A pivot table: a native table (shared/export/pptx-pivot.ts). */
export interface PptxPivotSlide {
  kind: 'pivot';
  title: string;
  table: PivotTable;
  notes: string;
}
export type PptxSlide = PptxCaseSlide | PptxTextSlide | PptxChartSlide | PptxPivotSlide;

export interface PptxDeck {
  title: string;
  slides: PptxSlide[];
  /** Title suffix of the data-table slide that follows a picture slide, e.g. "（数据表）". */
  dataTableSuffix?: string;
  /** Number formats (万 in Chinese) and the unit line. Default zh-CN. */
  lang?: Lang;
}

const FONT = OFFICE_FONT;
const INK = '1F2937';
const MUTED = '6B7280';
const ACCENT = '0072B2';

type PptxSlideObj = ReturnType<PptxGenJS['addSlide']>;

/**
 * Builds a 16:9 .pptx. Charts PowerPoint has (column/bar, line, area, combo, pie, doughnut, scatter) are native
 * charts with editable data; a heatmap is a table shaded with the screen's colours (readable at any size, no
 * labels to collide); a map, treemap or small multiples is its on-screen picture, followed by a slide with its
 * data table.
 */
export async function buildDeckPptx(deck: PptxDeck): Promise<Uint8Array> {
  const lang = deck.lang ?? 'zh-CN';
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = deck.title;
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };
  for (const s of deck.slides) {
    const slide = pptx.addSlide();
    if (s.notes) slide.addNotes(s.notes);
    if (s.kind === 'text') textSlide(slide, s);
    else if (s.kind === 'case') caseSlide(pptx, slide, s, lang);
    else if (s.kind === 'pivot') pivotSlide(slide, s.table, s.title);
    else if (officeForm(s.data.kind) === 'native') chartSlide(pptx, slide, s, lang);
    else if (officeForm(s.data.kind) === 'colour-table') tableSlide(slide, s.data, '', lang, true);
    else {
      pictureSlide(slide, s);
      tableSlide(pptx.addSlide(), s.data, deck.dataTableSuffix ?? '', lang, false);
    }
  }
  return finishDeck((await pptx.write({ outputType: 'uint8array' })) as Uint8Array, lang);
}

/**
 * One pass over the written parts before the deck is zipped again:
 * - pptxgenjs writes a missing value as an empty cached point (<c:v></c:v>), which readers may take for 0; an
 *   absent point is a gap, as in our xlsx charts (and the charts say dispBlanksAs gap);
 * - it hard-codes lang="en-US" on paragraph ends, notes, slide numbers, layouts and masters whatever the runs
 *   say: a Chinese deck says zh-CN on every one (spell-checking and the East Asian line breaking follow it),
 *   keeping altLang="en-US" as PowerPoint's own Chinese decks do.
 */
function finishDeck(bytes: Uint8Array, lang: Lang): Uint8Array {
  const tag = languageTag(lang);
  const files = unzipSync(bytes);
  let changed = false;
  for (const [name, data] of Object.entries(files)) {
    const chart = /^ppt\/charts\/chart\d+\.xml$/.test(name);
    if (!chart && (tag === 'en-US' || !/^ppt\/.*\.xml$/.test(name))) continue;
    const xml = strFromU8(data);
    let fixed = chart ? xml.replace(/<c:pt idx="\d+"><c:v><\/c:v><\/c:pt>/g, '') : xml;
    if (tag !== 'en-US') fixed = fixed.replace(/(\s)lang="en-US"/g, `$1lang="${tag}"`);
    if (fixed !== xml) {
      files[name] = strToU8(fixed);
      changed = true;
    }
  }
  return changed ? zipSync(files, { level: 6 }) : bytes;
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

function chartSlide(pptx: PptxGenJS, slide: PptxSlideObj, s: PptxChartSlide, lang: Lang) {
  title(slide, s.data.title);
  addNativeChart(pptx, slide, s.data, { x: 0.5, y: 1.3, w: 12.3, h: 5.5 }, false, lang);
  footer(slide, sourceAndNotes(s.data));
}

/** The picture is the slide as on screen (title, legend and source line are in it). */
function pictureSlide(slide: PptxSlideObj, s: PptxChartSlide) {
  if (!s.picture) throw new Error(`a ${s.data.kind} chart goes on a slide as its picture: pass the PNG`);
  slide.addImage({ data: `data:image/png;base64,${base64(s.picture)}`, x: 0.4, y: 0.225, w: 12.53, h: 7.05, altText: s.data.title });
}

/**
 * The chart's numbers as a real table (PowerPoint splits a long one across slides), formatted as in Excel;
 * `shaded`: each number cell in the heatmap's colour for its value, as on screen.
 */
function tableSlide(slide: PptxSlideObj, data: ChartData, suffix: string, lang: Lang, shaded: boolean) {
  title(slide, `${data.title}${suffix}`);
  const styles = seriesStyles(data, lang);
  const range = valueRange(data.series.flatMap((s) => s.values));
  // Slide-sized type while the table fits on one slide; a long one pages on at 11 pt.
  const fontSize = data.categories.length <= 12 ? 16 : 11;
  const cell = (text: string, o: { bold?: boolean; fill?: string; color?: string; align?: 'left' | 'right' | 'center' } = {}) => ({
    text,
    options: { bold: o.bold ?? false, fontFace: FONT, fontSize, color: o.color ?? INK, align: o.align ?? 'left', ...(o.fill ? { fill: { color: o.fill } } : {}) },
  });
  const header = [data.categoryLabel, ...seriesHeaders(data, lang)].map((h) => cell(h, { bold: true, fill: 'F3F6FA', align: 'center' }));
  const rows = data.categories.map((c, r) => [
    cell(c),
    ...data.series.map((s, i) => {
      const v = s.values[r];
      const text = formatValue(v, styles[i]);
      return shaded && v !== null ? cell(text, { align: 'right', fill: scaleColour(v, range), color: textOnScale(v, range) }) : cell(text, { align: 'right' });
    }),
  ]);
  const unit = unitLine(data, translator(lang));
  if (unit) slide.addText(unit, { x: 0.5, y: 1.05, w: 12.3, h: 0.3, fontFace: FONT, fontSize: 10, color: MUTED, align: 'right' });
  slide.addTable([header, ...rows], { x: 0.5, y: 1.4, w: 12.3, autoPage: true, autoPageRepeatHeader: true, border: { type: 'solid', pt: 0.5, color: 'D9E1EA' }, fill: { color: 'FFFFFF' } });
  footer(slide, sourceAndNotes(data));
}

function caseSlide(pptx: PptxGenJS, slide: PptxSlideObj, s: PptxCaseSlide, lang: Lang) {
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
  if (s.chart) addNativeChart(pptx, slide, s.chart, { x: 7.4, y: 1.7, w: 5.4, h: 5.0 }, true, lang, s.highlight);
  footer(slide, s.source);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 without btoa/Buffer (shared/ runs in the browser and in Node). */
function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63] + (i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=') + (i + 2 < bytes.length ? B64[n & 63] : '=');
  }
  return out;
}
