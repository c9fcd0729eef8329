/** Workbooks (.xlsx, .xls, .ods) via SheetJS CE: the sheet list and each sheet as a grid with its merges. */
import * as XLSX from '@e965/xlsx';
import { cellKey, type Grid, type Merge } from './grid';
import { ImportError, type Cell } from './types';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const CFB = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

export function isWorkbookBytes(b: Uint8Array): boolean {
  return startsWith(b, ZIP) || startsWith(b, CFB);
}

export function readWorkbook(bytes: Uint8Array): XLSX.WorkBook {
  if (bytes.length === 0) throw new ImportError('import.err.empty');
  // Anything else SheetJS would happily read as text; a workbook must be a zip (xlsx/ods) or an OLE file (xls).
  if (!isWorkbookBytes(bytes)) throw new ImportError('import.err.badWorkbook', { detail: 'not a zip or OLE file' });
  try {
    return XLSX.read(bytes, { type: 'array', cellDates: true, dense: true, UTC: true, cellFormula: false, cellHTML: false, cellStyles: false });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(message)) throw new ImportError('import.err.encrypted');
    throw new ImportError('import.err.badWorkbook', { detail: message });
  }
}

function isoDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}`;
}

/**
 * One sheet as rows of cells (dates as YYYY-MM-DD text) with merges, and Excel indents (see ./xlsx-indent,
 * keyed by the sheet's own cells), relative to the sheet's first row and column.
 */
export function sheetGrid(ws: XLSX.WorkSheet | undefined, indents?: Map<number, number>): Grid {
  if (!ws || !ws['!ref']) return { rows: [] };
  const range = XLSX.utils.decode_range(ws['!ref']);
  const raw = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: true, defval: null, blankrows: true, UTC: true });
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
