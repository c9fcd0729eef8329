import { useCallback, useSyncExternalStore } from 'react';
import { STORAGE_KEYS, type DocName, type DocumentValues } from './documents';
import { WorkspaceStore, type KeyValueStorage } from './store';

import { followSaved as followIn } from './follow-saved';

export { STORAGE_KEYS, type ChartDraft, type DocName, type PivotDraft } from './documents';
export { SnapshotError, type ProjectDocuments, type ValidatedDocuments } from './store';

/** The browser profile's storage, or memory when the profile refuses storage (the work then lasts a session). */
function profileStorage(): KeyValueStorage {
  try {
    const s = window.localStorage;
    s.getItem(STORAGE_KEYS.view);
    return s;
  } catch {
    const m = new Map<string, string>();
    return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k) };
  }
}

/** The one workspace store of this window. */
export const workspace = new WorkspaceStore(profileStorage());

/** Cards and slides showing a saved chart or pivot take its new version (see ./follow-saved.ts). */
export const followSaved = (what: Parameters<typeof followIn>[1]): void => followIn(workspace, what);

type Setter<T> = (next: T | ((prev: T) => T)) => boolean;

/** A document and its setter; the component re-renders when the document changes (also on project open). */
export function useDocument<K extends DocName>(name: K): [DocumentValues[K], Setter<DocumentValues[K]>] {
  const subscribe = useCallback((l: () => void) => workspace.subscribe(l, name), [name]);
  const value = useSyncExternalStore(subscribe, () => workspace.get(name));
  const set = useCallback<Setter<DocumentValues[K]>>(
    (next) => workspace.set(name, typeof next === 'function' ? (next as (prev: DocumentValues[K]) => DocumentValues[K])(workspace.get(name)) : next),
    [name],
  );
  return [value, set];
}

const subscribeAll = (l: () => void) => workspace.subscribe(l);

/** The project documents' change counter (for "unsaved changes"). */
export function useWorkspaceVersion(): number {
  return useSyncExternalStore(subscribeAll, () => workspace.version);
}

export function useDamagedNotices() {
  return useSyncExternalStore(subscribeAll, () => workspace.damaged());
}
