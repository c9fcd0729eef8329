/**
 * One worksheet part (xl/worksheets/sheetN.xml) from a plain sheet model: styled, typed cells; column widths;
 * a frozen header (and label columns); merged cells; colour scales; internal links; A4 page setup fitted to the page width with page numbers in
 * the footer; and the drawing that holds its chart or picture. Elements in CT_Worksheet order.
 */
import { columnName, xmlText, XML_HEAD, NS_REL } from './ooxml';

export interface Cell {
  /** Text, a number or a boolean; numbers are written typed (never as text, never as a formula). */
  v: string | number | boolean;
  /** The cellXfs index (StyleSheet.id). */
  s?: number;
}

export interface SheetModel {
  name: string;
  /** Row-major, 0-based; null or missing = an empty cell. */
  rows: (Cell | null | undefined)[][];
  /** Heights in points of rows that need more than the default (e.g. the title). 0-based row → pt. */
  rowHeights?: Record<number, number>;
  /** Column widths in characters (Excel's unit: the width of a digit). */
  colWidths: number[];
  /** Rows kept in view when scrolling (title + header). */
  freezeRows?: number;
  /** Columns kept in view when scrolling sideways (a pivot's row labels). */
  freezeCols?: number;
  /** Merged ranges ('A3:B3'): the first cell's value and style show across the range. */
  merges?: string[];
  /** Raw <cfRule> XML per range, e.g. a colour scale over the data cells. */
  conditional?: { sqref: string; rules: string }[];
  /** Links to a place in the workbook ('Sheet'!A1). */
  links?: { ref: string; location: string }[];
  page: {
    landscape: boolean;
    /** 1: the whole sheet on one page; 0: as many pages as its height needs (always one page wide). */
    fitToHeight: 0 | 1;
    /** Footer in Excel's header/footer codes (&P page, &N pages). */
    footer: string;
  };
  /** Print area and rows repeated on each printed page (workbook defined names). */
  printArea: string;
  printTitles?: string;
  /** The sheet relationship id of its drawing. */
  drawing?: string;
}

/** Excel's default row height for our 11 pt font, in points (22 px). Every row without its own height has it. */
export const DEFAULT_ROW_PT = 16.5;

/** Interns the workbook's strings (xl/sharedStrings.xml). */
export class SharedStrings {
  private readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  private count = 0;

  id(s: string): number {
    this.count++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }

  xml(): string {
    const items = this.list.map((s) => `<si><t${/^\s|\s$|\n/.test(s) ? ' xml:space="preserve"' : ''}>${xmlText(s)}</t></si>`).join('');
    return `${XML_HEAD}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.count}" uniqueCount="${this.list.length}">${items}</sst>`;
  }
}

function cellXml(c: Cell, ref: string, strings: SharedStrings): string {
  const s = c.s ? ` s="${c.s}"` : '';
  if (typeof c.v === 'boolean') return `<c r="${ref}"${s} t="b"><v>${c.v ? 1 : 0}</v></c>`;
  if (typeof c.v === 'number') return Number.isFinite(c.v) ? `<c r="${ref}"${s}><v>${c.v}</v></c>` : s ? `<c r="${ref}"${s}/>` : '';
  return `<c r="${ref}"${s} t="s"><v>${strings.id(c.v)}</v></c>`;
}

function sheetData(m: SheetModel, strings: SharedStrings): string {
  const rows = m.rows.map((cells, r) => {
    const ht = m.rowHeights?.[r];
    const body = cells.map((c, col) => (c ? cellXml(c, `${columnName(col)}${r + 1}`, strings) : '')).join('');
    if (!body && ht === undefined) return '';
    return `<row r="${r + 1}"${ht !== undefined ? ` ht="${ht}" customHeight="1"` : ''}>${body}</row>`;
  });
  return `<sheetData>${rows.join('')}</sheetData>`;
}

function sheetView(m: SheetModel, selected: boolean): string {
  const tab = selected ? ' tabSelected="1"' : '';
  const rows = m.freezeRows ?? 0;
  const cols = m.freezeCols ?? 0;
  if (!rows && !cols) return `<sheetViews><sheetView workbookViewId="0"${tab}/></sheetViews>`;
  const top = `${columnName(cols)}${rows + 1}`;
  const pane = rows && cols ? 'bottomRight' : rows ? 'bottomLeft' : 'topRight';
  const split = `${cols ? ` xSplit="${cols}"` : ''}${rows ? ` ySplit="${rows}"` : ''}`;
  return (
    `<sheetViews><sheetView workbookViewId="0"${tab}><pane${split} topLeftCell="${top}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}" activeCell="${top}" sqref="${top}"/></sheetView></sheetViews>`
  );
}

export function lastColumn(m: SheetModel): number {
  return Math.max(m.colWidths.length, ...m.rows.map((r) => r.length)) - 1;
}

/** The worksheet XML. `selected`: the tab shown when the workbook opens. */
export function sheetXml(m: SheetModel, strings: SharedStrings, selected: boolean): string {
  const lastRow = Math.max(1, m.rows.length);
  const dimension = `A1:${columnName(Math.max(0, lastColumn(m)))}${lastRow}`;
  const cols = m.colWidths.length
    ? `<cols>${m.colWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`
    : '';
  const merges = m.merges?.length ? `<mergeCells count="${m.merges.length}">${m.merges.map((r) => `<mergeCell ref="${r}"/>`).join('')}</mergeCells>` : '';
  const conditional = (m.conditional ?? []).map((c) => `<conditionalFormatting sqref="${c.sqref}">${c.rules}</conditionalFormatting>`).join('');
  const links = m.links?.length ? `<hyperlinks>${m.links.map((l) => `<hyperlink ref="${l.ref}" location="${xmlText(l.location)}" display="${xmlText(l.location)}"/>`).join('')}</hyperlinks>` : '';
  const { landscape, fitToHeight, footer } = m.page;
  return (
    `${XML_HEAD}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${NS_REL}">` +
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="${dimension}"/>${sheetView(m, selected)}<sheetFormatPr defaultRowHeight="${DEFAULT_ROW_PT}" customHeight="1"/>${cols}` +
    sheetData(m, strings) +
    merges +
    conditional +
    links +
    '<printOptions horizontalCentered="1"/><pageMargins left="0.5" right="0.5" top="0.6" bottom="0.7" header="0.3" footer="0.3"/>' +
    // paperSize 9 = A4. fitToWidth 1 with fitToHeight 0: one page wide, as many pages tall as needed.
    `<pageSetup paperSize="9" orientation="${landscape ? 'landscape' : 'portrait'}" fitToWidth="1" fitToHeight="${fitToHeight}"/>` +
    `<headerFooter><oddFooter>${xmlText(footer)}</oddFooter></headerFooter>` +
    (m.drawing ? `<drawing r:id="${m.drawing}"/>` : '') +
    '</worksheet>'
  );
}
