/**
 * Word documents (.docx) from ChartData: one section per figure — a heading (Word's 标题 1, so a table of
 * contents can be built), the figure, its numbered caption (图1 …), source and notes, then its data as a real
 * Word table (表1 …). Native kinds are NATIVE Word charts: the same DrawingML as our Excel charts, with the
 * chart's data in an embedded workbook written by our xlsx code, so Word's and WPS's 编辑数据 open it. A
 * heatmap is a table shaded with the screen's colours; map, treemap and small multiples are the on-screen
 * picture. See docs/export.md ("Word").
 */
import type { ChartData } from '../charts/chart-data';
import { scaleColour, textOnScale, valueRange } from '../charts/colour-scale';
import { translator, type Translate } from '../i18n';
import type { Lang } from '../model/catalog';
import { officeForm } from './chart-kinds';
import { chartXml } from './chart-xml';
import { caption, EMU_PER_TWIP, inlineChart, inlinePicture, paragraph, table, textParagraph, type TableCell } from './docx-parts';
import { footerXml, NS_W, settingsXml, STYLE, stylesXml } from './docx-styles';
import { formatValue } from './number-format';
import { CONTENT_TYPE, NS_REL, REL_TYPE, relsXml, XML_HEAD, zipPackage, type Relationship } from './ooxml';
import { chartDataWorkbook, neutralise, type XlsxChart } from './xlsx-chart';
import { chartNotes, seriesHeaders, seriesStyles, textWidth, unitLine } from './xlsx-layout';

export interface DocxDocument {
  /** The document's title (a chart's, a dashboard's, or the user's for a selection). */
  title: string;
  /** Lines under the title: filters in force, the export date. */
  lines?: string[];
  figures: XlsxChart[];
}

/** A4 with 2.54 cm / 3.17 cm margins (Word's default for Chinese documents), in twips. */
const PAGE = { w: 11906, h: 16838, top: 1440, side: 1797 };
/** Text width of the portrait and the landscape page, in twips. */
export const TEXT_WIDTH = PAGE.w - 2 * PAGE.side;
export const LANDSCAPE_TEXT_WIDTH = PAGE.h - 2 * PAGE.side;
const WP = 'application/vnd.openxmlformats-officedocument.wordprocessingml';

/** Column widths in twips, in proportion to the texts they hold, across the text width (the unit line sits at its right edge). */
function columnWidths(columns: string[][]): number[] {
  const wanted = columns.map((texts) => Math.min(4000, Math.max(1000, Math.max(...texts.map(textWidth)) * 130 + 300)));
  const total = wanted.reduce((a, b) => a + b, 0);
  return wanted.map((w) => Math.floor((w * TEXT_WIDTH) / total));
}

/** The data as a Word table; `shaded` colours each number cell as the heatmap on screen. */
function dataTable(data: ChartData, lang: Lang, shaded: boolean): string {
  const styles = seriesStyles(data, lang);
  const range = valueRange(data.series.flatMap((s) => s.values));
  const header: TableCell[] = [data.categoryLabel, ...seriesHeaders(data, lang)].map((text) => ({ text, bold: true, align: 'center', fill: 'F3F6FA' }));
  const rows = data.categories.map((c, r): TableCell[] => [
    { text: c },
    ...data.series.map((s, i): TableCell => {
      const v = s.values[r];
      const text = formatValue(v, styles[i]);
      return shaded && v !== null ? { text, align: 'right', fill: scaleColour(v, range), colour: textOnScale(v, range) } : { text, align: 'right' };
    }),
  ]);
  const columns = [[data.categoryLabel, ...data.categories], ...data.series.map((s, i) => [header[i + 1].text, ...rows.map((row) => row[i + 1].text)])];
  return table([header, ...rows], columnWidths(columns));
}

export interface Builder {
  body: string[];
  rels: Relationship[];
  parts: Record<string, string | Uint8Array>;
  overrides: Record<string, string>;
  figures: number;
  tables: number;
  drawings: number;
  t: Translate;
  lang: Lang;
  /** The footer's relationship id. */
  footer: string;
}

function addRel(b: Builder, type: string, target: string): string {
  const id = `rId${b.rels.length + 1}`;
  b.rels.push({ id, type, target });
  return id;
}

