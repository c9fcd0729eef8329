/**
 * Space-aligned text (PRN, "formatted text (space delimited)" as Excel and Lotus print it) → grid. The columns
 * are where the text is: a column boundary is where every line is blank, measured in display columns (a
 * Chinese character takes two, as the printing program counted). The header may run into the next column
 * (truncated names such as `äøéöwithCocount`): where the data lines are blank inside one run of text, the
 * run is split there too. Cells are trimmed; plain numbers become numbers, as the CSV parser makes them.
 */
import { displayWidth } from '../format/text-table';
import type { Grid } from './grid';
import { checkColumnCount, type Cell } from './types';

/** Each line as one slot per display column (a wide character fills its second slot with ''). */
function slots(line: string): string[] {
  const out: string[] = [];
  for (const ch of line) {
    out.push(ch);
    if (displayWidth(ch) === 2) out.push('');
  }
  return out;
}

/** Written the one way JS writes a number back (no leading zeros, no exponent, at most 15 digits). */
const PLAIN_NUMBER = /^-?(?:0|[1-9]\d{0,14})(?:\.\d{1,14})?$/;

const blank = (s: string | undefined) => s === undefined || s === ' ' || s === '\u3000';

/** Half-open intervals [start, end) where `filled` is true. */
function runs(filled: boolean[]): [number, number][] {
  const out: [number, number][] = [];
  for (let p = 0; p < filled.length; p++) {
    if (!filled[p]) continue;
    const start = p;
    while (p < filled.length && filled[p]) p++;
    out.push([start, p]);
  }
  return out;
}

/** Start of every column, from the first line (the header) and the rest (the data). */
export function columnStarts(lines: string[][]): number[] {
  const width = lines.reduce((w, l) => Math.max(w, l.length), 0);
  const any = Array.from({ length: width }, (_, p) => lines.some((l) => !blank(l[p])));
  const data = Array.from({ length: width }, (_, p) => lines.slice(1).some((l) => !blank(l[p])));
  const starts: number[] = [];
  for (const [start, end] of runs(any)) {
    starts.push(start);
    // Data text separated by blanks inside one run: the header bridged two columns.
    const inner = runs(data.slice(start, end)).map(([s]) => s + start);
    for (const s of inner.slice(1)) starts.push(s);
  }
  return starts;
}

export function fixedWidthGrid(text: string): Grid {
  const raw = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  while (raw.length && raw[raw.length - 1].trim() === '') raw.pop();
  const lines = raw.map((l) => slots(l.replace(/\t/g, ' ')));
  const starts = columnStarts(lines.filter((l) => l.some((c) => !blank(c))));
  checkColumnCount(starts.length);
  // Blank lines stay (as CSV's do): layout detection reads them as the gaps around titles and notes.
  const rows: Cell[][] = lines.map((cells) =>
    cells.every(blank)
      ? ['']
      : starts.map((s, i) => {
          const v = cells.slice(s, starts[i + 1] ?? cells.length).join('').trim();
          return v === '' ? null : PLAIN_NUMBER.test(v) && String(Number(v)) === v ? Number(v) : v;
        }),
  );
  return { rows };
}
