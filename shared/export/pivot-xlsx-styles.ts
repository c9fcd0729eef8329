/**
 * What SheetJS CE does not write, added to its zip: bold or filled cells (fonts, fills and derived cell
 * formats in xl/styles.xml, the cells' s="…" in the sheet) and frozen panes (the sheet view's pane). The
 * number formats SheetJS does write (cell.z) are kept: each styled cell gets a copy of its own format.
 */
import { strFromU8, strToU8 } from 'fflate';
import { columnName } from './ooxml';

type Files = Record<string, Uint8Array>;

export interface CellStyle {
  bold?: boolean;
  /** Background, RRGGBB. */
  fill?: string;
  align?: 'left' | 'center' | 'right';
  /** Font size in points (default: the workbook's). */
  size?: number;
}

/** A1-style reference of a 0-based row and column. */
export const cellRef = (row: number, col: number) => `${columnName(col)}${row + 1}`;

const styleKey = (s: CellStyle) => `${s.bold ? 'b' : ''}|${s.fill ?? ''}|${s.align ?? ''}|${s.size ?? ''}`;

function listOf(xml: string, tag: string): { items: string[]; start: number; end: number } {
  const open = new RegExp(`<${tag} count="\\d+">`).exec(xml);
  if (!open) throw new Error(`styles.xml has no <${tag}>`);
  const start = open.index;
  const end = xml.indexOf(`</${tag}>`, start) + tag.length + 3;
  const inner = xml.slice(start + open[0].length, end - tag.length - 3);
  const child = tag === 'cellXfs' ? 'xf' : tag.slice(0, -1);
  const items = [...inner.matchAll(new RegExp(`<${child}\\b[^>]*?(?:/>|>[\\s\\S]*?</${child}>)`, 'g'))].map((m) => m[0]);
  return { items, start, end };
}

function withList(xml: string, tag: string, items: string[]): string {
  const { start, end } = listOf(xml, tag);
  return `${xml.slice(0, start)}<${tag} count="${items.length}">${items.join('')}</${tag}>${xml.slice(end)}`;
}

/** Styles the cells named in `styles` on the worksheet part `sheetPath`. */
export function applyCellStyles(files: Files, sheetPath: string, styles: ReadonlyMap<string, CellStyle>): void {
  if (styles.size === 0) return;
  let css = strFromU8(files['xl/styles.xml']);
  const fonts = listOf(css, 'fonts').items;
  const fills = listOf(css, 'fills').items;
  const xfs = listOf(css, 'cellXfs').items;
  const baseFont = fonts[0];
  const fontFor = new Map<string, number>();
  const fillFor = new Map<string, number>();
  const derived = new Map<string, number>();
  const font = (s: CellStyle) => {
    if (!s.bold && !s.size) return 0;
    const key = `${s.bold ? 'b' : ''}${s.size ?? ''}`;
    if (!fontFor.has(key)) {
      let f = baseFont.replace('<font>', `<font>${s.bold ? '<b/>' : ''}`);
      if (s.size) f = f.replace(/<sz val="[\d.]+"\/>/, `<sz val="${s.size}"/>`);
      fontFor.set(key, fonts.push(f) - 1);
    }
    return fontFor.get(key)!;
  };
  const fill = (s: CellStyle) => {
    if (!s.fill) return 0;
    if (!fillFor.has(s.fill)) fillFor.set(s.fill, fills.push(`<fill><patternFill patternType="solid"><fgColor rgb="FF${s.fill}"/><bgColor indexed="64"/></patternFill></fill>`) - 1);
    return fillFor.get(s.fill)!;
  };
  const xfFor = (base: number, s: CellStyle) => {
    const key = `${base}#${styleKey(s)}`;
    if (!derived.has(key)) {
      const numFmt = /numFmtId="(\d+)"/.exec(xfs[base] ?? '')?.[1] ?? '0';
      const align = s.align ? `<alignment horizontal="${s.align}" vertical="center" wrapText="1"/>` : '';
      const xf = `<xf numFmtId="${numFmt}" fontId="${font(s)}" fillId="${fill(s)}" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1"${align ? ' applyAlignment="1">' + align + '</xf>' : '/>'}`;
      derived.set(key, xfs.push(xf) - 1);
    }
    return derived.get(key)!;
  };
  const sheet = strFromU8(files[sheetPath]).replace(/<c r="([A-Z]+\d+)"(?: s="(\d+)")?/g, (m, ref: string, s?: string) => {
    const style = styles.get(ref);
    return style ? `<c r="${ref}" s="${xfFor(Number(s ?? 0), style)}"` : m;
  });
  css = withList(withList(withList(css, 'fonts', fonts), 'fills', fills), 'cellXfs', xfs);
  files['xl/styles.xml'] = strToU8(css);
  files[sheetPath] = strToU8(sheet);
}

/** Freezes the first `cols` columns and `rows` rows of the sheet (they stay in view while scrolling). */
export function freezePanes(files: Files, sheetPath: string, cols: number, rows: number): void {
  if (cols === 0 && rows === 0) return;
  const split = `${cols ? ` xSplit="${cols}"` : ''}${rows ? ` ySplit="${rows}"` : ''}`;
  const pane = cols && rows ? 'bottomRight' : cols ? 'topRight' : 'bottomLeft';
  const view = `<sheetView workbookViewId="0"><pane${split} topLeftCell="${cellRef(rows, cols)}" activePane="${pane}" state="frozen"/><selection pane="${pane}"/></sheetView>`;
  const xml = strFromU8(files[sheetPath]);
  const out = xml.replace(/<sheetView workbookViewId="0"\s*\/>|<sheetView workbookViewId="0">[\s\S]*?<\/sheetView>/, view);
  if (out === xml) throw new Error('worksheet has no sheet view to freeze');
  files[sheetPath] = strToU8(out);
}
