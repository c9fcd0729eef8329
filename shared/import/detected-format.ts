/**
 * What a file's content was detected as (./sniff), in the user's words, and whether that differs from what
 * its extension says: the import card names a renamed file's real format (检测为：SYLK 电子表格（扩展名 .csv）).
 */
import { strFromU8, unzipSync } from 'fflate';
import type { MessageKey, Translate } from '../i18n';
import { LOTUS_KIND } from './sniff';
import type { SourceInfo } from './types';

/**
 * Each family sniff reports: its catalog name, the extensions that say the same, and its short name for the
 * card's 格式 line (the zip family's is refined by what SheetJS read, see BOOKS).
 */
const FAMILIES: Record<string, { name: MessageKey; ext: string[]; short: MessageKey }> = {
  text: { name: 'import.kind.text', ext: ['csv', 'tsv', 'txt', 'dat', 'tab'], short: 'import.short.csv' },
  PRN: { name: 'import.kind.prn', ext: ['prn'], short: 'import.short.prn' },
  JSON: { name: 'import.kind.json', ext: ['json', 'ndjson', 'jsonl', 'geojson'], short: 'import.short.json' },
  Parquet: { name: 'import.kind.parquet', ext: ['parquet', 'pq'], short: 'import.short.parquet' },
  'Arrow IPC': { name: 'import.kind.arrow', ext: ['arrow', 'feather', 'ipc', 'arrows'], short: 'import.short.arrow' },
  'zip (xlsx/xlsb/ods)': { name: 'import.kind.zip', ext: ['xlsx', 'xlsm', 'xltx', 'xltm', 'xlam', 'xlsb', 'ods', 'et'], short: 'import.short.xlsx' },
  'OLE (xls/BIFF5–8)': { name: 'import.kind.ole', ext: ['xls', 'et', 'xlt'], short: 'import.short.xls' },
  'BIFF2–4 (Excel 2–4)': { name: 'import.kind.biff', ext: ['xls', 'xlw'], short: 'import.short.xls' },
  [LOTUS_KIND]: { name: 'import.kind.lotus', ext: ['wk1', 'wk2', 'wk3', 'wk4', 'wks', '123', 'wq1', 'wq2', 'wb1', 'wb2', 'wb3', 'qpw'], short: 'import.short.lotus' },
  'dBASE (.dbf)': { name: 'import.kind.dbf', ext: ['dbf'], short: 'import.short.dbf' },
  SYLK: { name: 'import.kind.sylk', ext: ['slk', 'sylk'], short: 'import.short.sylk' },
  DIF: { name: 'import.kind.dif', ext: ['dif'], short: 'import.short.dif' },
  'SpreadsheetML 2003 (.xml)': { name: 'import.kind.spreadsheetml', ext: ['xml'], short: 'import.short.spreadsheetml' },
  'Flat ODS (.fods)': { name: 'import.kind.fods', ext: ['fods'], short: 'import.short.fods' },
  HTML: { name: 'import.kind.html', ext: ['html', 'htm'], short: 'import.short.html' },
};

/** What SheetJS says it read (SourceInfo.book), where that tells more than the family: which zip workbook. */
const BOOKS: Record<string, MessageKey> = {
  xlsx: 'import.short.xlsx',
  xlsm: 'import.short.xlsm',
  xltx: 'import.short.xltx',
  xltm: 'import.short.xltm',
  xlam: 'import.short.xlam',
  xlsb: 'import.short.xlsb',
  ods: 'import.short.ods',
};

/**
 * SheetJS reads a macro-enabled workbook, a template and an add-in as it reads an .xlsx, and says 'xlsx' for
 * all of them (checked with @e965/xlsx 0.20.3): the workbook part's content type in [Content_Types].xml tells
 * them apart. Only that small part is inflated; the macros (xl/vbaProject.bin) are never read, let alone run.
 */
const OOXML_MAIN: [string, string][] = [
  ['application/vnd.ms-excel.sheet.macroEnabled.main+xml', 'xlsm'],
  ['application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml', 'xltx'],
  ['application/vnd.ms-excel.template.macroEnabled.main+xml', 'xltm'],
  ['application/vnd.ms-excel.addin.macroEnabled.main+xml', 'xlam'],
];
const MAX_CONTENT_TYPES_BYTES = 1024 * 1024;

/** What SourceInfo.book should say for a workbook SheetJS read as `bookType`. */
export function workbookBook(bytes: Uint8Array, bookType: string | undefined): string | undefined {
  if (bookType !== 'xlsx') return bookType;
  let xml: string;
  try {
    const parts = unzipSync(bytes, { filter: (f) => f.name === '[Content_Types].xml' && f.originalSize <= MAX_CONTENT_TYPES_BYTES });
    xml = strFromU8(parts['[Content_Types].xml'] ?? new Uint8Array());
  } catch {
    return bookType;
  }
  const main = /<Override\b[^>]*PartName="\/xl\/workbook\.xml"[^>]*>/.exec(xml)?.[0] ?? xml;
  return OOXML_MAIN.find(([type]) => main.includes(`ContentType="${type}"`))?.[1] ?? bookType;
}
/** A source whose content was not sniffed (its format was given). */
const BY_FORMAT: Record<SourceInfo['format'], MessageKey> = {
  csv: 'import.short.csv',
  xlsx: 'import.short.xlsx',
  json: 'import.short.json',
  parquet: 'import.short.parquet',
  arrow: 'import.short.arrow',
};

/** The card's 格式：… — the format the file was read as: XLSX, XLSB, ODS, XLS, SYLK, DBF, TSV, Parquet … */
export function formatName(source: Pick<SourceInfo, 'format' | 'detected' | 'book' | 'delimiter'>, t: Translate): string {
  const key = (source.book ? BOOKS[source.book] : undefined) ?? (source.detected ? FAMILIES[source.detected]?.short : undefined) ?? BY_FORMAT[source.format];
  return t(key === 'import.short.csv' && source.delimiter === '\t' ? 'import.short.tsv' : key);
}

export interface DetectedFormat {
  /** "SYLK 电子表格" */
  name: string;
  /** The extension disagrees with the content (or there is none). */
  differs: boolean;
  /** The file's extension with its dot, '' when it has none. */
  ext: string;
}

export function detectedFormat(source: Pick<SourceInfo, 'fileName' | 'detected'>, t: Translate): DetectedFormat | null {
  const family = source.detected ? FAMILIES[source.detected] : undefined;
  if (!family) return null;
  const ext = /\.([A-Za-z0-9]+)$/.exec(source.fileName)?.[1].toLowerCase() ?? '';
  return { name: t(family.name), differs: !family.ext.includes(ext), ext: ext ? `.${ext}` : '' };
}

/** The line the import card shows when the content is not what the extension says; null when it agrees. */
export function detectedMismatch(source: Pick<SourceInfo, 'fileName' | 'detected'>, t: Translate): string | null {
  const d = detectedFormat(source, t);
  if (!d?.differs) return null;
  return d.ext ? t('import.detectedAsExt', { format: d.name, ext: d.ext }) : t('import.detectedAsNoExt', { format: d.name });
}
