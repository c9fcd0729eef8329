import type { MessageKey } from '../i18n';

/** Shared vocabulary of the import pipeline (environment-neutral; used by the worker, the UI and `sgw import`). */

/** 'integer' is the engine's INTEGER (32 bits), 'bigint' its BIGINT (64 bits, exact beyond 2^53). */
export type ColumnType = 'integer' | 'bigint' | 'double' | 'boolean' | 'date' | 'string';
export const COLUMN_TYPES: readonly ColumnType[] = ['integer', 'bigint', 'double', 'boolean', 'date', 'string'];

export type SourceFormat = 'csv' | 'xlsx' | 'json' | 'parquet' | 'arrow';

/** Text encodings the user may choose; detection picks one of 'utf-8', 'utf-16le', 'utf-16be', 'gb18030'. */
export type EncodingLabel = 'utf-8' | 'gb18030' | 'gbk' | 'big5' | 'utf-16le' | 'utf-16be';
export const ENCODINGS: readonly EncodingLabel[] = ['utf-8', 'gb18030', 'gbk', 'big5', 'utf-16le', 'utf-16be'];

/** What a column derived from the row labels holds (see docs/import.md). */
export type ColumnRole = 'label' | 'parent' | 'part' | 'unit';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  /** Unit found in the header text ("人数(万人)"), a units row, the row labels, or percentages ('%'). */
  unit?: string;
  /** The header cells above the column, top to bottom, when there are several (["年份", "2012年"]). */
  path?: string[];
  /** The year this column holds (its header, or one header cell of its path, is a year). */
  year?: number;
  role?: ColumnRole;
}

export interface ColumnOverride {
  name?: string;
  type?: ColumnType;
}

/** Layout settings of one table; each one is detected when absent. Rows and columns are 1-based. */
export interface LayoutOverrides {
  /** Row (of the grid) where the header starts. */
  headerRow?: number;
  /** How many rows the header spans (1–3); 0 means "no header". */
  headerRows?: number;
  /** First data row (rows between the header and it are skipped; a units line there still gives units). */
  dataStart?: number;
  /** Column of the row labels (indentation, 其中, units in labels, totals); 0 means "none". */
  labelColumn?: number;
}

/** Everything that can be set for one table (a CSV file, or one sheet of a workbook). */
export interface TableOptions extends LayoutOverrides {
  /** Years as columns → long format (id columns…, 年份, 数值). */
  unpivot?: boolean;
  /** Per-column renames and type changes, by column position (after layout and unpivot). */
  columns?: (ColumnOverride | undefined)[];
}

export interface ImportOptions extends TableOptions {
  format?: SourceFormat;
  encoding?: EncodingLabel;
  delimiter?: string;
  /** Sheet names to import (workbooks); default: the first non-empty sheet. */
  sheets?: string[];
  /**
   * Settings of single sheets, by sheet name. For that sheet they replace the file-wide TableOptions above
   * field by field, and they never reach another sheet.
   */
  sheetOptions?: Record<string, TableOptions>;
}

/** A message for the user: a key of the import message catalog plus its parameters. */
export interface ImportMessage {
  key: ImportMessageKey;
  params?: Record<string, string | number>;
}

/** Widest table imported, as in Excel (XFD): wider input is refused with a message, never cut. */
export const MAX_COLUMNS = 16_384;

export function checkColumnCount(columns: number): void {
  if (columns > MAX_COLUMNS) throw new ImportError('import.err.tooManyColumns', { columns, limit: MAX_COLUMNS });
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

/** What layout detection found in a grid (rows and columns 1-based, as the spreadsheet shows them). */
export interface DetectedLayout {
  titleRows: number;
  /** A units line under the header ("单位：家、万人"), or the header row that holds per-column units. */
  unitRow?: number;
  dataStart: number;
  /** Last row of data; footnotes and source lines follow. */
  dataEnd: number;
  /** Source column of the row labels, if any, and that column's name in the table. */
  labelColumn?: number;
  labelName?: string;
  /** Row labels were indented: with spaces, or with Excel's indent (cell style). */
  indent?: 'spaces' | 'excel';
  /** Blank columns between the data that were dropped. */
  spacerColumns: number[];
}

/** Rows and columns that are totals (合计, 全国, …): kept in the table, listed so charts can leave them out. */
export interface TableTotals {
  /** Values of a text column that name total rows. */
  rows: { column: string; values: string[] }[];
  /** Columns whose header names a total (社会组织_合计). */
  columns: string[];
}

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
  /** The table's title (the first title row that is not a units line). */
  title?: string;
  /** The source line (资料来源/数据来源 …) without its label, offered as the chart source. */
  source?: string;
  /** Grids only. */
  layout?: DetectedLayout;
  totals: TableTotals;
  warnings: ImportMessage[];
  /** How many columns hold years (the unpivot offer). */
  yearColumns: number;
  /**
   * The source's own Arrow columns (Parquet), imported as they are unless a column's type is overridden:
   * `data` then holds only the first rows, for the preview (see ./parquet-source).
   */
  native?: NativeColumns;
}

export interface NativeColumns {
  /**
   * Every row as the reader produced it: complete Arrow IPC streams of one schema, one per row group,
   * inserted one after the other (Db.insertArrow), never joined.
   */
  ipc: Uint8Array[];
  /** The stream's field names and their column types, by position. */
  names: string[];
  types: ColumnType[];
  /** Per column, the text cells findTotals would look at (every other cell cannot name a total). */
  totalCandidates: string[][];
}

export interface SourceInfo {
  fileName: string;
  format: SourceFormat;
  encoding?: EncodingLabel;
  delimiter?: string;
  /** Every sheet of a workbook, with whether it holds data. */
  sheets?: { name: string; empty: boolean }[];
  /** The family the content was detected as (./sniff's kind: "SYLK", "text", "PRN" …); see ./detected-format. */
  detected?: string;
  /** The workbook format SheetJS read, when it names one (xlsx, xlsb, ods, sylk …): the zip family's member. */
  book?: string;
}
