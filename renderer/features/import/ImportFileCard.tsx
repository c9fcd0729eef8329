import { useEffect, useMemo, useState } from 'react';
import type { Db } from '../../../shared/db';
import { commitTable } from '../../../shared/import/commit';
import { delimiterName, DELIMITERS } from '../../../shared/import/csv-source';
import { encodingName } from '../../../shared/import/encoding';
import { describeImportError } from '../../../shared/import/messages';
import { suggestTableName, type TablePreview } from '../../../shared/import/pipeline';
import { ENCODINGS, type ColumnOverride, type EncodingLabel, type ImportOptions, type SourceInfo } from '../../../shared/import/types';
import { formatNumber } from '../../../shared/format/number';
import { useLang } from '../../i18n/LangContext';
import { CancelledError, type ImportClient } from './import-client';
import type { FileEntry } from './ImportView';
import { PreviewTable } from './PreviewTable';

interface Props {
  file: FileEntry;
  client: ImportClient;
  /** The app's Db: a commit through it refreshes the table list, caches and rollups (renderer/db). */
  db: Db | null;
  onOpenSql(table: string): void;
  onRemove(): void;
}

type FileOptions = Pick<ImportOptions, 'encoding' | 'delimiter' | 'headerRow' | 'headerRows' | 'unpivot'>;
/** One table to create: the whole file, or one sheet of a workbook. */
interface Target {
  sheet?: string;
  preview?: TablePreview;
  error?: string;
}

const sheetKey = (sheet?: string) => sheet ?? '';

