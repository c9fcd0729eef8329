/**
 * One pass over a UTF-8 CSV's bytes that proves the engine's read_csv will give exactly the table our own
 * pipeline (csv-parse → table-block → arrow-build) would, or says it cannot (null: use the JS pipeline).
 * Per column it checks that every cell is in a form both readers agree on — integers and decimals written
 * plainly, text that classifyCell calls text — and notes the two cleanings SQL must then do (missing marks
 * such as "—" → NULL; whitespace trimming). It also counts the records and collects the totals (合计 …) the
 * way findTotals does. UTF-8 is not validated here: the engine's read_csv refuses any malformed byte (then
 * the JS pipeline decodes the file as GB18030, as decodeText would). Cells are looked at as strings only when their first or last byte asks for it, so
 * a million-row file costs one byte loop.
 */
import { CR, LF, QUOTE, TOTAL_FIRST, codePointAt, endsWithSpace, labelHasStructure, plainDigits, plainText, spaceAt, surelyPlainText, unquotedEnd } from './csv-bytes';
import { parseDelimited, plainNumberAt } from './csv-parse';
import { isTotalName } from './totals';
import { Kind, cellString, classifyCell, mayBeValue } from './values';
import type { Cell } from './types';

export type ScanType = 'integer' | 'double' | 'string';

export interface ScanColumn {
  type: ScanType;
  /** Collect total names (findTotals' text columns). */
  totals: boolean;
  /** The layout's row-label column: its labels must carry no structure (indents, 其中, units). */
  label: boolean;
}

export interface ColumnScan {
  /** Some cell is a missing mark ("—", "NA" …) that SQL must turn into NULL. */
  missing: boolean;
  /** Some text cell has whitespace around it that SQL must trim. */
  trim: boolean;
  /** Total names in order of first appearance, trimmed (as findTotals lists them). */
  totals: string[];
}

export interface CsvScan {
  rows: number;
  columns: ColumnScan[];
  /** Longest record in bytes (read_csv's max_line_size must exceed it). */
  longestRecord: number;
  /** The cells of the last record, as our parser gives them (layout checks it for a footnote). */
  lastRow: Cell[];
  /** Piece bounds for the engine (one read at a time): `start`, record starts ≥ `pieceBytes` apart after
   * multiples of `pieceRows` records, the file's end. */
  pieces: number[];
}

const decoder = new TextDecoder();

interface ScanState {
  b: Uint8Array;
  cols: readonly ScanColumn[];
  out: ColumnScan[];
  totals: Set<string>[];
}

function textOf(b: Uint8Array, s: number, e: number, quoted: boolean): string {
  const t = decoder.decode(b.subarray(s, e));
  return quoted && t.includes('""') ? t.replaceAll('""', '"') : t;
}

/** The cell as our parser stores it: unquoted plain numbers as numbers. */
function cellOf(b: Uint8Array, s: number, e: number, quoted: boolean): Cell {
  const t = textOf(b, s, e, quoted);
  return quoted ? t : (plainNumberAt(t, 0, t.length) ?? t);
}

const FAIL = 0;
const BLANK = 1;
const FILLED = 2;

/** The careful look at cell [s, e) of column k: FAIL (the JS pipeline must read the file), BLANK or FILLED. */
function checkCell(st: ScanState, k: number, s: number, e: number, quoted: boolean): number {
  const { b } = st;
  const col = st.cols[k];
  const c = st.out[k];
  if (e === s) return BLANK;
  const spaced = spaceAt(b, s) > 0 || endsWithSpace(b, s, e);
  const filled = spaceAt(b, s) === 0 || textOf(b, s, e, quoted).trim() !== '' ? FILLED : BLANK;
  if (col.label && labelHasStructure(b, s, e)) return FAIL;
  if (col.type !== 'string') {
    const digits = plainDigits(b, s, e, col.type === 'double');
    if (col.type === 'integer' ? digits > 0 && (digits < 10 || (digits === 10 && Math.abs(Number(textOf(b, s, e, false))) <= 2147483647)) : digits > 0 && digits <= 15) return filled;
    // Only missing marks may differ from the plain form: anything else decides the column's type otherwise.
    if (classifyCell(cellOf(b, s, e, quoted)) !== Kind.Missing) return FAIL;
    c.missing = true;
    return filled;
  }
  const first = codePointAt(b, s);
  const tl = col.totals && e - s <= 64 && first >= 0 && TOTAL_FIRST[first] === 1;
  if (!spaced && !tl && !mayBeValue(first)) return filled;
  const cell = cellOf(b, s, e, quoted);
  const kind = classifyCell(cell);
  if (kind !== Kind.Text && kind !== Kind.Missing) return FAIL;
  if (cellString(cell) === null) c.missing = true;
  if (typeof cell === 'string' && cell.trim() !== cell) c.trim = true;
  if (tl && typeof cell === 'string' && isTotalName(cell)) st.totals[k].add(cell.trim());
  return filled;
}

