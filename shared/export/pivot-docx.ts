/**
 * A pivot as a Word document: its title, a numbered table caption (表1) and the pivot as a real Word table —
 * the column keys merged across their groups (gridSpan), row keys merged down theirs (vMerge), totals bold,
 * numbers right-aligned in the value's chosen format (the screen's text), every header row repeated on each
 * page — then the filters in force. The table keeps its natural column widths; wider than the portrait page
 * it turns the page to landscape, and wider than that its text gets smaller to fit the page width.
 * Reads the writer-neutral PivotTable (shared/pivot/table.ts), as the Excel writer does.
 */
import type { Lang } from '../model/catalog';
import { pivotCellCount, type PivotCell, type PivotTable } from '../pivot/table';
import { caption, table, textParagraph, type TableCell } from './docx-parts';
import { STYLE } from './docx-styles';
import { finishDocx, LANDSCAPE_TEXT_WIDTH, newBuilder, TEXT_WIDTH } from './docx';
import { DOCX_MAX_PIVOT_CELLS } from './limits';
import { textWidth } from './xlsx-layout';

const HEADER_FILL = 'F3F6FA';
const KEY_FILL = 'F9FAFC';
/** Twips per character unit of 10.5 pt table text (a CJK character counts two; room for wider fallback digits), plus the cell margins. */
const TWIPS_PER_CHAR = 125;
const CELL_MARGINS = 200;
/** Header texts wrap beyond this many character units. */
const HEADER_WRAP = 8;

function cellOf(c: PivotCell, header: boolean): TableCell {
  if (header) return { text: c.text, bold: true, align: 'center', fill: HEADER_FILL };
  if (c.kind === 'row-key') return { text: c.text, bold: !!c.total, fill: KEY_FILL };
  return { text: c.text, bold: !!c.total, align: 'right' };
}

/** The Word rows of the pivot: each cell once, merged sideways by colSpan, downwards by vMerge. */
export function wordRows(t: PivotTable): TableCell[][] {
  const grid = [...t.header, ...t.body];
  /** Cells under a downward merge: row → column → the merge's cell (its span and shading). */
  const below = new Map<number, Map<number, TableCell>>();
  return grid.map((row, r) => {
    const out: TableCell[] = [];
    for (let x = 0; x < row.length; ) {
      const cont = below.get(r)?.get(x);
      if (cont) {
        out.push({ ...cont, text: '', vMerge: 'continue' });
        x += cont.colSpan ?? 1;
        continue;
      }
      const c = row[x];
      if (c.kind === 'covered') {
        x++;
        continue;
      }
      const span = c.colSpan ?? 1;
      const cell: TableCell = { ...cellOf(c, r < t.header.length), ...(span > 1 ? { colSpan: span } : {}) };
      if ((c.rowSpan ?? 1) > 1) {
        cell.vMerge = 'restart';
        for (let dr = 1; dr < c.rowSpan!; dr++) {
          if (!below.has(r + dr)) below.set(r + dr, new Map());
          below.get(r + dr)!.set(x, cell);
        }
      }
      out.push(cell);
      x += span;
    }
    return out;
  });
}

/** Bold digits run about a tenth wider than regular ones: a total that is its column's widest text would wrap. */
const boldWidth = (c: PivotCell) => (c.total ? Math.ceil(textWidth(c.text) * 1.1) : textWidth(c.text));

/** Each column's width in character units (a CJK character counts two) from its single-column cells; header texts wrap. */
function columnChars(t: PivotTable): number[] {
  const grid = [...t.header, ...t.body];
  return Array.from({ length: t.rowHeaderCols + t.dataCols }, (_, x) =>
    Math.max(
      4,
      ...grid.map((row, r) => {
        const c = row[x];
        if (!c || c.kind === 'covered' || (c.colSpan ?? 1) > 1) return 0;
        return r < t.header.length && c.kind !== 'corner' ? Math.min(HEADER_WRAP, textWidth(c.text)) : boldWidth(c);
      }),
    ),
  );
}

/** The smallest table text, in points, before a table is squeezed (its numbers then wrap). */
const MIN_FONT_PT = 6.5;
const BODY_FONT_PT = 10.5;

/**
 * The widths on the page, whether it is landscape and the table's font size: natural widths at 10.5 pt; too
 * wide for portrait → landscape; too wide for that → a smaller font (down to 6.5 pt) with widths in
 * proportion, so numbers keep to one line, and only then squeezed to the page width.
 */
export function pivotPageLayout(t: PivotTable): { widths: number[]; landscape: boolean; fontPt?: number } {
  const chars = columnChars(t);
  const at = (pt: number) => chars.map((n) => Math.ceil((n * TWIPS_PER_CHAR * pt) / BODY_FONT_PT) + CELL_MARGINS);
  const sum = (ws: number[]) => ws.reduce((a, b) => a + b, 0);
  const natural = at(BODY_FONT_PT);
  if (sum(natural) <= TEXT_WIDTH) return { widths: natural, landscape: false };
  const room = LANDSCAPE_TEXT_WIDTH;
  if (sum(natural) <= room) return { widths: natural, landscape: true };
  const text = sum(chars) * TWIPS_PER_CHAR;
  const fontPt = Math.max(MIN_FONT_PT, Math.floor(((BODY_FONT_PT * (room - chars.length * CELL_MARGINS)) / text) * 2) / 2);
  const widths = at(fontPt);
  const total = sum(widths);
  return { widths: total > room ? widths.map((w) => Math.floor((w * room) / total)) : widths, landscape: true, fontPt };
}

export function pivotToDocx(t: PivotTable, opts: { lang?: Lang } = {}): Uint8Array {
  if (pivotCellCount(t) > DOCX_MAX_PIVOT_CELLS) throw new RangeError(`${pivotCellCount(t)} cells do not fit a Word table (${DOCX_MAX_PIVOT_CELLS} at most)`);
  const b = newBuilder(opts.lang ?? 'zh-CN');
  const title = t.title || b.t('pivot.sheet');
  const { widths, landscape, fontPt } = pivotPageLayout(t);
  b.body.push(textParagraph(title, { style: STYLE.title }), caption(b.t('export.docx.table'), ++b.tables, title, true), table(wordRows(t), widths, { headerRows: t.header.length, fontPt }));
  for (const note of t.notes) b.body.push(textParagraph(note, { style: STYLE.source }));
  return finishDocx(b, title, landscape);
}
