/**
 * The parts SheetJS does not write, added to its zip: a drawing per chart sheet holding either a native
 * chart (xl/charts/chartN.xml) or a picture (xl/media/imageN.png), their relationships, the <drawing>
 * element in the sheet at its schema position, and the content types. See docs/export.md.
 */
import { strFromU8, strToU8 } from 'fflate';
import { xmlText } from './ooxml';

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
/** English Metric Units per CSS pixel (96 dpi). */
const EMU_PER_PX = 9525;

type Files = Record<string, Uint8Array>;

export type DrawingContent =
  | { kind: 'chart'; xml: string }
  /** A PNG shown at `width` × `height` CSS pixels (the bytes may be drawn at 2× for sharp print). */
  | { kind: 'picture'; png: Uint8Array; width: number; height: number; description: string };

const pos = (col: number, row: number) => `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
const wsDr = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">${body}</xdr:wsDr>`;

function chartAnchor(fromCol: number, rows: number): string {
  return (
    `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${pos(fromCol, 0)}</xdr:from><xdr:to>${pos(fromCol + 9, Math.max(rows, 22))}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

/** One-cell anchor with a fixed size: the picture keeps its aspect ratio whatever the column widths. */
function pictureAnchor(fromCol: number, width: number, height: number, description: string): string {
  const cx = Math.round(width * EMU_PER_PX);
  const cy = Math.round(height * EMU_PER_PX);
  return (
    `<xdr:oneCellAnchor><xdr:from>${pos(fromCol, 0)}</xdr:from><xdr:ext cx="${cx}" cy="${cy}"/>` +
    `<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="Picture 1" descr="${xmlText(description)}"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr>` +
    `<xdr:blipFill><a:blip xmlns:r="${REL}" r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
    `<xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:oneCellAnchor>`
  );
}

const relsXml = (rels: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL}">${rels}</Relationships>`;

/** Elements that CT_Worksheet allows after <drawing>: the drawing goes before the first one present. */
const AFTER_DRAWING = ['legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

export function insertDrawingElement(sheetXml: string, rId: string): string {
  const el = `<drawing r:id="${rId}"/>`;
  let at = sheetXml.lastIndexOf('</worksheet>');
  for (const name of AFTER_DRAWING) {
    const i = sheetXml.search(new RegExp(`<${name}[\\s/>]`));
    if (i >= 0 && i < at) at = i;
  }
  if (at < 0) throw new Error('worksheet XML has no end tag');
  const withNs = /xmlns:r=/.test(sheetXml.slice(0, sheetXml.indexOf('>', sheetXml.indexOf('<worksheet')))) ? sheetXml : sheetXml.replace('<worksheet', `<worksheet xmlns:r="${REL}"`);
  const shift = withNs.length - sheetXml.length;
  return withNs.slice(0, at + shift) + el + withNs.slice(at + shift);
}

/** Path of each worksheet part, in workbook order, from workbook.xml and its relationships. */
export function sheetPaths(files: Files): string[] {
  const wb = strFromU8(files['xl/workbook.xml']);
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels']);
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  return [...wb.matchAll(/<sheet\b[^>]*>/g)].map((m) => {
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    const p = id && targets.get(id);
    if (!p) throw new Error('worksheet relationship missing');
    return p;
  });
}

function addContentType(files: Files, entry: string): void {
  const ct = strFromU8(files['[Content_Types].xml']);
  if (!ct.includes(entry)) files['[Content_Types].xml'] = strToU8(ct.replace('</Types>', `${entry}</Types>`));
}

/** Links drawing `n` to the worksheet part `sheetPath` (a free rId in the sheet's relationships). */
function linkDrawing(files: Files, sheetPath: string, n: number): void {
  const slash = sheetPath.lastIndexOf('/');
  const relsPath = `${sheetPath.slice(0, slash)}/_rels/${sheetPath.slice(slash + 1)}.rels`;
  const existing = files[relsPath] ? strFromU8(files[relsPath]) : relsXml('');
  const used = new Set([...existing.matchAll(/\bId="([^"]+)"/g)].map((m) => m[1]));
  let k = used.size + 1;
  while (used.has(`rId${k}`)) k++;
  const rId = `rId${k}`;
  files[relsPath] = strToU8(existing.replace('</Relationships>', `<Relationship Id="${rId}" Type="${REL}/drawing" Target="../drawings/drawing${n}.xml"/></Relationships>`));
  files[sheetPath] = strToU8(insertDrawingElement(strFromU8(files[sheetPath]), rId));
}

/** Adds drawing `n` (1-based) with its chart or picture on the worksheet part `sheetPath`, right of column `fromCol`. */
export function addDrawing(files: Files, sheetPath: string, n: number, content: DrawingContent, fromCol: number, rows: number): void {
  if (content.kind === 'chart') {
    files[`xl/charts/chart${n}.xml`] = strToU8(content.xml);
    files[`xl/drawings/drawing${n}.xml`] = strToU8(wsDr(chartAnchor(fromCol, rows)));
    files[`xl/drawings/_rels/drawing${n}.xml.rels`] = strToU8(relsXml(`<Relationship Id="rId1" Type="${REL}/chart" Target="../charts/chart${n}.xml"/>`));
    addContentType(files, `<Override PartName="/xl/charts/chart${n}.xml" ContentType="${CT_CHART}"/>`);
  } else {
    files[`xl/media/image${n}.png`] = content.png;
    files[`xl/drawings/drawing${n}.xml`] = strToU8(wsDr(pictureAnchor(fromCol, content.width, content.height, content.description)));
    files[`xl/drawings/_rels/drawing${n}.xml.rels`] = strToU8(relsXml(`<Relationship Id="rId1" Type="${REL}/image" Target="../media/image${n}.png"/>`));
    addContentType(files, '<Default Extension="png" ContentType="image/png"/>');
  }
  addContentType(files, `<Override PartName="/xl/drawings/drawing${n}.xml" ContentType="${CT_DRAWING}"/>`);
  linkDrawing(files, sheetPath, n);
}
