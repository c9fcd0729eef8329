/**
 * xl/styles.xml for our workbooks: a few fonts (Chinese-capable, charset GB2312), the header fill, thin
 * borders, the number formats of number-format.ts, and cell formats interned on demand. CT_Stylesheet order:
 * numFmts, fonts, fills, borders, cellStyleXfs, cellXfs, cellStyles, dxfs.
 */
import { OFFICE_FONT, xmlText } from './ooxml';

export type FontRole = 'body' | 'title' | 'subtitle' | 'header' | 'note' | 'link';

export interface CellStyle {
  font?: FontRole;
  /** Excel format code (number cells). */
  numFmt?: string;
  /** Header cells: light fill. */
  fill?: boolean;
  /** Thin light border on all sides (table cells). */
  border?: boolean;
  align?: 'left' | 'center' | 'right';
  wrap?: boolean;
}

const INK = 'FF1F2937';
const MUTED = 'FF6B7280';
const FONTS: Record<FontRole, { size: number; bold?: boolean; color: string; underline?: boolean }> = {
  body: { size: 11, color: INK },
  title: { size: 14, bold: true, color: INK },
  subtitle: { size: 10, color: MUTED },
  header: { size: 11, bold: true, color: INK },
  note: { size: 9, color: MUTED },
  link: { size: 11, color: 'FF0072B2', underline: true },
};
const ROLES = Object.keys(FONTS) as FontRole[];

function fontXml(role: FontRole): string {
  const f = FONTS[role];
  return `<font>${f.bold ? '<b/>' : ''}${f.underline ? '<u/>' : ''}<sz val="${f.size}"/><color rgb="${f.color}"/><name val="${xmlText(OFFICE_FONT)}"/><family val="2"/><charset val="134"/></font>`;
}

/** Interns cell formats; `xml()` writes the style sheet holding every one handed out. */
export class StyleSheet {
  private readonly numFmts: string[] = [];
  private readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly ids = new Map<string, number>();

  /** The cellXfs index for `style` (0 = the default body text). */
  id(style: CellStyle): number {
    const key = JSON.stringify([style.font ?? 'body', style.numFmt ?? '', !!style.fill, !!style.border, style.align ?? '', !!style.wrap]);
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    const fontId = ROLES.indexOf(style.font ?? 'body');
    const numFmtId = style.numFmt ? this.numFmtId(style.numFmt) : 0;
    const align = style.align || style.wrap ? `<alignment${style.align ? ` horizontal="${style.align}"` : ''} vertical="center"${style.wrap ? ' wrapText="1"' : ''}/>` : '';
    const attrs =
      `numFmtId="${numFmtId}" fontId="${fontId}" fillId="${style.fill ? 2 : 0}" borderId="${style.border ? 1 : 0}" xfId="0"` +
      `${numFmtId ? ' applyNumberFormat="1"' : ''}${fontId ? ' applyFont="1"' : ''}${style.fill ? ' applyFill="1"' : ''}${style.border ? ' applyBorder="1"' : ''}${align ? ' applyAlignment="1"' : ''}`;
    const id = this.xfs.length;
    this.xfs.push(align ? `<xf ${attrs}>${align}</xf>` : `<xf ${attrs}/>`);
    this.ids.set(key, id);
    return id;
  }

  private numFmtId(code: string): number {
    const i = this.numFmts.indexOf(code);
    if (i >= 0) return 164 + i;
    this.numFmts.push(code);
    return 164 + this.numFmts.length - 1;
  }

  xml(): string {
    const numFmts = this.numFmts.length
      ? `<numFmts count="${this.numFmts.length}">${this.numFmts.map((c, i) => `<numFmt numFmtId="${164 + i}" formatCode="${xmlText(c)}"/>`).join('')}</numFmts>`
      : '';
    const thin = '<left style="thin"><color rgb="FFD9E1EA"/></left><right style="thin"><color rgb="FFD9E1EA"/></right><top style="thin"><color rgb="FFD9E1EA"/></top><bottom style="thin"><color rgb="FFD9E1EA"/></bottom><diagonal/>';
    return (
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${numFmts}` +
      `<fonts count="${ROLES.length}">${ROLES.map(fontXml).join('')}</fonts>` +
      '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFF3F6FA"/><bgColor indexed="64"/></patternFill></fill></fills>' +
      `<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border>${thin}</border></borders>` +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      // dxf 0: white text, for the dark cells of a colour scale.
      '<dxfs count="1"><dxf><font><color rgb="FFFFFFFF"/></font></dxf></dxfs></styleSheet>'
    );
  }
}
