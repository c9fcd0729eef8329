import type { MessageKey } from '../i18n';

/** Shared vocabulary of the import pipeline (environment-neutral; used by the worker, the UI and `sgw import`). */

export type ColumnType = 'integer' | 'double' | 'boolean' | 'date' | 'string';
export const COLUMN_TYPES: readonly ColumnType[] = ['integer', 'double', 'boolean', 'date', 'string'];

export type SourceFormat = 'csv' | 'xlsx' | 'json' | 'parquet' | 'arrow';

/** Text encodings the user may choose; detection picks one of 'utf-8', 'utf-16le', 'utf-16be', 'gb18030'. */
export type EncodingLabel = 'utf-8' | 'gb18030' | 'gbk' | 'big5' | 'utf-16le' | 'utf-16be';
export const ENCODINGS: readonly EncodingLabel[] = ['utf-8', 'gb18030', 'gbk', 'big5', 'utf-16le', 'utf-16be'];

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  /** Unit found in the header text ("人数(万人)"), a units row, or percentages ('%'). */
  unit?: string;
}

export interface ColumnOverride {
  name?: string;
  type?: ColumnType;
}

export interface ImportOptions {
  format?: SourceFormat;
  encoding?: EncodingLabel;
  delimiter?: string;
  /** 1-based row (line of the grid) where the header starts; detected when absent. */
  headerRow?: number;
  /** How many rows the header spans (1–3); detected when absent. 0 means "no header". */
  headerRows?: number;
  /** Sheet names to import (workbooks); default: the first non-empty sheet. */
  sheets?: string[];
  /** Years as columns → long format (id columns…, 年份, 数值). */
  unpivot?: boolean;
  /** Per-column renames and type changes, by column position. */
  columns?: (ColumnOverride | undefined)[];
}

/** A message for the user: a key of the import message catalog plus its parameters. */
export interface ImportMessage {
  key: ImportMessageKey;
  params?: Record<string, string | number>;
}

export type ImportMessageKey = Extract<MessageKey, `import.warn.${string}` | `import.err.${string}`>;

/** A failure the user can act on; `key`/`params` render it in their language (see describeImportError). */
export class ImportError extends Error {
  constructor(
    readonly key: ImportMessageKey,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${key} ${JSON.stringify(params)}`);
    this.name = 'ImportError';
  }
}

/** One cell as sources deliver it, before cleaning. */
export type Cell = string | number | boolean | null;

/** A table after layout detection: clean column names and raw cells by column. */
export interface ParsedTable {
  /** Sheet name for workbooks. */
  sheet?: string;
  columns: ColumnSpec[];
  /** Column-major cells. */
  data: Cell[][];
  rowCount: number;
  /** 1-based first header row and how many rows the header spans (grids only). */
  headerRow?: number;
  headerRows?: number;
  /** Title rows above the table and footnotes below it, kept as text. */
  titles: string[];
  notes: string[];
  warnings: ImportMessage[];
  /** True when some columns look like years (the unpivot offer). */
  yearColumns: number;
}

export interface SourceInfo {
  fileName: string;
  format: SourceFormat;
  encoding?: EncodingLabel;
  delimiter?: string;
  /** Every sheet of a workbook, with whether it holds data. */
  sheets?: { name: string; empty: boolean }[];
}
