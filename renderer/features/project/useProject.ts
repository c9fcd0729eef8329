import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import type { Db } from '../../../shared/db';
import type { Lang } from '../../../shared/model/catalog';
import { describeProjectError } from '../../../shared/project/errors';
import type { Translate } from '../../../shared/i18n';
import { safeFileName } from '../../../shared/export/file-name';
import { PROJECT_EXTENSION, type MenuCommand, type ProjectHandle } from '../../../shared/desktop-api';
import { getDesktop } from '../../desktop';
import { clearAutosave, lastSessionClosedCleanly, markSession, readAutosave, writeAutosave, type AutosaveRecord } from './autosave-store';
import { fingerprint, resetWorkspace, restore, snapshot } from './workspace-io';

export const AUTOSAVE_INTERVAL_MS = 4000;

export interface ProjectStatus {
  name: string;
  dirty: boolean;
  message?: { kind: 'info' | 'error'; text: string };
  /** An autosave left by a session that did not close cleanly, awaiting the user's decision. */
  pendingRestore?: AutosaveRecord;
}

interface Options {
  db: Db | null;
  builtIn: string[];
  lang: Lang;
  t: Translate;
  appVersion: string;
  /** Called after the workspace was replaced, so screens re-read their state. */
  onReplaced(lang?: Lang): void;
}

const time = () => new Date().toLocaleTimeString();
const projectName = (fileName: string) => fileName.replace(/\.sgwp$/i, '');
const reason = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Project lifecycle: new, open, save, save as, autosave to IndexedDB and crash recovery. */
export function useProject({ db, builtIn, lang, t, appVersion, onReplaced }: Options) {
  const [status, setStatus] = useState<ProjectStatus>({ name: t('project.untitled'), dirty: false });
  const savedPrint = useRef<string | null>(null);
  const autosavedPrint = useRef<string | null>(null);
  const busy = useRef(false);
  const opening = useRef(false);
  /** The file Save writes to without asking (Electron only; the browser can only download). */
  const handle = useRef<ProjectHandle | null>(null);
  const [recent, setRecent] = useState<ProjectHandle[]>([]);

  const fileName = (name: string) => safeFileName(name, PROJECT_EXTENSION, 'project');

  const refreshRecent = useCallback(() => {
    getDesktop().recentProjects().then(setRecent, () => undefined);
  }, []);

  const replaceWith = useCallback(
    async (bytes: Uint8Array, name: string, message?: string, tablesOnly = false) => {
      if (!db) return;
      const manifest = await restore(db, bytes, builtIn, tablesOnly);
      const print = await fingerprint(db, builtIn);
      savedPrint.current = print;
      autosavedPrint.current = print;
      setStatus({ name, dirty: false, ...(message ? { message: { kind: 'info' as const, text: message } } : {}) });
      onReplaced(tablesOnly ? undefined : manifest.settings.lang);
    },
    [db, builtIn, onReplaced],
  );

  /** Save writes over the current file when there is one; Save As (and a first save) asks where. */
  const write = useCallback(
    async (saveAs: boolean) => {
      if (!db || busy.current) return;
      busy.current = true;
      try {
        const bytes = await snapshot(db, builtIn, lang, appVersion);
        const handleId = saveAs ? undefined : handle.current?.id;
        const result = await getDesktop().saveProject({ bytes, suggestedName: fileName(status.name), ...(handleId ? { handleId } : {}) });
        if (!result.saved) return;
        savedPrint.current = await fingerprint(db, builtIn);
        handle.current = result.handle ?? null;
        const name = result.handle ? projectName(result.handle.name) : status.name;
        setStatus({ name, dirty: false, message: { kind: 'info', text: t('project.saved', { time: time() }) } });
      } catch (e) {
        setStatus((s) => ({ ...s, message: { kind: 'error', text: t('project.saveFailed', { reason: reason(e) }) } }));
      } finally {
        busy.current = false;
        refreshRecent();
      }
    },
    [db, builtIn, lang, appVersion, status.name, t, refreshRecent],
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
        await replaceWith(file.bytes, name, t('project.opened', { name }));
        handle.current = file.handle;
      } catch (e) {
        setStatus((s) => ({ ...s, message: { kind: 'error', text: t('project.openFailed', { reason: describeProjectError(e, t) }) } }));
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
    if (status.dirty && !window.confirm(t('project.confirmNew'))) return;
    await resetWorkspace(db, builtIn);
    await clearAutosave();
    handle.current = null;
    savedPrint.current = await fingerprint(db, builtIn);
    setStatus({ name: t('project.untitled'), dirty: false });
    onReplaced();
  }, [db, builtIn, status.dirty, t, onReplaced]);

  const decideRestore = useCallback(
    async (accept: boolean) => {
      const record = status.pendingRestore;
      setStatus((s) => ({ ...s, pendingRestore: undefined }));
      if (!record || !accept) return;
      try {
        await replaceWith(record.bytes, record.name, t('project.opened', { name: record.name }));
        // Restored work is not the file it may once have come from: the next save asks where.
        handle.current = null;
        setStatus((s) => ({ ...s, dirty: true }));
      } catch (e) {
        setStatus((s) => ({ ...s, message: { kind: 'error', text: t('project.openFailed', { reason: describeProjectError(e, t) }) } }));
      }
    },
    [status.pendingRestore, replaceWith, t],
  );

  // On start: a clean autosave is restored silently (the browser keeps your work); a crashed one is offered.
  useEffect(() => {
    if (!db) return;
    let cancelled = false;
    void (async () => {
      const cleanly = lastSessionClosedCleanly();
      markSession(false);
      const record = await readAutosave().catch(() => undefined);
      if (cancelled) return;
      if (record && cleanly) await replaceWith(record.bytes, record.name, undefined, true).catch(() => undefined);
      else if (record) setStatus((s) => ({ ...s, pendingRestore: record }));
      savedPrint.current ??= await fingerprint(db, builtIn);
    })();
    return () => {
      cancelled = true;
    };
  }, [db, builtIn, replaceWith]);

  // Autosave a few seconds after any change; mark a clean close when the page goes away.
  useEffect(() => {
    if (!db) return;
    const timer = window.setInterval(async () => {
      if (busy.current || status.pendingRestore) return;
      const print = await fingerprint(db, builtIn);
      setStatus((s) => (s.dirty === (print !== savedPrint.current) ? s : { ...s, dirty: print !== savedPrint.current }));
      if (print === autosavedPrint.current) return;
      busy.current = true;
      try {
        await writeAutosave({ bytes: await snapshot(db, builtIn, lang, appVersion), savedAt: Date.now(), name: status.name });
        autosavedPrint.current = print;
      } finally {
        busy.current = false;
      }
    }, AUTOSAVE_INTERVAL_MS);
    const onHide = () => markSession(true);
    window.addEventListener('pagehide', onHide);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('pagehide', onHide);
    };
  }, [db, builtIn, lang, appVersion, status.name, status.pendingRestore]);

  useEffect(refreshRecent, [refreshRecent]);

  // The native menu (Electron) drives the same actions as the page's 项目 menu.
  const onMenuCommand = useEffectEvent((cmd: MenuCommand) => {
    if (cmd.command === 'openRecent') void openRecent(cmd.handleId);
    else void { new: newProject, open, save, saveAs }[cmd.command]();
  });
  useEffect(() => getDesktop().onMenuCommand((cmd) => onMenuCommand(cmd)), []);

  return { status, save, saveAs, open, openRecent, recent, refreshRecent, newProject, decideRestore };
}