/**
 * Scans the records from byte `start` (after the header) with `fields` fields each; null as soon as any
 * record or cell needs the JS pipeline (ragged or blank rows, a lone CR, quotes inside a field, text after a
 * closing quote, a cell of another kind than its column's). The loop keeps its state in locals (no closure
 * captures them): it runs once per cell of the file. `onPiece` hears each piece's end as soon as it is found
 * (a scan in another thread lets the engine read the pieces behind it).
 */
export function scanCsv(b: Uint8Array, start: number, delimiter: string, fields: number, cols: readonly ScanColumn[], pieceBytes = Infinity, pieceRows = 1, onPiece?: (end: number) => void): CsvScan | null {
  const delim = delimiter.charCodeAt(0);
  const n = b.length;
  const st: ScanState = { b, cols, out: cols.map(() => ({ missing: false, trim: false, totals: [] })), totals: cols.map(() => new Set<string>()) };
  // Per column: 0 text, 1 integer, 2 decimal; and whether it is the row-label column.
  const kind = Uint8Array.from(cols, (c) => (c.type === 'string' ? 0 : c.type === 'integer' ? 1 : 2));
  const labels = Uint8Array.from(cols, (c) => (c.label ? 1 : 0));
  let lastRecord = start;
  let recordStart = start;
  let rows = 0;
  let k = 0;
  let filled = false;
  let longest = 0;
  let i = start;
  const pieces = [start];
  let pieceEnd = start + pieceBytes;
  let nextCut = pieceRows;

  while (i < n) {
    let s = i;
    let e = i;
    let quoted = false;
    if (b[i] === QUOTE) {
      quoted = true;
      s = ++i;
      for (;;) {
        const q = b.indexOf(QUOTE, i);
        if (q < 0) return null;
        if (b[q + 1] === QUOTE) {
          i = q + 2;
          continue;
        }
        e = q;
        i = q + 1;
        break;
      }
      const c = b[i];
      if (i < n && c !== delim && c !== LF && c !== CR) return null;
    } else {
      i = unquotedEnd(b, i, n, delim);
      e = i;
      if (i < n && (b[i] === QUOTE || b[i] === 0)) return null;
    }
    if (k >= fields) return null;
    // The common cells inline: a plain number, or text whose first and last bytes need no second look.
    const kk = kind[k];
    const b0 = b[s];
    if (e > s && (kk === 0 ? (labels[k] === 0 && surelyPlainText(b, s, e)) || plainText(b, s, e, labels[k] === 1) : b0 >= 48 && b0 <= 57 && e - s < 10 && plainDigits(b, s, e, kk === 2) > 0)) filled = true;
    else {
      const r = checkCell(st, k, s, e, quoted);
      if (r === FAIL) return null;
      if (r === FILLED) filled = true;
    }
    k++;
    if (i >= n) break;
    const c = b[i];
    if (c === delim) {
      i++;
      if (i >= n) {
        // A delimiter at the very end: our parser adds an empty last field.
        if (k >= fields) return null;
        k++;
      }
      continue;
    }
    if (c === CR && b[i + 1] !== LF) return null;
    i += c === CR ? 2 : 1;
    if (k !== fields || !filled) return null;
    if (i - recordStart > longest) longest = i - recordStart;
    rows++;
    k = 0;
    filled = false;
    lastRecord = recordStart;
    recordStart = i;
    if (rows === nextCut) {
      nextCut += pieceRows;
      if (i >= pieceEnd && i < n) {
        pieces.push(i);
        onPiece?.(i);
        pieceEnd = i + pieceBytes;
      }
    }
  }
  if (k > 0) {
    if (k !== fields || !filled) return null;
    if (n - recordStart > longest) longest = n - recordStart;
    rows++;
    lastRecord = recordStart;
  }
  if (rows === 0) return null;
  const lastRow = parseDelimited(decoder.decode(b.subarray(lastRecord)), delimiter, { numbers: true }).records[0] ?? [];
  st.out.forEach((c, j) => (c.totals = [...st.totals[j]]));
  pieces.push(n);
  return { rows, columns: st.out, longestRecord: longest, lastRow, pieces };
}
