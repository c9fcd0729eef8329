import { useCallback, useState } from 'react';
import type { Db } from '../../../shared/db';
import { detectedFormat, detectedMismatch, formatName } from '../../../shared/import/detected-format';
import { suggestTableName } from '../../../shared/import/pipeline';
import { useLang } from '../../i18n/LangContext';
import type { ImportClient } from './import-client';
import type { FileEntry } from './file-entry';
import { EMPTY_SETTINGS, own, targetKey, withColumn, withLayout, withName, withSheet, withSource, type FileSettings } from './import-settings';
import { ImportActions } from './ImportActions';
import { SheetPicker } from './SheetPicker';
import { SourceSettings } from './SourceSettings';
import { TargetSection } from './TargetSection';
import { useFileAnalysis } from './use-file-analysis';
import { useImportCommit } from './use-import-commit';
import { usePrestage } from './use-prestage';

interface Props {
  file: FileEntry;
  client: ImportClient;
  /** The app's Db: a commit through it refreshes the table list, caches and rollups (renderer/db). */
  db: Db | null;
  onOpenSql(table: string): void;
  onRemove(): void;
}

/** One file on the import screen: its source settings, sheets, one section per table, and the import. */
export function ImportFileCard({ file, client, db, onOpenSql, onRemove }: Props) {
  const { t } = useLang();
  const [settings, setSettings] = useState<FileSettings>(EMPTY_SETTINGS);
  const onFirstSheet = useCallback((sheet: string) => setSettings((s) => (s.sheets ? s : { ...s, sheets: [sheet] })), []);
  const { source, targets, requests, progress, setProgress } = useFileAnalysis(file, client, settings, onFirstSheet);
  const prestage = usePrestage(db, client, file, requests, targets);
  const { outcome, run } = useImportCommit(db, client, file, setProgress, prestage);

  const tableName = (sheet?: string) => own(settings.names, targetKey(sheet)) ?? suggestTableName(file.name, sheet);
  const ready = targets.length > 0 && targets.every((tg) => tg.preview) && progress === null && db !== null;
  const grid = source?.format === 'csv' || source?.format === 'xlsx';
  const mismatch = source ? detectedMismatch(source, t) : null;
  const detected = source ? detectedFormat(source, t)?.name : undefined;

  return (
    <article className="import-card panel" aria-label={file.name}>
      <header className="panel-header">
        <h3>{file.name}</h3>
        <span className="muted small">{source ? t('import.format', { format: formatName(source, t) }) : ''}</span>
        {mismatch && (
          <span className="import-mismatch small" data-testid="import-detected-format">
            {mismatch}
          </span>
        )}
        <div className="spacer" />
        <button type="button" onClick={onRemove}>
          {t('import.remove')}
        </button>
      </header>
      {source?.format === 'csv' && (
        <div className="import-settings">
          <SourceSettings source={source} settings={settings} onChange={(patch) => setSettings((s) => withSource(s, patch))} />
        </div>
      )}
      {source?.sheets && <SheetPicker sheets={source.sheets} chosen={settings.sheets} onToggle={(sheet, on) => setSettings((s) => withSheet(s, source.sheets!.map((x) => x.name), sheet, on))} />}
      {progress !== null && (
        <div className="import-progress">
          <progress aria-label={t('import.progress')} value={progress} max={1} />
          <button type="button" onClick={() => client.cancel()}>
            {t('import.cancel')}
          </button>
        </div>
      )}
      {targets.map((tg) => {
        const key = targetKey(tg.sheet);
        return (
          <TargetSection
            key={key}
            target={tg}
            label={tg.sheet ?? file.name}
            detected={detected}
            grid={grid}
            settings={own(settings.tables, key) ?? {}}
            tableName={tableName(tg.sheet)}
            onLayout={(patch) => setSettings((s) => withLayout(s, key, patch))}
            onColumn={(i, patch) => setSettings((s) => withColumn(s, key, i, patch))}
            onName={(name) => setSettings((s) => withName(s, key, name))}
          />
        );
      })}
      <ImportActions
        replace={settings.replace}
        tables={targets.map((tg) => tableName(tg.sheet))}
        ready={ready}
        outcome={outcome}
        onReplace={(replace) => setSettings((s) => ({ ...s, replace }))}
        onImport={() => void run(requests, tableName, settings.replace)}
        onOpenSql={onOpenSql}
      />
    </article>
  );
}