export function figure(b: Builder, { data, picture }: XlsxChart): void {
  const { t, lang } = b;
  const form = officeForm(data.kind);
  b.body.push(textParagraph(data.title, { style: STYLE.heading }));
  if (data.subtitle) b.body.push(textParagraph(data.subtitle, { keepNext: true }));
  const tableCaption = (title: string) => caption(t('export.docx.table'), ++b.tables, title, true);
  const unit = unitLine(data, t);
  const unitRow = unit ? [textParagraph(unit, { style: STYLE.source, align: 'right', keepNext: true })] : [];
  if (form === 'colour-table') {
    b.body.push(tableCaption(data.title), ...unitRow, dataTable(data, lang, true));
  } else {
    const n = ++b.drawings;
    const cx = TEXT_WIDTH * EMU_PER_TWIP;
    const cy = Math.round((cx * 9) / 16);
    if (form === 'native') {
      const { bytes, refs } = chartDataWorkbook(data, lang);
      b.parts[`word/embeddings/Microsoft_Excel_Worksheet${n}.xlsx`] = bytes;
      b.parts[`word/charts/chart${n}.xml`] = chartXml(data, refs, lang, { externalData: 'rId1', title: false });
      b.parts[`word/charts/_rels/chart${n}.xml.rels`] = relsXml([{ id: 'rId1', type: REL_TYPE.package, target: `../embeddings/Microsoft_Excel_Worksheet${n}.xlsx` }]);
      b.overrides[`/word/charts/chart${n}.xml`] = CONTENT_TYPE.chart;
      b.body.push(paragraph(inlineChart(addRel(b, REL_TYPE.chart, `charts/chart${n}.xml`), n, cx, cy, data.title), { align: 'center', keepNext: true }));
    } else {
      if (!picture) throw new Error(`a ${data.kind} chart is exported as its picture: pass the PNG`);
      b.parts[`word/media/image${n}.png`] = picture;
      b.body.push(paragraph(inlinePicture(addRel(b, REL_TYPE.image, `media/image${n}.png`), n, cx, cy, data.title), { align: 'center', keepNext: true }));
    }
    b.body.push(caption(t('export.docx.figure'), ++b.figures, data.title));
  }
  if (data.source) b.body.push(textParagraph(data.source, { style: STYLE.source }));
  for (const note of chartNotes(data)) b.body.push(textParagraph(t('export.sheet.notes', { note }), { style: STYLE.source }));
  if (form !== 'colour-table') b.body.push(textParagraph(''), tableCaption(t('export.docx.dataOf', { title: data.title })), ...unitRow, dataTable(data, lang, false));
}

/** A document under way: its body, relationships and parts (the footer's relationship already in place). */
export function newBuilder(lang: Lang): Builder {
  const b: Builder = { body: [], rels: [], parts: {}, overrides: {}, figures: 0, tables: 0, drawings: 0, t: translator(lang), lang, footer: '' };
  addRel(b, REL_TYPE.styles, 'styles.xml');
  addRel(b, REL_TYPE.settings, 'settings.xml');
  b.footer = addRel(b, REL_TYPE.footer, 'footer1.xml');
  return b;
}

/** The .docx package of a finished builder; `landscape` turns the A4 page (for a wide table). */
export function finishDocx(b: Builder, title: string, landscape = false): Uint8Array {
  const [w, h] = landscape ? [PAGE.h, PAGE.w] : [PAGE.w, PAGE.h];
  const sect =
    `<w:sectPr><w:footerReference w:type="default" r:id="${b.footer}"/><w:pgSz w:w="${w}" w:h="${h}"${landscape ? ' w:orient="landscape"' : ''}/>` +
    `<w:pgMar w:top="${PAGE.top}" w:right="${PAGE.side}" w:bottom="${PAGE.top}" w:left="${PAGE.side}" w:header="851" w:footer="992" w:gutter="0"/><w:cols w:space="425"/></w:sectPr>`;
  const ns =
    `xmlns:w="${NS_W}" xmlns:r="${NS_REL}" xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ` +
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"';
  const parts = {
    'word/document.xml': `${XML_HEAD}<w:document ${ns}><w:body>${b.body.join('')}${sect}</w:body></w:document>`,
    'word/_rels/document.xml.rels': relsXml(b.rels),
    'word/styles.xml': stylesXml(),
    'word/settings.xml': settingsXml(),
    'word/footer1.xml': footerXml(),
    ...b.parts,
  };
  const overrides = {
    '/word/document.xml': `${WP}.document.main+xml`,
    '/word/styles.xml': `${WP}.styles+xml`,
    '/word/settings.xml': `${WP}.settings+xml`,
    '/word/footer1.xml': `${WP}.footer+xml`,
    ...b.overrides,
  };
  return zipPackage(parts, { defaults: { png: 'image/png', xlsx: CONTENT_TYPE.xlsx }, overrides }, 'word/document.xml', title);
}

/** The .docx bytes for `doc`: the title, its lines, then one section per figure. */
export function chartsToDocx(doc: DocxDocument, opts: { lang?: Lang } = {}): Uint8Array {
  const b = newBuilder(opts.lang ?? 'zh-CN');
  b.body.push(textParagraph(doc.title, { style: STYLE.title }));
  for (const line of doc.lines ?? []) b.body.push(textParagraph(line, { align: 'center', style: STYLE.source }));
  for (const f of doc.figures) figure(b, { ...f, data: neutralise(f.data) });
  return finishDocx(b, doc.title);
}
