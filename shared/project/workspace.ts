import { tableToIPC } from 'apache-arrow';
import { ident, literal, type Db } from '../db';
import type { HistoryEntry } from '../model/history';
import type { Lang } from '../model/catalog';
import { recordProvenance } from '../import/commit';
import { packProject, unpackProject } from './archive';
import { crc32 } from './crc32';
import { CURRENT_VERSION, PROJECT_FORMAT, ProjectError, type ProjectManifest, type ProjectTable, type SqlSnippet } from './manifest';

export interface WorkspaceState {
  /** User tables to save (imported or created by the user; not bundled datasets, not views). */
  tables: { name: string; provenance?: ProjectTable['provenance'] }[];
  sql: { draft: string; history: HistoryEntry[]; snippets: SqlSnippet[] };
  documents: ProjectManifest['documents'];
  lang: Lang;
  app: { name: string; version: string };
}

/** Snapshots the workspace into project bytes: the table data itself travels with the project. */
export async function saveProject(db: Db, state: WorkspaceState, now = new Date()): Promise<Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const tables: ProjectTable[] = [];
  for (const [i, t] of state.tables.entries()) {
    const data = await db.query(`SELECT * FROM ${ident(t.name)}`);
    const file = `tables/t${i}.arrow`;
    const ipc = tableToIPC(data, 'stream');
    files.set(file, ipc);
    const columnTypes = await tableColumnTypes(db, t.name);
    tables.push({ name: t.name, file, rows: data.numRows, crc32: crc32(ipc), columnTypes, ...(t.provenance ? { provenance: t.provenance } : {}) });
  }
  const manifest: ProjectManifest = {
    format: PROJECT_FORMAT,
    version: CURRENT_VERSION,
    app: state.app,
    savedAt: now.toISOString(),
    tables,
    sql: state.sql,
    documents: state.documents,
    settings: { lang: state.lang },
  };
  return packProject(manifest, files);
}

const TEMP_PREFIX = '__sgw_open_';

async function tableColumnTypes(db: Db, table: string): Promise<Record<string, string>> {
  const t = await db.query(
    `SELECT column_name AS c, data_type AS ty FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = ${literal(table)} ORDER BY column_index`,
  );
  return Object.fromEntries(t.toArray().map((r) => [String(r.c), String(r.ty)]));
}

/** Integer and decimal types: the engines hand them to JS (and so to the saved Arrow copy) as DOUBLE. */
const RESTORABLE_TYPE = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|DECIMAL\(\d{1,2},\d{1,2}\))$/;

/**
 * Gives DOUBLE columns back the integer or decimal type they were saved with. The types come from the
 * manifest, i.e. from the file: only the whitelisted names above ever reach the SQL, and a column whose
 * values do not fit stays DOUBLE rather than losing data.
 */
async function restoreColumnTypes(db: Db, table: string, declared: Record<string, string> | undefined): Promise<void> {
  if (!declared) return;
  const loaded = await tableColumnTypes(db, table);
  for (const [column, type] of Object.entries(declared)) {
    if (loaded[column] !== 'DOUBLE' || !RESTORABLE_TYPE.test(type)) continue;
    await db.exec(`ALTER TABLE ${ident(table)} ALTER COLUMN ${ident(column)} SET DATA TYPE ${type}`).catch(() => undefined);
  }
}

/**
 * Opens project bytes into the database. Everything is validated and loaded under temporary names first;
 * only when all tables are in does it drop `replace` (the previous project's tables) and rename. Names in
 * `protect` (bundled tables, views) are never overwritten. On any failure the database is left as it was.
 */
export async function openProject(
  db: Db,
  bytes: Uint8Array,
  opts: { replace: string[]; protect: string[]; /** Runs on the validated manifest before anything changes; a throw refuses the file. */ check?(manifest: ProjectManifest): void },
): Promise<ProjectManifest> {
  const { manifest, tables } = unpackProject(bytes);
  opts.check?.(manifest);
  const key = (n: string) => n.toLowerCase();
  const protectedNames = new Set(opts.protect.map(key));
  const clash = manifest.tables.find((t) => protectedNames.has(key(t.name)));
  if (clash) throw new ProjectError('bad-manifest', `table ${clash.name} would replace a built-in table`);
  const temps: string[] = [];
  try {
    for (const [i, t] of manifest.tables.entries()) {
      const temp = `${TEMP_PREFIX}${i}`;
      temps.push(temp);
      await db.insertArrow(temp, tables.get(t.file)!);
      await restoreColumnTypes(db, temp, t.columnTypes);
    }
  } catch (e) {
    for (const temp of temps) await db.exec(`DROP TABLE IF EXISTS ${ident(temp)}`).catch(() => undefined);
    throw e;
  }
  // DuckDB identifiers compare case-insensitively, so one DROP per distinct lower-cased name.
  const drops = new Map([...opts.replace, ...manifest.tables.map((t) => t.name)].map((n) => [key(n), n]));
  for (const name of drops.values()) await db.exec(`DROP TABLE IF EXISTS ${ident(name)}`);
  for (const [i, t] of manifest.tables.entries()) await db.exec(`ALTER TABLE ${ident(`${TEMP_PREFIX}${i}`)} RENAME TO ${ident(t.name)}`);
  for (const t of manifest.tables) {
    const p = t.provenance;
    if (p?.fileName) {
      await recordProvenance(db, { tableName: t.name, fileName: p.fileName, sheet: p.sheet ?? null, encoding: p.encoding ?? null, importedAt: p.importedAt ?? new Date(0).toISOString().slice(0, 19).replace('T', ' '), notes: p.notes ?? '', units: p.units ?? {} });
    }
  }
  return manifest;
}

/** Names of tables (not views) in the main schema that are not in `exclude` (e.g. the bundled datasets). */
export async function userTables(db: Db, exclude: string[]): Promise<string[]> {
  const list = exclude.length ? `AND table_name NOT IN (${exclude.map(literal).join(', ')})` : '';
  const t = await db.query(
    `SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' AND NOT internal AND NOT temporary
       AND table_name NOT LIKE '\\_\\_sgw%' ESCAPE '\\' ${list} ORDER BY table_name`,
  );
  return t.toArray().map((r) => String(r.table_name));
}
