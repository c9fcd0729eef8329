import type { Db } from '../../../shared/db';
import type { DatasetCatalog } from '../../../shared/model/catalog';
import { ProjectError, type ProjectDocumentName } from '../../../shared/project/errors';
import type { ProjectManifest } from '../../../shared/project/manifest';
import type { FileParts } from '../../../shared/project/zip-store';
import { combinedViews, openProject, saveProject, userTables, type WorkspaceState } from '../../../shared/project/workspace';
import { getProvenance } from '../../../shared/import/commit';
import { dropJoinView } from '../../../shared/join/commit';
import { toSaved } from '../../../shared/import/provenance';
import { dropTableSql } from '../../../shared/sql/project-sql';
import { dataChanges, rawDb } from '../../db/data-changes';
import { SnapshotError, workspace, type ValidatedDocuments } from '../../workspace';

/** Bundled tables and views: never saved into a project, never replaced by one. */
export function builtInNames(catalog: DatasetCatalog | null, views: string[]): string[] {
  return [...(catalog?.datasets.map((d) => d.table) ?? []), ...views];
}

async function projectTables(db: Db, builtIn: string[]): Promise<WorkspaceState['tables']> {
  const tables = [];
  for (const name of await userTables(db, builtIn)) {
    const p = await getProvenance(db, name);
    tables.push({ name, ...(p ? { provenance: toSaved(p) } : {}) });
  }
  return tables;
}

/**
 * The project file's bytes, in pieces (shared/project/zip-store.ts): the user tables (the data itself) and the workspace store's project documents. Read on
 * the raw engine: taking a snapshot changes no data (reading provenance may create its empty table), so it
 * must not count as a change — or every autosave would make the next one.
 */
export async function snapshot(db: Db, builtIn: string[], appVersion: string): Promise<FileParts> {
  const engine = rawDb(db);
  return saveProject(engine, { tables: await projectTables(engine, builtIn), ...workspace.projectSnapshot(), app: { name: 'sgw', version: appVersion } });
}

/** The store's documents as a project file names them (for the error message). */
const FILE_NAME_OF: Record<SnapshotError['doc'], ProjectDocumentName> = {
  sqlDraft: 'draft',
  sqlHistory: 'history',
  sqlSnippets: 'snippets',
  savedCharts: 'charts',
  dashboards: 'dashboards',
  deck: 'decks',
  calcFields: 'calcFields',
  joins: 'joins',
  savedPivots: 'pivots',
  lang: 'settings',
  chartDraft: 'settings',
  pivotDraft: 'settings',
  dashboardPick: 'settings',
  view: 'settings',
  geoMaps: 'settings',
  closedCleanly: 'settings',
};

function validateDocuments(manifest: ProjectManifest): ValidatedDocuments {
  try {
    return workspace.validate({ sql: manifest.sql, documents: manifest.documents, lang: manifest.settings.lang });
  } catch (e) {
    if (e instanceof SnapshotError) throw new ProjectError('bad-document', e.message, { document: FILE_NAME_OF[e.doc] });
    throw e;
  }
}

/**
 * Opens project bytes, all or nothing: the tables (shared/project) and every document (by its parser, in
 * the store) are validated before anything changes; then the tables are swapped and the store loaded in
 * one step, and every screen updates in place. `tablesOnly`: a clean restart's autosave, whose documents
 * the profile already holds (newer than the autosave).
 */
export async function restore(db: Db, bytes: Uint8Array, builtIn: string[], tablesOnly = false): Promise<ProjectManifest> {
  let documents: ValidatedDocuments | undefined;
  // One transaction (shared/project): the data changes at its COMMIT or not at all, so it runs on the raw
  // engine and counts as one change when it succeeded — a refused file leaves nothing unsaved behind.
  const manifest = await openProject(rawDb(db), bytes, {
    replace: await userTables(db, builtIn),
    protect: builtIn,
    check: (m) => {
      if (!tablesOnly) documents = validateDocuments(m);
    },
  });
  dataChanges(db).changed();
  if (documents) workspace.load(documents);
  return manifest;
}

/** Empties the workspace: combined tables and user tables dropped, project documents back to their defaults. */
export async function resetWorkspace(db: Db, builtIn: string[]): Promise<void> {
  // Combined tables first: they read the user tables.
  for (const v of await combinedViews(db, builtIn)) await dropJoinView(db, v);
  for (const t of await userTables(db, builtIn)) await db.exec(dropTableSql(t));
  workspace.reset();
}
