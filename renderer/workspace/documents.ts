import { emptyDeck, parseDeck, serializeDeck, type Deck } from '../../shared/cases/deck';
import { parseGeoJson, type GeoMap } from '../../shared/charts/geojson';
import { isLang } from '../../shared/i18n';
import type { Lang } from '../../shared/model/catalog';
import { parseChartSpec, type ChartSpec } from '../../shared/model/chart-spec';
import { parsePivotSpec, type PivotSpec } from '../../shared/model/pivot-spec';
import { emptySavedPivots, parseSavedPivots, type SavedPivotsFile } from '../../shared/model/saved-pivots';
import { parseSavedCharts, type Dashboard, type SavedChartsFile } from '../../shared/model/dashboard';
import { emptyCalcFields, parseCalcFields, type CalcFieldsFile } from '../../shared/model/calc-field';
import type { HistoryEntry } from '../../shared/model/history';
import { emptyJoins, parseJoins, type JoinsFile } from '../../shared/model/join';
import { parseDashboardsFile, parseHistoryStrict, parseSnippets, type SqlSnippet } from '../../shared/project/documents';
import { STARTER_SQL } from '../../shared/sql/browse-sql';

// The parsers are the project file's own (shared/project/documents.ts, on the shared/model parsers), so a
// document the profile accepts is one a project accepts, and the reverse.

/**
 * The one table of the browser profile's storage keys. Nothing else names a localStorage key: every
 * document below is read and written through the workspace store (./store.ts), which writes through
 * synchronously — so the autosave's clean-close flag (`closedCleanly`) can be set from pagehide.
 */
export const STORAGE_KEYS = {
  sqlDraft: 'sgw.sqlDraft',
  sqlHistory: 'sgw.sqlHistory',
  sqlSnippets: 'sgw.sqlSnippets',
  savedCharts: 'sgw.savedCharts',
  dashboards: 'sgw.dashboards',
  deck: 'sgw.deck',
  calcFields: 'sgw.calcFields',
  joins: 'sgw.joins',
  savedPivots: 'sgw.savedPivots',
  chartDraft: 'sgw.chartDraft',
  pivotDraft: 'sgw.pivotDraft',
  dashboardPick: 'sgw.dashboard',
  view: 'sgw.view',
  lang: 'sgw.lang',
  geoMaps: 'sgw.geoMaps',
  closedCleanly: 'sgw.autosave.closedCleanly',
} as const;

/** A stored entry its parser refuses is moved to `<key>.damaged` (a list, appended to, never overwritten). */
export const DAMAGED_SUFFIX = '.damaged';

/** The chart builder's unsaved chart, and which saved chart it updates when saved. */
export interface ChartDraft {
  spec: ChartSpec;
  savedId?: string;
}

/** The 分析 screen's pivot as last edited, and which saved pivot 保存透视表 updates. */
export interface PivotDraft {
  spec: PivotSpec;
  savedId?: string;
}

export interface DocumentValues {
  sqlDraft: string;
  sqlHistory: HistoryEntry[];
  sqlSnippets: SqlSnippet[];
  savedCharts: SavedChartsFile;
  dashboards: Dashboard[];
  deck: Deck;
  calcFields: CalcFieldsFile;
  joins: JoinsFile;
  savedPivots: SavedPivotsFile;
  chartDraft: ChartDraft | null;
  pivotDraft: PivotDraft | null;
  dashboardPick: string | null;
  view: string | null;
  lang: Lang;
  geoMaps: Record<string, GeoMap>;
  closedCleanly: boolean;
}
export type DocName = keyof DocumentValues;

export interface DocDef<T> {
  key: string;
  /** project: carried in .sgwp files and counted as unsaved work; profile: this browser profile only. */
  scope: 'project' | 'profile';
  fallback(): T;
  /** Validates a stored or project-file value; throws (with what is wrong) when it is damaged. */
  parse(json: unknown): T;
  /** The JSON value kept in storage; null removes the key. */
  toJson(value: T): unknown;
  /** Kept as plain text rather than JSON (the string itself is the stored value). */
  text?: true;
  /** Longer stored text is kept for this session only (write reports false). */
  maxChars?: number;
}

export class DocumentError extends Error {}

const fail = (detail: string): never => {
  throw new DocumentError(detail);
};
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string => (typeof v === 'string' ? v : fail('not text'));
const nullableText = (v: unknown): string | null => (v === null ? null : text(v));

