/**
 * The import pipeline, identical in the app's worker, `sgw import` and the bench: bytes → ParsedTable(s)
 * (analyzeFile, for the preview) → Arrow IPC stream (importFile). Never read_parquet on user files; big plain CSVs
 * are read by the engine's read_csv when ./csv-engine proves the result is the same as this pipeline's.
 */
import { DataType, tableFromIPC, type Table } from 'apache-arrow';
import { cellText } from '../format/cell';
import { buildArrowTable, toIpcStream } from './arrow-build';
import { arrowFileTable } from './arrow-source';
import { csvGrid } from './csv-source';
import { workbookBook } from './detected-format';
import { nativeArrow, parquetTable, type BatchSink } from './parquet-source';
import { jsonTable } from './records-source';
import { extractTable } from './table-block';
import { findTotals } from './totals';
import { unpivotYears } from './unpivot';
import { readExcelIndents } from './xlsx-indent';
import { sniffFormat, type Sniffed } from './sniff';
import { readWorkbook, sheetGrid, sheetIsEmpty } from './xlsx-source';
import { ImportError, type ImportOptions, type ParsedTable, type SourceFormat, type SourceInfo, type TableOptions } from './types';

const MB = 1024 * 1024;
/**
 * Largest file per format. Text must fit one JS string (≈512 M characters in V8); SheetJS needs ≈20× the
 * file size in memory; Parquet and Arrow are read column by column.
 */
export const MAX_IMPORT_BYTES: Record<SourceFormat, number> = { csv: 512 * MB, json: 256 * MB, xlsx: 150 * MB, parquet: 1536 * MB, arrow: 1536 * MB };

const EXT_FORMAT: Record<string, SourceFormat> = {
  csv: 'csv', tsv: 'csv', txt: 'csv', dat: 'csv',
  xlsx: 'xlsx', xlsm: 'xlsx', xltx: 'xlsx', xltm: 'xlsx', xlam: 'xlsx', xlsb: 'xlsx', xls: 'xlsx', ods: 'xlsx', fods: 'xlsx', et: 'xlsx', xml: 'xlsx', slk: 'xlsx', sylk: 'xlsx', dif: 'xlsx', prn: 'csv',
  wk1: 'xlsx', wk2: 'xlsx', wk3: 'xlsx', wk4: 'xlsx', wks: 'xlsx', '123': 'xlsx', wq1: 'xlsx', wq2: 'xlsx', wb1: 'xlsx', wb2: 'xlsx', wb3: 'xlsx', qpw: 'xlsx', dbf: 'xlsx',
  json: 'json', ndjson: 'json', jsonl: 'json',
  parquet: 'parquet', pq: 'parquet',
  arrow: 'arrow', feather: 'arrow', ipc: 'arrow', arrows: 'arrow',
};

/** Formats that are always a zip container: plain text under these names is a damaged or mislabelled file. */
const ZIP_ONLY = /\.(xlsx|xlsm|xltx|xltm|xlam|xlsb|ods)$/i;

/**
 * By content (./sniff); the extension only counts for an empty buffer (a size check before reading) and to
 * tell JSON from delimited text.
 */
export function detectFormat(bytes: Uint8Array, fileName: string): SourceFormat {
  if (bytes.length === 0) return EXT_FORMAT[/\.([A-Za-z0-9]+)$/.exec(fileName)?.[1].toLowerCase() ?? ''] ?? 'csv';
  return detect(bytes, fileName).format;
}

function detect(bytes: Uint8Array, fileName: string): Sniffed {
  const sniffed = sniffFormat(bytes, fileName);
  if (sniffed.kind === 'text' && ZIP_ONLY.test(fileName)) throw new ImportError('import.err.badWorkbook', { detail: 'not a zip file' });
  return sniffed;
}

/** Refuses a file before reading it when it would exhaust memory. */
export function checkSize(byteLength: number, format: SourceFormat): void {
  const limit = MAX_IMPORT_BYTES[format];
  if (byteLength > limit) throw new ImportError('import.err.tooLarge', { size: Math.ceil(byteLength / MB), limit: Math.floor(limit / MB) });
}

export interface AnalyzedFile {
  source: SourceInfo;
  tables: ParsedTable[];
}

/** Called between stages with the share of the work done (0–1). */
export type ProgressFn = (fraction: number) => void;

