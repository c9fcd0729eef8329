/**
 * Cell cleaning and type inference, shared by every source. Statistical tables mark missing values with
 * "—", "…", "-"; write 1,234.5, 12.5%, full-width ０-９; and dates as 2013年6月, 2014年末 or 2014-06.
 */
import type { Cell, ColumnType, ImportMessage } from './types';

/** Cell texts (after trimming) that mean "no value"; shared/sql/csv-import-sql.ts uses the same list. */
export const MISSING_MARKS: readonly string[] = ['', '-', '--', '—', '——', '–', '－', '…', '……', '...', '..', '．．．', 'NA', 'N/A', 'n/a', 'null', 'NULL', 'NaN', '#N/A', '#DIV/0!', '#VALUE!'];
const MISSING = new Set(MISSING_MARKS);

const MAX_MISSING_LENGTH = Math.max(...[...MISSING].map((m) => m.length));

/** Full-width digits and signs (U+FF01–U+FF5E) → ASCII. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

export const Kind = { Missing: 0, Integer: 1, Double: 2, Boolean: 3, Date: 4, Text: 5 } as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

export interface ParsedValue {
  kind: Kind;
  /** Integer/double value, 1/0 for booleans, epoch days for dates. */
  value: number;
  percent?: boolean;
}

const PLAIN_INT = /^-?(?:0|[1-9]\d{0,14})$/;
const NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;
const GROUPED = /^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const YMD = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]00:00(?::00)?)?$/;
const YM = /^(\d{4})[-/.](\d{1,2})$/;
const CN_DATE = /^(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?$/;
const CN_YEAR_END = /^(\d{4})年(末|底|初)$/;
const CN_YEAR = /^(\d{4})年$/;

// The hot path runs once or twice per cell of a million-row file: results go into these two variables
// instead of a fresh object per cell.
let outValue = 0;
let outPercent = false;

function epochDays(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const ms = Date.UTC(y, m - 1, d);
  if (new Date(ms).getUTCDate() !== d) return null;
  return Math.round(ms / 86_400_000);
}

function numberKind(v: number, percent = false): Kind {
  outValue = v;
  outPercent = percent;
  return Number.isInteger(v) && !percent && Math.abs(v) <= 2 ** 53 ? Kind.Integer : Kind.Double;
}

function dateKind(days: number | null): Kind {
  if (days === null) return Kind.Text;
  outValue = days;
  return Kind.Date;
}

/** Could text starting with this character be a number, boolean, date or missing mark? Most text fails here. */
export function mayBeValue(c: number): boolean {
  return (
    (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46 || c === 32 || c === 9 || c === 35 || c >= 0xff00 || c === 0x3000 ||
    c === 0x2014 || c === 0x2013 || c === 0x2026 || c === 116 || c === 84 || c === 102 || c === 70 || c === 78 || c === 110
  );
}

/** Plain integers and decimals ("-12", "1234.56") without regex or trimming: most numeric cells. */
function plainNumber(s: string): Kind | -1 {
  if (s === '0' || s === '-0') {
    outValue = 0;
    return Kind.Integer;
  }
  const n = s.length;
  let i = s.charCodeAt(0) === 45 ? 1 : 0;
  if (i === n || n > 16) return -1;
  let int = 0;
  let dot = -1;
  // "007", "0101": codes (postcodes, area codes) keep their leading zeros as text.
  if (s.charCodeAt(i) === 48 && i + 1 < n && s.charCodeAt(i + 1) !== 46) return Kind.Text;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) int = int * 10 + (c - 48);
    else if (c === 46 && dot < 0 && i > 0 && i < n - 1) dot = i;
    else return -1;
  }
  outPercent = false;
  if (dot < 0) {
    outValue = s.charCodeAt(0) === 45 ? -int : int;
    return Kind.Integer;
  }
  outValue = Number(s);
  return Kind.Double;
}

