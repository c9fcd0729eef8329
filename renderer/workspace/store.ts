import type { WorkspaceState } from '../../shared/project/workspace';
import { DAMAGED_SUFFIX, DOC_NAMES, DOCUMENTS, DocumentError, PROJECT_DOCS, type DocDef, type DocName, type DocumentValues } from './documents';

/** The part of window.localStorage the store uses (injected, so tests run on an in-memory one). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The documents a project file carries, in the manifest's own shape (sql, documents, settings.lang). */
export type ProjectDocuments = Pick<WorkspaceState, 'sql' | 'documents' | 'lang'>;

/** What a project sets when opened: its documents and its language. */
type LoadedName = 'sqlDraft' | 'sqlHistory' | 'sqlSnippets' | 'savedCharts' | 'dashboards' | 'deck' | 'calcFields' | 'joins' | 'savedPivots' | 'lang';

/** A snapshot whose every document passed its parser (made only by validate): only such a value can be loaded. */
export interface ValidatedDocuments {
  readonly values: Pick<DocumentValues, LoadedName>;
}

/** A stored entry that could not be read: moved aside under `key` (<key>.damaged), the default used instead. */
export interface DamagedNotice {
  id: number;
  doc: DocName;
  key: string;
  detail: string;
  /** False when even moving it aside failed (storage full): the document then lasts this session only. */
  keptAside: boolean;
}

/** A document of a project snapshot failed its parser; nothing was changed. */
export class SnapshotError extends Error {
  constructor(
    readonly doc: DocName,
    detail: string,
  ) {
    super(`${doc}: ${detail}`);
    this.name = 'SnapshotError';
  }
}

type Listener = () => void;
const detailOf = (e: unknown) => (e instanceof Error ? e.message : String(e));
// Project documents travel as a one-item list of the stored JSON value (the manifest's format).
const PROJECT_LISTS = { savedCharts: 'charts', dashboards: 'dashboards', deck: 'decks', calcFields: 'calcFields', joins: 'joins', savedPivots: 'pivots' } as const;

/**
 * Every persisted document of the renderer (see ./documents.ts): parsed once when the store starts, held
 * in memory, written through to storage on change, with change events per document. `version` counts
 * changes to project documents, so "unsaved work" needs no scraping.
 */
export class WorkspaceStore {
  private readonly values = new Map<DocName, unknown>();
  /** Each document's value as stored text (null: absent), to tell a real change from a repeat. */
  private readonly texts = new Map<DocName, string | null>();
  private readonly validated = new WeakSet<ValidatedDocuments>();
  /** Documents whose damaged entry could not be moved aside: never written, so it is never overwritten. */
  private readonly pinned = new Set<DocName>();
  private readonly listeners = new Map<DocName | '*', Set<Listener>>();
  private notices: DamagedNotice[] = [];
  private nextNotice = 1;
  /** Bumped by every change to a project document (edit, load, reset). */
  version = 0;

  constructor(
    private readonly storage: KeyValueStorage,
    private readonly now: () => number = Date.now,
  ) {
    for (const name of DOC_NAMES) this.read(name);
  }

  get<K extends DocName>(name: K): DocumentValues[K] {
    return this.values.get(name) as DocumentValues[K];
  }

  /** Replaces a document; returns whether it reached storage (false: this session only). */
  set<K extends DocName>(name: K, value: DocumentValues[K]): boolean {
    const { changed, persisted } = this.assign(name, value);
    if (changed) this.emit([name]);
    return persisted;
  }

  update<K extends DocName>(name: K, change: (prev: DocumentValues[K]) => DocumentValues[K]): DocumentValues[K] {
    const next = change(this.get(name));
    this.set(name, next);
    return next;
  }

