import { useCallback, useEffect, useMemo, useState } from 'react';
import { mayChangeData } from '../../../shared/sql/mutation';
import type { Db } from '../../../shared/db';
import type { TableInfo } from '../../../shared/db-catalog';
import { formatNumber } from '../../../shared/format/number';
import { useLang } from '../../i18n/LangContext';
import { ResultExport } from '../export/ResultExport';
import { ResultGrid } from './ResultGrid';
import { SqlEditor } from './SqlEditor';
import { useHistory } from './useHistory';
import { useQueryRunner, type RunState } from './useQueryRunner';
import type { Translate } from '../../../shared/i18n';
import type { Lang } from '../../../shared/model/catalog';

interface SqlConsoleProps {
  db: Db | null;
  tables: TableInfo[];
  /** Text pushed in from elsewhere (catalog, chart); `nonce` makes the same text re-apply. */
  incoming?: { sql: string; nonce: number };
  onSchemaChange(): void;
}

const DRAFT_KEY = 'sgw.sqlDraft';
const STARTER_SQL = `-- 示例：上海社会组织各年份指标
SELECT year, indicator, category, value, unit
FROM sh_social_org
ORDER BY year, indicator
LIMIT 100;`;
export function SqlConsole({ db, tables, incoming, onSchemaChange }: SqlConsoleProps) {
  const { t, lang } = useLang();
  // SQL sent from another screen wins over the saved draft, also when it arrives with the console's mount.
  const [sql, setSql] = useState(() => incoming?.sql ?? localStorage.getItem(DRAFT_KEY) ?? STARTER_SQL);
  const { history, add, clear } = useHistory();
  const onFinished = useCallback(
    (s: RunState) => {
      if (s.status === 'done') add({ sql: s.sql, at: Date.now(), ok: true, rows: s.table.numRows, ms: s.ms });
      if (s.status === 'failed' && s.error.kind !== 'cancelled') add({ sql: s.sql, at: Date.now(), ok: false, ms: s.ms });
      // A script that failed half-way may have run its first statements.
      if (s.status !== 'idle' && s.status !== 'running' && mayChangeData(s.sql)) onSchemaChange();
    },
    [add, onSchemaChange],
  );
  const { state, run, cancel } = useQueryRunner(db, t, onFinished);
  const schema = useMemo(() => Object.fromEntries(tables.map((tb) => [tb.name, tb.columns.map((c) => c.name)])), [tables]);

  useEffect(() => localStorage.setItem(DRAFT_KEY, sql), [sql]);
  const [seenNonce, setSeenNonce] = useState(incoming?.nonce);
  if (incoming && incoming.nonce !== seenNonce) {
    setSeenNonce(incoming.nonce);
    setSql(incoming.sql);
  }

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
          <pre>{state.error.detail}</pre>
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
