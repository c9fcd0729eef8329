/**
 * A small, pure RFC 4180 CSV parser: comma (or another one-character delimiter) separated; a field may be enclosed in double quotes,
 * and then may contain commas, CR, LF and CRLF; a doubled quote inside a quoted field stands for one quote.
 * Records end at CRLF, LF or a lone CR. A leading UTF-8 BOM is dropped.
 * Environment-neutral: no DOM, no Node imports.
 */

export class CsvParseError extends Error {
  constructor(
    message: string,
    /** 1-based line where the problem was found. */
    readonly line: number,
  ) {
    super(`CSV line ${line}: ${message}`);
    this.name = 'CsvParseError';
  }
}

/**
 * Parses CSV text into records of fields (strings, never trimmed or converted).
 * A final line break does not add a record; an empty input gives no records; an empty line gives `['']`.
 * Throws CsvParseError on an unterminated quoted field or on text after a closing quote.
 */
export function parseCsv(text: string): string[][] {
  return parseDelimited(text, ',').records as string[][];
}

export interface DelimitedRecords {
  records: (string | number)[][];
  /** 1-based line on which each record starts (quoted fields may span lines). */
  lines: number[];
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * The same grammar as parseCsv with any one-character delimiter (',', ';', tab, '|'), also returning where
 * each record starts. Unquoted fields are sliced, not built character by character: this runs on 80 MB files.
 */
/**
 * A plain number written the one way JS writes it back ("12", "-3.5"; no leading zeros, no trailing zeros after
 * the point, at most 15 digits) as a number, else null. Lets the parser store most numeric cells without a string.
 */
export function plainNumberAt(src: string, start: number, end: number): number | null {
  const len = end - start;
  if (len === 0 || len > 16) return null;
  let i = start;
  const neg = src.charCodeAt(i) === 45;
  if (neg) i++;
  if (i === end) return null;
  const first = src.charCodeAt(i);
  if (first === 48 && i + 1 < end) return null;
  let value = 0;
  let dot = -1;
  for (; i < end; i++) {
    const c = src.charCodeAt(i);
    if (c >= 48 && c <= 57) value = value * 10 + (c - 48);
    else if (c === 46 && dot < 0 && i > start + (neg ? 1 : 0) && i < end - 1) dot = i;
    else return null;
  }
  // Written back exactly, or left as text: "-0" would come back as "0", a 16th digit may round
  // (9999999999999999 → 10000000000000000), and 0.0000001 would come back as "1e-7" in a text column.
  const digits = len - (neg ? 1 : 0) - (dot < 0 ? 0 : 1);
  if (digits > 15) return null;
  if (dot < 0) return neg ? (value === 0 ? null : -value) : value;
  if (src.charCodeAt(end - 1) === 48) return null;
  const text = src.slice(start, end);
  const n = Number(text);
  return String(n) === text ? n : null;
}

export interface DelimitedOptions {
  /** Store plain numbers as numbers (see plainNumberAt) instead of strings. */
  numbers?: boolean;
}

export function parseDelimited(text: string, delimiter: string, opts: DelimitedOptions = {}): DelimitedRecords {
  const numbers = opts.numbers ?? false;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delim = delimiter.charCodeAt(0);
  const n = src.length;
  const records: (string | number)[][] = [];
  const lines: number[] = [];
  let record: (string | number)[] = [];
  let line = 1;
  let recordLine = 1;
  let i = 0;

  while (i < n) {
    let field: string | number;
    if (src.charCodeAt(i) === QUOTE) {
      const openedOn = line;
      let start = ++i;
      field = '';
      for (;;) {
        const q = src.indexOf('"', i);
        if (q < 0) throw new CsvParseError('unterminated quoted field', openedOn);
        for (let k = i; k < q; k++) {
          const c = src.charCodeAt(k);
          if (c === LF || (c === CR && src.charCodeAt(k + 1) !== LF)) line++;
        }
        if (src.charCodeAt(q + 1) === QUOTE) {
          field += src.slice(start, q + 1);
          i = start = q + 2;
          continue;
        }
        field += src.slice(start, q);
        i = q + 1;
        break;
      }
      const c = src.charCodeAt(i);
      if (i < n && c !== delim && c !== LF && c !== CR) throw new CsvParseError('unexpected text after a closing quote', line);
    } else {
      const start = i;
      let c = src.charCodeAt(i);
      while (i < n && c !== delim && c !== LF && c !== CR) c = src.charCodeAt(++i);
      const num = numbers ? plainNumberAt(src, start, i) : null;
      field = num ?? src.slice(start, i);
    }
    // At a separator, a line break or the end.
    record.push(field);
    if (i >= n) break;
    const c = src.charCodeAt(i);
    if (c === delim) {
      i++;
      if (i >= n) record.push('');
      continue;
    }
    i += c === CR && src.charCodeAt(i + 1) === LF ? 2 : 1;
    line++;
    records.push(record);
    lines.push(recordLine);
    record = [];
    recordLine = line;
  }
  if (record.length > 0) {
    records.push(record);
    lines.push(recordLine);
  }
  return { records, lines };
}
