/**
 * The drawing of a sheet: a native chart (xl/charts/chartN.xml) or a picture (xl/media/imageN.png) placed
 * in a cell range, with its relationships. See docs/export.md.
 */
import { CONTENT_TYPE, NS_REL, REL_TYPE, relsXml, xmlText, XML_HEAD } from './ooxml';

/** English Metric Units per CSS pixel (96 dpi). */
export const EMU_PER_PX = 9525;

export type DrawingContent =
  | { kind: 'chart'; xml: string }
  /** A PNG (drawn at 2× for sharp print), shown in the anchor's box. */
  | { kind: 'picture'; png: Uint8Array; description: string };

/** A cell corner plus an offset in pixels; columns and rows 0-based. */
export interface CellPoint {
  col: number;
  row: number;
  dx: number;
  dy: number;
}
/**
 * `to` given: the box spans those cells (a chart fills its columns exactly, whatever the reader's column
 * width in pixels, so it fills the printed width). Else a fixed size in pixels (a picture keeps its aspect).
 */
export type Anchor = { from: CellPoint; to: CellPoint } | { from: CellPoint; width: number; height: number };

const point = (p: CellPoint) =>
  `<xdr:col>${p.col}</xdr:col><xdr:colOff>${Math.round(p.dx * EMU_PER_PX)}</xdr:colOff><xdr:row>${p.row}</xdr:row><xdr:rowOff>${Math.round(p.dy * EMU_PER_PX)}</xdr:rowOff>`;

function frame(content: DrawingContent): string {
  if (content.kind === 'chart') {
    return (
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
      `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${NS_REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame>`
    );
  }
  return (
    `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="Picture 1" descr="${xmlText(content.description)}"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>` +
    `<xdr:blipFill><a:blip xmlns:r="${NS_REL}" r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
    `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>`
  );
}

function anchorXml(anchor: Anchor, body: string): string {
  if ('to' in anchor) return `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${point(anchor.from)}</xdr:from><xdr:to>${point(anchor.to)}</xdr:to>${body}<xdr:clientData/></xdr:twoCellAnchor>`;
  const ext = `<xdr:ext cx="${Math.round(anchor.width * EMU_PER_PX)}" cy="${Math.round(anchor.height * EMU_PER_PX)}"/>`;
  return `<xdr:oneCellAnchor><xdr:from>${point(anchor.from)}</xdr:from>${ext}${body}<xdr:clientData/></xdr:oneCellAnchor>`;
}

/** Drawing `n` (1-based): its parts and content types. */
export function drawingParts(n: number, content: DrawingContent, anchor: Anchor): { parts: Record<string, string | Uint8Array>; overrides: Record<string, string>; png: boolean } {
  const drawing =
    `${XML_HEAD}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">` +
    `${anchorXml(anchor, frame(content))}</xdr:wsDr>`;
  const parts: Record<string, string | Uint8Array> = { [`xl/drawings/drawing${n}.xml`]: drawing };
  const overrides: Record<string, string> = { [`/xl/drawings/drawing${n}.xml`]: CONTENT_TYPE.drawing };
  if (content.kind === 'chart') {
    parts[`xl/charts/chart${n}.xml`] = content.xml;
    parts[`xl/drawings/_rels/drawing${n}.xml.rels`] = relsXml([{ id: 'rId1', type: REL_TYPE.chart, target: `../charts/chart${n}.xml` }]);
    overrides[`/xl/charts/chart${n}.xml`] = CONTENT_TYPE.chart;
  } else {
    parts[`xl/media/image${n}.png`] = content.png;
    parts[`xl/drawings/_rels/drawing${n}.xml.rels`] = relsXml([{ id: 'rId1', type: REL_TYPE.image, target: `../media/image${n}.png` }]);
  }
  return { parts, overrides, png: content.kind === 'picture' };
}
