/**
 * Analyses a file card's tables in the worker whenever its settings change (debounced): one request per
 * table, each with only its own sheet's settings. The first analysis of a workbook picks its first sheet
 * with data and reports it, so the sheet list shows that choice.
 */
import { useEffect, useMemo, useState } from 'react';
import { describeImportError } from '../../../shared/import/messages';
import type { TablePreview } from '../../../shared/import/pipeline';
import type { ImportOptions, SourceInfo } from '../../../shared/import/types';
import { useLang } from '../../i18n/LangContext';
import { CancelledError, type ImportClient } from './import-client';
import type { FileEntry } from './file-entry';
import { requestFor, type FileSettings } from './import-settings';

/** One table to create: the whole file, or one sheet of a workbook. */
export interface Target {
  sheet?: string;
  preview?: TablePreview;
  error?: string;
}

export interface TableRequest {
  sheet?: string;
  options: ImportOptions;
}

export function useFileAnalysis(file: FileEntry, client: ImportClient, settings: FileSettings, onFirstSheet: (sheet: string) => void) {
  const { t } = useLang();
  const [source, setSource] = useState<SourceInfo>();
  const [targets, setTargets] = useState<Target[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const requests: TableRequest[] = useMemo(
    () => (settings.sheets ?? [undefined]).map((sheet) => ({ sheet, options: requestFor(settings, sheet) })),
    // Names and the replace switch do not change what is analysed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [settings.sheets, settings.encoding, settings.delimiter, settings.tables],
  );
  const firstSheetUnknown = settings.sheets === undefined;

  useEffect(() => {
    let stale = false;
    const timer = setTimeout(async () => {
      setProgress(0);
      const next: Target[] = [];
      for (const r of requests) {
        try {
          const res = await client.analyze(file.key, file.name, r.options, (f) => !stale && setProgress(f));
          if (stale) return;
          setSource(res.source);
          next.push({ sheet: res.tables[0]?.sheet, preview: res.tables[0] });
          if (firstSheetUnknown && res.source.format === 'xlsx' && res.tables[0]?.sheet) onFirstSheet(res.tables[0].sheet);
        } catch (e) {
          if (stale) return;
          next.push({ sheet: r.sheet, error: e instanceof CancelledError ? t('import.cancelled') : describeImportError(e, t) });
        }
      }
      if (!stale) {
        setTargets(next);
        setProgress(null);
      }
    }, 200);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [client, file, requests, firstSheetUnknown, onFirstSheet, t]);

  return { source, targets, requests, progress, setProgress };
}
