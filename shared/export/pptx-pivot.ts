/**
 * A pivot on a slide as a native PowerPoint table (pptxgenjs addTable) from the writer-neutral PivotTable
 * (shared/pivot/table.ts): column keys merged across their groups, row keys down theirs, totals bold, numbers
 * right-aligned in the value's format (the screen's text), heat as a shade. PowerPoint pages a long table on.
 */
import type PptxGenJS from 'pptxgenjs';
import type { PivotCell, PivotTable } from '../pivot/table';
import { OFFICE_FONT } from './ooxml';

type Slide = ReturnType<PptxGenJS['addSlide']>;

const INK = '1F2937';
const HEADER_FILL = 'F3F6FA';
const TOTAL_FILL = 'F3F5F8';

/** A shade of blue for heat h (0…1) over white, as the screen's grid. */
function heatFill(h: number): string {
  const a = 0.08 + 0.5 * h;
  const mix = (c: number) => Math.round(255 + (c - 255) * a).toString(16).padStart(2, '0');
  return `${mix(59)}${mix(111)}${mix(212)}`.toUpperCase();
}

/** The table rows pptxgenjs takes: covered cells left out, merges as colspan/rowspan. */
export function pivotTableRows(t: PivotTable, fontSize: number): PptxGenJS.TableRow[] {
  const cell = (c: PivotCell, header: boolean): PptxGenJS.TableCell => {
    const fill = header ? HEADER_FILL : c.heat !== undefined ? heatFill(c.heat) : c.total ? TOTAL_FILL : undefined;
    return {
      text: c.text,
      options: {
        fontFace: OFFICE_FONT,
        fontSize,
        color: INK,
        bold: header || !!c.total,
        align: header ? 'center' : c.kind === 'value' ? 'right' : 'left',
        valign: 'middle',
        ...(c.colSpan && c.colSpan > 1 ? { colspan: c.colSpan } : {}),
        ...(c.rowSpan && c.rowSpan > 1 ? { rowspan: c.rowSpan } : {}),
        ...(fill ? { fill: { color: fill } } : {}),
      },
    };
  };
  return [...t.header.map((row) => row.filter((c) => c.kind !== 'covered').map((c) => cell(c, true))), ...t.body.map((row) => row.filter((c) => c.kind !== 'covered').map((c) => cell(c, false)))];
}

export function pivotSlide(slide: Slide, t: PivotTable, title: string): void {
  slide.addText(title, { x: 0.5, y: 0.3, w: 12.3, h: 0.9, fontFace: OFFICE_FONT, fontSize: 30, bold: true, color: INK, fit: 'shrink' });
  // Slide-sized type while the table fits on one slide; a long or wide one pages on in smaller type.
  const cols = t.rowHeaderCols + t.dataCols;
  const fontSize = t.body.length <= 12 && cols <= 8 ? 16 : 11;
  slide.addTable(pivotTableRows(t, fontSize), { x: 0.5, y: 1.4, w: 12.3, autoPage: true, autoPageRepeatHeader: true, autoPageHeaderRows: t.header.length, border: { type: 'solid', pt: 0.5, color: 'D9E1EA' }, fill: { color: 'FFFFFF' } });
  if (t.notes.length) slide.addText(t.notes.join('；'), { x: 0.5, y: 6.95, w: 12.3, h: 0.4, fontFace: OFFICE_FONT, fontSize: 10, color: '6B7280' });
}
