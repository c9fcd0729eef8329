/** Small helpers shared by the Office Open XML writers (xlsx, docx; pptx comes from pptxgenjs). */
import { strToU8, zipSync } from 'fflate';
import { CJK_FONT_STACK } from '../charts/theme';

/** First font of the app's CJK stack: what Excel, Word and WPS on Windows use for Chinese. */
export const OFFICE_FONT = CJK_FONT_STACK.split(',')[0].replace(/["']/g, '').trim();

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const REL_TYPE = {
  officeDocument: `${NS_REL}/officeDocument`,
  core: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
  styles: `${NS_REL}/styles`,
  worksheet: `${NS_REL}/worksheet`,
  sharedStrings: `${NS_REL}/sharedStrings`,
  drawing: `${NS_REL}/drawing`,
  chart: `${NS_REL}/chart`,
  image: `${NS_REL}/image`,
  package: `${NS_REL}/package`,
  settings: `${NS_REL}/settings`,
  footer: `${NS_REL}/footer`,
} as const;
export const CONTENT_TYPE = {
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export interface Relationship {
  id: string;
  type: string;
  target: string;
}

export function relsXml(rels: Relationship[]): string {
  return `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${xmlText(r.target)}"/>`).join('')}</Relationships>`;
}

/**
 * A whole package: its parts (XML as text, media as bytes), [Content_Types].xml from the given defaults
 * (extension → type) and overrides (part → type), and the package relationships with the core properties.
 */
/** Bytes above which a part is deflated fast rather than small. */
const BIG_PART = 1 << 20;

export function zipPackage(parts: Record<string, string | Uint8Array>, types: { defaults: Record<string, string>; overrides: Record<string, string> }, main: string, title: string): Uint8Array {
  const defaults = { rels: CONTENT_TYPE.rels, xml: 'application/xml', ...types.defaults };
  const overrides = { ...types.overrides, '/docProps/core.xml': CONTENT_TYPE.core };
  // [Content_Types].xml first: some readers look for it at the start of the zip.
  const all: Record<string, string | Uint8Array> = {
    '[Content_Types].xml':
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      Object.entries(defaults).map(([ext, type]) => `<Default Extension="${ext}" ContentType="${type}"/>`).join('') +
      Object.entries(overrides).map(([part, type]) => `<Override PartName="${xmlText(part)}" ContentType="${type}"/>`).join('') +
      '</Types>',
    '_rels/.rels': relsXml([
      { id: 'rId1', type: REL_TYPE.officeDocument, target: main },
      { id: 'rId2', type: REL_TYPE.core, target: 'docProps/core.xml' },
    ]),
    'docProps/core.xml': `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${xmlText(title)}</dc:title><dc:creator>社会治理数据工作台</dc:creator></cp:coreProperties>`,
    ...parts,
  };
  // A part of megabytes (a big table's sheet) is deflated at level 1: several times faster, a little larger.
  const entry = (v: string | Uint8Array) => {
    const bytes = typeof v === 'string' ? strToU8(v) : v;
    return [bytes, { level: bytes.length > BIG_PART ? 1 : 6 }] as [Uint8Array, { level: 1 | 6 }];
  };
  return zipSync(Object.fromEntries(Object.entries(all).map(([k, v]) => [k, entry(v)])));
}

// XML 1.0 forbids most control characters even when escaped; drop them.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function xmlText(s: string): string {
  return s.replace(XML_INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A sheet name quoted for a formula or chart reference: '上海''s 数据'. Always quoted: always valid. */
export function quoteSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** 'Sheet'!$B$2:$B$5 (or a single cell when the range is one row). Rows are 1-based, columns 0-based. */
export function absRange(sheet: string, col: number, firstRow: number, lastRow = firstRow): string {
  const c = columnName(col);
  const a = `$${c}$${firstRow}`;
  return `${quoteSheet(sheet)}!${lastRow === firstRow ? a : `${a}:$${c}$${lastRow}`}`;
}

const SHEET_BAD = /[\\/?*[\]:]/g;

/**
 * A valid, unique worksheet name: no \ / ? * [ ] :, not blank, at most 31 characters, never starting or
 * ending with an apostrophe (Excel refuses those).
 */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(SHEET_BAD, '_').replace(/^'+|'+$/g, '').trim().slice(0, 31) || 'Sheet';
  let name = base;
  for (let i = 2; [...taken].some((t) => t.toLowerCase() === name.toLowerCase()); i++) {
    const suffix = ` (${i})`;
    name = base.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(name);
  return name;
}
