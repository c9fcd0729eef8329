/**
 * What the user set on one file card: the file's encoding and delimiter, the chosen sheets, and per table
 * (the CSV, or each sheet by name) its layout overrides, unpivot, column overrides and table name. A change
 * to one table's settings never touches another's: each request carries only its own sheet's settings.
 */
import type { ColumnOverride, EncodingLabel, ImportOptions, LayoutOverrides, TableOptions } from '../../../shared/import/types';

export interface FileSettings {
  encoding?: EncodingLabel;
  delimiter?: string;
  /** Undefined until the first analysis of a workbook picks its first sheet with data. */
  sheets?: string[];
  tables: Record<string, TableOptions>;
  names: Record<string, string>;
  replace: boolean;
}

export const EMPTY_SETTINGS: FileSettings = { tables: {}, names: {}, replace: false };

/** The key of a table's settings: '' for a CSV (or any one-table file), else the sheet name. */
export const targetKey = (sheet?: string) => sheet ?? '';

/** Own entries only: a sheet named "__proto__" or "constructor" is just a name. */
export function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** The worker request for one table: the file's options, that one sheet, and that sheet's settings only. */
export function requestFor(s: FileSettings, sheet: string | undefined): ImportOptions {
  const file: ImportOptions = { ...(s.encoding ? { encoding: s.encoding } : {}), ...(s.delimiter ? { delimiter: s.delimiter } : {}) };
  const table = own(s.tables, targetKey(sheet)) ?? {};
  if (sheet === undefined) return { ...file, ...table };
  return { ...file, sheets: [sheet], sheetOptions: { [sheet]: table } };
}

function patchTable(s: FileSettings, key: string, patch: (t: TableOptions) => TableOptions): FileSettings {
  return { ...s, tables: { ...s.tables, [key]: patch(own(s.tables, key) ?? {}) } };
}

/**
 * Sets layout overrides (or unpivot) of one table. Its column overrides are dropped: they are by position,
 * and a new layout changes the columns.
 */
export function withLayout(s: FileSettings, key: string, patch: LayoutOverrides & { unpivot?: boolean }): FileSettings {
  return patchTable(s, key, ({ columns: _columns, ...t }) => ({ ...t, ...patch }));
}

export function withColumn(s: FileSettings, key: string, index: number, patch: ColumnOverride): FileSettings {
  return patchTable(s, key, (t) => {
    const columns = [...(t.columns ?? [])];
    columns[index] = { ...columns[index], ...patch };
    return { ...t, columns };
  });
}

export function withSource(s: FileSettings, patch: Pick<FileSettings, 'encoding' | 'delimiter'>): FileSettings {
  return { ...s, ...patch };
}

export function withSheet(s: FileSettings, all: readonly string[], sheet: string, on: boolean): FileSettings {
  const chosen = on ? [...(s.sheets ?? []), sheet] : (s.sheets ?? []).filter((x) => x !== sheet);
  // At least one sheet stays chosen; the order is the workbook's.
  return chosen.length ? { ...s, sheets: all.filter((n) => chosen.includes(n)) } : s;
}

export function withName(s: FileSettings, key: string, name: string): FileSettings {
  return { ...s, names: { ...s.names, [key]: name } };
}
