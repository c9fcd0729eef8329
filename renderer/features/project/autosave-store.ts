import { workspace } from '../../workspace';

/** The browser-side autosave: the latest workspace snapshot in IndexedDB (survives reloads and crashes). */
const DB_NAME = 'sgw-workbench';
const STORE = 'autosave';
const KEY = 'workspace';

export interface AutosaveRecord {
  bytes: Uint8Array;
  savedAt: number;
  name: string;
  /** Whether it held work not saved in a project file (absent in older records: taken as yes). */
  dirty?: boolean;
}

function openStore(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function withStore<T>(mode: IDBTransactionMode, fn: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openStore();
  try {
    return await new Promise<T>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = fn(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export function readAutosave(): Promise<AutosaveRecord | undefined> {
  return withStore('readonly', (s) => s.get(KEY) as IDBRequest<AutosaveRecord | undefined>);
}

export async function writeAutosave(record: AutosaveRecord): Promise<void> {
  await withStore('readwrite', (s) => s.put(record, KEY));
}

/**
 * Whether the last session closed cleanly: a profile document of the workspace store rather than
 * IndexedDB, because it is written from `pagehide`, where only synchronous storage is sure to land (the
 * store writes localStorage synchronously); a session that is still open (or crashed) reads false.
 */
export function lastSessionClosedCleanly(): boolean {
  return workspace.get('closedCleanly');
}

export function markSession(closedCleanly: boolean): void {
  workspace.set('closedCleanly', closedCleanly);
}

export async function clearAutosave(): Promise<void> {
  await withStore('readwrite', (s) => s.delete(KEY));
}
