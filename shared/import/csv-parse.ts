/**
 * A small, pure RFC 4180 CSV parser: comma separated; a field may be enclosed in double quotes,
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
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const n = src.length;
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let line = 1;
  let i = 0;

  while (i < n) {
    // At the start of a field.
    if (src[i] === '"') {
      const openedOn = line;
      i++;
      for (;;) {
        if (i >= n) throw new CsvParseError('unterminated quoted field', openedOn);
        const c = src[i];
        if (c === '"') {
          if (src[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n' || (c === '\r' && src[i + 1] !== '\n')) line++;
        field += c;
        i++;
      }
      if (i < n && src[i] !== ',' && src[i] !== '\n' && src[i] !== '\r') {
        throw new CsvParseError('unexpected text after a closing quote', line);
      }
    } else {
      while (i < n && src[i] !== ',' && src[i] !== '\n' && src[i] !== '\r') {
        field += src[i];
        i++;
      }
    }
    // At a separator, a line break or the end.
    record.push(field);
    field = '';
    if (i >= n) break;
    if (src[i] === ',') {
      i++;
      if (i >= n) record.push('');
      continue;
    }
    i += src[i] === '\r' && src[i + 1] === '\n' ? 2 : 1;
    line++;
    records.push(record);
    record = [];
  }
  if (record.length > 0) records.push(record);
  return records;
}
