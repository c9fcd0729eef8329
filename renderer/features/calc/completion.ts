import { columnRef } from '../../../shared/sql/calc-sql';

/**
 * Column-name completion in a formula: the word being typed before the caret (letters, digits, _, CJK, or
 * anything after an opening double quote) and the columns it could start. Accepting puts the column in
 * double quotes (columnRef), replacing the partial word and its quote.
 */
export interface Completion {
  start: number;
  end: number;
  options: string[];
}

const WORD = /[\p{L}\p{N}_]*$/u;

export function completionAt(text: string, caret: number, columns: readonly string[]): Completion | null {
  const before = text.slice(0, caret);
  const quoted = /"([^"]*)$/.exec(before);
  // An odd number of quotes before the caret: we are inside a quoted name.
  const inQuote = quoted !== null && (before.split('"').length - 1) % 2 === 1;
  const word = inQuote ? quoted[1] : (WORD.exec(before)?.[0] ?? '');
  if (!inQuote && word === '') return null;
  const w = word.toLowerCase();
  const options = columns.filter((c) => c.toLowerCase().includes(w) && c !== word).sort((a, b) => Number(!a.toLowerCase().startsWith(w)) - Number(!b.toLowerCase().startsWith(w)));
  if (options.length === 0) return null;
  const start = caret - word.length - (inQuote ? 1 : 0);
  // A closing quote right after the caret belongs to the name being replaced.
  const end = inQuote && text[caret] === '"' ? caret + 1 : caret;
  return { start, end, options: options.slice(0, 8) };
}

/** The text with the completion accepted, and where the caret goes. */
export function acceptCompletion(text: string, c: Completion, column: string): { text: string; caret: number } {
  const ref = columnRef(column);
  return { text: text.slice(0, c.start) + ref + text.slice(c.end), caret: c.start + ref.length };
}
