import { ident, type Db } from '../../../shared/db';
import { parseHistory } from '../../../shared/model/history';
import type { DatasetCatalog, Lang } from '../../../shared/model/catalog';
import type { ProjectManifest } from '../../../shared/project/manifest';
import { openProject, saveProject, userTables, type WorkspaceState } from '../../../shared/project/workspace';

/** Where each part of the workspace lives in the browser profile; a project file carries all of them. */
export const STORAGE = {
  sqlDraft: 'sgw.sqlDraft',
  sqlHistory: 'sgw.sqlHistory',
  sqlSnippets: 'sgw.sqlSnippets',
  charts: 'sgw.charts',
  dashboards: 'sgw.dashboards',
  decks: 'sgw.decks',
} as const;

function readList(key: string): unknown[] {
  try {
    const v = JSON.parse(localStorage.getItem(key) ?? '[]') as unknown;
    return Array.isArray(v) ? v : v && typeof v === 'object' ? [v] : [];
  } catch {
    return [];
  }
}

/** Bundled tables and views: never saved into a project, never replaced by one. */
export function builtInNames(catalog: DatasetCatalog | null, views: string[]): string[] {
  return [...(catalog?.datasets.map((d) => d.table) ?? []), ...views];
}

export async function collectState(db: Db, builtIn: string[], lang: Lang, appVersion: string): Promise<WorkspaceState> {
  const tables = await userTables(db, builtIn);
  return {
    tables: tables.map((name) => ({ name })),
    sql: {
      draft: localStorage.getItem(STORAGE.sqlDraft) ?? '',
      history: parseHistory(readList(STORAGE.sqlHistory)),
      snippets: readList(STORAGE.sqlSnippets) as WorkspaceState['sql']['snippets'],
    },
    documents: { charts: readList(STORAGE.charts), dashboards: readList(STORAGE.dashboards), decks: readList(STORAGE.decks) },
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
  localStorage.setItem(STORAGE.charts, JSON.stringify(manifest.documents.charts));
  localStorage.setItem(STORAGE.dashboards, JSON.stringify(manifest.documents.dashboards));
  localStorage.setItem(STORAGE.decks, JSON.stringify(manifest.documents.decks));
  return manifest;
}

/** Empties the workspace: user tables dropped, browser-side parts cleared. */
export async function resetWorkspace(db: Db, builtIn: string[]): Promise<void> {
  for (const t of await userTables(db, builtIn)) await db.exec(`DROP TABLE IF EXISTS ${ident(t)}`);
  for (const key of Object.values(STORAGE)) localStorage.removeItem(key);
}
