/**
 * What a file is, decided by its bytes (the extension only breaks ties between plain-text formats). Every
 * family SheetJS reads goes to SheetJS; markup and binary that nothing here reads are refused by name —
 * never read as delimited text (which would import XML tags or bytes as rows).
 */
import { decodeText } from './encoding';
import { ImportError, type SourceFormat } from './types';

/** A format family as detected; `workbook` families are read by SheetJS. */
export interface Sniffed {
  format: SourceFormat;
  /** Human name of the detected family, e.g. "SYLK", "BIFF4 (Excel 4)"; shown in messages. */
  kind: string;
  /** A text format read by SheetJS: decoded here (BOM → UTF-8 → GB18030) and handed over as a string. */
  text?: boolean;
}

/** Lotus 1-2-3 and Quattro Pro share one record layout (xlsx-source checks its chain before SheetJS reads it). */
export const LOTUS_KIND = 'Lotus 1-2-3 / Quattro Pro';

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => sig.every((x, i) => b[at + i] === x);

/** Binary signatures, checked in order. */
const BINARY: { kind: string; format?: SourceFormat; test: (b: Uint8Array) => boolean }[] = [
  { kind: 'Parquet', format: 'parquet', test: (b) => startsWith(b, [0x50, 0x41, 0x52, 0x31]) },
  { kind: 'Arrow IPC', format: 'arrow', test: (b) => startsWith(b, [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31]) },
  // An IPC stream (.arrows) has no magic: it starts with its first message's continuation marker, 0xFFFFFFFF,
  // which no text encoding here starts with.
  { kind: 'Arrow IPC', format: 'arrow', test: (b) => b.length >= 8 && startsWith(b, [0xff, 0xff, 0xff, 0xff]) },
  { kind: 'zip (xlsx/xlsb/ods)', format: 'xlsx', test: (b) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]) },
  { kind: 'OLE (xls/BIFF5–8)', format: 'xlsx', test: (b) => startsWith(b, [0xd0, 0xcf, 0x11, 0xe0]) },
  // A bare BIFF stream starts with its BOF record: 0x0009 (BIFF2), 0x0209 (BIFF3), 0x0409 (BIFF4), 0x0809 (BIFF5/8).
  { kind: 'BIFF2–4 (Excel 2–4)', format: 'xlsx', test: (b) => b[0] === 0x09 && [0x00, 0x02, 0x04, 0x08].includes(b[1]) && b[3] === 0x00 && b[2] >= 4 && b[2] <= 20 },
  // Lotus 1-2-3 (.wks/.wk1/.wk3/.wk4/.123) and Quattro Pro (.wq1/.wq2/.wb1): a BOF record type 0 of length ≥ 2.
  { kind: LOTUS_KIND, format: 'xlsx', test: (b) => b[0] === 0x00 && b[1] === 0x00 && b[2] >= 0x02 && b[2] <= 0x1a && b[3] === 0x00 },
  // dBASE: a version byte, then the last-update date (YY MM DD), then a header of at least 33 bytes.
  {
    kind: 'dBASE (.dbf)',
    format: 'xlsx',
    test: (b) => b.length >= 32 && [0x02, 0x03, 0x30, 0x31, 0x43, 0x83, 0x8b, 0x8c, 0xcb, 0xf5].includes(b[0]) && b[2] >= 1 && b[2] <= 12 && b[3] >= 1 && b[3] <= 31 && b[8] + b[9] * 256 >= 33,
  },
  { kind: 'gzip', test: (b) => startsWith(b, [0x1f, 0x8b]) },
  { kind: '7z', test: (b) => startsWith(b, [0x37, 0x7a, 0xbc, 0xaf]) },
  { kind: 'RAR', test: (b) => startsWith(b, [0x52, 0x61, 0x72, 0x21]) },
  { kind: 'PDF', test: (b) => startsWith(b, [0x25, 0x50, 0x44, 0x46]) },
  { kind: 'PNG', test: (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47]) },
  { kind: 'JPEG', test: (b) => startsWith(b, [0xff, 0xd8, 0xff]) },
  { kind: 'SQLite', test: (b) => startsWith(b, [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20]) },
];

/** Text-based spreadsheet formats SheetJS reads, by their first characters. */
const TEXT_SHEETS: { kind: string; test: RegExp }[] = [
  { kind: 'SYLK', test: /^ID;P/ },
  { kind: 'DIF', test: /^TABLE\r?\n0,1\r?\n/ },
];

/** Markup: which kind of sheet, or null when it is markup no reader here knows. */
function markupKind(head: string): string | null {
  if (/urn:schemas-microsoft-com:office:spreadsheet/.test(head)) return 'SpreadsheetML 2003 (.xml)';
  if (/<office:document\b/.test(head) || /application\/vnd\.oasis\.opendocument\.spreadsheet/.test(head)) return 'Flat ODS (.fods)';
  if (/<(html|table|body|!doctype html)\b/i.test(head)) return 'HTML';
  return null;
}

function extension(fileName: string): string {
  return /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1].toLowerCase() ?? '';
}

const TEXT_EXT: Record<string, SourceFormat> = { json: 'json', ndjson: 'json', jsonl: 'json', geojson: 'json' };

/**
 * Decides the format. Throws ImportError('import.err.unsupportedFormat') for binary or markup families
 * nothing here reads, naming the family.
 */
export function sniffFormat(bytes: Uint8Array, fileName: string): Sniffed {
  for (const sig of BINARY) {
    if (!sig.test(bytes)) continue;
    if (!sig.format) throw new ImportError('import.err.unsupportedFormat', { format: sig.kind });
    return { format: sig.format, kind: sig.kind };
  }
  let head: string;
  try {
    head = decodeText(bytes.subarray(0, 8192)).text.replace(/^\uFEFF/, '');
  } catch (e) {
    // Empty input is the text readers' to report; anything else here is binary we do not know.
    if (bytes.length === 0) return { format: TEXT_EXT[extension(fileName)] ?? 'csv', kind: 'text' };
    throw e;
  }
  const start = head.trimStart();
  for (const t of TEXT_SHEETS) if (t.test.test(start)) return { format: 'xlsx', kind: t.kind, text: true };
  if (start.startsWith('<')) {
    const kind = markupKind(head);
    if (kind) return { format: 'xlsx', kind, text: true };
    throw new ImportError('import.err.unsupportedFormat', { format: /^<\?xml/.test(start) ? 'XML' : 'HTML/XML' });
  }
  // PRN (space-aligned text) cannot be told from text by its bytes: only its extension says so. It is read
  // as text by position (csv-source), not by SheetJS, which reads it as one column.
  if (extension(fileName) === 'prn') return { format: 'csv', kind: 'PRN' };
  const byExt = TEXT_EXT[extension(fileName)];
  if (byExt) return { format: byExt, kind: 'JSON' };
  if (/^[[{]/.test(start)) return { format: 'json', kind: 'JSON' };
  return { format: 'csv', kind: 'text' };
}