function parseChartDraft(json: unknown): ChartDraft | null {
  if (json === null) return null;
  if (!isObj(json)) fail('chart draft is not an object');
  const draft = json as Record<string, unknown>;
  return { spec: parseChartSpec(draft.spec), ...(typeof draft.savedId === 'string' ? { savedId: draft.savedId } : {}) };
}

/** A draft as stored; a bare PivotSpec is how drafts were kept before pivots could be saved. */
function parsePivotDraft(json: unknown): PivotDraft | null {
  if (json === null) return null;
  if (!isObj(json)) fail('pivot draft is not an object');
  const draft = json as Record<string, unknown>;
  if (draft.version !== undefined) return { spec: parsePivotSpec(draft) };
  return { spec: parsePivotSpec(draft.spec), ...(typeof draft.savedId === 'string' ? { savedId: draft.savedId } : {}) };
}

function parseGeoMaps(json: unknown): Record<string, GeoMap> {
  if (!isObj(json)) fail('basemaps are not an object');
  return Object.fromEntries(Object.entries(json as Record<string, unknown>).map(([name, map]) => [name, parseGeoJson(JSON.stringify(map))]));
}

export const DOCUMENTS: { [K in DocName]: DocDef<DocumentValues[K]> } = {
  sqlDraft: { key: STORAGE_KEYS.sqlDraft, scope: 'project', text: true, fallback: () => STARTER_SQL, parse: text, toJson: (v) => v },
  sqlHistory: { key: STORAGE_KEYS.sqlHistory, scope: 'project', fallback: () => [], parse: parseHistoryStrict, toJson: (v) => v },
  sqlSnippets: { key: STORAGE_KEYS.sqlSnippets, scope: 'project', fallback: () => [], parse: parseSnippets, toJson: (v) => v },
  savedCharts: { key: STORAGE_KEYS.savedCharts, scope: 'project', fallback: () => ({ version: 1, charts: [] }), parse: parseSavedCharts, toJson: (v) => v },
  dashboards: { key: STORAGE_KEYS.dashboards, scope: 'project', fallback: () => [], parse: (v) => parseDashboardsFile(v).dashboards, toJson: (v) => ({ version: 1, dashboards: v }) },
  deck: { key: STORAGE_KEYS.deck, scope: 'project', fallback: () => emptyDeck(), parse: (v) => parseDeck(JSON.stringify(v)), toJson: (v) => JSON.parse(serializeDeck(v)) as unknown },
  calcFields: { key: STORAGE_KEYS.calcFields, scope: 'project', fallback: emptyCalcFields, parse: parseCalcFields, toJson: (v) => v },
  joins: { key: STORAGE_KEYS.joins, scope: 'project', fallback: emptyJoins, parse: parseJoins, toJson: (v) => v },
  savedPivots: { key: STORAGE_KEYS.savedPivots, scope: 'project', fallback: emptySavedPivots, parse: parseSavedPivots, toJson: (v) => v },
  chartDraft: { key: STORAGE_KEYS.chartDraft, scope: 'profile', fallback: () => null, parse: parseChartDraft, toJson: (v) => v },
  pivotDraft: { key: STORAGE_KEYS.pivotDraft, scope: 'profile', fallback: () => null, parse: parsePivotDraft, toJson: (v) => v },
  dashboardPick: { key: STORAGE_KEYS.dashboardPick, scope: 'profile', text: true, fallback: () => null, parse: nullableText, toJson: (v) => v },
  view: { key: STORAGE_KEYS.view, scope: 'profile', text: true, fallback: () => null, parse: nullableText, toJson: (v) => v },
  lang: { key: STORAGE_KEYS.lang, scope: 'profile', text: true, fallback: () => 'zh-CN', parse: (v) => (isLang(v) ? v : fail('not a known language')), toJson: (v) => v },
  // Basemaps are large and belong to the profile, never to projects; beyond ~3 MB they last one session.
  geoMaps: { key: STORAGE_KEYS.geoMaps, scope: 'profile', fallback: () => ({}), parse: parseGeoMaps, toJson: (v) => v, maxChars: 3_000_000 },
  // Whether the last session closed cleanly ('0' while a session is open; anything else reads as yes).
  closedCleanly: { key: STORAGE_KEYS.closedCleanly, scope: 'profile', text: true, fallback: () => true, parse: (v) => v !== '0', toJson: (v) => (v ? '1' : '0') },
};

export const DOC_NAMES = Object.keys(DOCUMENTS) as DocName[];
export const PROJECT_DOCS = DOC_NAMES.filter((n) => DOCUMENTS[n].scope === 'project');
