/**
 * The bundled-dataset catalog (`datasets/catalog.json`) and column metadata.
 * Plain serialisable data; `parseCatalog` validates it at the boundary.
 */
export type Lang = 'zh-CN' | 'en';
export const LANGS: readonly Lang[] = ['zh-CN', 'en'];

/** Here rather than in i18n so the preload's payload parsers can check a language without the message catalogs. */
export function isLang(v: unknown): v is Lang {
  return v === 'zh-CN' || v === 'en';
}
/** The language's BCP 47 tag, for Intl formatters and the lang attributes of exported files. */
export function languageTag(lang: Lang): 'zh-CN' | 'en-US' {
  return lang === 'en' ? 'en-US' : 'zh-CN';
}
export interface LocalText {
  zh: string;
  en: string;
}

/** SQL types a bundled CSV column may declare; they are passed to DuckDB's read_csv. */
export const COLUMN_TYPES = ['VARCHAR', 'INTEGER', 'BIGINT', 'DOUBLE', 'BOOLEAN', 'DATE'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export interface ColumnMeta {
  name: string;
  type: ColumnType;
  label: LocalText;
  unit?: string;
  description?: string;
}

export interface DatasetEntry {
  /** DuckDB table name: lower snake case ASCII. */
  table: string;
  /** CSV file (UTF-8, header row, comma separated) relative to `datasets/`. */
  file: string;
  title: LocalText;
  description: LocalText;
  columns: ColumnMeta[];
  /** Seed documents this table is built from (file names in ../shared/seeds). */
  sources: string[];
}

export interface SourceDocument {
  title: LocalText;
  /** For source lines under charts. */
  short: LocalText;
  /** Text of the document that identifies it (checked against the seed). */
  quote: string;
}

export interface DatasetCatalog {
  version: 1;
  datasets: DatasetEntry[];
  /** Seed file name → its human title. */
  documents?: Record<string, SourceDocument>;
}

/** A seed document's title ('short' for source lines), or its file name when the catalog has none. */
export function documentTitle(catalog: DatasetCatalog | null, file: string, lang: Lang, form: 'title' | 'short' = 'title'): string {
  const doc = catalog?.documents?.[file];
  return doc ? doc[form][lang === 'en' ? 'en' : 'zh'] : file;
}

function parseDocuments(v: unknown): Record<string, SourceDocument> | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail('documents must be an object');
  return Object.fromEntries(
    Object.entries(v).map(([file, d]) => {
      const doc = d as Record<string, unknown>;
      if (!isLocalText(doc?.title) || !isLocalText(doc.short) || typeof doc.quote !== 'string') fail(`documents.${file} needs title, short (zh, en) and quote`);
      return [file, { title: doc.title, short: doc.short, quote: doc.quote }];
    }),
  );
}

const TABLE_NAME = /^[a-z][a-z0-9_]*$/;

function isLocalText(v: unknown): v is LocalText {
  return typeof v === 'object' && v !== null && typeof (v as LocalText).zh === 'string' && typeof (v as LocalText).en === 'string';
}

function fail(msg: string): never {
  throw new Error(`catalog.json: ${msg}`);
}

function parseColumn(c: unknown, where: string): ColumnMeta {
  if (typeof c !== 'object' || c === null) fail(`${where} is not an object`);
  const col = c as Record<string, unknown>;
  if (typeof col.name !== 'string' || col.name === '') fail(`${where}.name missing`);
  if (!COLUMN_TYPES.includes(col.type as ColumnType)) fail(`${where}.type must be one of ${COLUMN_TYPES.join(', ')}`);
  if (!isLocalText(col.label)) fail(`${where}.label needs zh and en`);
  if (col.unit !== undefined && typeof col.unit !== 'string') fail(`${where}.unit must be text`);
  return {
    name: col.name,
    type: col.type as ColumnType,
    label: col.label,
    ...(col.unit ? { unit: col.unit as string } : {}),
    ...(typeof col.description === 'string' ? { description: col.description } : {}),
  };
}

function parseEntry(d: unknown, i: number): DatasetEntry {
  const where = `datasets[${i}]`;
  if (typeof d !== 'object' || d === null) fail(`${where} is not an object`);
  const e = d as Record<string, unknown>;
  if (typeof e.table !== 'string' || !TABLE_NAME.test(e.table)) fail(`${where}.table must be lower snake case`);
  if (typeof e.file !== 'string' || !/^[\w./-]+\.csv$/.test(e.file) || e.file.includes('..')) fail(`${where}.file must be a .csv path inside datasets/`);
  if (!isLocalText(e.title)) fail(`${where}.title needs zh and en`);
  if (!isLocalText(e.description)) fail(`${where}.description needs zh and en`);
  if (!Array.isArray(e.columns) || e.columns.length === 0) fail(`${where}.columns must be a non-empty list`);
  if (!Array.isArray(e.sources) || !e.sources.every((s) => typeof s === 'string')) fail(`${where}.sources must be a list of file names`);
  return {
    table: e.table,
    file: e.file,
    title: e.title,
    description: e.description,
    columns: e.columns.map((c, j) => parseColumn(c, `${where}.columns[${j}]`)),
    sources: e.sources as string[],
  };
}

export function parseCatalog(json: unknown): DatasetCatalog {
  if (typeof json !== 'object' || json === null) fail('not an object');
  const c = json as Record<string, unknown>;
  if (c.version !== 1) fail(`unsupported version ${String(c.version)}`);
  if (!Array.isArray(c.datasets)) fail('datasets must be a list');
  const datasets = c.datasets.map(parseEntry);
  const names = new Set<string>();
  for (const d of datasets) {
    if (names.has(d.table)) fail(`duplicate table ${d.table}`);
    names.add(d.table);
  }
  const documents = parseDocuments(c.documents);
  return { version: 1, datasets, ...(documents ? { documents } : {}) };
}
