/**
 * The import pipeline, identical in the app's worker, `sgw import` and the bench: bytes → ParsedTable(s)
 * (analyzeFile, for the preview) → Arrow IPC stream (importFile). Never read_csv/read_parquet on user files.
 */
import type { Table } from 'apache-arrow';
import { cellText } from '../format/cell';
import { buildArrowTable, toIpcStream } from './arrow-build';
import { csvGrid } from './csv-source';
import { arrowTable, jsonTable, parquetTable } from './records-source';
import { extractTable } from './table-block';
import { guessColumn } from './values';
import { isWorkbookBytes, readWorkbook, sheetGrid, sheetIsEmpty } from './xlsx-source';
import { ImportError, type Cell, type ColumnSpec, type ImportOptions, type ParsedTable, type SourceFormat, type SourceInfo } from './types';

const MB = 1024 * 1024;
/**
 * Largest file per format. Text must fit one JS string (≈512 M characters in V8); SheetJS needs ≈20× the
 * file size in memory; Parquet and Arrow are read column by column.
 */
export const MAX_IMPORT_BYTES: Record<SourceFormat, number> = { csv: 512 * MB, json: 256 * MB, xlsx: 150 * MB, parquet: 1536 * MB, arrow: 1536 * MB };

const EXT_FORMAT: Record<string, SourceFormat> = {
  csv: 'csv', tsv: 'csv', txt: 'csv', dat: 'csv',
  xlsx: 'xlsx', xlsm: 'xlsx', xls: 'xlsx', ods: 'xlsx', et: 'xlsx',
  json: 'json', ndjson: 'json', jsonl: 'json',
  parquet: 'parquet', pq: 'parquet',
  arrow: 'arrow', feather: 'arrow', ipc: 'arrow', arrows: 'arrow',
};

function extension(fileName: string): string {
  const m = /\.([A-Za-z0-9]+)$/.exec(fileName);
  return m ? m[1].toLowerCase() : '';
}