  /** Listens to one document, or to every change when `name` is omitted. */
  subscribe(listener: Listener, name?: DocName): () => void {
    const key = name ?? '*';
    let set = this.listeners.get(key);
    if (!set) this.listeners.set(key, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  damaged(): readonly DamagedNotice[] {
    return this.notices;
  }

  dismiss(id: number): void {
    this.notices = this.notices.filter((n) => n.id !== id);
    this.emit([]);
  }

  /** The project documents as a project file carries them. */
  projectSnapshot(): ProjectDocuments {
    const json = <K extends DocName>(name: K) => DOCUMENTS[name].toJson(this.get(name));
    return {
      sql: { draft: this.get('sqlDraft'), history: this.get('sqlHistory'), snippets: this.get('sqlSnippets') },
      documents: { charts: [json('savedCharts')], dashboards: [json('dashboards')], decks: [json('deck')], calcFields: [json('calcFields')], joins: [json('joins')], pivots: [json('savedPivots')] },
      lang: this.get('lang'),
    };
  }

  /** Parses every document of a snapshot; throws SnapshotError naming the first bad one. Changes nothing. */
  validate(snapshot: ProjectDocuments): ValidatedDocuments {
    const parse = <K extends DocName>(name: K, json: unknown): DocumentValues[K] => {
      try {
        return DOCUMENTS[name].parse(json);
      } catch (e) {
        throw new SnapshotError(name, detailOf(e));
      }
    };
    const single = <K extends keyof typeof PROJECT_LISTS>(name: K) => {
      // Older project code had no calculated fields, combined tables or saved pivots: absent is none.
      const list = snapshot.documents[PROJECT_LISTS[name]] ?? [];
      if (list.length > 1) throw new SnapshotError(name, `${list.length} documents instead of one`);
      return list.length ? parse(name, list[0]) : DOCUMENTS[name].fallback();
    };
    const result: ValidatedDocuments = {
      values: {
        sqlDraft: parse('sqlDraft', snapshot.sql.draft),
        sqlHistory: parse('sqlHistory', snapshot.sql.history),
        sqlSnippets: parse('sqlSnippets', snapshot.sql.snippets),
        savedCharts: single('savedCharts'),
        dashboards: single('dashboards'),
        deck: single('deck'),
        calcFields: single('calcFields'),
        joins: single('joins'),
        savedPivots: single('savedPivots'),
        lang: parse('lang', snapshot.lang),
      },
    };
    this.validated.add(result);
    return result;
  }

  /** Loads a validated snapshot in one step: every document is replaced before any listener runs. */
  load(validated: ValidatedDocuments): void {
    if (!this.validated.has(validated)) throw new Error('load() takes what validate() returned');
    const names = Object.keys(validated.values) as LoadedName[];
    for (const name of names) this.assign(name, validated.values[name]);
    this.version++;
    this.emit(names);
  }

  /** A new, empty project: every project document back to its default (profile settings stay). */
  reset(): void {
    for (const name of PROJECT_DOCS) this.assign(name, DOCUMENTS[name].fallback());
    this.version++;
    this.emit(PROJECT_DOCS);
  }

  private read(name: DocName): void {
    const def = DOCUMENTS[name] as DocDef<unknown>;
    let raw: string | null = null;
    try {
      raw = this.storage.getItem(def.key);
      this.values.set(name, raw === null ? def.fallback() : def.parse(def.text ? raw : parseJson(raw)));
      this.texts.set(name, raw);
    } catch (e) {
      this.values.set(name, def.fallback());
      this.texts.set(name, null);
      if (raw !== null) this.quarantine(name, raw, detailOf(e));
    }
  }

  private quarantine(name: DocName, raw: string, detail: string): void {
    const key = DOCUMENTS[name].key + DAMAGED_SUFFIX;
    let keptAside = false;
    try {
      const list = damagedList(this.storage.getItem(key));
      if (!list.some((d) => d.raw === raw)) list.push({ at: this.now(), raw });
      this.storage.setItem(key, JSON.stringify(list));
      this.storage.removeItem(DOCUMENTS[name].key);
      keptAside = true;
    } catch {
      this.pinned.add(name);
    }
    this.notices = [...this.notices, { id: this.nextNotice++, doc: name, key, detail, keptAside }];
  }

  /** Sets memory and storage without notifying. */
  private assign(name: DocName, value: unknown): { changed: boolean; persisted: boolean } {
    const def = DOCUMENTS[name] as DocDef<unknown>;
    const json = def.toJson(value);
    const text = json === null ? null : def.text ? String(json) : JSON.stringify(json);
    if (text === this.texts.get(name) && !this.pinned.has(name)) return { changed: false, persisted: true };
    this.values.set(name, value);
    this.texts.set(name, text);
    if (def.scope === 'project') this.version++;
    if (this.pinned.has(name) || (text !== null && def.maxChars !== undefined && text.length > def.maxChars)) return { changed: true, persisted: false };
    try {
      if (text === null) this.storage.removeItem(def.key);
      else this.storage.setItem(def.key, text);
      return { changed: true, persisted: true };
    } catch {
      return { changed: true, persisted: false };
    }
  }

  private emit(names: readonly DocName[]): void {
    const run = (set?: Set<Listener>) => set?.forEach((l) => l());
    for (const name of names) run(this.listeners.get(name));
    run(this.listeners.get('*'));
  }
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new DocumentError('not valid JSON');
  }
}

/** The entries already kept aside; a value that is not our list (an older build's raw copy) is kept as one. */
function damagedList(prev: string | null): { at: number; raw: string }[] {
  if (prev === null) return [];
  try {
    const list = JSON.parse(prev) as unknown;
    if (Array.isArray(list) && list.every((d) => typeof d?.raw === 'string' && typeof d?.at === 'number')) return list as { at: number; raw: string }[];
  } catch {
    // not ours: fall through and keep it as it is
  }
  return [{ at: 0, raw: prev }];
}
