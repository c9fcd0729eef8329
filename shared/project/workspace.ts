import type { Db } from '../db';
import type { Lang } from '../model/catalog';
import type { JoinDef } from '../model/join';
import { PROVENANCE_TABLE, recordProvenance } from '../import/commit';
import { fromSaved } from '../import/provenance';
import { writeJoinView } from '../join/commit';
import { isReservedName } from '../reserved-names';
import { dropViewSql } from '../sql/join-sql';
import * as sql from '../sql/project-sql';
import { packProject, unpackProject } from './archive';
import type { FileParts } from './zip-store';
import { parseDocuments, parseSettings, parseSql, type DocumentsInput, type ProjectSql } from './documents';
import { ProjectError } from './errors';
import { ipcLayout, type IpcStream } from './ipc-layout';
import { joinsThatBind } from './join-binds';
import { CURRENT_VERSION, PROJECT_FORMAT, type ProjectManifest, type ProjectTable, type TableProvenance } from './manifest';

export interface WorkspaceState {
  /** User tables to save (imported or created by the user; not bundled datasets, not views). */
  tables: { name: string; provenance?: TableProvenance }[];
  sql: ProjectSql;
  /** Each store's JSON value; validated here exactly as on open, so a saved project always opens. */
  documents: DocumentsInput;
  lang: Lang;
  app: { name: string; version: string };
}

async function tableColumnTypes(db: Db, table: string): Promise<Record<string, string>> {
  const t = await db.query(sql.columnTypesSql(table));
  return Object.fromEntries(t.toArray().map((r) => [String(r.c), String(r.ty)]));
}

/**
 * Snapshots the workspace into the project file's bytes, in pieces (writers take them as they are; joinParts
 * makes one buffer where one is needed): the table data itself travels with the project. Tables with
 * reserved (internal) names are never written.
 */
export async function saveProject(db: Db, state: WorkspaceState, now = new Date()): Promise<FileParts> {
  const files = new Map<string, IpcStream>();
  const tables: ProjectTable[] = [];
  for (const t of state.tables.filter((t) => !isReservedName(t.name))) {
    // The engine's own IPC bytes go into the file as they are, in the pieces fetched: no decode and re-encode in JS,
    // no joining before the zip writer copies them into place.
    const data = await db.queryArrow(sql.selectAllSql(t.name));
    const file = `tables/t${tables.length}.arrow`;
    files.set(file, data);
    tables.push({ name: t.name, file, rows: ipcLayout(data).rows, columnTypes: await tableColumnTypes(db, t.name), ...(t.provenance ? { provenance: t.provenance } : {}) });
  }
  const manifest: ProjectManifest = {
    format: PROJECT_FORMAT,
    version: CURRENT_VERSION,
    app: state.app,
    savedAt: now.toISOString(),
    tables,
    sql: parseSql(state.sql),
    documents: parseDocuments({ calcFields: [], joins: [], pivots: [], ...state.documents }),
    settings: parseSettings({ lang: state.lang }),
  };
  return packProject(manifest, files);
}

const STAGING_PREFIX = '__sgw_open_';

async function hasProvenanceTable(db: Db): Promise<boolean> {
  const [schema, table] = PROVENANCE_TABLE.split('.');
  return Number((await db.query(sql.tableExistsInSchemaSql(schema, table))).toArray()[0]?.n ?? 0) > 0;
}

/**
 * The swap, on the connection exec and insertArrow share (the browser adapter gives every query its own
 * connection, so a query here would not see the uncommitted tables). Every step can fail; the caller rolls
 * the whole transaction back.
 */
