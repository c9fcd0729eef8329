/**
 * CSV/TSV import at the engine's speed. The file is decoded to UTF-8 once (UTF-8 passes through untouched);
 * its first 512 KB go through our own pipeline (sniff, parse, layout, types) to plan the table; one byte
 * pass (./csv-scan) proves the whole file reads the same in the engine; then read_csv with that dialect and
 * those types (cleaning in SQL where the scan asks for it) fills a staging table (./csv-stage: after the scan,
 * or beside a scan running elsewhere), committed like any import.
 * Anything the plan or the scan cannot prove — yearbook layouts, ragged rows, mixed or Chinese-formatted
 * values, small files — returns null here and goes through the JS pipeline, so results are the same either way.
 */
import type { EngineColumn } from '../sql/csv-import-sql';
import { asSource, memorySource, skipSource, type ByteSource } from './byte-source';
import { parseDelimited } from './csv-parse';
import { scanCsv, type CsvScan, type ScanColumn } from './csv-scan';
import { sniffDelimiter } from './csv-source';
import { scanWindows } from './csv-windows';
import { decodeToUtf8, looksBinary, utf16Of } from './encoding';
import { isNoteRow } from './layout';
import { applyOverrides, checkSize, detectFormat, tableOptions } from './pipeline';
import { sniffFormat } from './sniff';
import { extractTable } from './table-block';
import { findTotals } from './totals';
import { checkColumnCount, type Cell, type EncodingLabel, type ImportOptions, type ParsedTable, type SourceInfo } from './types';

export interface CsvPlan {
  /** The file as UTF-8 without a byte-order mark (read in pieces: ./byte-source). */
  utf8: ByteSource;
  source: SourceInfo;
  /** The table as our pipeline would describe it (no cells: they stay in `utf8`). */
  parsed: ParsedTable;
  columns: EngineColumn[];
  delimiter: string;
  longestRecord: number;
  /** Byte offsets in `utf8` of the pieces the engine reads one by one (csv-scan's `pieces`). */
  pieces: number[];
  /** The header record ends with CRLF (the engine is told, not left to guess per piece). */
  crlf: boolean;
  /** The first rows of each column as the sample holds them, for the preview (toPreview). */
  head: Cell[][];
}

/** Below this the JS pipeline is as quick as planning; yearbook tables are far smaller. */
export const ENGINE_MIN_BYTES = 1024 * 1024;
const SAMPLE_BYTES = 512 * 1024;
/** Data rows the sample must hold: layout detection looks at the first 200. */
const SAMPLE_ROWS = 250;
const PREVIEW_ROWS = 50;
/**
 * The engine copies a registered file into its heap, which never shrinks: read whole, an 80 MB file stays
 * there next to the table. Read in pieces, the heap holds about one piece at a time. Each piece holds whole
 * row groups of the engine's table (122,880 rows): on 1M rows (80 MB), pieces of 8 MB cut anywhere cost twice
 * the CPU of one read (measured; likely appends ending inside a row group are copied again), whole row groups
 * no more.
 */
export const PIECE_BYTES = 8 * 1024 * 1024;
export const PIECE_ROWS = 122_880;

/**
 * The file as UTF-8 and the encoding decodeText would report; null for a binary file. Strict UTF-8 is judged
 * on the head; should a later byte not be UTF-8, the engine refuses the file and the JS pipeline decodes it.
 * A UTF-8 file stays where it is (read in pieces); any other encoding — UTF-16 by its BOM or its zero bytes,
 * else GB18030 — is decoded once, window by window, into one UTF-8 buffer (decodeToUtf8: the same text as
 * decodeText's, never a whole string beside it), and read by the engine like a UTF-8 file.
 */
function toUtf8(src: ByteSource, start: Uint8Array, override?: EncodingLabel): { utf8?: ByteSource; encoding: EncodingLabel } | null {
  const utf8Bom = start[0] === 0xef && start[1] === 0xbb && start[2] === 0xbf;
  let encoding = override ?? utf16Of(start) ?? undefined;
  if (!encoding) {
    if (looksBinary(start)) return null;
    const head = start.subarray(0, start.lastIndexOf(10, SAMPLE_BYTES) + 1);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(head);
      encoding = 'utf-8';
    } catch {
      encoding = 'gb18030';
    }
  }
  return encoding === 'utf-8' ? { utf8: skipSource(src, utf8Bom ? 3 : 0), encoding } : { encoding };
}

/**
 * The first bytes of the file as UTF-8 (as headOf: enough whole lines for the sample) and whether they are
 * all of it. A file in another encoding has only its head decoded here: the whole is decoded once the
 * sample has found a table the engine can read.
 */