/** By content first (zip/OLE, PAR1, ARROW1), then by extension; unknown text is delimited text. */
export function detectFormat(bytes: Uint8Array, fileName: string): SourceFormat {
  const head = String.fromCharCode(...bytes.subarray(0, 6));
  if (head.startsWith('PAR1')) return 'parquet';
  if (head === 'ARROW1') return 'arrow';
  if (isWorkbookBytes(bytes)) return 'xlsx';
  return EXT_FORMAT[extension(fileName)] ?? 'csv';
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

async function readSource(bytes: Uint8Array, fileName: string, opts: ImportOptions, progress: ProgressFn): Promise<AnalyzedFile> {
  const format = opts.format ?? detectFormat(bytes, fileName);
  checkSize(bytes.byteLength, format);
  const layout = { headerRow: opts.headerRow, headerRows: opts.headerRows };
  if (format === 'csv') {
    const { grid, encoding, delimiter } = csvGrid(bytes, opts);
    progress(0.4);
    return { source: { fileName, format, encoding, delimiter }, tables: [extractTable(grid, layout)] };
  }
  if (format === 'xlsx') {
    const wb = readWorkbook(bytes);
    progress(0.4);
    const grids = new Map(wb.SheetNames.map((n) => [n, sheetGrid(wb.Sheets[n])]));
    const sheets = wb.SheetNames.map((name) => ({ name, empty: sheetIsEmpty(grids.get(name)!) }));
    const wanted = opts.sheets?.length ? opts.sheets : sheets.filter((s) => !s.empty).slice(0, 1).map((s) => s.name);
    if (wanted.length === 0) throw new ImportError('import.err.emptySheet', { sheet: wb.SheetNames.join('、') });
    const tables = wanted.map((name) => {
      const grid = grids.get(name);
      if (!grid) throw new ImportError('import.err.noSheet', { sheet: name, sheets: wb.SheetNames.join('、') });
      if (sheetIsEmpty(grid)) throw new ImportError('import.err.emptySheet', { sheet: name });
      return { ...extractTable(grid, layout), sheet: name };
    });
    return { source: { fileName, format, sheets }, tables };
  }
  if (bytes.length === 0) throw new ImportError('import.err.empty');
  const table = format === 'json' ? jsonTable(bytes) : format === 'parquet' ? await parquetTable(bytes) : arrowTable(bytes);
  if (table.columns.length === 0) throw new ImportError('import.err.empty');
  return { source: { fileName, format, ...(format === 'json' ? { encoding: 'utf-8' as const } : {}) }, tables: [table] };
}

/** Renames and retypes columns by position; names stay unique. */
export function applyOverrides(table: ParsedTable, overrides: ImportOptions['columns']): ParsedTable {
  if (!overrides?.length) return table;
  const columns = table.columns.map((c, i) => ({ ...c, ...(overrides[i]?.name?.trim() ? { name: overrides[i]!.name!.trim() } : {}), ...(overrides[i]?.type ? { type: overrides[i]!.type! } : {}) }));
  const seen = new Set<string>();
  for (const c of columns) {
    let name = c.name;
    for (let k = 2; seen.has(name); k++) name = `${c.name}_${k}`;
    c.name = name;
    seen.add(name);
  }
  return { ...table, columns };
}

const YEAR_IN_NAME = /^((?:19|20)\d{2})\s*年?(?:末|底)?$/;

/** Years as columns → long format: the other columns, then 年份 (integer) and 数值, one row per year. */
export function unpivotYears(table: ParsedTable): ParsedTable {
  const yearCols = table.columns.map((c, i) => [i, YEAR_IN_NAME.exec(c.name)?.[1]] as const).filter(([, y]) => y !== undefined);
  if (yearCols.length === 0) throw new ImportError('import.err.noYearColumns');
  const idCols = table.columns.map((_, i) => i).filter((i) => !yearCols.some(([y]) => y === i));
  const ids: Cell[][] = idCols.map(() => []);
  const years: Cell[] = [];
  const values: Cell[] = [];
  for (let r = 0; r < table.rowCount; r++) {
    for (const [c, year] of yearCols) {
      idCols.forEach((ic, k) => ids[k].push(table.data[ic][r]));
      years.push(Number(year));
      values.push(table.data[c][r]);
    }
  }
  const units = new Set(yearCols.map(([c]) => table.columns[c].unit));
  const guess = guessColumn(values, '数值');
  const unit = units.size === 1 ? [...units][0] : undefined;
  const columns: ColumnSpec[] = [...idCols.map((i) => table.columns[i]), { name: '年份', type: 'integer' }, { name: '数值', type: guess.type, ...(unit ? { unit } : {}) }];
  return { ...table, columns, data: [...ids, years, values], rowCount: years.length, yearColumns: 0 };
}

/** Reads and lays out a file, applying the user's overrides; what the preview shows. */
export async function analyzeFile(bytes: Uint8Array, fileName: string, opts: ImportOptions = {}, progress: ProgressFn = () => undefined): Promise<AnalyzedFile> {
  const read = await readSource(bytes, fileName, opts, progress);
  progress(0.6);
  const tables = read.tables.map((t) => applyOverrides(opts.unpivot ? unpivotYears(t) : t, opts.columns));
  return { source: read.source, tables };
}

export interface ImportedTable {
  parsed: ParsedTable;
  arrow: Table;
  /** Arrow IPC stream for Db.insertArrow. */
  ipc: Uint8Array;
}

export function toArrow(parsed: ParsedTable): ImportedTable {
  const arrow = buildArrowTable(parsed.columns, parsed.data);
  return { parsed, arrow, ipc: toIpcStream(arrow) };
}

/**
 * Bench hook and headless entry point: file bytes → Arrow IPC per imported table (one per sheet).
 * Insert with Db.insertArrow, or use importIntoDb (./commit) for the whole way including provenance.
 */
export async function importFile(bytes: Uint8Array, fileName: string, opts: ImportOptions = {}): Promise<{ source: SourceInfo; tables: ImportedTable[] }> {
  const { source, tables } = await analyzeFile(bytes, fileName, opts);
  return { source, tables: tables.map(toArrow) };
}

/** The first `n` rows as display text, after type conversion (what will land in the table). */
export function previewRows(parsed: ParsedTable, n = 50): string[][] {
  const head = buildArrowTable(parsed.columns, parsed.data.map((col) => col.slice(0, n)));
  const fields = head.schema.fields;
  const cols = fields.map((_, i) => head.getChildAt(i));
  return Array.from({ length: head.numRows }, (_, r) => fields.map((f, i) => cellText(cols[i]?.get(r), f)));
}

/** A table name from the file (and sheet) name: letters, digits and underscores, not starting with a digit. */
export function suggestTableName(fileName: string, sheet?: string): string {
  const base = `${fileName.replace(/\.[A-Za-z0-9]+$/, '')}${sheet ? `_${sheet}` : ''}`;
  let name = base.replace(/[^\p{L}\p{N}_]+/gu, '_').replace(/^_+|_+$/g, '');
  if (!name || /^\d/.test(name)) name = `t_${name}`;
  return name.slice(0, 60);
}

/** What the preview shows of a table: everything but the cells, plus its first rows as text. */
export interface TablePreview extends Omit<ParsedTable, 'data'> {
  rows: string[][];
}

export function toPreview(parsed: ParsedTable, n = 20): TablePreview {
  const { data: _data, ...rest } = parsed;
  return { ...rest, rows: previewRows(parsed, n) };
}