async function loadAndSwap(db: Db, archive: ReturnType<typeof unpackProject>, replace: Replaced, clearProvenance: boolean, step: { table?: string }) {
  const { manifest, tables, columnTypes } = archive;
  // The previous project's combined tables go first: they read its tables.
  for (const name of replace.views) await db.exec(dropViewSql(name));
  for (const [i, t] of manifest.tables.entries()) {
    step.table = t.name;
    await db.insertArrow(`${STAGING_PREFIX}${i}`, tables.get(t.file)!);
    for (const [column, type] of Object.entries(columnTypes.get(t.file) ?? {})) await db.exec(sql.alterColumnTypeSql(`${STAGING_PREFIX}${i}`, column, type));
  }
  step.table = undefined;
  // DuckDB identifiers compare case-insensitively, so one DROP per distinct lower-cased name.
  const drops = [...new Map([...replace.tables, ...manifest.tables.map((t) => t.name)].map((n) => [n.toLowerCase(), n])).values()];
  for (const name of drops) await db.exec(sql.dropTableSql(name));
  for (const [i, t] of manifest.tables.entries()) await db.exec(sql.renameTableSql(`${STAGING_PREFIX}${i}`, t.name));
  // Rows of tables that are gone (or replaced) must not describe a table that later takes the name.
  if (clearProvenance && drops.length + replace.views.length) await db.exec(sql.deleteByNamesSql(PROVENANCE_TABLE, 'table_name', [...drops, ...replace.views]));
  for (const t of manifest.tables) {
    const p = t.provenance && fromSaved(t.name, t.provenance);
    if (p) await recordProvenance(db, p);
  }
  // Combined tables are views over the tables just loaded (and the bundled ones): made again, with their provenance.
  for (const join of replace.joins) {
    step.table = join.name;
    await writeJoinView(db, join);
  }
  step.table = undefined;
}

interface Replaced {
  tables: string[];
  views: string[];
  /** The project's combined tables that bind over what the database will hold (joinsThatBind). */
  joins: JoinDef[];
}

/**
 * Opens project bytes into the database, all or nothing. Everything — zip, seal, manifest, every document,
 * every table stream — is validated before the database is touched. Then one transaction loads the tables
 * under staging names, restores column types, drops the previous project's combined tables (every view with
 * a provenance row that is not protected) and `replace` (its tables), renames, rewrites provenance and makes the project's combined tables
 * (views) again; any failure rolls it all back. Names in `protect` (bundled tables, views) are
 * never overwritten. On failure the database is exactly as it was and the error is a ProjectError.
 */
export async function openProject(
  db: Db,
  bytes: Uint8Array,
  opts: {
    replace: string[];
    protect: string[];
    /** Runs on the validated manifest before the database is touched; a throw refuses the file. */
    check?(manifest: ProjectManifest): void;
  },
): Promise<ProjectManifest> {
  const archive = unpackProject(bytes);
  const { manifest } = archive;
  opts.check?.(manifest);
  const protectedNames = new Set(opts.protect.map((n) => n.toLowerCase()));
  const clash = [...manifest.tables, ...manifest.documents.joins.flatMap((f) => f.joins)].find((t) => protectedNames.has(t.name.toLowerCase()));
  if (clash) throw new ProjectError('protected-name', `table ${clash.name} would replace a built-in table`, { table: clash.name });
  const step: { table?: string } = {};
  const failed = (e: unknown) =>
    e instanceof ProjectError ? e : new ProjectError(step.table ? 'load-failed' : 'commit-failed', e instanceof Error ? e.message : String(e), step.table ? { table: step.table } : {}, e);
  let clearProvenance: boolean;
  let views: string[];
  let joins: JoinDef[];
  try {
    clearProvenance = await hasProvenanceTable(db);
    views = await combinedViews(db, opts.protect);
    joins = (await joinsThatBind(db, archive, [...opts.replace, ...views])).ok;
    await db.exec(sql.BEGIN_SQL);
  } catch (e) {
    // No transaction of ours is open: nothing to roll back (and someone else's must not be).
    throw failed(e);
  }
  try {
    await loadAndSwap(db, archive, { tables: opts.replace, views, joins }, clearProvenance, step);
    await db.exec(sql.COMMIT_SQL);
  } catch (e) {
    await db.exec(sql.ROLLBACK_SQL).catch(() => undefined);
    throw failed(e);
  }
  return manifest;
}

/** The combined tables (views with a provenance row) not in `exclude`: a project's own views. */
export async function combinedViews(db: Db, exclude: string[]): Promise<string[]> {
  if (!(await hasProvenanceTable(db))) return [];
  const skip = new Set(exclude.map((n) => n.toLowerCase()));
  const t = await db.query(sql.recordedViewsSql());
  return t
    .toArray()
    .map((r) => String(r.view_name))
    .filter((name) => !skip.has(name.toLowerCase()));
}

/** Names of tables (not views) in the main schema that are neither reserved nor in `exclude` (e.g. the bundled datasets). */
export async function userTables(db: Db, exclude: string[]): Promise<string[]> {
  const skip = new Set(exclude);
  const t = await db.query(sql.mainTablesSql());
  return t
    .toArray()
    .map((r) => String(r.table_name))
    .filter((name) => !isReservedName(name) && !skip.has(name));
}