function textHead(src: ByteSource, d: { utf8?: ByteSource; encoding: EncodingLabel }, from: number): { text: Uint8Array; complete: boolean } {
  if (d.utf8) {
    const text = d.utf8.whole ?? headOf(d.utf8, from);
    return { text, complete: text.length >= d.utf8.size };
  }
  for (let want = from; ; want *= 2) {
    const complete = want >= src.size;
    const text = decodeToUtf8(src, d.encoding, complete ? src.size : want);
    if (complete || sampleEnd(text) < text.length) return { text, complete };
  }
}

/**
 * The file's first bytes: at least `SAMPLE_BYTES` + 1 (the strict UTF-8 test looks back from there) and
 * enough whole lines for sampleEnd, doubling for long lines; the whole file when it is that short.
 */
function headOf(src: ByteSource, from = SAMPLE_BYTES * 2): Uint8Array {
  for (let want = from; ; want *= 2) {
    const head = src.read(0, want);
    if (head.length >= src.size || sampleEnd(head) < head.length) return head;
  }
}

/** End of the sample: whole lines, at least 512 KB and SAMPLE_ROWS + 2 lines when the file has them. */
function sampleEnd(b: Uint8Array): number {
  let at = -1;
  for (let k = 0; k < SAMPLE_ROWS + 2; k++) {
    const next = b.indexOf(10, at + 1);
    if (next < 0) return b.length;
    at = next;
  }
  return Math.max(at + 1, b.lastIndexOf(10, SAMPLE_BYTES) + 1);
}

/** Byte offset just after the first record (quotes may hold line breaks). */
function afterFirstRecord(b: Uint8Array): number {
  let quoted = false;
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c === 34) quoted = !quoted;
    else if (!quoted && (c === 10 || c === 13)) return c === 13 && b[i + 1] === 10 ? i + 2 : i + 1;
  }
  return b.length;
}

/** Is the sample's table one the engine can read whole: one header row on top, plain columns, nothing derived? */
function simpleLayout(t: Omit<ParsedTable, 'sheet'>, fields: number): boolean {
  const l = t.layout;
  if (!l || t.headerRow !== 1 || t.headerRows !== 1 || t.titles.length || t.notes.length || t.title || t.source) return false;
  if (l.dataStart !== 2 || l.unitRow !== undefined || l.spacerColumns.length || l.indent) return false;
  if (t.columns.length !== fields || t.warnings.some((w) => w.key !== 'import.warn.duplicateHeader')) return false;
  return t.columns.every((c) => !c.role && (c.type === 'integer' || c.type === 'double' || c.type === 'string'));
}

/** What the 512 KB sample decides: everything of a plan but what only the byte scan of the whole file can tell. */
export interface CsvSample {
  utf8: ByteSource;
  /** The sample's own bytes: utf8[0, end). */
  head: Uint8Array;
  source: SourceInfo;
  sample: Omit<ParsedTable, 'sheet'>;
  own: ReturnType<typeof tableOptions>;
  delimiter: string;
  /** The scan's arguments: where the records start (after the header), their number of fields, what each column must hold. */
  start: number;
  /** End of the sample in `utf8` (whole lines). */
  end: number;
  cols: ScanColumn[];
  pieceBytes: number;
  pieceRows: number;
}

/**
 * The sample's plan, or null when the JS pipeline must read this file (it then gives the same table).
 * `onHead` hears the sample as soon as it is decided, before a GBK/GB18030/Big5 or UTF-16 file is decoded
 * whole (its `utf8` then holds the head only): what the preview shows meanwhile.
 */
