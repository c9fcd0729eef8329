/** Workbooks (.xlsx, .xls, .ods) via SheetJS CE: the sheet list and each sheet as a grid with its merges. */
import * as XLSX from '@e965/xlsx';
import * as cptable from '@e965/xlsx/dist/cpexcel.full.mjs';
import { checkInflatedSizes, checkZipSizes, ZipLimitError } from '../zip-limits';
import { decodeText } from './encoding';
import { cellKey, type Grid, type Merge } from './grid';
import { LOTUS_KIND } from './sniff';
import { ImportError, type Cell } from './types';

// SheetJS reads legacy BIFF2–5, Lotus, Quattro Pro and dBASE text through codepage tables (cp1252, cp936…):
// without them `äøéö` arrives as `¿`.
XLSX.set_cptable(cptable);

const MB = 1024 * 1024;
/**
 * Inflated-size limits for zip workbooks (xlsx, xlsb, ods). SheetJS turns each part into one JS string (V8's
 * limit is ≈512 M characters) and needs several times the part's size in memory.
 */
export const WORKBOOK_ZIP_LIMITS = { maxEntry: () => 400 * MB, maxTotal: 1024 * MB } as const;
/** Cells a sheet's used area may span (rows × columns), ≈ 1.6 GB of grid at the most. */
export const MAX_SHEET_CELLS = 20_000_000;

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

function checkWorkbookZip(bytes: Uint8Array): void {
  try {
    checkZipSizes(bytes, WORKBOOK_ZIP_LIMITS);
    checkInflatedSizes(bytes, WORKBOOK_ZIP_LIMITS);
  } catch (e) {
    if (e instanceof ZipLimitError) {
      throw new ImportError('import.err.zipTooLarge', { entry: e.entry, size: Math.ceil(e.declared / MB), limit: Math.floor((e.reason === 'entry' ? WORKBOOK_ZIP_LIMITS.maxEntry() : WORKBOOK_ZIP_LIMITS.maxTotal) / MB) });
    }
    throw new ImportError('import.err.badWorkbook', { detail: 'zip directory cannot be read' });
  }
}

/**
 * Lotus 1-2-3 and Quattro Pro files are a chain of records (type u16, length u16, data) ending in an EOF
 * record (type 1). SheetJS walks a cut-short chain into an array that grows until V8 aborts the process
 * (not an exception anyone can catch): walk it here first and refuse a chain that runs off the end.
 */
export function checkLotusRecords(bytes: Uint8Array): void {
  for (let at = 0; at + 4 <= bytes.length; ) {
    const type = bytes[at] | (bytes[at + 1] << 8);
    const length = bytes[at + 2] | (bytes[at + 3] << 8);
    at += 4 + length;
    if (at > bytes.length) break;
    if (type === 0x0001) return;
  }
  throw new ImportError('import.err.badWorkbook', { detail: 'Lotus 1-2-3 / Quattro Pro' });
}

/**
 * Reads any format SheetJS knows; `kind` (from ./sniff) names the format in messages. Text formats (SYLK,
 * DIF, PRN, HTML, SpreadsheetML, fods) are decoded here first: SheetJS would read their bytes as Latin-1.
 */
export function readWorkbook(bytes: Uint8Array, kind = 'workbook', text = false): XLSX.WorkBook {
  if (bytes.length === 0) throw new ImportError('import.err.empty');
  if (isZip(bytes)) checkWorkbookZip(bytes);
  if (kind === LOTUS_KIND) checkLotusRecords(bytes);
  const input = text ? { data: decodeText(bytes).text.replace(/^\uFEFF/, ''), type: 'string' as const } : { data: bytes, type: 'array' as const };
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(input.data, { type: input.type, cellDates: true, dense: true, UTC: true, cellFormula: false, cellHTML: false, cellStyles: false });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(message)) throw new ImportError('import.err.encrypted');
    if (/unsupported|not supported|unrecognized|numbers/i.test(message)) throw new ImportError('import.err.unsupportedFormat', { format: kind });
    throw new ImportError('import.err.badWorkbook', { detail: kind });
  }
  if (!wb.SheetNames?.length) throw new ImportError('import.err.badWorkbook', { detail: kind });
  if (kind === 'DIF') for (const name of wb.SheetNames) redecodeStrings(wb.Sheets[name]);
  return wb;
}

