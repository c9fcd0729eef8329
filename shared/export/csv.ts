/**
 * The one CSV writer (the app's exports and every `sgw` CSV output): RFC 4180 quoting, and text a
 * spreadsheet would run as a formula neutralised. There is deliberately no switch to turn the guard off:
 * a CSV from a user's data is opened by someone else's Excel.
 */
export interface CsvOptions {
  lineEnding?: '\n' | '\r\n';
}

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?(e[+-]?\d+)?$/i;

/** Text a spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets an apostrophe in front; plain signed numbers stay as they are. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** One cell: neutralised, then quoted when it holds a quote, comma or line break. */
export function csvCell(value: string): string {
  const v = neutraliseFormula(value);
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** One line of cells, without its line ending. */
export function csvLine(cells: readonly string[]): string {
  return cells.map(csvCell).join(',');
}

/** CSV text from a header and string rows; CRLF line ends unless told otherwise. */
export function toCsv(headers: readonly string[], rows: readonly (readonly string[])[], opts: CsvOptions = {}): string {
  const eol = opts.lineEnding ?? '\r\n';
  return [headers, ...rows].map(csvLine).join(eol) + eol;
}
