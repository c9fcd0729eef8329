import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import type { Db } from '../../../shared/db';
import { describeProjectError } from '../../../shared/project/errors';
import { oversizedSave } from '../../../shared/project/save-limit';
import { receiveProject, sendProject } from '../../../shared/project/transfer';
import type { MessageKey, Translate } from '../../../shared/i18n';
import { safeFileName } from '../../../shared/export/file-name';
import { PROJECT_EXTENSION, type MenuCommand, type ProjectHandle } from '../../../shared/desktop-api';
import { getDesktop } from '../../desktop';
import { dataChanges } from '../../db/data-changes';
import { useDataEpoch } from '../../db/use-data';
import { useWorkspaceVersion, workspace } from '../../workspace';
import { clearAutosave, lastSessionClosedCleanly, markSession, readAutosave, type AutosaveRecord } from './autosave-store';
import { SnapshotLock, useAutosave } from './useAutosave';
import { resetWorkspace, restore, snapshot } from './workspace-io';

/**
 * A message of the 项目 menu, kept as its catalog key so it follows a language switch; `at` (ms) becomes
 * its {time}, written in the UI language when shown.
 */
export interface ProjectMessage {
  kind: 'info' | 'error';
  key: MessageKey;
  params?: Record<string, string>;
  at?: number;
}

export interface ProjectStatus {
  /** null: the untitled project (shown as 未命名项目 / Untitled project in the UI language). */
  name: string | null;
  dirty: boolean;
  message?: ProjectMessage;
  /** An autosave with unsaved work, left by a session that did not close cleanly, awaiting the user. */
  pendingRestore?: AutosaveRecord;
}

interface Options {
  db: Db | null;
  builtIn: string[];
  t: Translate;
  appVersion: string;
}

/** What the workspace holds, as two counters: project documents changed, data changed (renderer/db). */
export type Print = string;
/** The saved print of work that no project file holds (restored unsaved work). */
const NEVER_SAVED: Print = 'never-saved';

const projectName = (fileName: string) => fileName.replace(/\.sgwp$/i, '');
const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));
const opened = (name: string): ProjectMessage => ({ kind: 'info', key: 'project.opened', params: { name } });
const openFailed = (e: unknown, t: Translate): ProjectMessage => ({ kind: 'error', key: 'project.openFailed', params: { reason: describeProjectError(e, t) } });

/**
 * Project lifecycle: new, open, save, save as, autosave to IndexedDB and crash recovery. "Unsaved" means
 * the user changed a project document or the data since the last save or open: no scraping, no remount.
 */