export function ImportFileCard({ file, client, db, onOpenSql, onRemove }: Props) {
  const { t, lang } = useLang();
  const [fileOpts, setFileOpts] = useState<FileOptions>({});
  const [source, setSource] = useState<SourceInfo>();
  const [sheets, setSheets] = useState<string[] | undefined>();
  const [overrides, setOverrides] = useState<Record<string, (ColumnOverride | undefined)[]>>({});
  const [names, setNames] = useState<Record<string, string>>({});
  const [replace, setReplace] = useState(false);
  const [targets, setTargets] = useState<Target[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<{ done: { table: string; rows: number }[]; error?: unknown }>();

  const requests = useMemo(
    () => (sheets ?? [undefined]).map((sheet) => ({ sheet, options: { ...fileOpts, ...(sheet ? { sheets: [sheet] } : {}), columns: overrides[sheetKey(sheet)] } as ImportOptions })),
    [sheets, fileOpts, overrides],
  );

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
          // A workbook's first analysis picks the first sheet with data: make that choice visible.
          if (!sheets && res.source.format === 'xlsx' && res.tables[0]?.sheet) setSheets([res.tables[0].sheet]);
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
  }, [client, file, requests, sheets, t]);

  const tableName = (tg: Target) => names[sheetKey(tg.sheet)] ?? suggestTableName(file.name, tg.sheet);
  const ready = targets.length > 0 && targets.every((tg) => tg.preview) && progress === null && db !== null;

  const runImport = async () => {
    if (!db) return;
    setOutcome(undefined);
    setProgress(0);
    const done: { table: string; rows: number }[] = [];
    try {
      for (const [i, tg] of targets.entries()) {
        const built = await client.build(file.key, file.name, requests[i].options, (f) => setProgress(f));
        const name = tableName(tg);
        // Inserted under a temporary name and renamed in one transaction: a failure leaves no trace.
        await commitTable(db, { tableName: name, ipc: built.tables[0].ipc, parsed: { ...built.tables[0].preview, data: [] }, source: built.source, replace });
        done.push({ table: name, rows: built.tables[0].preview.rowCount });
      }
      setOutcome({ done });
    } catch (e) {
      setOutcome({ done, error: e });
    } finally {
      setProgress(null);
    }
  };

  const setOverride = (sheet: string | undefined, index: number, patch: ColumnOverride) =>
    setOverrides((prev) => {
      const list = [...(prev[sheetKey(sheet)] ?? [])];
      list[index] = { ...list[index], ...patch };
      return { ...prev, [sheetKey(sheet)]: list };
    });

  const first = targets[0]?.preview;
  const intOrUndefined = (v: string) => (v.trim() === '' || !Number.isFinite(Number(v)) ? undefined : Math.max(0, Math.floor(Number(v))));

  return (
    <article className="import-card panel" aria-label={file.name}>
      <header className="panel-header">
        <h3>{file.name}</h3>
        <span className="muted small">{source ? t('import.format', { format: source.format.toUpperCase() }) : ''}</span>
        <div className="spacer" />
        <button type="button" onClick={onRemove}>
          {t('import.remove')}
        </button>
      </header>
      <div className="import-settings">
        {source?.format === 'csv' && (
          <>
            <label>
              {t('import.encoding')}
              <select value={fileOpts.encoding ?? ''} onChange={(e) => setFileOpts({ ...fileOpts, encoding: (e.target.value || undefined) as EncodingLabel | undefined })}>
                <option value="">
                  {!fileOpts.encoding && source.encoding ? t('import.autoIs', { value: encodingName(source.encoding) }) : t('import.encodingAuto')}
                </option>
                {ENCODINGS.map((e) => (
                  <option key={e} value={e}>
                    {encodingName(e)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('import.delimiter')}
              <select value={fileOpts.delimiter ?? ''} onChange={(e) => setFileOpts({ ...fileOpts, delimiter: e.target.value || undefined })}>
                <option value="">
                  {!fileOpts.delimiter && source.delimiter ? t('import.autoIs', { value: delimiterName(source.delimiter) }) : t('import.encodingAuto')}
                </option>
                {DELIMITERS.map((d) => (
                  <option key={d} value={d}>
                    {delimiterName(d)}
                  </option>
                ))}
              </select>
            </label>
          </>
        )}
        {!source || (source.format !== 'csv' && source.format !== 'xlsx') ? null : (
          <>
            <label>
              {t('import.headerRow')}
              <input type="number" min={1} value={fileOpts.headerRow ?? first?.headerRow ?? ''} onChange={(e) => setFileOpts({ ...fileOpts, headerRow: intOrUndefined(e.target.value) })} />
            </label>
            <label>
              {t('import.headerRows')}
              <input type="number" min={0} max={3} value={fileOpts.headerRows ?? first?.headerRows ?? ''} onChange={(e) => setFileOpts({ ...fileOpts, headerRows: intOrUndefined(e.target.value) })} />
            </label>
          </>
        )}
        {(fileOpts.unpivot || targets.some((tg) => (tg.preview?.yearColumns ?? 0) > 0)) && (
          <label className="check">
            <input type="checkbox" checked={fileOpts.unpivot ?? false} onChange={(e) => setFileOpts({ ...fileOpts, unpivot: e.target.checked })} />
            {t('import.unpivot')}
          </label>
        )}
        {source?.encoding && (
          <p className="muted small" data-testid="import-detected">
            {t('import.detected', { encoding: encodingName(source.encoding) })}
            {source.delimiter ? ` · ${t('import.delimiterIs', { delimiter: delimiterName(source.delimiter) })}` : ''}
          </p>
        )}
      </div>
      {source?.sheets && (
        <fieldset className="import-sheets">
          <legend>{t('import.sheets')}</legend>
          {source.sheets.map((s) => (
            <label key={s.name} className="check">
              <input
                type="checkbox"
                disabled={s.empty}
                checked={sheets?.includes(s.name) ?? false}
                onChange={(e) => {
                  const next = e.target.checked ? [...(sheets ?? []), s.name] : (sheets ?? []).filter((x) => x !== s.name);
                  if (next.length) setSheets(source.sheets!.map((x) => x.name).filter((n) => next.includes(n)));
                }}
              />
              {s.name}
              {s.empty ? t('import.sheetEmpty') : ''}
            </label>
          ))}
        </fieldset>
      )}
      {progress !== null && (
        <div className="import-progress">
          <progress aria-label={t('import.progress')} value={progress} max={1} />
          <button type="button" onClick={() => client.cancel()}>
            {t('import.cancel')}
          </button>
        </div>
      )}
      {targets.map((tg) => (
        <section key={sheetKey(tg.sheet)} className="import-target" aria-label={tg.sheet ?? file.name}>
          {tg.sheet && <h4>{tg.sheet}</h4>}
          {tg.error && (
            <p role="alert" className="import-error">
              {tg.error}
            </p>
          )}
          {tg.preview && <PreviewTable preview={tg.preview} onOverride={(i, patch) => setOverride(tg.sheet, i, patch)} />}
          {tg.preview && (
            <label className="table-name-input">
              {t('import.tableName')}
              <input value={tableName(tg)} onChange={(e) => setNames({ ...names, [sheetKey(tg.sheet)]: e.target.value })} />
            </label>
          )}
        </section>
      ))}
      <footer className="import-actions">
        <label className="check">
          <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} />
          {t('import.replace')}
        </label>
        <button type="button" className="primary" disabled={!ready} onClick={() => void runImport()}>
          {t('import.submit')}
        </button>
        {outcome && outcome.done.length > 0 && (
          <p role="status" className="import-done">
            {outcome.done.map((d) => (
              <span key={d.table}>
                {t('import.done', { table: d.table, rows: formatNumber(d.rows, lang) })}
                <button type="button" className="link" onClick={() => onOpenSql(d.table)}>
                  {t('import.openInSql')}
                </button>
              </span>
            ))}
          </p>
        )}
        {outcome?.error !== undefined && (
          <p role="alert" className="import-error">
            {outcome.error instanceof CancelledError ? t('import.cancelled') : describeImportError(outcome.error, t)}
          </p>
        )}
      </footer>
    </article>
  );
}
