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

const QUOTE = 34;
const LF = 10;
const CR = 13;
const decoder = new TextDecoder();

/** Length of the whitespace character (as String.prototype.trim removes) starting at byte i, else 0. */
function spaceAt(b: Uint8Array, i: number): number {
  const c = b[i];
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13) ? 1 : 0;
  const c1 = b[i + 1];
  const c2 = b[i + 2];
  if (c === 0xc2) return c1 === 0xa0 ? 2 : 0;
  if (c === 0xe1) return c1 === 0x9a && c2 === 0x80 ? 3 : 0;
  if (c === 0xe2) return (c1 === 0x80 && ((c2 >= 0x80 && c2 <= 0x8a) || c2 === 0xa8 || c2 === 0xa9 || c2 === 0xaf)) || (c1 === 0x81 && c2 === 0x9f) ? 3 : 0;
  if (c === 0xe3) return c1 === 0x80 && c2 === 0x80 ? 3 : 0;
  if (c === 0xef) return c1 === 0xbb && c2 === 0xbf ? 3 : 0;
  return 0;
}

/** Does the text in [s, e) end with whitespace? */
function endsWithSpace(b: Uint8Array, s: number, e: number): boolean {
  const c = b[e - 1];
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return (e - 2 >= s && spaceAt(b, e - 2) === 2) || (e - 3 >= s && spaceAt(b, e - 3) === 3);
}

/**
 * First bytes of text that is surely text and surely untrimmed at its start: ASCII letters and signs that
 * classifyCell turns away at once (not t/f/n/N, not a total's first letter), and lead bytes of U+1000–U+2FFF
 * and U+4000–U+DFFF (most Chinese; 合总小共全 start with 0xE5/0xE6, so those two are left out).
 */
const PLAIN_TEXT_FIRST = new Uint8Array(256);
for (const c of '!$%&\'()*,/:;<=>?@[\\]^_`{|}~bcdehijklmpqruvwxyzBCDEHIJKLMPQRUVWXYZ') PLAIN_TEXT_FIRST[c.charCodeAt(0)] = 1;
for (const b of [0xe4, 0xe7, 0xe8, 0xe9, 0xea, 0xeb, 0xec, 0xed]) PLAIN_TEXT_FIRST[b] = 1;
/** Last bytes that end no whitespace character: ASCII other than spaces and controls, and UTF-8 trail bytes
 * that no whitespace ends with (whitespace ends with 0x80–0x8A, 0x9F, 0xA0, 0xA8, 0xA9, 0xAF or 0xBF). */
const PLAIN_TEXT_LAST = new Uint8Array(256);
for (let c = 33; c < 127; c++) PLAIN_TEXT_LAST[c] = 1;
for (let c = 0x8b; c <= 0xbe; c++) if (![0x9f, 0xa0, 0xa8, 0xa9, 0xaf].includes(c)) PLAIN_TEXT_LAST[c] = 1;

/**
 * Text that needs no second look: it cannot be a value, a missing mark, a total or a structured label, and
 * has nothing to trim. Decided on its first and last bytes (and, for labels, a look for U+3000 inside).
 */
function plainText(b: Uint8Array, s: number, e: number, label: boolean): boolean {
  const b0 = b[s];
  const last = b[e - 1];
  if (label && last === 41) return false;
  // Trail bytes 0x80–0x8A end many Chinese characters as well as U+2000–U+200A and U+3000: look closer.
  if (!PLAIN_TEXT_LAST[last] && (last < 0x80 || last > 0x8a || endsWithSpace(b, s, e))) return false;
  if (!PLAIN_TEXT_FIRST[b0]) {
    if (b0 !== 0xe5 && b0 !== 0xe6) return false;
    const cp = codePointAt(b, s);
    if (TOTAL_FIRST[cp] || cp === 0x5176) return false;
  }
  if (label) for (let i = s; i < e; i++) if (b[i] === 0xe3) return false;
  return true;
}

/** First characters of total names (totals.ts FIRST), by code point. */
const TOTAL_FIRST = new Uint8Array(65536);
for (const c of '合总小共全tTsSaAoOgG \t\u3000\u00a0') TOTAL_FIRST[c.charCodeAt(0)] = 1;

/** Code point of the UTF-8 character starting at i (1–3 byte forms; 4-byte ones are never a total's first). */
function codePointAt(b: Uint8Array, i: number): number {
  const c = b[i];
  if (c < 0x80) return c;
  if (c < 0xe0) return ((c & 0x1f) << 6) | (b[i + 1] & 0x3f);
  if (c < 0xf0) return ((c & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f);
  return -1;
}

/** -?(0|[1-9][0-9]*)(\.[0-9]+)? with at most `maxInt` integer digits (and not "-0"); -1 when not that form. */
function plainDigits(b: Uint8Array, s: number, e: number, decimals: boolean): number {
  let i = s;
  if (b[i] === 45) i++;
  const first = i;
  while (i < e && b[i] >= 48 && b[i] <= 57) i++;
  const intDigits = i - first;
  if (intDigits === 0 || (b[first] === 48 && intDigits > 1)) return -1;
  if (i === e) return b[s] === 45 && intDigits === 1 && b[first] === 48 ? -1 : intDigits;
  if (!decimals || b[i] !== 46 || i + 1 === e) return -1;
  for (i++; i < e; i++) if (b[i] < 48 || b[i] > 57) return -1;
  return intDigits;
}

/** End of an unquoted field: the next delimiter, line break, quote or NUL (a top-level function: its loop stays in registers). */
function unquotedEnd(b: Uint8Array, i: number, n: number, delim: number): number {
  while (i < n) {
    const c = b[i];
    // The lead byte of a Chinese (3-byte) character: its trail bytes are never ASCII in UTF-8, so they are
    // skipped. Should they not be trail bytes, the file is not UTF-8 and the engine's read_csv refuses it.
    if (c >= 0xe0) i += 3;
    else if (c > QUOTE ? c === delim : c === LF || c === CR || c === QUOTE || c === 0 || c === delim) return i;
    else i++;
  }
  return n;
}

/** Does this label text carry row structure (row-labels.ts mayCarryStructure)? Checked on bytes. */
function labelHasStructure(b: Uint8Array, s: number, e: number): boolean {
  const c = b[s];
  if (c === 32) return true;
  if (b[e - 1] === 41 || (b[e - 3] === 0xef && b[e - 2] === 0xbc && b[e - 1] === 0x89)) return true;
  if (c === 0xe5 && b[s + 1] === 0x85 && b[s + 2] === 0xb6) return true;
  for (let i = s; i < e; i++) if (b[i] === 0xe3 && b[i + 1] === 0x80 && b[i + 2] === 0x80) return true;
  return false;
}

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
 * captures them): it runs once per cell of the file.
 */
export function scanCsv(b: Uint8Array, start: number, delimiter: string, fields: number, cols: readonly ScanColumn[], pieceBytes = Infinity, pieceRows = 1): CsvScan | null {
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
    if (e > s && (kk === 0 ? plainText(b, s, e, labels[k] === 1) : b0 >= 48 && b0 <= 57 && e - s < 10 && plainDigits(b, s, e, kk === 2) > 0)) filled = true;
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
