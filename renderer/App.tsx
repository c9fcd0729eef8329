import { useCallback, useEffect, useState } from 'react';
import { listTables, type TableInfo } from '../shared/db-catalog';
import { STARTER_CHART } from '../shared/charts/starter-chart';
import { startEngine, type Engine } from './db/engine';
import { useLang } from './i18n/LangContext';
import { CatalogPanel } from './features/catalog/CatalogPanel';
import { SqlConsole } from './features/sql-console/SqlConsole';
import { StarterChart } from './features/overview/StarterChart';
import { LanguageSwitch } from './LanguageSwitch';
import { getDesktop } from './desktop';
import type { AppInfo } from '../shared/desktop-api';

type EngineState = { status: 'loading' } | { status: 'ready'; engine: Engine } | { status: 'failed'; detail: string };

export function App() {
  const { t } = useLang();
  const [engine, setEngine] = useState<EngineState>({ status: 'loading' });
  const [tables, setTables] = useState<TableInfo[]>([]);
  const [incoming, setIncoming] = useState<{ sql: string; nonce: number }>();
  const [appInfo, setAppInfo] = useState<AppInfo>();
  const db = engine.status === 'ready' ? engine.engine.db : null;
  const catalog = engine.status === 'ready' ? engine.engine.datasets.catalog : null;

  useEffect(() => {
    getDesktop().getAppInfo().then(setAppInfo, () => undefined);
  }, []);

  useEffect(() => {
    startEngine().then(
      (e) => setEngine({ status: 'ready', engine: e }),
      (e: unknown) => setEngine({ status: 'failed', detail: e instanceof Error ? e.message : String(e) }),
    );
  }, []);

  const refreshTables = useCallback(() => {
    if (db) listTables(db).then(setTables, () => undefined);
  }, [db]);
  useEffect(refreshTables, [refreshTables]);

  const openSql = useCallback((sql: string) => setIncoming({ sql, nonce: Date.now() }), []);

  return (
    <div className="app">
      <header className="app-header">
        <h1>{t('app.title')}</h1>
        <div className="spacer" />
        <span className={`engine-status ${engine.status}`} role="status" data-testid="engine-status">
          {engine.status === 'loading' && t('app.loadingEngine')}
          {engine.status === 'ready' && t('app.engineReady')}
          {engine.status === 'failed' && t('app.engineFailed', { detail: engine.detail })}
        </span>
        {appInfo && (
          <span className="muted small" data-testid="app-info">
            {t(appInfo.shell === 'electron' ? 'app.shell.electron' : 'app.shell.web')} v{appInfo.version}
          </span>
        )}
        <LanguageSwitch />
      </header>
      <main className="workbench">
        <CatalogPanel tables={tables} catalog={catalog} onPick={openSql} />
        <SqlConsole db={db} tables={tables} incoming={incoming} onSchemaChange={refreshTables} />
        <StarterChart db={db} chart={STARTER_CHART} catalog={catalog} onOpenSql={openSql} />
      </main>
    </div>
  );
}
