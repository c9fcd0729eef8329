import { ident, type Db } from '../../../shared/db';
import { parseHistory } from '../../../shared/model/history';
import type { DatasetCatalog, Lang } from '../../../shared/model/catalog';
import type { ProjectManifest } from '../../../shared/project/manifest';
import { openProject, saveProject, userTables, type WorkspaceState } from '../../../shared/project/workspace';
import { DECK_STORAGE_KEY } from '../../../shared/cases/deck';
import { getProvenance } from '../../../shared/import/commit';
import { toSaved } from '../../../shared/import/provenance';
import { SAVED_CHARTS_KEY } from '../chart-builder/saved-charts';
import { DASHBOARDS_KEY } from '../dashboard/dashboard-store';

/** Where each part of the workspace lives in the browser profile; a project file carries all of them. */
export const STORAGE = {
  sqlDraft: 'sgw.sqlDraft',
  sqlHistory: 'sgw.sqlHistory',
  sqlSnippets: 'sgw.sqlSnippets',
  charts: SAVED_CHARTS_KEY,
  dashboards: DASHBOARDS_KEY,
  decks: DECK_STORAGE_KEY,
} as const;

function readJson(key: string): unknown {
  try {
    return JSON.parse(localStorage.getItem(key) ?? 'null') as unknown;
  } catch {
    return null;
  }
}

function readList(key: string): unknown[] {
  const v = readJson(key);
  return Array.isArray(v) ? v : [];
}

/**
 * A feature document (saved charts, dashboards, deck) travels as its store's own JSON value, wrapped in a
 * one-item list; each feature validates it with its own parser when it loads.
 */
const readDocument = (key: string): unknown[] => {
  const v = readJson(key);
  return v === null ? [] : [v];
};

function writeDocument(key: string, items: unknown[]): void {
  if (items.length === 0) localStorage.removeItem(key);
  else localStorage.setItem(key, JSON.stringify(items[0]));
}

/** Bundled tables and views: never saved into a project, never replaced by one. */
export function builtInNames(catalog: DatasetCatalog | null, views: string[]): string[] {
  return [...(catalog?.datasets.map((d) => d.table) ?? []), ...views];
}

export async function collectState(db: Db, builtIn: string[], lang: Lang, appVersion: string): Promise<WorkspaceState> {
  const tables = [];
  for (const name of await userTables(db, builtIn)) {
    const p = await getProvenance(db, name);
    tables.push({ name, ...(p ? { provenance: toSaved(p) } : {}) });
  }
  return {
    tables,
    sql: {
      draft: localStorage.getItem(STORAGE.sqlDraft) ?? '',
      history: parseHistory(readList(STORAGE.sqlHistory)),
      snippets: readList(STORAGE.sqlSnippets) as WorkspaceState['sql']['snippets'],
    },
    documents: { charts: readDocument(STORAGE.charts), dashboards: readDocument(STORAGE.dashboards), decks: readDocument(STORAGE.decks) },
    lang,
    app: { name: 'sgw', version: appVersion },
  };
}

/** A cheap fingerprint of everything a project holds, to notice changes without snapshotting. */
export async function fingerprint(db: Db, builtIn: string[]): Promise<string> {
  const tables = await userTables(db, builtIn);
  const counts = tables.length
    ? (await db.query(tables.map((t, i) => `SELECT ${i} AS i, count(*) AS n FROM ${ident(t)}`).join(' UNION ALL '))).toArray().map((r) => Number(r.n))
    : [];
  return JSON.stringify([tables, counts, ...Object.values(STORAGE).map((k) => localStorage.getItem(k))]);
}

export async function snapshot(db: Db, builtIn: string[], lang: Lang, appVersion: string): Promise<Uint8Array> {
  return saveProject(db, await collectState(db, builtIn, lang, appVersion));
}

/**
 * Opens project bytes: tables first (all or nothing), then the browser-side parts — unless `tablesOnly`
 * (restoring after a clean restart, when localStorage already holds newer browser-side state).
 */
export async function restore(db: Db, bytes: Uint8Array, builtIn: string[], tablesOnly = false): Promise<ProjectManifest> {
  const manifest = await openProject(db, bytes, { replace: await userTables(db, builtIn), protect: builtIn });
  if (tablesOnly) return manifest;
  localStorage.setItem(STORAGE.sqlDraft, manifest.sql.draft);
  localStorage.setItem(STORAGE.sqlHistory, JSON.stringify(manifest.sql.history));
  localStorage.setItem(STORAGE.sqlSnippets, JSON.stringify(manifest.sql.snippets));
  writeDocument(STORAGE.charts, manifest.documents.charts);
  writeDocument(STORAGE.dashboards, manifest.documents.dashboards);
  writeDocument(STORAGE.decks, manifest.documents.decks);
  return manifest;
}

/** Empties the workspace: user tables dropped, browser-side parts cleared. */
export async function resetWorkspace(db: Db, builtIn: string[]): Promise<void> {
  for (const t of await userTables(db, builtIn)) await db.exec(`DROP TABLE IF EXISTS ${ident(t)}`);
  for (const key of Object.values(STORAGE)) localStorage.removeItem(key);
}
