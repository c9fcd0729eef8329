/** Delimited text → grid: decode (BOM → strict UTF-8 → GB18030, or the user's choice), sniff the delimiter, parse. */
import { CsvParseError, parseDelimited } from './csv-parse';
import { decodeText } from './encoding';
import { fixedWidthGrid } from './fixed-width';
import type { Grid } from './grid';
import { checkColumnCount, ImportError, type EncodingLabel } from './types';

export const DELIMITERS = [',', '\t', ';', '|'] as const;

/** The delimiter whose count per line is most consistent (and non-zero) over the first lines. */
export function sniffDelimiter(text: string): string {
  const lines = text.slice(0, 65536).split(/\r?\n/).slice(0, 50).filter((l) => l.trim() !== '');
  let best: string = ',';
  let bestScore = 0;
  for (const d of DELIMITERS) {
    const freq = new Map<number, number>();
    for (const l of lines) {
      const n = l.split(d).length - 1;
      if (n > 0) freq.set(n, (freq.get(n) ?? 0) + 1);
    }
    for (const [count, times] of freq) {
      const score = times * 1000 + count;
      if (score > bestScore) {
        bestScore = score;
        best = d;
      }
    }
  }
  return best;
}

export interface CsvGrid {
  grid: Grid;
  encoding: EncodingLabel;
  /** None for space-aligned text. */
  delimiter?: string;
}

/**
 * `fixedWidth`: the text is space-aligned (PRN) — read by position (./fixed-width) unless the user picked a
 * delimiter or the lines hold tabs.
 */
export function csvGrid(bytes: Uint8Array, opts: { encoding?: EncodingLabel; delimiter?: string } = {}, fixedWidth = false): CsvGrid {
  const { text, encoding } = decodeText(bytes, opts.encoding);
  if (!/[^\s\uFEFF]/.test(text)) throw new ImportError('import.err.empty');
  if (fixedWidth && !opts.delimiter && !text.includes('\t')) return { grid: fixedWidthGrid(text), encoding };
  const delimiter = opts.delimiter ?? sniffDelimiter(text);
  try {
    const { records, lines } = parseDelimited(text, delimiter, { numbers: true });
    let widest = 0;
    for (const r of records) if (r.length > widest) widest = r.length;
    checkColumnCount(widest);
    return { grid: { rows: records, lines, strictWidth: true }, encoding, delimiter };
  } catch (e) {
    if (e instanceof CsvParseError) throw new ImportError('import.err.badCsv', { line: e.line });
    throw e;
  }
}

/** How a delimiter is shown to people. */
export function delimiterName(d: string): string {
  return d === '\t' ? 'Tab' : d;
}
