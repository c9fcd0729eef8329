import { isLang } from '../i18n';
import { validTableName } from '../import/commit';
import { parseSavedProvenance, type SavedProvenance } from '../import/provenance';
import { isReservedName } from '../reserved-names';
import { parseDocuments, parseSettings, parseSql, type ProjectDocuments, type ProjectSettings, type ProjectSql } from './documents';
import { ProjectError } from './errors';

export { ProjectError, type ProjectErrorCode } from './errors';
export type { SqlSnippet } from './documents';

/**
 * The project manifest (manifest.json inside a .sgwp zip). Version history:
 *  1 — tables + plain list of queries + language.
 *  2 — SQL draft/history/snippets, feature documents (charts, dashboards, decks), settings, table provenance,
 *      per-table CRC-32 (optional) and column types.
 *  3 — sealed: manifest.sha256 holds the SHA-256 of the manifest bytes, and every table records the CRC-32
 *      and byte length of its Arrow stream (both required). Strict: every field must have its type, and
 *      documents must pass their parsers.
 *  4 — documents.calcFields (calculated fields) and documents.joins (combined tables, made again as views
 *      on open); a view's name may be no table's name.
 *      Dashboard cards and deck chart slides may refer to the saved chart they show (`savedId`) and follow
 *      its updates; a version-3 file has no such links, so its cards and slides keep their own specs.
 * Every older version is migrated step by step to CURRENT_VERSION when opened.
 */
export const PROJECT_FORMAT = 'sgw-project';
export const CURRENT_VERSION = 4;

/** Where an imported table came from: import's own saved shape (one type for both sides). */
export type TableProvenance = SavedProvenance;

export interface ProjectTable {
  name: string;
  /** Path inside the zip of the table's Arrow IPC stream. */
  file: string;
  rows: number;
  /** Length of the Arrow IPC stream (required from version 3). */
  bytes?: number;
  /** CRC-32 of the Arrow IPC stream (required from version 3): damaged data is refused before it is parsed. */
  crc32?: number;
  /** SQL types the columns had when saved; numeric ones the Arrow copy carries as DOUBLE are restored on open. */
  columnTypes?: Record<string, string>;
  provenance?: TableProvenance;
}

export interface ProjectManifest {
  format: typeof PROJECT_FORMAT;
  version: typeof CURRENT_VERSION;
  app: { name: string; version: string };
  savedAt: string;
  tables: ProjectTable[];
  sql: ProjectSql;
  documents: ProjectDocuments;
  settings: ProjectSettings;
}

const TABLE_FILE = /^tables\/[\w-]{1,64}\.arrow$/;
const MANIFEST_KEYS = ['format', 'version', 'app', 'savedAt', 'tables', 'sql', 'documents', 'settings'];
const TABLE_KEYS = ['name', 'file', 'rows', 'bytes', 'crc32', 'columnTypes', 'provenance'];
const TEXT_PROVENANCE = ['fileName', 'sheet', 'encoding', 'importedAt', 'notes'];
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,9})?$/;

const bad = (detail: string): never => {
  throw new ProjectError('bad-manifest', detail);
};
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

type Migration = (m: Record<string, unknown>) => Record<string, unknown>;

/** MIGRATIONS[n] turns a version-n manifest into version n+1. */
const MIGRATIONS: Record<number, Migration> = {
  1: (m) => ({
    format: PROJECT_FORMAT,
    version: 2,
    app: { name: 'sgw', version: 'unknown' },
    savedAt: typeof m.savedAt === 'string' ? m.savedAt : new Date(0).toISOString(),
    tables: m.tables,
    sql: {
      draft: '',
      history: Array.isArray(m.queries) ? m.queries.filter((q): q is string => typeof q === 'string').map((sql) => ({ sql, at: 0, ok: true })) : [],
      snippets: [],
    },
    documents: { charts: [], dashboards: [], decks: [] },
    settings: { lang: isLang(m.lang) ? m.lang : 'zh-CN' },
  }),
  // Same shape; version 3 adds the seal and requires checksums, which unpackProject checks on the file.
  2: (m) => ({ ...m, version: 3 }),
  // A documents value that is not an object stays as it is, for parseDocuments to refuse.
  3: (m) => ({ ...m, version: 4, documents: isObject(m.documents) ? { ...m.documents, calcFields: [], joins: [] } : m.documents }),
};

function stringMap(v: unknown, where: string): Record<string, string> {
  if (!isObject(v) || !Object.values(v).every((x) => typeof x === 'string')) bad(`${where} must map names to text`);
  return v as Record<string, string>;
}

