/**
 * A dashboard as one Word document: its title, the filters in force and the date, then one section per card —
 * a chart as chartsToDocx writes it (docx.ts), a pivot card as its pivot's real Word table (pivot-docx.ts:
 * merged keys, bold totals, header rows repeated), fitted to the portrait page's text width.
 */
import type { Lang } from '../model/catalog';
import type { PivotTable } from '../pivot/table';
import { caption, table, textParagraph } from './docx-parts';
import { STYLE } from './docx-styles';
import { figure, finishDocx, newBuilder, TEXT_WIDTH, type Builder } from './docx';
import { pivotPageLayout, wordRows } from './pivot-docx';
import { neutralise, type XlsxChart } from './xlsx-chart';

export interface DashboardDocx {
  title: string;
  lines?: string[];
  cards: (XlsxChart | { pivot: PivotTable })[];
}

function pivotSection(b: Builder, p: PivotTable): void {
  const title = p.title || b.t('pivot.sheet');
  const { widths, fontPt } = pivotPageLayout(p);
  const total = widths.reduce((a, w) => a + w, 0);
  // The dashboard's pages stay portrait: a table laid out for landscape is narrowed to the text width.
  const fitted = total > TEXT_WIDTH ? widths.map((w) => Math.floor((w * TEXT_WIDTH) / total)) : widths;
  b.body.push(textParagraph(title, { style: STYLE.heading }), caption(b.t('export.docx.table'), ++b.tables, title, true), table(wordRows(p), fitted, { headerRows: p.header.length, fontPt }));
  for (const note of p.notes) b.body.push(textParagraph(note, { style: STYLE.source }));
}

export function dashboardToDocx(doc: DashboardDocx, opts: { lang?: Lang } = {}): Uint8Array {
  const b = newBuilder(opts.lang ?? 'zh-CN');
  b.body.push(textParagraph(doc.title, { style: STYLE.title }));
  for (const line of doc.lines ?? []) b.body.push(textParagraph(line, { align: 'center', style: STYLE.source }));
  for (const c of doc.cards) {
    if ('pivot' in c) pivotSection(b, c.pivot);
    else figure(b, { ...c, data: neutralise(c.data) });
  }
  return finishDocx(b, doc.title);
}
