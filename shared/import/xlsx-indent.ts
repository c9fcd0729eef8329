/**
 * Excel's indent (Format Cells › Alignment › Indent) is part of the cell style, which SheetJS CE does not
 * hand out when reading. Yearbooks use it for row labels, so for .xlsx workbooks this reads it directly:
 * the cell formats with an indent from xl/styles.xml, then the cells using them in each sheet's XML.
 * Bounded: styles and sheet parts are only inflated when they declare at most a few MB (yearbook tables
 * are small), and anything unexpected simply yields no indents.
 */
import { strFromU8, unzipSync } from 'fflate';
import { cellKey } from './grid';

const MAX_PART_BYTES = 8 * 1024 * 1024;
const WORKBOOK_PARTS = new Set(['xl/workbook.xml', 'xl/_rels/workbook.xml.rels']);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? m),
  );
const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1]) : undefined;
};

function inflate(bytes: Uint8Array, wanted: (name: string) => boolean): Record<string, Uint8Array> {
  return unzipSync(bytes, { filter: (f) => wanted(f.name) && f.originalSize <= MAX_PART_BYTES });
}

/** Index of each cell format (cellXfs) that indents, with its level. */
function indentFormats(stylesXml: string): Map<number, number> {
  const out = new Map<number, number>();
  const section = /<cellXfs\b[\s\S]*?<\/cellXfs>/.exec(stylesXml)?.[0] ?? '';
  let i = 0;
  for (const m of section.matchAll(/<xf\b([^>]*?)(?:\/>|>([\s\S]*?)<\/xf>)/g)) {
    const level = Number(/<alignment\b[^>]*\sindent="(\d+)"/.exec(m[2] ?? '')?.[1] ?? 0);
    if (level > 0) out.set(i, level);
    i++;
  }
  return out;
}

/** Sheet name → path of its XML part, from the workbook and its relationships. */
function sheetParts(workbookXml: string, relsXml: string): Map<string, string> {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const m of workbookXml.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name');
    const id = /\s[\w]+:id="([^"]*)"/.exec(m[0])?.[1];
    const part = id ? targets.get(id) : undefined;
    if (name !== undefined && part) out.set(name, part);
  }
  return out;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Excel indent levels by sheet name, keyed by cellKey(row, column) in the sheet's own (absolute) cells. */
export function readExcelIndents(bytes: Uint8Array): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>();
  try {
    const styles = inflate(bytes, (n) => n === 'xl/styles.xml')['xl/styles.xml'];
    const formats = styles ? indentFormats(strFromU8(styles)) : new Map<number, number>();
    if (formats.size === 0) return out;
    const book = inflate(bytes, (n) => WORKBOOK_PARTS.has(n));
    if (!book['xl/workbook.xml'] || !book['xl/_rels/workbook.xml.rels']) return out;
    const parts = sheetParts(strFromU8(book['xl/workbook.xml']), strFromU8(book['xl/_rels/workbook.xml.rels']));
    const wanted = new Set(parts.values());
    const sheets = inflate(bytes, (n) => wanted.has(n));
    for (const [name, part] of parts) {
      if (!sheets[part]) continue;
      const cells = new Map<number, number>();
      for (const m of strFromU8(sheets[part]).matchAll(/<c\b([^>]*)>/g)) {
        const level = formats.get(Number(attr(m[1], 's') ?? -1));
        const ref = level ? /^([A-Z]{1,3})(\d+)$/.exec(attr(m[1], 'r') ?? '') : null;
        if (level && ref) cells.set(cellKey(Number(ref[2]) - 1, columnIndex(ref[1])), level);
      }
      if (cells.size) out.set(name, cells);
    }
  } catch {
    // Not a zip workbook (.xls, .ods) or an odd one: indentation then comes from leading spaces only.
  }
  return out;
}
