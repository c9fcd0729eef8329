import { Suspense, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { TableInfo } from '../shared/db-catalog';
import type { AppInfo } from '../shared/desktop-api';
import { dataChanges, listTablesLive } from './db/data-changes';
import { startEngineOnce, type Engine } from './db/engine';
import { prepareRollups } from './db/rollups';
import { getDesktop } from './desktop';
import { useLang } from './i18n/LangContext';
import { LanguageSwitch } from './LanguageSwitch';
import { VIEWS } from './views';
import { WorkbenchContext, type Workbench } from './workbench-context';
import { builtInNames, ProjectMenu, RestorePrompt, useProject } from './features/project';
import { useCalcTables } from './features/calc';
import { listAfterRepair } from './features/join';
import { useDocument, workspace } from './workspace';
import { DamagedNotices } from './workspace/DamagedNotices';

type EngineState = { status: 'loading' } | { status: 'ready'; engine: Engine } | { status: 'failed'; detail: string };

export function App() {
  const { t } = useLang();
  const [engine, setEngine] = useState<EngineState>({ status: 'loading' });
  const [listedTables, setTables] = useState<TableInfo[]>([]);
  const tables = useCalcTables(engine.status === 'ready' ? engine.engine.db : null, listedTables);
  const [appInfo, setAppInfo] = useState<AppInfo>();
  const [savedView, setSavedView] = useDocument('view');
  const view = VIEWS.some((v) => v.id === savedView) ? savedView! : VIEWS[0].id;
  const db = engine.status === 'ready' ? engine.engine.db : null;
  const catalog = engine.status === 'ready' ? engine.engine.datasets.catalog : null;
  const bundledTables = engine.status === 'ready' ? engine.engine.datasets.tables : undefined;

  useEffect(() => {
    const fail = (e: unknown) => setEngine({ status: 'failed', detail: e instanceof Error ? e.message : String(e) });
    startEngineOnce().then((e) => {
      setEngine({ status: 'ready', engine: e });
      // Ready once the first chart's tables are in; the other bundled tables may still fail to load.
      e.loaded.catch(fail);
    }, fail);
    getDesktop().getAppInfo().then(setAppInfo, () => undefined);
  }, []);

  // The table list follows the data: renderer/db tells after every run of writes (import, console, project).
  const listed = useRef(0);
  useEffect(() => {
    if (!db) return;
    const refresh = (known?: TableInfo[]) => {
      const n = ++listed.current;
      listTablesLive(db, known)
        .catch((e: unknown) => listAfterRepair(db, listTablesLive, e))
        .then((list) => n === listed.current && setTables(list), () => undefined);
    };
    // The first list is the bundled one, known without asking the engine (shared/datasets/fast-form.ts).
    refresh(bundledTables);
    return dataChanges(db).subscribe(() => refresh());
  }, [db, bundledTables]);
  useEffect(() => {
    if (db) prepareRollups(db, listedTables);
  }, [db, listedTables]);

  const showView = useCallback((id: string) => void setSavedView(id), [setSavedView]);
  const openSql = useCallback(
    (sql: string) => {
      workspace.set('sqlDraft', sql);
      showView('workbench');
    },
    [showView],
  );
  const builtIn = useMemo(() => (engine.status === 'ready' ? builtInNames(engine.engine.datasets.catalog, engine.engine.datasets.views) : []), [engine]);
  const project = useProject({ db, builtIn, t, appVersion: appInfo?.version ?? '0.0.0' });
  const { save: saveProject, saveAs: saveProjectAs, open: openProject } = project;
  // In Electron the native menu's accelerators own these shortcuts (handling them here too would run them twice).
  const nativeMenu = appInfo?.shell === 'electron';
  useEffect(() => {
    if (nativeMenu) return;
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      if (key === 's') void (e.shiftKey ? saveProjectAs() : saveProject());
      else if (key === 'o' && !e.shiftKey) void openProject();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [nativeMenu, saveProject, saveProjectAs, openProject]);

  const workbench = useMemo<Workbench>(() => ({ db, catalog, tables, openSql, showView }), [db, catalog, tables, openSql, showView]);

  const onTabKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = VIEWS.findIndex((v) => v.id === view);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const next = VIEWS[(i + step + VIEWS.length) % VIEWS.length];
    showView(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };

  return (
    <WorkbenchContext.Provider value={workbench}>
      <div className="app">
        <header className="app-header">
          <h1 title={t('app.title')}>{t('app.title')}</h1>
          <div role="tablist" aria-label={t('nav.views')} className="tabs" onKeyDown={onTabKey}>
            {VIEWS.map((v) => (
              <button
                key={v.id}
                id={`tab-${v.id}`}
                type="button"
                role="tab"
                aria-selected={v.id === view}
                aria-controls={`panel-${v.id}`}
                tabIndex={v.id === view ? 0 : -1}
                onClick={() => showView(v.id)}
              >
                {t(v.label)}
              </button>
            ))}
          </div>
          <div className="spacer" />
          <ProjectMenu
            status={project.status}
            recent={project.recent}
            onNew={() => void project.newProject()}
            onOpen={() => void project.open()}
            onSave={() => void project.save()}
            onSaveAs={() => void project.saveAs()}
            onOpenRecent={(id) => void project.openRecent(id)}
            onShow={project.refreshRecent}
          />
          <span className={`engine-status ${engine.status}`} role="status" data-testid="engine-status">
            {engine.status === 'loading' && t('app.loadingEngine')}
            {engine.status === 'ready' && (
              <span title={t('app.engineTiming', { start: engine.engine.startMs, load: engine.engine.loadMs })}>
                <span className="engine-dot" aria-hidden="true">
                  ●
                </span>
                <span className="engine-words">{t('app.engineReady')}</span>
              </span>
            )}
            {engine.status === 'failed' && t('app.engineFailed', { detail: engine.detail })}
          </span>
          {appInfo && (
            <span className="muted small" data-testid="app-info">
              {t(appInfo.shell === 'electron' ? 'app.shell.electron' : 'app.shell.web')} v{appInfo.version}
            </span>
          )}
          <LanguageSwitch />
        </header>
        {/* One main landmark holding the tab panel (a <main role=tabpanel> would be no main landmark at all).
            Opening a project updates the screens in place (the workspace store and the data epoch): no remount. */}
        <main className="app-main">
          <DamagedNotices />
          {VIEWS.filter((v) => v.id === view).map((v) => (
            <div key={v.id} id={`panel-${v.id}`} role="tabpanel" aria-labelledby={`tab-${v.id}`} className="view">
              <Suspense fallback={<p className="muted">{t('app.loadingView')}</p>}>{v.render()}</Suspense>
            </div>
          ))}
        </main>
        {project.status.pendingRestore && <RestorePrompt record={project.status.pendingRestore} onDecide={(ok) => void project.decideRestore(ok)} />}
      </div>
    </WorkbenchContext.Provider>
  );
}