const utf8 = new TextDecoder('utf-8');

/**
 * SheetJS's DIF reader hands back each string's UTF-8 bytes as Latin-1 characters (`ä` → `Ã¤`) whatever it
 * is given: turn them back into the text the file holds.
 */
function redecodeStrings(ws: XLSX.WorkSheet | undefined): void {
  const data = (ws as { '!data'?: (XLSX.CellObject | undefined)[][] } | undefined)?.['!data'];
  for (const row of data ?? []) {
    for (const cell of row ?? []) {
      if (cell?.t !== 's' || typeof cell.v !== 'string' || !/[\u0080-\u00ff]/.test(cell.v) || /[\u0100-\uffff]/.test(cell.v)) continue;
      cell.v = utf8.decode(Uint8Array.from(cell.v, (ch) => ch.charCodeAt(0)));
    }
  }
}

/**
 * The area that holds values, from the cells themselves: a sheet's declared range (its <dimension>) may
 * reach far beyond them after formatting, or lie.
 */
function usedRange(ws: XLSX.WorkSheet): XLSX.Range | null {
  const data = (ws as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data'];
  if (!data) return ws['!ref'] ? XLSX.utils.decode_range(ws['!ref']) : null;
  let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
  data.forEach((row, r) => {
    row?.forEach((cell, c) => {
      if (!cell || cell.t === 'z' || cell.v === undefined || cell.v === null || cell.v === '') return;
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    });
  });
  if (r1 < 0) return null;
  for (const m of ws['!merges'] ?? []) {
    r0 = Math.min(r0, m.s.r);
    c0 = Math.min(c0, m.s.c);
  }
  return { s: { r: r0, c: c0 }, e: { r: r1, c: c1 } };
}

function isoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`;
}

/**
 * One sheet as rows of cells (dates as YYYY-MM-DD text) with merges, and Excel indents (see ./xlsx-indent,
 * keyed by the sheet's own cells), relative to the sheet's first row and column.
 */
export function sheetGrid(ws: XLSX.WorkSheet | undefined, indents?: Map<number, number>, name = ''): Grid {
  const range = ws ? usedRange(ws) : null;
  if (!ws || !range) return { rows: [] };
  const rowCount = range.e.r - range.s.r + 1;
  const colCount = range.e.c - range.s.c + 1;
  // Refused, never cut: a value far away (say at XFD1048576) is the user's, and dropping it would be silent.
  if (rowCount * colCount > MAX_SHEET_CELLS) {
    throw new ImportError('import.err.sheetTooLarge', { sheet: name, range: XLSX.utils.encode_range(range), rows: rowCount, columns: colCount, limit: MAX_SHEET_CELLS });
  }
  const raw = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: null, blankrows: true, UTC: true, range });
  const rows: Cell[][] = raw.map((row) =>
    row.map((v) => (v instanceof Date ? isoDate(v) : typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : v == null ? null : String(v))),
  );
  const merges: Merge[] = (ws['!merges'] ?? []).map((m) => ({
    s: { r: m.s.r - range.s.r, c: m.s.c - range.s.c },
    e: { r: m.e.r - range.s.r, c: m.e.c - range.s.c },
  }));
  const shifted = new Map<number, number>();
  for (const [key, level] of indents ?? []) {
    const r = Math.floor(key / 16384) - range.s.r;
    const c = (key % 16384) - range.s.c;
    if (r >= 0 && c >= 0) shifted.set(cellKey(r, c), level);
  }
  return { rows, merges, ...(shifted.size ? { indents: shifted } : {}) };
}

export function sheetIsEmpty(grid: Grid): boolean {
  return !grid.rows.some((r) => r.some((c) => c !== null && String(c).trim() !== ''));
}
