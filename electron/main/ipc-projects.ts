/**
 * The project handlers of ipc.ts: open (a read session), save in messages (a write session: begin → append
 * → finish / abort) and the recent list. The page names files only by handle ids and reaches bytes only
 * through session ids, both issued here (projects.ts, project-sessions.ts); anything else is refused.
 */
import path from 'node:path';
import type { SaveDialogOptions, OpenDialogOptions } from 'electron';
import {
  PROJECT_EXTENSION,
  parseOpenProjectRequest,
  type DesktopApi,
  type DesktopInvokeMethod,
  type FileFilter,
} from '../../shared/desktop-api';
import { parseAppendProjectSaveRequest, parseBeginProjectSaveRequest, parseProjectSession, parseReadProjectRequest } from '../../shared/desktop-sessions';
import { translator } from '../../shared/i18n';
import type { Lang } from '../../shared/model/catalog';
import { SessionError, type ProjectSessions } from './project-sessions';
import type { ProjectStore } from './projects';

export interface ProjectIpcDeps {
  dialog: {
    showOpenDialog(opts: OpenDialogOptions): Promise<{ canceled: boolean; filePaths: string[] }>;
    showSaveDialog(opts: SaveDialogOptions): Promise<{ canceled: boolean; filePath?: string }>;
  };
  /** The only way from a handle id to a path: ids it never issued are refused. */
  projects: ProjectStore;
  /** The only way from a session id to a file: ids it never issued (or that ended) are refused. */
  sessions: Pick<ProjectSessions, 'beginWrite' | 'append' | 'finish' | 'abort' | 'beginRead' | 'read' | 'close'>;
  defaultSaveDir(): string;
  lang(): Lang;
}

type ProjectMethod = 'openProject' | 'readProject' | 'closeProject' | 'beginProjectSave' | 'appendProjectSave' | 'finishProjectSave' | 'abortProjectSave' | 'recentProjects';
type ProjectHandlers<E> = { [M in ProjectMethod]: (event: E, ...args: unknown[]) => ReturnType<DesktopApi[M]> };

export interface ProjectIpcTools<E> {
  guard(event: E, method: DesktopInvokeMethod): void;
  refuse(method: DesktopInvokeMethod, why: string): never;
  payload<T>(method: DesktopInvokeMethod, parse: (v: unknown) => T, value: unknown): T;
}

const projectFilters = (lang: Lang): FileFilter[] => [{ name: translator(lang)('desktop.projectFiles'), extensions: [PROJECT_EXTENSION] }];

/** GTK save dialogs return the name exactly as typed: give a bare name the project extension. */
export function withProjectExtension(file: string): string {
  return path.extname(file) ? file : `${file}.${PROJECT_EXTENSION}`;
}

const isMissing = (err: unknown) => (err as NodeJS.ErrnoException | null)?.code === 'ENOENT';

export function createProjectHandlers<E>(deps: ProjectIpcDeps, { guard, refuse, payload }: ProjectIpcTools<E>): ProjectHandlers<E> {
  const knownPath = (method: DesktopInvokeMethod, handleId: string) => deps.projects.pathFor(handleId) ?? refuse(method, 'unknown project handle');
  /** The file a handle names, else the one the user picks in `ask`'s dialog (undefined when cancelled). */
  const fileFor = async (method: DesktopInvokeMethod, handleId: string | undefined, ask: () => Promise<string | undefined>) =>
    handleId ? knownPath(method, handleId) : ask();
  /** A session call; what the session refuses (an id it does not hold, a wrong size) is a refusal of the call. */
  const inSession = async <T>(method: DesktopInvokeMethod, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (e) {
      if (e instanceof SessionError) refuse(method, e.message);
      throw e;
    }
  };

  const handlers = {
    async openProject(event, raw) {
      guard(event, 'openProject');
      const req = payload('openProject', parseOpenProjectRequest, raw);
      const file = await fileFor('openProject', req.handleId, async () => {
        const result = await deps.dialog.showOpenDialog({ title: translator(deps.lang())('desktop.openProject'), filters: projectFilters(deps.lang()), properties: ['openFile'] });
        return result.canceled ? undefined : result.filePaths[0];
      });
      if (!file) return null;
      let opened: { id: string; size: number };
      try {
        opened = await deps.sessions.beginRead(file);
      } catch (err) {
        if (!isMissing(err)) throw err;
        await deps.projects.forget(file);
        throw new Error(`"${path.basename(file)}" no longer exists (moved or deleted); it was removed from the recent projects`);
      }
      return { handle: await deps.projects.remember(file), name: path.basename(file), size: opened.size, sessionId: opened.id };
    },

    async readProject(event, raw) {
      guard(event, 'readProject');
      const req = payload('readProject', parseReadProjectRequest, raw);
      return inSession('readProject', () => deps.sessions.read(req.sessionId, req.offset, req.length));
    },

    async closeProject(event, raw) {
      guard(event, 'closeProject');
      await deps.sessions.close(payload('closeProject', parseProjectSession, raw).sessionId);
    },

    async beginProjectSave(event, raw) {
      guard(event, 'beginProjectSave');
      const req = payload('beginProjectSave', parseBeginProjectSaveRequest, raw);
      // Save: the file this project came from or was last saved to, no questions asked; Save As: the dialog.
      const file = await fileFor('beginProjectSave', req.handleId, async () => {
        const result = await deps.dialog.showSaveDialog({
          title: translator(deps.lang())('desktop.saveProjectAs'),
          defaultPath: path.join(deps.defaultSaveDir(), req.suggestedName),
          filters: projectFilters(deps.lang()),
          properties: ['showOverwriteConfirmation', 'createDirectory'],
        });
        return result.canceled || !result.filePath ? undefined : withProjectExtension(result.filePath);
      });
      if (!file) return null;
      return { sessionId: await deps.sessions.beginWrite(file, req.size, { keepBackup: true }) };
    },

    async appendProjectSave(event, raw) {
      guard(event, 'appendProjectSave');
      const req = payload('appendProjectSave', parseAppendProjectSaveRequest, raw);
      await inSession('appendProjectSave', () => deps.sessions.append(req.sessionId, req.parts));
    },

    async finishProjectSave(event, raw) {
      guard(event, 'finishProjectSave');
      const { sessionId } = payload('finishProjectSave', parseProjectSession, raw);
      const file = await inSession('finishProjectSave', () => deps.sessions.finish(sessionId));
      return { saved: true, handle: await deps.projects.remember(file) };
    },

    async abortProjectSave(event, raw) {
      guard(event, 'abortProjectSave');
      await deps.sessions.abort(payload('abortProjectSave', parseProjectSession, raw).sessionId);
    },

    async recentProjects(event) {
      guard(event, 'recentProjects');
      return deps.projects.recent();
    },
  } satisfies ProjectHandlers<E>;
  return handlers;
}
