export interface CsvOptions {
  /** Prefix cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR) with an apostrophe. */
  neutraliseFormulas?: boolean;
  lineEnding?: '\n' | '\r\n';
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text a spreadsheet would run as a formula gets an apostrophe in front; plain signed numbers stay as they are. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) && !/^[+-]?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(value) ? `'${value}` : value;
}

export function csvCell(value: string, opts: CsvOptions = {}): string {
  const v = opts.neutraliseFormulas ? neutraliseFormula(value) : value;
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** RFC 4180 CSV text from a header and string rows. */
export function toCsv(headers: string[], rows: string[][], opts: CsvOptions = {}): string {
  const eol = opts.lineEnding ?? '\r\n';
  return [headers, ...rows].map((r) => r.map((c) => csvCell(c, opts)).join(',')).join(eol) + eol;
}
