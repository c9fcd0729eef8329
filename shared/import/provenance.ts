/**
 * Where an imported table came from: the row `sgw_meta.provenance` keeps per table, and the shape a project
 * file carries for it (SavedProvenance = the manifest's TableProvenance, validated by parseSavedProvenance when a project opens). This type is
 * the one contract between import and shared/project: new fields are optional, so older projects open.
 */
import type { ColumnRole, ParsedTable, SourceInfo, TableTotals } from './types';

export interface Provenance {
  tableName: string;
  fileName: string;
  sheet: string | null;
  encoding: string | null;
  importedAt: string;
  /** Title rows and footnotes of the source table, one per line. */
  notes: string;
  /** Column name → unit. */
  units: Record<string, string>;
  /** The table's title row ("表 3-2  社会组织基本情况"). */
  title?: string;
  /** The table's source line without its label (资料来源：民政部 → 民政部): what charts cite. */
  source?: string;
  /** Total rows and columns (kept in the table; charts leave them out of comparisons by default). */
  totals?: TableTotals;
  /** Which column holds the row labels, their parents, the 其中 flag and the row units. */
  roles?: Partial<Record<ColumnRole, string>>;
}

/**
 * Provenance as a project manifest carries it: the table name is the table entry's own, everything optional.
 * A type alias, not an interface, so it fits the manifest's open provenance record.
 */
export type SavedProvenance = {
  fileName?: string;
  sheet?: string;
  encoding?: string;
  importedAt?: string;
  notes?: string;
  units?: Record<string, string>;
  title?: string;
  source?: string;
  totals?: TableTotals;
  roles?: Partial<Record<ColumnRole, string>>;
};

/** The provenance row for a table imported from `source` as `tableName`. */
export function importProvenance(tableName: string, parsed: ParsedTable, source: SourceInfo, now = new Date()): Provenance {
  const roles = Object.fromEntries(parsed.columns.filter((c) => c.role).map((c) => [c.role!, c.name])) as Provenance['roles'];
  return {
    tableName,
    fileName: source.fileName,
    sheet: parsed.sheet ?? null,
    encoding: source.encoding ?? null,
    importedAt: now.toISOString().replace('T', ' ').replace('Z', ''),
    notes: [...parsed.titles, ...parsed.notes].join('\n'),
    units: Object.fromEntries(parsed.columns.filter((c) => c.unit).map((c) => [c.name, c.unit!])),
    ...(parsed.title ? { title: parsed.title } : {}),
    ...(parsed.source ? { source: parsed.source } : {}),
    totals: parsed.totals,
    ...(roles && Object.keys(roles).length ? { roles } : {}),
  };
}

export function toSaved(p: Provenance): SavedProvenance {
  const { tableName: _name, sheet, encoding, ...rest } = p;
  return { ...rest, ...(sheet !== null ? { sheet } : {}), ...(encoding !== null ? { encoding } : {}) };
}

/** The provenance row for a table a project brings back, or null when the project names no source file. */
export function fromSaved(tableName: string, s: SavedProvenance): Provenance | null {
  if (!s.fileName) return null;
  return {
    ...s,
    tableName,
    fileName: s.fileName,
    sheet: s.sheet ?? null,
    encoding: s.encoding ?? null,
    importedAt: s.importedAt ?? new Date(0).toISOString().slice(0, 19).replace('T', ' '),
    notes: s.notes ?? '',
    units: s.units ?? {},
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
const texts = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

function stringMap(v: unknown): Record<string, string> | undefined {
  if (!isObject(v)) return undefined;
  return Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === 'string'));
}

export function parseTotals(v: unknown): TableTotals | undefined {
  if (!isObject(v)) return undefined;
  const rows = (Array.isArray(v.rows) ? v.rows : []).filter(isObject).flatMap((r) => (typeof r.column === 'string' ? [{ column: r.column, values: texts(r.values) }] : []));
  return { rows, columns: texts(v.columns) };
}

const ROLES: readonly ColumnRole[] = ['label', 'parent', 'part', 'unit'];

function parseRoles(v: unknown): Provenance['roles'] | undefined {
  if (!isObject(v)) return undefined;
  const out = Object.fromEntries(ROLES.flatMap((r) => (typeof v[r] === 'string' ? [[r, v[r]]] : [])));
  return Object.keys(out).length ? out : undefined;
}

/** Validates provenance read from a file (a project manifest): unknown fields dropped, wrong types ignored. */
export function parseSavedProvenance(v: unknown): SavedProvenance | undefined {
  if (!isObject(v)) return undefined;
  const out: SavedProvenance = {
    fileName: text(v.fileName),
    sheet: text(v.sheet),
    encoding: text(v.encoding),
    importedAt: text(v.importedAt),
    notes: text(v.notes),
    units: stringMap(v.units),
    title: text(v.title),
    source: text(v.source),
    totals: parseTotals(v.totals),
    roles: parseRoles(v.roles),
  };
  return Object.fromEntries(Object.entries(out).filter(([, x]) => x !== undefined)) as SavedProvenance;
}
