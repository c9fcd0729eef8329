import { parseHistory, type HistoryEntry } from '../model/history';
import { isLang } from '../i18n';
import { parseSavedProvenance, type SavedProvenance } from '../import/provenance';
import type { Lang } from '../model/catalog';

/**
 * The project manifest (manifest.json inside a .sgwp zip). Version history:
 *  1 — tables + plain list of queries + language.
 *  2 — SQL draft/history/snippets, feature documents (charts, dashboards, decks), settings, table provenance.
 * Every older version is migrated step by step to CURRENT_VERSION when opened.
 */
export const PROJECT_FORMAT = 'sgw-project';
export const CURRENT_VERSION = 2;

export interface ProjectTable {
  name: string;
  /** Path inside the zip of the table's Arrow IPC stream. */
  file: string;
  rows: number;
  /** CRC-32 of the table's Arrow IPC bytes: damaged data is refused before it is parsed. */
  crc32?: number;
  /** SQL types the columns had when saved; numeric ones the Arrow copy carries as DOUBLE are restored on open. */
  columnTypes?: Record<string, string>;
  provenance?: SavedProvenance;
}

export interface SqlSnippet {
  name: string;
  sql: string;
}

export interface ProjectManifest {
  format: typeof PROJECT_FORMAT;
  version: typeof CURRENT_VERSION;
  app: { name: string; version: string };
  savedAt: string;
  tables: ProjectTable[];
  sql: { draft: string; history: HistoryEntry[]; snippets: SqlSnippet[] };
  /** Feature documents, each validated by its own feature when loaded. */
  documents: { charts: unknown[]; dashboards: unknown[]; decks: unknown[] };
  settings: { lang: Lang };
}

export type ProjectErrorCode = 'not-a-project' | 'damaged' | 'newer-version' | 'bad-manifest' | 'missing-table' | 'bad-table';

export class ProjectError extends Error {
  constructor(
    readonly code: ProjectErrorCode,
    detail: string,
  ) {
    super(detail);
    this.name = 'ProjectError';
  }
}

const TABLE_NAME = /^[\p{L}_][\p{L}\p{N}_]{0,62}$/u;
const TABLE_FILE = /^tables\/[\w-]+\.arrow$/;

const bad = (detail: string): never => {
  throw new ProjectError('bad-manifest', detail);
};
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

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
};

function stringMap(v: unknown): Record<string, string> | undefined {
  if (!isObject(v)) return undefined;
  return Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

function parseTable(t: unknown, i: number): ProjectTable {
  if (!isObject(t)) bad(`tables[${i}] is not an object`);
  const table = t as Record<string, unknown>;
  if (typeof table.name !== 'string' || !TABLE_NAME.test(table.name)) bad(`tables[${i}].name is not a valid table name`);
  if (typeof table.file !== 'string' || !TABLE_FILE.test(table.file)) bad(`tables[${i}].file must be tables/<id>.arrow`);
  const rows = typeof table.rows === 'number' && Number.isInteger(table.rows) && table.rows >= 0 ? table.rows : 0;
  const prov = parseSavedProvenance(table.provenance);
  const crc = typeof table.crc32 === 'number' && Number.isInteger(table.crc32) && table.crc32 >= 0 ? { crc32: table.crc32 } : {};
  const types = isObject(table.columnTypes) ? { columnTypes: stringMap(table.columnTypes) } : {};
  return {
    name: table.name as string,
    file: table.file as string,
    rows,
    ...crc,
    ...types,
    ...(prov ? { provenance: prov } : {}),
  };
}

function parseCurrent(m: Record<string, unknown>): ProjectManifest {
  if (!Array.isArray(m.tables)) bad('tables must be a list');
  const tables = (m.tables as unknown[]).map(parseTable);
  const names = new Set<string>();
  for (const t of tables) {
    if (names.has(t.name.toLowerCase())) bad(`table ${t.name} appears twice`);
    names.add(t.name.toLowerCase());
  }
  const sql = isObject(m.sql) ? m.sql : {};
  const docs = isObject(m.documents) ? m.documents : {};
  const list = (v: unknown) => (Array.isArray(v) ? v : []);
  const app = isObject(m.app) ? m.app : {};
  const settings = isObject(m.settings) ? m.settings : {};
  return {
    format: PROJECT_FORMAT,
    version: CURRENT_VERSION,
    app: { name: typeof app.name === 'string' ? app.name : 'sgw', version: typeof app.version === 'string' ? app.version : 'unknown' },
    savedAt: typeof m.savedAt === 'string' ? m.savedAt : new Date(0).toISOString(),
    tables,
    sql: {
      draft: typeof sql.draft === 'string' ? sql.draft : '',
      history: parseHistory(sql.history),
      snippets: list(sql.snippets).filter((s): s is SqlSnippet => isObject(s) && typeof s.name === 'string' && typeof s.sql === 'string'),
    },
    documents: { charts: list(docs.charts), dashboards: list(docs.dashboards), decks: list(docs.decks) },
    settings: { lang: isLang(settings.lang) ? settings.lang : 'zh-CN' },
  };
}

/** Validates a manifest of any supported version and migrates it to the current one. */
export function parseManifest(json: unknown): ProjectManifest {
  if (!isObject(json) || json.format !== PROJECT_FORMAT) throw new ProjectError('not-a-project', 'manifest.json is not an sgw project manifest');
  let m = json;
  if (typeof m.version !== 'number' || !Number.isInteger(m.version) || m.version < 1) bad('version must be a positive integer');
  if ((m.version as number) > CURRENT_VERSION) throw new ProjectError('newer-version', `project version ${String(m.version)} is newer than ${CURRENT_VERSION}`);
  while ((m.version as number) < CURRENT_VERSION) m = MIGRATIONS[m.version as number](m);
  return parseCurrent(m);
}
