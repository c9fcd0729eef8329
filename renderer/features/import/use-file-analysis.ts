/**
 * Analyses a file card's tables in the worker whenever its settings change (debounced): one request per
 * table, each with only its own sheet's settings. The first analysis of a workbook picks its first sheet
 * with data and reports it, so the sheet list shows that choice.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { describeImportError } from '../../../shared/import/messages';
import type { TablePreview } from '../../../shared/import/pipeline';
import type { SourceInfo } from '../../../shared/import/types';
import { useLang } from '../../i18n/LangContext';
import type { TableRequest } from './commit-import';
import { CancelledError, type ImportClient } from './import-client';
import type { FileEntry } from './file-entry';
import { requestFor, type FileSettings } from './import-settings';

/** How long a change of settings (typing a header row, say) must rest before the file is analysed again. */
const SETTLE_MS = 200;

/** One table to create: the whole file, or one sheet of a workbook. */
export interface Target {
  sheet?: string;
  preview?: TablePreview;
  /** The preview is a big CSV's sample: the whole file is still being proven (导入 waits for it). */
  checking?: boolean;
  /** The whole file is proven as a big CSV the engine reads by its plan (./use-prestage reads it ahead of 导入). */
  planned?: boolean;
  error?: string;
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

  // The first analysis of a file starts at once; later ones wait for the settings to stop changing.
  const analysed = useRef<FileEntry | null>(null);
  useEffect(() => {
    let stale = false;
    const delay = analysed.current === file ? SETTLE_MS : 0;
    analysed.current = file;
    const timer = setTimeout(async () => {
      setProgress(0);
      const next: Target[] = [];
      for (const r of requests) {
        try {
          // A big CSV's sample is shown while the rest of the file is checked (one table: its only request).
          const sampled = requests.length === 1 ? ({ source, preview }: { source: SourceInfo; preview: TablePreview }) => !stale && (setSource(source), setTargets([{ sheet: r.sheet, preview, checking: true }])) : undefined;
          const res = await client.analyze(file.key, file.name, r.options, (f) => !stale && setProgress(f), sampled);
          if (stale) return;
          setSource(res.source);
          next.push({ sheet: res.tables[0]?.sheet, preview: res.tables[0], ...(res.planned ? { planned: true } : {}) });
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
    }, delay);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [client, file, requests, firstSheetUnknown, onFirstSheet, t]);

  return { source, targets, requests, progress, setProgress };
}