/**
 * The settings for one table: the file-wide ones, replaced field by field by that sheet's own
 * (opts.sheetOptions[sheet]); another sheet's settings never apply.
 */
export function tableOptions(opts: ImportOptions, sheet?: string): TableOptions {
  const own = sheet !== undefined && opts.sheetOptions && Object.hasOwn(opts.sheetOptions, sheet) ? opts.sheetOptions[sheet] : {};
  const base: TableOptions = { headerRow: opts.headerRow, headerRows: opts.headerRows, dataStart: opts.dataStart, labelColumn: opts.labelColumn, unpivot: opts.unpivot, columns: opts.columns };
  const merged: TableOptions = { ...base };
  for (const [k, v] of Object.entries(own ?? {}) as [keyof TableOptions, never][]) if (v !== undefined) merged[k] = v;
  return merged;
}

async function readSource(bytes: Uint8Array, fileName: string, opts: ImportOptions, progress: ProgressFn, sink?: BatchSink): Promise<AnalyzedFile> {
  const sniffed = bytes.length ? detect(bytes, fileName) : undefined;
  const format = opts.format ?? sniffed?.format ?? detectFormat(bytes, fileName);
  checkSize(bytes.byteLength, format);
  const detected = sniffed ? { detected: sniffed.kind } : {};
  if (format === 'csv') {
    const { grid, encoding, delimiter } = csvGrid(bytes, opts, sniffed?.kind === 'PRN');
    progress(0.4);
    return { source: { fileName, format, encoding, ...(delimiter ? { delimiter } : {}), ...detected }, tables: [extractTable(grid, tableOptions(opts))] };
  }
  if (format === 'xlsx') {
    const wb = readWorkbook(bytes, sniffed?.kind ?? 'workbook', sniffed?.text ?? false);
    progress(0.4);
    const indents = readExcelIndents(bytes);
    const grids = new Map(wb.SheetNames.map((n) => [n, sheetGrid(wb.Sheets[n], indents.get(n), n)]));
    const sheets = wb.SheetNames.map((name) => ({ name, empty: sheetIsEmpty(grids.get(name)!) }));
    const wanted = opts.sheets?.length ? opts.sheets : sheets.filter((s) => !s.empty).slice(0, 1).map((s) => s.name);
    if (wanted.length === 0) throw new ImportError('import.err.emptySheet', { sheet: wb.SheetNames.join('、') });
    const tables = wanted.map((name) => {
      const grid = grids.get(name);
      if (!grid) throw new ImportError('import.err.noSheet', { sheet: name, sheets: wb.SheetNames.join('、') });
      if (sheetIsEmpty(grid)) throw new ImportError('import.err.emptySheet', { sheet: name });
      return { ...extractTable(grid, tableOptions(opts, name)), sheet: name };
    });
    return { source: { fileName, format, sheets, ...detected, ...(wb.bookType ? { book: workbookBook(bytes, wb.bookType) } : {}) }, tables };
  }
  if (bytes.length === 0) throw new ImportError('import.err.empty');
  const table = format === 'json' ? jsonTable(bytes) : format === 'parquet' ? await parquetTable(bytes, keepsColumns(opts) ? sink : undefined, (f) => progress(0.4 * f)) : arrowFileTable(bytes);
  if (table.columns.length === 0) throw new ImportError('import.err.empty');
  return { source: { fileName, format, ...(format === 'json' ? { encoding: 'utf-8' as const } : {}), ...detected }, tables: [table] };
}

/** Renames and retypes columns by position; names stay unique (and the layout keeps naming the label column). */
export function applyOverrides(table: ParsedTable, overrides: TableOptions['columns']): ParsedTable {
  if (!overrides?.length) return table;
  const columns = table.columns.map((c, i) => ({ ...c, ...(overrides[i]?.name?.trim() ? { name: overrides[i]!.name!.trim() } : {}), ...(overrides[i]?.type ? { type: overrides[i]!.type! } : {}) }));
  const seen = new Set<string>();
  for (const c of columns) {
    let name = c.name;
    for (let k = 2; seen.has(name); k++) name = `${c.name}_${k}`;
    c.name = name;
    seen.add(name);
  }
  const label = table.layout?.labelName !== undefined ? table.columns.findIndex((c) => c.name === table.layout!.labelName) : -1;
  const layout = table.layout && label >= 0 ? { ...table.layout, labelName: columns[label].name } : table.layout;
  return { ...table, columns, ...(layout ? { layout } : {}) };
}