export function sampleCsv(file: Uint8Array | ByteSource, fileName: string, opts: ImportOptions = {}, minBytes = ENGINE_MIN_BYTES, pieceBytes = PIECE_BYTES, pieceRows = PIECE_ROWS, onHead?: (s: CsvSample) => void): CsvSample | null {
  const src = asSource(file);
  if (src.size < minBytes || opts.unpivot || opts.columns?.some((c) => c?.type)) return null;
  try {
    // Plain delimited text only (PRN and the other text families keep their own readers); the format is
    // told by the first 8 KB.
    const start = headOf(src);
    const sniffed = sniffFormat(start, fileName);
    if ((opts.format ?? detectFormat(start, fileName)) !== 'csv' || sniffed.kind !== 'text') return null;
    checkSize(src.size, 'csv');
    const decoded = toUtf8(src, start, opts.encoding);
    if (!decoded) return null;
    const { encoding } = decoded;
    const { text, complete } = textHead(src, decoded, start.length);
    const decoder = new TextDecoder();
    // sniffDelimiter looks at the first 65,536 characters; 4 bytes each at most.
    const delimiter = opts.delimiter ?? sniffDelimiter(decoder.decode(text.subarray(0, 4 * 65536 + 4)).slice(0, 65536));
    // The scan reads bytes: the delimiter must be one ASCII character other than a quote or a line break.
    if (delimiter.length !== 1 || delimiter.charCodeAt(0) > 127 || /["\r\n]/.test(delimiter)) return null;
    const end = sampleEnd(text);
    // The sample does not reach the file's end.
    const more = end < text.length || !complete;
    const head = text.subarray(0, end);
    const { records, lines } = parseDelimited(decoder.decode(head), delimiter, { numbers: true });
    const fields = records[0]?.length ?? 0;
    checkColumnCount(fields);
    if (more && records.length < SAMPLE_ROWS + 1) return null;
    const own = tableOptions(opts);
    const sample = extractTable({ rows: records, lines, strictWidth: true }, own);
    if (!simpleLayout(sample, fields)) return null;
    const label = (sample.layout?.labelColumn ?? 0) - 1;
    const cols: ScanColumn[] = sample.columns.map((c, i) => ({ type: c.type as ScanColumn['type'], totals: c.type === 'string', label: i === label }));
    const source: SourceInfo = { fileName, format: 'csv', encoding, delimiter, detected: sniffed.kind };
    const first = afterFirstRecord(head);
    // A header record longer than the sample: nothing to plan on.
    if (first >= head.length && more) return null;
    const decided = { head, source, sample, own, delimiter, start: first, end, cols, pieceBytes, pieceRows };
    onHead?.({ ...decided, utf8: decoded.utf8 ?? memorySource(text) });
    // Decoded once, now that the engine can read the table (the head's bytes are the whole's first ones).
    const utf8 = decoded.utf8 ?? memorySource(complete ? text : decodeToUtf8(src, encoding));
    return { ...decided, utf8, head: utf8.whole ? utf8.whole.subarray(0, end) : head };
  } catch {
    // Whatever the plan trips on, the JS pipeline reads the file or says in words what is wrong with it.
    return null;
  }
}

/** The plan from the sample and the whole file's scan (null: the JS pipeline reads the file). */
export function finishPlan(s: CsvSample, scan: CsvScan | null): CsvPlan | null {
  if (!scan || isNoteRow(scan.lastRow, s.cols.length)) return null;
  const { sample, own, utf8, start, head } = s;
  try {
    const laid = applyOverrides({ ...sample, data: [], rowCount: scan.rows, layout: { ...sample.layout!, dataEnd: scan.rows + 1 } }, own.columns);
    const rows = laid.columns.flatMap((c, i) => (scan.columns[i].totals.length ? [{ column: c.name, values: scan.columns[i].totals }] : []));
    const parsed: ParsedTable = { ...laid, totals: { rows, columns: findTotals(laid.columns, []).columns } };
    const columns = laid.columns.map((c, i) => ({ name: c.name, type: s.cols[i].type, missing: scan.columns[i].missing, trim: scan.columns[i].trim }));
    return { utf8, source: s.source, parsed, columns, delimiter: s.delimiter, longestRecord: scan.longestRecord, pieces: scan.pieces, crlf: head[start - 2] === 13, head: sample.data.map((col) => col.slice(0, PREVIEW_ROWS)) };
  } catch {
    // As in sampleCsv: the JS pipeline reads the file or says what is wrong with it.
    return null;
  }
}

/**
 * The plan as the sample alone shows it (its own records scanned, 512 KB): the cleaning and record length
 * the first pieces can be read with, and the preview shown while the whole file is still being proven.
 */
export function samplePlan(s: CsvSample): CsvPlan | null {
  return finishPlan(s, scanCsv(s.head, s.start, s.delimiter, s.cols.length, s.cols));
}

/** The byte scan of a sample's whole file, here and now: at once when it is in memory, else window by window. */
export function scanSample(s: CsvSample, onPiece?: (end: number) => void): CsvScan | null {
  const all = s.utf8.whole;
  if (all) return scanCsv(all, s.start, s.delimiter, s.cols.length, s.cols, s.pieceBytes, s.pieceRows, onPiece);
  return scanWindows(s.utf8, s.start, s.delimiter, s.cols, s.pieceBytes, s.pieceRows, onPiece);
}

/** A plan for the engine, or null when the JS pipeline must read this file (it then gives the same table). */
export function planCsvImport(bytes: Uint8Array | ByteSource, fileName: string, opts: ImportOptions = {}, minBytes = ENGINE_MIN_BYTES, pieceBytes = PIECE_BYTES, pieceRows = PIECE_ROWS): CsvPlan | null {
  const s = sampleCsv(bytes, fileName, opts, minBytes, pieceBytes, pieceRows);
  return s && finishPlan(s, scanSample(s));
}
