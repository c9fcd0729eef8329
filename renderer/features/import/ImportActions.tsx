import { describeImportError } from '../../../shared/import/messages';
import { formatNumber } from '../../../shared/format/number';
import { useLang } from '../../i18n/LangContext';
import { ReplaceDependents } from '../catalog';
import { CancelledError } from './import-client';
import type { Outcome } from './use-import-commit';

interface Props {
  replace: boolean;
  /** The tables the import writes (the ones 覆盖同名表 would replace). */
  tables: string[];
  ready: boolean;
  outcome: Outcome | undefined;
  onReplace(on: boolean): void;
  onImport(): void;
  onOpenSql(table: string): void;
}

/** 覆盖同名表, 导入, and what the import did. */
export function ImportActions({ replace, tables, ready, outcome, onReplace, onImport, onOpenSql }: Props) {
  const { t, lang } = useLang();
  return (
    <footer className="import-actions">
      <label className="check">
        <input type="checkbox" checked={replace} onChange={(e) => onReplace(e.target.checked)} />
        {t('import.replace')}
      </label>
      {replace && <ReplaceDependents tables={tables} />}
      <button type="button" className="primary" disabled={!ready} onClick={onImport}>
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
  );
}
