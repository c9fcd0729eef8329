import { useState } from 'react';
import type { Table } from 'apache-arrow';
import { XLSX_MAX_ROWS } from '../../../shared/export/limits';
import { formatNumber } from '../../../shared/format/number';
import { getDesktop } from '../../desktop';
import { useLang } from '../../i18n/LangContext';
import { nextFrame, saveExport } from './save';

interface ResultExportProps {
  table: Table;
  /** Base of the suggested file name. */
  name: string;
}

/** CSV / Excel of a whole query result, with progress for large results. */
export function ResultExport({ table, name }: ResultExportProps) {
  const { t, lang } = useLang();
  const [busy, setBusy] = useState<number | null>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);

  const run = async (ext: 'csv' | 'xlsx') => {
    if (ext === 'xlsx' && table.numRows + 1 > XLSX_MAX_ROWS) {
      const params = { rows: formatNumber(table.numRows, lang), max: formatNumber(XLSX_MAX_ROWS - 1, lang) };
      setMessage({ error: true, text: t('export.tooManyRows', params) });
      return;
    }
    setBusy(0);
    setMessage(null);
    const opts = { onProgress: (p: number) => setBusy(Math.round(p * 100)), pause: nextFrame };
    try {
      // SheetJS is loaded on first export, not at start-up.
      const { tableToCsv, tableToXlsx } = await import('../../../shared/export/table-export');
      const bytes = ext === 'csv' ? await tableToCsv(table, 'utf-8', opts) : await tableToXlsx(table, name, opts);
      setMessage({ error: false, text: await saveExport(getDesktop(), name, ext, bytes, t) });
    } catch (e) {
      setMessage({ error: true, text: t('export.failed', { detail: e instanceof Error ? e.message : String(e) }) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="result-export" role="group" aria-label={t('export.resultGroup')}>
      <button type="button" disabled={busy !== null} onClick={() => void run('csv')}>
        {t('export.resultCsv')}
      </button>
      <button type="button" disabled={busy !== null} onClick={() => void run('xlsx')}>
        {t('export.resultXlsx')}
      </button>
      {busy !== null && (
        <span className="muted small" role="status">
          <progress max={100} value={busy} aria-label={t('export.progress', { percent: busy })} /> {t('export.progress', { percent: busy })}
        </span>
      )}
      {message && (
        <span role={message.error ? 'alert' : 'status'} className={`export-status ${message.error ? 'error' : 'ok'}`}>
          {message.text}
        </span>
      )}
    </div>
  );
}
