import type { Field } from 'apache-arrow';

/** Where a row of a bundled table comes from: seed document, verbatim quote, and any correction note. */
export interface RowProvenance {
  source: string;
  quote: string;
  note?: string;
}

const SOURCE = 'source';
const QUOTE = 'quote';
const NOTE = 'note';

/** A result carries provenance when it has both `source` and `quote` columns (as every bundled table does). */
export function hasProvenance(fields: Field[]): boolean {
  const names = new Set(fields.map((f) => f.name));
  return names.has(SOURCE) && names.has(QUOTE);
}

/** Reads one row's provenance from a column accessor, or null when the row has no quote. */
export function rowProvenance(get: (column: string) => unknown): RowProvenance | null {
  const source = get(SOURCE);
  const quote = get(QUOTE);
  if (typeof source !== 'string' || typeof quote !== 'string' || !quote) return null;
  const note = get(NOTE);
  return { source, quote, ...(typeof note === 'string' && note ? { note } : {}) };
}
