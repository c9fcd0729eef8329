/**
 * The browser-side parts of a project — SQL draft, history and snippets, saved charts and pivots,
 * dashboards, decks, settings — validated with the model's own parsers before anything changes. A part that does not parse
 * refuses the whole project: nothing is parked or dropped silently.
 */
import { parseDeck, type Deck } from '../cases/deck';
import { isLang } from '../i18n';
import type { Lang } from '../model/catalog';
import { parseDashboard, parseSavedCharts, type Dashboard, type SavedChartsFile } from '../model/dashboard';
import { parseCalcFields, type CalcFieldsFile } from '../model/calc-field';
import { parseHistory, type HistoryEntry } from '../model/history';
import { parseJoins, type JoinsFile } from '../model/join';
import { parseSavedPivots, type SavedPivotsFile } from '../model/saved-pivots';
import { ProjectError, type ProjectDocumentName } from './errors';

export interface SqlSnippet {
  name: string;
  sql: string;
}

/** The dashboards store's own shape (renderer/features/dashboard): edited and user-made dashboards. */
export interface DashboardsFile {
  version: 1;
  dashboards: Dashboard[];
}

/**
 * Feature documents. Each list holds its store's JSON value — one item, or none when the store is empty —
 * exactly as the store keeps it, so a project round-trips a store without translation.
 */
export interface ProjectDocuments {
  charts: SavedChartsFile[];
  dashboards: DashboardsFile[];
  decks: Deck[];
  /** Calculated fields of every table (version 4). */
  calcFields: CalcFieldsFile[];
  /** Combined tables: the views project open makes again, after the tables (version 4). */
  joins: JoinsFile[];
  /** Saved pivot tables (version 5); dashboard cards and slides may show them. */
  pivots: SavedPivotsFile[];
}

/** What a caller hands to saveProject: any JSON, validated like a file being opened. */
export interface DocumentsInput {
  charts: unknown[];
  dashboards: unknown[];
  decks: unknown[];
  calcFields?: unknown[];
  joins?: unknown[];
  pivots?: unknown[];
}

export interface ProjectSql {
  draft: string;
  history: HistoryEntry[];
  snippets: SqlSnippet[];
}

export interface ProjectSettings {
  lang: Lang;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function badDocument(document: ProjectDocumentName, detail: string): never {
  throw new ProjectError('bad-document', `${document}: ${detail}`, { document });
}

/** Runs a model parser, turning its complaint into a ProjectError naming the document. */
function parsed<T>(document: ProjectDocumentName, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (e instanceof ProjectError) throw e;
    return badDocument(document, e instanceof Error ? e.message : String(e));
  }
}

/** An object with exactly these keys (a key the app does not know would be dropped without a word). */
function exactObject(document: ProjectDocumentName, v: unknown, keys: readonly string[]): Record<string, unknown> {
  if (!isObject(v)) badDocument(document, 'not an object');
  const extra = Object.keys(v).find((k) => !keys.includes(k));
  if (extra !== undefined) badDocument(document, `unknown field ${JSON.stringify(extra)}`);
  return v;
}

function list(document: ProjectDocumentName, v: unknown): unknown[] {
  if (!Array.isArray(v)) badDocument(document, 'not a list');
  return v;
}

export function parseDashboardsFile(v: unknown): DashboardsFile {
  if (!isObject(v) || v.version !== 1 || !Array.isArray(v.dashboards)) throw new Error('not a version 1 dashboards file');
  const dashboards = v.dashboards.map(parseDashboard);
  const ids = new Set(dashboards.map((d) => d.id));
  if (ids.size !== dashboards.length) throw new Error('dashboard ids must be unique');
  return { version: 1, dashboards };
}

export function parseDocuments(v: unknown): ProjectDocuments {
  const docs = exactObject('charts', v, ['charts', 'dashboards', 'decks', 'calcFields', 'joins', 'pivots']);
  return {
    charts: list('charts', docs.charts).map((c) => parsed('charts', () => parseSavedCharts(c))),
    dashboards: list('dashboards', docs.dashboards).map((d) => parsed('dashboards', () => parseDashboardsFile(d))),
    decks: list('decks', docs.decks).map((d) => parsed('decks', () => parseDeck(JSON.stringify(d)))),
    calcFields: list('calcFields', docs.calcFields).map((f) => parsed('calcFields', () => parseCalcFields(f))),
    joins: list('joins', docs.joins).map((j) => parsed('joins', () => parseJoins(j))),
    pivots: list('pivots', docs.pivots).map((p) => parsed('pivots', () => parseSavedPivots(p))),
  };
}

function parseSnippet(s: unknown): SqlSnippet {
  const o = exactObject('snippets', s, ['name', 'sql']);
  if (typeof o.name !== 'string' || typeof o.sql !== 'string') badDocument('snippets', 'name and sql must be text');
  return { name: o.name, sql: o.sql };
}

/** A stored query history: parseHistory, but an entry it would drop is damage, not something to skip. */
export function parseHistoryStrict(v: unknown): HistoryEntry[] {
  const raw = list('history', v);
  const history = parseHistory(raw);
  if (history.length !== raw.length) badDocument('history', `${raw.length - history.length} entries are not valid`);
  return history;
}

export function parseSnippets(v: unknown): SqlSnippet[] {
  return list('snippets', v).map(parseSnippet);
}

export function parseSql(v: unknown): ProjectSql {
  const sql = exactObject('draft', v, ['draft', 'history', 'snippets']);
  if (typeof sql.draft !== 'string') badDocument('draft', 'must be text');
  return { draft: sql.draft, history: parseHistoryStrict(sql.history), snippets: parseSnippets(sql.snippets) };
}

export function parseSettings(v: unknown): ProjectSettings {
  const settings = exactObject('settings', v, ['lang']);
  if (!isLang(settings.lang)) badDocument('settings', 'lang must be zh-CN or en');
  return { lang: settings.lang };
}