export function useProject({ db, builtIn, t, appVersion }: Options) {
  const [state, setState] = useState<Omit<ProjectStatus, 'dirty'>>({ name: null });
  const print: Print = `${useWorkspaceVersion()}:${useDataEpoch(db)}`;
  const printNow = useCallback((): Print => (db ? `${workspace.version}:${dataChanges(db).epoch}` : ''), [db]);
  /** The print at the last save / open / new; undefined until the start-up restore has run. */
  const [savedPrint, setSavedPrint] = useState<Print>();
  const dirty = savedPrint !== undefined && print !== savedPrint;
  const [lock] = useState(() => new SnapshotLock());
  const saving = useRef(false);
  const opening = useRef(false);
  /** The file Save writes to without asking (Electron only; the browser can only download). */
  const handle = useRef<ProjectHandle | null>(null);
  const [recent, setRecent] = useState<ProjectHandle[]>([]);
  const autosave = useAutosave({ db, builtIn, appVersion, name: state.name ?? t('project.untitled'), paused: Boolean(state.pendingRestore), lock, printNow, unsaved: (p) => p !== savedPrint });

  const fileName = (name: string) => safeFileName(name, PROJECT_EXTENSION, 'project');

  const refreshRecent = useCallback(() => {
    getDesktop().recentProjects().then(setRecent, () => undefined);
  }, []);

  /** Opens project bytes in place (see workspace-io restore); `unsaved`: the work is in no project file. */
  const replaceWith = useCallback(
    async (bytes: Uint8Array, name: string, opts: { message?: ProjectMessage; tablesOnly?: boolean; unsaved?: boolean } = {}) => {
      if (!db) return;
      await restore(db, bytes, builtIn, opts.tablesOnly);
      const now = printNow();
      setSavedPrint(opts.unsaved ? NEVER_SAVED : now);
      autosave.set(now);
      setState({ name, ...(opts.message ? { message: opts.message } : {}) });
    },
    [db, builtIn, printNow, autosave],
  );

  /** Save writes over the current file when there is one; Save As (and a first save) asks where. */
  const write = useCallback(
    async (saveAs: boolean) => {
      // One save at a time (a second Ctrl+S while the first is writing is dropped); an autosave is waited for.
      if (!db || saving.current) return;
      saving.current = true;
      try {
        await lock.run(async () => {
          const at = printNow();
          const parts = await snapshot(db, builtIn, appVersion);
          const over = oversizedSave(parts);
          if (over) {
            setState((s) => ({ ...s, message: { kind: 'error', key: 'project.saveTooLarge', params: over } }));
            return;
          }
          const handleId = saveAs ? undefined : handle.current?.id;
          // In messages far below IPC's ≈ 1 GiB, whatever the project's size (shared/project/transfer.ts).
          const result = await sendProject(getDesktop(), parts, { suggestedName: fileName(state.name ?? t('project.untitled')), ...(handleId ? { handleId } : {}) });
          if (!result.saved) return;
          setSavedPrint(at);
          // The autosave may hold this state marked unsaved: write it again, marked saved.
          autosave.set(null);
          handle.current = result.handle ?? null;
          const name = result.handle ? projectName(result.handle.name) : state.name;
          setState({ name, message: { kind: 'info', key: 'project.saved', at: Date.now() } });
        });
      } catch (e) {
        setState((s) => ({ ...s, message: { kind: 'error', key: 'project.saveFailed', params: { reason: reason(e) } } }));
      } finally {
        saving.current = false;
        refreshRecent();
      }
    },
    [db, builtIn, appVersion, state.name, t, refreshRecent, printNow, autosave, lock],
  );
  const save = useCallback(() => write(false), [write]);
  const saveAs = useCallback(() => write(true), [write]);

  /** Open asks for a file; openRecent re-opens one from the recent list by its handle id. */
  const openFrom = useCallback(
    async (handleId?: string) => {
      // One open dialog at a time (the native menu and the page's shortcut may both fire).
      if (!db || opening.current) return;
      opening.current = true;
      try {
        const file = await getDesktop().openProject(handleId ? { handleId } : {});
        if (!file) return;
        const name = projectName(file.name);
        await replaceWith(await receiveProject(getDesktop(), file), name, { message: opened(name) });
        handle.current = file.handle;
      } catch (e) {
        setState((s) => ({ ...s, message: openFailed(e, t) }));
      } finally {
        opening.current = false;
        refreshRecent();
      }
    },
    [db, replaceWith, t, refreshRecent],
  );
  const open = useCallback(() => openFrom(), [openFrom]);
  const openRecent = useCallback((handleId: string) => openFrom(handleId), [openFrom]);

  const newProject = useCallback(async () => {
    if (!db) return;
    if (dirty && !window.confirm(t('project.confirmNew'))) return;
    await resetWorkspace(db, builtIn);
    await clearAutosave();
    handle.current = null;
    setSavedPrint(printNow());
    autosave.set(printNow());
    setState({ name: null });
  }, [db, builtIn, dirty, t, printNow, autosave]);

  const decideRestore = useCallback(
    async (accept: boolean) => {
      const record = state.pendingRestore;
      setState((s) => ({ ...s, pendingRestore: undefined }));
      if (!record) return;
      if (!accept) return void clearAutosave().catch(() => undefined);
      try {
        // Restored work is not the file it may once have come from: unsaved, and the next save asks where.
        await replaceWith(record.bytes, record.name, { message: opened(record.name), unsaved: true });
        handle.current = null;
      } catch (e) {
        setState((s) => ({ ...s, message: openFailed(e, t) }));
      }
    },
    [state.pendingRestore, replaceWith, t],
  );

  // On start: the profile's last work comes back silently (after a clean close, or when it was all saved);
  // unsaved work left by a crash is offered.
  useEffect(() => {
    if (!db) return;
    let cancelled = false;
    void (async () => {
      const cleanly = lastSessionClosedCleanly();
      markSession(false);
      const record = await readAutosave().catch(() => undefined);
      if (cancelled) return;
      const unsaved = record !== undefined && record.dirty !== false;
      if (record && (cleanly || !unsaved)) await replaceWith(record.bytes, record.name, { tablesOnly: true, unsaved }).catch(() => undefined);
      else if (record) setState((s) => ({ ...s, pendingRestore: record }));
      setSavedPrint((p) => p ?? printNow());
      autosave.start(printNow());
    })();
    return () => {
      cancelled = true;
    };
    // Runs once per engine: later changes of the callbacks must not restore again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db]);

  useEffect(refreshRecent, [refreshRecent]);

  // The native menu (Electron) drives the same actions as the page's 项目 menu.
  const onMenuCommand = useEffectEvent((cmd: MenuCommand) => {
    if (cmd.command === 'openRecent') void openRecent(cmd.handleId);
    else void { new: newProject, open, save, saveAs }[cmd.command]();
  });
  useEffect(() => getDesktop().onMenuCommand((cmd) => onMenuCommand(cmd)), []);

  const status: ProjectStatus = { ...state, dirty };
  return { status, save, saveAs, open, openRecent, recent, refreshRecent, newProject, decideRestore };
}
