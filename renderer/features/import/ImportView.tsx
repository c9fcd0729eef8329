import { useCallback, useEffect, useState } from 'react';
import { checkSize, detectFormat } from '../../../shared/import/pipeline';
import { describeImportError } from '../../../shared/import/messages';
import { previewTableSql } from '../../../shared/sql/browse-sql';
import { getDesktop } from '../../desktop';
import { useLang } from '../../i18n/LangContext';
import { useWorkbench } from '../../workbench-context';
import { onDroppedFiles } from './file-drop';
import { ImportClient } from './import-client';
import type { FileEntry } from './file-entry';
import { ImportFileCard } from './ImportFileCard';

/** Enough of a file's start to tell its format (shared/import/sniff.ts reads the first 8 KB). */
const HEAD_BYTES = 65_536;

const FILTERS = [{ name: '数据文件', extensions: ['csv', 'tsv', 'txt', 'xlsx', 'xls', 'xlsm', 'xlsb', 'xltx', 'xltm', 'xlam', 'ods', 'et', 'json', 'ndjson', 'jsonl', 'parquet', 'arrow', 'feather', 'arrows'] }];


/** The 导入数据 screen: pick or drop files, preview each with overrides, import as named tables. */
export function ImportView() {
  const { t } = useLang();
  const { db, openSql } = useWorkbench();
  const [files, setFiles] = useState<FileEntry[]>([]);
  const [error, setError] = useState<string>();
  const [client] = useState(() => new ImportClient());
  // Leaving the screen stops the worker; the client starts a new one (and reloads the files) when needed.
  useEffect(() => () => client.cancel(), [client]);

  const addFiles = useCallback(
    async (opened: { name: string; file: Blob }[]) => {
      setError(undefined);
      const entries: FileEntry[] = [];
      for (const f of opened) {
        try {
          // Refuse before reading further: the format from the file's head (the first 8 KB tell it), the size from the handle.
          const head = new Uint8Array(await f.file.slice(0, HEAD_BYTES).arrayBuffer());
          checkSize(f.file.size, detectFormat(head, f.name));
          entries.push({ key: `${f.name}#${Math.random().toString(36).slice(2)}`, name: f.name, file: f.file });
        } catch (e) {
          setError(`${f.name}：${describeImportError(e, t)}`);
        }
      }
      for (const e of entries) client.load(e.key, e.file);
      setFiles((prev) => [...prev, ...entries]);
    },
    [client, t],
  );

  const addDropped = useCallback((dropped: File[]) => addFiles(dropped.map((f) => ({ name: f.name, file: f }))), [addFiles]);
  useEffect(() => onDroppedFiles((f) => void addDropped(f)), [addDropped]);

  const choose = async () => {
    setError(undefined);
    try {
      const opened = await getDesktop().openFiles({ title: t('import.choose'), multiple: true, filters: FILTERS });
      // The desktop dialog's bytes become a Blob (the browser holds it; this copy is dropped), so every file
      // reaches the worker the same way and a restarted worker can be given it again.
      await addFiles(opened.map((f) => ({ name: f.name, file: 'blob' in f ? (f.blob as Blob) : new Blob([f.bytes as Uint8Array<ArrayBuffer>]) })));
    } catch (e) {
      setError(describeImportError(e, t));
    }
  };

  const remove = (key: string) => {
    client.forget(key);
    setFiles((prev) => prev.filter((f) => f.key !== key));
  };

  return (
    <div className="import-view">
      <section
        className="import-drop"
        aria-label={t('import.dropZone')}
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e) => {
          e.preventDefault();
          e.stopPropagation();
          void addDropped(Array.from(e.dataTransfer.files));
        }}
      >
        <h2>{t('import.title')}</h2>
        <p className="muted">{t('import.dropHint')}</p>
        <button type="button" className="primary" onClick={() => void choose()}>
          {t('import.choose')}
        </button>
        {error && (
          <p role="alert" className="import-error">
            {error}
          </p>
        )}
      </section>
      {files.length > 0 && (
        <ul className="import-files" aria-label={t('import.files')}>
          {files.map((f) => (
            <li key={f.key}>
              <ImportFileCard
                file={f}
                client={client}
                db={db}
                onOpenSql={(table) => openSql(previewTableSql(table))}
                onRemove={() => remove(f.key)}
              />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
