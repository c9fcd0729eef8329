import { useCallback, useMemo } from 'react';
import type { Db } from '../../../shared/db';
import type { TableInfo } from '../../../shared/db-catalog';
import { formatNumber } from '../../../shared/format/number';
import { useLang } from '../../i18n/LangContext';
import { useDocument } from '../../workspace';
import { ResultExport } from '../export';
import { ResultGrid } from './ResultGrid';
import { SqlEditor } from './SqlEditor';
import { useHistory } from './useHistory';
import { useQueryRunner, type RunState } from './useQueryRunner';
import type { Translate } from '../../../shared/i18n';
import type { Lang } from '../../../shared/model/catalog';
import { CodeBlock } from '../../CodeBlock';
import { isStarterSql, starterSql } from '../../../shared/sql/browse-sql';

interface SqlConsoleProps {
  db: Db | null;
  tables: TableInfo[];
}

export function SqlConsole({ db, tables }: SqlConsoleProps) {
  const { t, lang } = useLang();
  // The draft is a workspace document: other screens put SQL here (openSql), a project brings its own.
  const [draft, setSql] = useDocument('sqlDraft');
  // The untouched starter follows the page language; anything the user typed is kept as typed.
  const sql = isStarterSql(draft) ? starterSql(lang) : draft;
  const { history, add, clear } = useHistory();
  const onFinished = useCallback(
    (s: RunState) => {
      if (s.status === 'done') add({ sql: s.sql, at: Date.now(), ok: true, rows: s.table.numRows, ms: s.ms });
      if (s.status === 'failed' && s.error.kind !== 'cancelled') add({ sql: s.sql, at: Date.now(), ok: false, ms: s.ms });
    },
    [add],
  );
  const { state, run, cancel } = useQueryRunner(db, t, onFinished);
  const schema = useMemo(() => Object.fromEntries(tables.map((tb) => [tb.name, tb.columns.map((c) => c.name)])), [tables]);

  const runNow = () => void run(sql);

  return (
    <section className="panel sql-console" aria-labelledby="sql-title">
      <header className="panel-header">
        <h2 id="sql-title">{t('sql.title')}</h2>
        <span className="hint">{t('sql.runHint')}</span>
        <div className="spacer" />
        {state.status === 'running' ? (
          <button type="button" className="danger" onClick={cancel}>
            {t('sql.cancel')}
          </button>
        ) : (
          <button type="button" className="primary" onClick={runNow} disabled={!db || !sql.trim()}>
            {t('sql.run')}
          </button>
        )}
      </header>
      <div className="sql-body">
        <SqlEditor value={sql} onChange={setSql} onRun={runNow} schema={schema} label={t('sql.editor')} />
        <details className="history">
          <summary>{t('sql.history')}</summary>
          {history.length === 0 ? (
            <p className="muted">{t('sql.historyEmpty')}</p>
          ) : (
            <>
              <ul aria-label={t('sql.history')}>
                {history.map((h) => (
                  <li key={h.sql}>
                    <button type="button" className={h.ok ? 'link' : 'link failed'} onClick={() => setSql(h.sql)} title={h.sql}>
                      {h.sql.replace(/\s+/g, ' ').slice(0, 120)}
                    </button>
                  </li>
                ))}
              </ul>
              <button type="button" onClick={clear}>
                {t('sql.historyClear')}
              </button>
            </>
          )}
        </details>
      </div>
      <div className="status-line" role="status" aria-live="polite" data-testid="query-status">
        {statusText(state, t, lang)}
      </div>
      {state.status === 'done' && state.table.numCols > 0 && <ResultExport table={state.table} name={t('sql.results')} />}
      {state.status === 'failed' && state.error.kind !== 'cancelled' && (
        <div role="alert" className="sql-error">
          <strong>{state.error.title}</strong>
          <CodeBlock label={state.error.title}>{state.error.detail}</CodeBlock>
          <p className="muted">{t('sql.errorHint')}</p>
        </div>
      )}
      <div className="results">
        {state.status === 'done' ? (
          <ResultGrid table={state.table} label={t('sql.results')} />
        ) : (
          <p className="muted placeholder">{t('sql.noResults')}</p>
        )}
      </div>
    </section>
  );

}

function statusText(state: RunState, t: Translate, lang: Lang): string {
  switch (state.status) {
    case 'running':
      return t('sql.running');
    case 'done':
      return `${t('sql.rowCount', { rows: formatNumber(state.table.numRows, lang) })} · ${t('sql.elapsed', { ms: state.ms })}`;
    case 'failed':
      return state.error.kind === 'cancelled' ? t('sql.cancelled') : `${state.error.title} · ${t('sql.elapsed', { ms: state.ms })}`;
    default:
      return '';
  }
}