/** No renamed or retyped column and no unpivot: the table is the source's columns as they are. */
function keepsColumns(opts: ImportOptions): boolean {
  const own = tableOptions(opts);
  return !own.unpivot && !own.columns?.some((c) => c?.name?.trim() || c?.type);
}

/**
 * Reads and lays out a file, applying the user's overrides; what the preview shows. With `sink`, a Parquet
 * file that keeps its columns sends its rows there while it is read (./parquet-source parquetTable).
 */
export async function analyzeFile(bytes: Uint8Array, fileName: string, opts: ImportOptions = {}, progress: ProgressFn = () => undefined, sink?: BatchSink): Promise<AnalyzedFile> {
  const read = await readSource(bytes, fileName, opts, progress, sink);
  progress(0.6);
  const tables = read.tables.map((t) => {
    const own = tableOptions(opts, t.sheet);
    const laid = applyOverrides(own.unpivot ? unpivotYears(t) : t, own.columns);
    // Totals are named in the final table, after unpivot and renames, so provenance names real columns.
    return { ...laid, totals: findTotals(laid.columns, laid.native?.totalCandidates ?? laid.data) };
  });
  return { source: read.source, tables };
}

export interface ImportedTable {
  parsed: ParsedTable;
  arrow: Table;
  /** Complete Arrow IPC streams (one, or one per Parquet row group) for Db.insertArrow. */
  ipc: Uint8Array[];
}

export function toArrow(parsed: ParsedTable): ImportedTable {
  if (parsed.native) return { parsed, ...nativeArrow(parsed.columns, parsed.native) };
  const arrow = buildArrowTable(parsed.columns, parsed.data);
  return { parsed, arrow, ipc: [toIpcStream(arrow)] };
}

/**
 * Bench hook and headless entry point: file bytes → Arrow IPC per imported table (one per sheet).
 * Insert with Db.insertArrow, or use importIntoDb (./commit) for the whole way including provenance.
 */
export async function importFile(bytes: Uint8Array, fileName: string, opts: ImportOptions = {}): Promise<{ source: SourceInfo; tables: ImportedTable[] }> {
  const { source, tables } = await analyzeFile(bytes, fileName, opts);
  return { source, tables: tables.map(toArrow) };
}

/**
 * The first `n` rows as display text, after type conversion (what will land in the table). A table that
 * keeps its source's columns (Parquet) lands as the reader gave it, so its 64-bit integers are read from
 * those rows: a BIGINT beyond 2^53 is shown exactly, as the engine will hold it, not as the double of a cell.
 */
export function previewRows(parsed: ParsedTable, n = 50): string[][] {
  const head = buildArrowTable(parsed.columns, parsed.data.map((col) => col.slice(0, n)));
  const native = parsed.native;
  const kept = native && parsed.columns.every((c, i) => c.type === native.types[i]) ? tableFromIPC(native.ipc).slice(0, head.numRows) : undefined;
  const cols = head.schema.fields.map((f, i) => {
    const own = kept?.getChildAt(i);
    return own && DataType.isInt(own.type) && own.type.bitWidth === 64 ? { field: kept!.schema.fields[i], values: own } : { field: f, values: head.getChildAt(i) };
  });
  return Array.from({ length: head.numRows }, (_, r) => cols.map((c) => cellText(c.values?.get(r), c.field)));
}

/** A table name from the file (and sheet) name: letters, digits and underscores, not starting with a digit. */
export function suggestTableName(fileName: string, sheet?: string): string {
  const base = `${fileName.replace(/\.[A-Za-z0-9]+$/, '')}${sheet ? `_${sheet}` : ''}`;
  let name = base.replace(/[^\p{L}\p{N}_]+/gu, '_').replace(/^_+|_+$/g, '');
  if (!name || /^\d/.test(name)) name = `t_${name}`;
  return name.slice(0, 60);
}

/** What the preview shows of a table: everything but the cells, plus its first rows as text. */
export interface TablePreview extends Omit<ParsedTable, 'data' | 'native'> {
  rows: string[][];
}

export function toPreview(parsed: ParsedTable, n = 20): TablePreview {
  const { data: _data, native: _native, ...rest } = parsed;
  return { ...rest, rows: previewRows(parsed, n) };
}
