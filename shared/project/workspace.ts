import { tableToIPC } from 'apache-arrow';
import type { Db } from '../db';
import type { Lang } from '../model/catalog';
import { PROVENANCE_TABLE, recordProvenance } from '../import/commit';
import { fromSaved, parseSavedProvenance } from '../import/provenance';
import { isReservedName } from '../reserved-names';
import * as sql from '../sql/project-sql';
import { packProject, unpackProject } from './archive';
import { parseDocuments, parseSettings, parseSql, type DocumentsInput, type ProjectSql } from './documents';
import { ProjectError } from './errors';
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
 * Snapshots the workspace into project bytes: the table data itself travels with the project. Tables with
 * reserved (internal) names are never written.
 */
export async function saveProject(db: Db, state: WorkspaceState, now = new Date()): Promise<Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const tables: ProjectTable[] = [];
  for (const t of state.tables.filter((t) => !isReservedName(t.name))) {
    const data = await db.query(sql.selectAllSql(t.name));
    const file = `tables/t${tables.length}.arrow`;
    files.set(file, tableToIPC(data, 'stream'));
    tables.push({ name: t.name, file, rows: data.numRows, columnTypes: await tableColumnTypes(db, t.name), ...(t.provenance ? { provenance: t.provenance } : {}) });
  }
  const manifest: ProjectManifest = {
    format: PROJECT_FORMAT,
    version: CURRENT_VERSION,
    app: state.app,
    savedAt: now.toISOString(),
    tables,
    sql: parseSql(state.sql),
    documents: parseDocuments(state.documents),
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
async function loadAndSwap(db: Db, archive: ReturnType<typeof unpackProject>, replace: string[], clearProvenance: boolean, step: { table?: string }) {
  const { manifest, tables, columnTypes } = archive;
  for (const [i, t] of manifest.tables.entries()) {
    step.table = t.name;
    await db.insertArrow(`${STAGING_PREFIX}${i}`, tables.get(t.file)!);
    for (const [column, type] of Object.entries(columnTypes.get(t.file) ?? {})) await db.exec(sql.alterColumnTypeSql(`${STAGING_PREFIX}${i}`, column, type));
  }
  step.table = undefined;
  // DuckDB identifiers compare case-insensitively, so one DROP per distinct lower-cased name.
  const drops = [...new Map([...replace, ...manifest.tables.map((t) => t.name)].map((n) => [n.toLowerCase(), n])).values()];
  for (const name of drops) await db.exec(sql.dropTableSql(name));
  for (const [i, t] of manifest.tables.entries()) await db.exec(sql.renameTableSql(`${STAGING_PREFIX}${i}`, t.name));
  // Rows of tables that are gone (or replaced) must not describe a table that later takes the name.
  if (clearProvenance && drops.length) await db.exec(sql.deleteByNamesSql(PROVENANCE_TABLE, 'table_name', drops));
  for (const t of manifest.tables) {
    // Import's own parser types the fields import added (title, source, totals, roles) before they are written.
    const p = t.provenance && fromSaved(t.name, parseSavedProvenance(t.provenance) ?? {});
    if (p) await recordProvenance(db, p);
  }
}

/**
 * Opens project bytes into the database, all or nothing. Everything — zip, seal, manifest, every document,
 * every table stream — is validated before the database is touched. Then one transaction loads the tables
 * under staging names, restores column types, drops `replace` (the previous project's tables), renames,
 * and rewrites provenance; any failure rolls it all back. Names in `protect` (bundled tables, views) are
 * never overwritten. On failure the database is exactly as it was and the error is a ProjectError.
 */
export async function openProject(
  db: Db,
  bytes: Uint8Array,
  opts: { replace: string[]; protect: string[]; /** Runs on the validated manifest before the database is touched; a throw refuses the file. */ check?(manifest: ProjectManifest): void },
): Promise<ProjectManifest> {
  const archive = unpackProject(bytes);
  const { manifest } = archive;
  opts.check?.(manifest);
  const protectedNames = new Set(opts.protect.map((n) => n.toLowerCase()));
  const clash = manifest.tables.find((t) => protectedNames.has(t.name.toLowerCase()));
  if (clash) throw new ProjectError('protected-name', `table ${clash.name} would replace a built-in table`, { table: clash.name });
  const step: { table?: string } = {};
  const failed = (e: unknown) =>
    e instanceof ProjectError ? e : new ProjectError(step.table ? 'load-failed' : 'commit-failed', e instanceof Error ? e.message : String(e), step.table ? { table: step.table } : {}, e);
  let clearProvenance: boolean;
  try {
    clearProvenance = await hasProvenanceTable(db);
    await db.exec(sql.BEGIN_SQL);
  } catch (e) {
    // No transaction of ours is open: nothing to roll back (and someone else's must not be).
    throw failed(e);
  }
  try {
    await loadAndSwap(db, archive, opts.replace, clearProvenance, step);
    await db.exec(sql.COMMIT_SQL);
  } catch (e) {
    await db.exec(sql.ROLLBACK_SQL).catch(() => undefined);
    throw failed(e);
  }
  return manifest;
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
