/**
 * What a file's content was detected as (./sniff), in the user's words, and whether that differs from what
 * its extension says: the import card names a renamed file's real format (检测为：SYLK 电子表格（扩展名 .csv）).
 */
import type { MessageKey, Translate } from '../i18n';
import { LOTUS_KIND } from './sniff';
import type { SourceInfo } from './types';

/** Each family sniff reports: its catalog name and the extensions that say the same. */
const FAMILIES: Record<string, { name: MessageKey; ext: string[] }> = {
  text: { name: 'import.kind.text', ext: ['csv', 'tsv', 'txt', 'dat', 'tab'] },
  PRN: { name: 'import.kind.prn', ext: ['prn'] },
  JSON: { name: 'import.kind.json', ext: ['json', 'ndjson', 'jsonl', 'geojson'] },
  Parquet: { name: 'import.kind.parquet', ext: ['parquet', 'pq'] },
  'Arrow IPC': { name: 'import.kind.arrow', ext: ['arrow', 'feather', 'ipc', 'arrows'] },
  'zip (xlsx/xlsb/ods)': { name: 'import.kind.zip', ext: ['xlsx', 'xlsm', 'xlsb', 'ods', 'et'] },
  'OLE (xls/BIFF5–8)': { name: 'import.kind.ole', ext: ['xls', 'et', 'xlt'] },
  'BIFF2–4 (Excel 2–4)': { name: 'import.kind.biff', ext: ['xls', 'xlw'] },
  [LOTUS_KIND]: { name: 'import.kind.lotus', ext: ['wk1', 'wk2', 'wk3', 'wk4', 'wks', '123', 'wq1', 'wq2', 'wb1', 'wb2', 'wb3', 'qpw'] },
  'dBASE (.dbf)': { name: 'import.kind.dbf', ext: ['dbf'] },
  SYLK: { name: 'import.kind.sylk', ext: ['slk', 'sylk'] },
  DIF: { name: 'import.kind.dif', ext: ['dif'] },
  'SpreadsheetML 2003 (.xml)': { name: 'import.kind.spreadsheetml', ext: ['xml'] },
  'Flat ODS (.fods)': { name: 'import.kind.fods', ext: ['fods'] },
  HTML: { name: 'import.kind.html', ext: ['html', 'htm'] },
};

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