function parseText(raw: string): Kind {
  outPercent = false;
  if (raw.length === 0) return Kind.Missing;
  const first = raw.charCodeAt(0);
  if (!mayBeValue(first)) return Kind.Text;
  if ((first >= 48 && first <= 57) || first === 45) {
    const k = plainNumber(raw);
    if (k !== -1) return k;
  }
  let s = raw.trim();
  if (MISSING.has(s)) return Kind.Missing;
  if (PLAIN_INT.test(s)) {
    outValue = Number(s);
    return Kind.Integer;
  }
  if (/[\uff01-\uff5e\u3000]/.test(s)) {
    s = toHalfWidth(s).trim();
    if (MISSING.has(s)) return Kind.Missing;
  }
  if (NUMBER.test(s)) return numberKind(Number(s));
  if (GROUPED.test(s)) return numberKind(Number(s.replaceAll(',', '')));
  if (s.endsWith('%')) {
    const body = s.slice(0, -1).trim().replaceAll(',', '');
    if (NUMBER.test(body)) return numberKind(Number(body), true);
  }
  const lower = s.toLowerCase();
  if (lower === 'true' || lower === 'false') {
    outValue = lower === 'true' ? 1 : 0;
    return Kind.Boolean;
  }
  let m = YMD.exec(s) ?? CN_DATE.exec(s);
  if (m) return dateKind(epochDays(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : 1));
  if ((m = YM.exec(s))) return dateKind(epochDays(Number(m[1]), Number(m[2]), 1));
  if ((m = CN_YEAR_END.exec(s))) return dateKind(m[2] === '初' ? epochDays(Number(m[1]), 1, 1) : epochDays(Number(m[1]), 12, 31));
  if ((m = CN_YEAR.exec(s))) {
    outValue = Number(m[1]);
    return Kind.Integer;
  }
  return Kind.Text;
}

/** Classifies one cell without allocating; its value is then parsedValue() (and parsedPercent()). */
export function classifyCell(cell: Cell): Kind {
  if (cell === null) return Kind.Missing;
  if (typeof cell === 'string') return parseText(cell);
  outPercent = false;
  if (typeof cell === 'number') return Number.isFinite(cell) ? numberKind(cell) : Kind.Missing;
  outValue = cell ? 1 : 0;
  return Kind.Boolean;
}

export const parsedValue = (): number => outValue;
export const parsedPercent = (): boolean => outPercent;

/** Classifies one cell. Numbers from spreadsheets pass through; text is cleaned. */
export function parseCell(cell: Cell): ParsedValue {
  const kind = classifyCell(cell);
  if (kind === Kind.Missing || kind === Kind.Text) return { kind, value: 0 };
  if (kind === Kind.Integer || kind === Kind.Double) return { kind, value: outValue, percent: outPercent };
  return { kind, value: outValue };
}

/** The text of a cell for string columns: trimmed, missing markers → null. */
/** Characters that can never be trimmed: printable ASCII, and CJK and beyond (but not U+3000 or the BOM). */
const plainEnd = (c: number) => (c > 32 && c < 127) || (c > 0x3000 && c !== 0xfeff);

export function cellString(cell: Cell): string | null {
  if (cell === null) return null;
  if (typeof cell !== 'string') return String(cell);
  const n = cell.length;
  // Trimming and the missing-mark lookup are skipped for the common case: they hash or copy every string.
  const s = n > 0 && plainEnd(cell.charCodeAt(0)) && plainEnd(cell.charCodeAt(n - 1)) ? cell : cell.trim();
  return s.length <= MAX_MISSING_LENGTH && MISSING.has(s) ? null : s;
}

export interface ColumnGuess {
  type: ColumnType;
  percent: boolean;
  warning?: ImportMessage;
}

const INT32_MAX = 2 ** 31 - 1;