function parseProvenance(v: unknown, where: string): TableProvenance {
  if (!isObject(v)) bad(`${where} is not an object`);
  const p = v as Record<string, unknown>;
  for (const key of TEXT_PROVENANCE) if (p[key] !== undefined && typeof p[key] !== 'string') bad(`${where}.${key} must be text`);
  // It becomes a TIMESTAMP literal when provenance is recorded: refuse a malformed one before the engine does.
  if (p.importedAt !== undefined && !TIMESTAMP.test(p.importedAt as string)) bad(`${where}.importedAt is not a time`);
  if (p.units !== undefined) stringMap(p.units, `${where}.units`);
  // Import's own parser types the fields import added (title, source, totals, roles); unknown fields are dropped.
  return parseSavedProvenance(p) ?? {};
}

function parseTable(t: unknown, i: number): ProjectTable {
  const where = `tables[${i}]`;
  if (!isObject(t)) bad(`${where} is not an object`);
  const table = t as Record<string, unknown>;
  const extra = Object.keys(table).find((k) => !TABLE_KEYS.includes(k));
  if (extra !== undefined) bad(`${where} has an unknown field ${JSON.stringify(extra)}`);
  const name = table.name;
  if (typeof name === 'string' && isReservedName(name)) throw new ProjectError('reserved-name', `${where}.name ${name} is reserved`, { table: name });
  // The import's rule, so every table a user can import can also be saved and opened again.
  if (typeof name !== 'string' || !validTableName(name) || name !== name.trim()) bad(`${where}.name is not a valid table name`);
  if (typeof table.file !== 'string' || !TABLE_FILE.test(table.file)) bad(`${where}.file must be tables/<id>.arrow`);
  if (!isCount(table.rows)) bad(`${where}.rows must be a whole number`);
  for (const key of ['bytes', 'crc32'] as const) if (table[key] !== undefined && !isCount(table[key])) bad(`${where}.${key} must be a whole number`);
  return {
    name: name as string,
    file: table.file as string,
    rows: table.rows as number,
    ...(table.bytes !== undefined ? { bytes: table.bytes as number } : {}),
    ...(table.crc32 !== undefined ? { crc32: table.crc32 as number } : {}),
    ...(table.columnTypes !== undefined ? { columnTypes: stringMap(table.columnTypes, `${where}.columnTypes`) } : {}),
    ...(table.provenance !== undefined ? { provenance: parseProvenance(table.provenance, `${where}.provenance`) } : {}),
  };
}

function parseCurrent(m: Record<string, unknown>): ProjectManifest {
  const extra = Object.keys(m).find((k) => !MANIFEST_KEYS.includes(k));
  if (extra !== undefined) bad(`unknown field ${JSON.stringify(extra)}`);
  if (!Array.isArray(m.tables)) bad('tables must be a list');
  const tables = (m.tables as unknown[]).map(parseTable);
  const names = new Set<string>();
  const files = new Set<string>();
  for (const t of tables) {
    // DuckDB identifiers compare case-insensitively.
    if (names.has(t.name.toLowerCase())) bad(`table ${t.name} appears twice`);
    if (files.has(t.file)) bad(`${t.file} is used by two tables`);
    names.add(t.name.toLowerCase());
    files.add(t.file);
  }
  const app = isObject(m.app) ? m.app : bad('app must be an object');
  if (typeof app.name !== 'string' || typeof app.version !== 'string') bad('app name and version must be text');
  if (typeof m.savedAt !== 'string') bad('savedAt must be text');
  return {
    format: PROJECT_FORMAT,
    version: CURRENT_VERSION,
    app: { name: app.name as string, version: app.version as string },
    savedAt: m.savedAt as string,
    tables,
    sql: parseSql(m.sql),
    documents: checkViewNames(parseDocuments(m.documents), tables),
    settings: parseSettings(m.settings),
  };
}

/** A combined table's view may not take a table's name (DuckDB compares names case-insensitively). */
function checkViewNames(documents: ProjectDocuments, tables: ProjectTable[]): ProjectDocuments {
  const names = new Set(tables.map((t) => t.name.toLowerCase()));
  for (const j of documents.joins.flatMap((f) => f.joins)) {
    if (isReservedName(j.name)) throw new ProjectError('reserved-name', `view ${j.name} is reserved`, { table: j.name });
    if (names.has(j.name.toLowerCase())) throw new ProjectError('bad-document', `joins: view ${j.name} has a table's name`, { document: 'joins' });
  }
  return documents;
}

/** The version a manifest declares (checked as parseManifest does), to know whether it must be sealed. */
export function declaredVersion(json: unknown): number {
  if (!isObject(json) || json.format !== PROJECT_FORMAT) throw new ProjectError('not-a-project', 'manifest.json is not an sgw project manifest');
  const v = json.version;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) bad('version must be a positive integer');
  if ((v as number) > CURRENT_VERSION) throw new ProjectError('newer-version', `project version ${String(v)} is newer than ${CURRENT_VERSION}`, { version: v as number });
  return v as number;
}

/** Validates a manifest of any supported version and migrates it to the current one. */
export function parseManifest(json: unknown): ProjectManifest {
  let m = json as Record<string, unknown>;
  for (let v = declaredVersion(json); v < CURRENT_VERSION; v++) m = MIGRATIONS[v](m);
  return parseCurrent(m);
}
