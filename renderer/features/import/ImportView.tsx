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
    (opened: { name: string; bytes: Uint8Array }[]) => {
      const fits = opened.filter((f) => {
        try {
          checkSize(f.bytes.byteLength, detectFormat(f.bytes, f.name));
          return true;
        } catch (e) {
          setError(`${f.name}：${describeImportError(e, t)}`);
          return false;
        }
      });
      const entries = fits.map((f) => ({ key: `${f.name}#${Math.random().toString(36).slice(2)}`, name: f.name, bytes: f.bytes }));
      for (const e of entries) client.load(e.key, e.bytes);
      setFiles((prev) => [...prev, ...entries]);
    },
    [client, t],
  );

  const addDropped = useCallback(
    async (dropped: File[]) => {
      setError(undefined);
      const ok: { name: string; bytes: Uint8Array }[] = [];
      for (const f of dropped) {
        try {
          // Refuse before reading: a file too large for memory must not be loaded at all.
          checkSize(f.size, detectFormat(new Uint8Array(), f.name));
          ok.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
        } catch (e) {
          setError(`${f.name}：${describeImportError(e, t)}`);
        }
      }
      addFiles(ok);
    },
    [addFiles, t],
  );
  useEffect(() => onDroppedFiles((f) => void addDropped(f)), [addDropped]);

  const choose = async () => {
    setError(undefined);
    try {
      addFiles(await getDesktop().openFiles({ title: t('import.choose'), multiple: true, filters: FILTERS }));
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