/**
 * Infers a column's type. A column that is numeric except for a few stray texts (≤ 2 % of its values, e.g.
 * footnote marks) stays numeric and those cells become missing, with a warning naming them; a column with
 * more text is text, with a warning when it is mostly numbers.
 */
/** Kinds and values of the last guessed columns, so building the Arrow vector need not parse again. */
const classified = new WeakMap<readonly Cell[], { kinds: Uint8Array; values: Float64Array }>();

export function classifiedColumn(cells: readonly Cell[]): { kinds: Uint8Array; values: Float64Array } | undefined {
  return classified.get(cells);
}


/** Is this integer cell, written as plain digits, within BIGINT's range (−2^63 … 2^63−1)? Only asked of the rare cell past 2^53. */
function fitsInt64(cell: Cell): boolean {
  const t = typeof cell === 'string' ? cell.trim() : '';
  if (!/^[+-]?\d{1,19}$/.test(t)) return false;
  const v = BigInt(t);
  return v >= -(2n ** 63n) && v < 2n ** 63n;
}

export function guessColumn(cells: readonly Cell[], columnName: string): ColumnGuess {
  const kinds = new Uint8Array(cells.length);
  const values = new Float64Array(cells.length);
  classified.set(cells, { kinds, values });
  let ints = 0;
  let doubles = 0;
  let bools = 0;
  let dates = 0;
  let texts = 0;
  let percent = false;
  let wide = false;
  let unsafe = false;
  let huge = false;
  const strays: string[] = [];
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    const kind = classifyCell(cell);
    kinds[i] = kind;
    values[i] = outValue;
    switch (kind) {
      case Kind.Integer:
        ints++;
        if (Math.abs(outValue) > INT32_MAX) wide = true;
        // Written with more digits than a double holds exactly (an 18-digit code, a 2^63 id): parsed, it has
        // rounded already (…993 → …992). The column becomes BIGINT, read from the cells' own digits.
        if (Math.abs(outValue) > Number.MAX_SAFE_INTEGER) {
          if (fitsInt64(cell)) unsafe = true;
          else huge = true;
        }
        break;
      case Kind.Double:
        // Plain digits past 2^53 are classified Double (the value has rounded): an integer all the same.
        if (!outPercent && Math.abs(outValue) > Number.MAX_SAFE_INTEGER && fitsInt64(cell)) {
          ints++;
          unsafe = true;
          break;
        }
        doubles++;
        if (outPercent) percent = true;
        break;
      case Kind.Boolean:
        bools++;
        break;
      case Kind.Date:
        dates++;
        break;
      case Kind.Text:
        texts++;
        if (strays.length < 3) strays.push(String(cell).trim());
        break;
    }
  }
  const numbers = ints + doubles;
  // Beyond BIGINT's range (a 20-digit code) it stays DOUBLE, as before: BIGINT would make such cells NULL.
  const numeric: ColumnType = doubles > 0 || huge ? 'double' : unsafe ? 'bigint' : wide ? 'double' : 'integer';
  if (texts === 0) {
    if (numbers === 0 && bools === 0 && dates === 0) return { type: 'string', percent: false };
    if (bools > 0 && numbers + dates === 0) return { type: 'boolean', percent: false };
    if (dates > 0 && numbers + bools === 0) return { type: 'date', percent: false };
    if (numbers > 0 && bools + dates === 0) return { type: numeric, percent };
    return { type: 'string', percent: false, warning: { key: 'import.warn.mixedTypes', params: { column: columnName } } };
  }
  const known = numbers + texts;
  if (numbers > 0 && bools + dates === 0 && texts <= known * 0.02) {
    return { type: numeric, percent, warning: { key: 'import.warn.badValues', params: { column: columnName, count: texts, examples: strays.join('、') } } };
  }
  if (numbers >= known * 0.5) return { type: 'string', percent: false, warning: { key: 'import.warn.mixedTypes', params: { column: columnName } } };
  return { type: 'string', percent: false };
}
