/** WordprocessingML pieces of our documents: paragraphs, numbered captions, inline charts and pictures, tables. */
import { xmlText } from './ooxml';
import { STYLE } from './docx-styles';

/** EMU per twentieth of a point (twips): page sizes are in twips, drawings in EMU. */
export const EMU_PER_TWIP = 635;

interface RunProps {
  bold?: boolean;
  colour?: string;
  /** Font size in points (default: the paragraph style's). */
  size?: number;
}

export function run(text: string, p: RunProps = {}): string {
  const size = p.size ? `<w:sz w:val="${Math.round(p.size * 2)}"/><w:szCs w:val="${Math.round(p.size * 2)}"/>` : '';
  const rpr = p.bold || p.colour || size ? `<w:rPr>${p.bold ? '<w:b/><w:bCs/>' : ''}${p.colour ? `<w:color w:val="${p.colour}"/>` : ''}${size}</w:rPr>` : '';
  return `<w:r>${rpr}<w:t xml:space="preserve">${xmlText(text)}</w:t></w:r>`;
}

interface ParaProps {
  style?: string;
  align?: 'left' | 'center' | 'right';
  keepNext?: boolean;
}

export function paragraph(body: string, p: ParaProps = {}): string {
  const ppr = p.style || p.align || p.keepNext ? `<w:pPr>${p.style ? `<w:pStyle w:val="${p.style}"/>` : ''}${p.keepNext ? '<w:keepNext/>' : ''}${p.align ? `<w:jc w:val="${p.align}"/>` : ''}</w:pPr>` : '';
  return `<w:p>${ppr}${body}</w:p>`;
}

export const textParagraph = (text: string, p: ParaProps = {}) => paragraph(run(text), p);

/**
 * "图1\u3000标题": the number is a SEQ field (Word's own caption numbering, so 插入题注 continues it and 图表目录
 * lists it); its current value is written too, so every reader shows it without updating fields.
 */
export function caption(label: string, n: number, title: string, keepNext = false): string {
  // "Figure " in English: the field's identifier is the word itself.
  const field = `<w:fldSimple w:instr=" SEQ ${xmlText(label.trim())} \\* ARABIC "><w:r><w:t>${n}</w:t></w:r></w:fldSimple>`;
  return paragraph(`${run(label)}${field}${run(`\u3000${title}`)}`, { style: STYLE.caption, keepNext });
}

/** An inline native chart (word/charts/chartN.xml through relationship `rId`). */
export function inlineChart(rId: string, id: number, cx: number, cy: number, description: string): string {
  return (
    `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>` +
    `<wp:docPr id="${id}" name="Chart ${id}" descr="${xmlText(description)}"/><wp:cNvGraphicFramePr/>` +
    `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="${rId}"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`
  );
}

/** An inline picture (word/media/imageN.png through relationship `rId`). */
export function inlinePicture(rId: string, id: number, cx: number, cy: number, description: string): string {
  return (
    `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>` +
    `<wp:docPr id="${id}" name="Picture ${id}" descr="${xmlText(description)}"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
    `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="${id}" name="image${id}.png"/><pic:cNvPicPr/></pic:nvPicPr>` +
    `<pic:blipFill><a:blip r:embed="${rId}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`
  );
}

export interface TableCell {
  text: string;
  align?: 'left' | 'center' | 'right';
  bold?: boolean;
  /** Shading, RRGGBB. */
  fill?: string;
  colour?: string;
  /** Grid columns the cell spans (merged sideways). */
  colSpan?: number;
  /** Merged downwards: 'restart' starts the merge, 'continue' is a cell below it (its text is not shown). */
  vMerge?: 'restart' | 'continue';
}

const BORDER = '<w:top w:val="single" w:sz="4" w:space="0" w:color="BFC8D3"/><w:left w:val="single" w:sz="4" w:space="0" w:color="BFC8D3"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="BFC8D3"/><w:right w:val="single" w:sz="4" w:space="0" w:color="BFC8D3"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="BFC8D3"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="BFC8D3"/>';

/**
 * A real Word table: the first `headerRows` rows are the header, repeated at the top of every page the table
 * runs onto; rows never break across pages. `widths` in twips, one per grid column; a row lists its cells
 * left to right, a merged cell once (colSpan), a cell under a downward merge as vMerge 'continue'. `fontPt`
 * shrinks the text of a table too wide for the page (default: the table style's 10.5 pt).
 */
export function table(rows: TableCell[][], widths: number[], opts: { headerRows?: number; fontPt?: number } = {}): string {
  const headerRows = opts.headerRows ?? 1;
  const cell = (c: TableCell, at: number) => {
    const span = c.colSpan ?? 1;
    const w = widths.slice(at, at + span).reduce((a, b) => a + b, 0);
    return (
      `<w:tc><w:tcPr><w:tcW w:w="${w}" w:type="dxa"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${c.vMerge ? `<w:vMerge${c.vMerge === 'restart' ? ' w:val="restart"' : ''}/>` : ''}` +
      `${c.fill ? `<w:shd w:val="clear" w:color="auto" w:fill="${c.fill}"/>` : ''}<w:vAlign w:val="center"/></w:tcPr>` +
      paragraph(c.vMerge === 'continue' ? '' : run(c.text, { bold: c.bold, colour: c.colour, size: opts.fontPt }), { style: STYLE.table, align: c.align ?? 'left' }) +
      '</w:tc>'
    );
  };
  const tr = (cells: TableCell[], header: boolean) => {
    let at = 0;
    const body = cells.map((c) => {
      const xml = cell(c, at);
      at += c.colSpan ?? 1;
      return xml;
    });
    return `<w:tr><w:trPr><w:cantSplit/>${header ? '<w:tblHeader/>' : ''}</w:trPr>${body.join('')}</w:tr>`;
  };
  return (
    `<w:tbl><w:tblPr><w:tblW w:w="${widths.reduce((a, b) => a + b, 0)}" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>${BORDER}</w:tblBorders>` +
    '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr>' +
    `<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>` +
    rows.map((r, i) => tr(r, i < headerRows)).join('') +
    '</w:tbl>'
  );
}
