import type { Db } from '../db';
import { createTableAsSql, readCsvSql } from '../sql/catalog-sql';
import { REGISTERED_FILES } from '../sql/offline';
import { parseCatalog, type DatasetCatalog, type DatasetEntry } from '../model/catalog';
import type { TableInfo } from '../db-catalog';
import { FAST_FORM_FILE, parseFastForm, type FastForm } from './fast-form';

/** Reads a file that lives under `datasets/` (fetch in the browser, fs in Node). */
export type DatasetReader = (relativePath: string) => Promise<Uint8Array>;

export interface LoadedDatasets {
  catalog: DatasetCatalog;
  views: string[];
  /** The tables and views as listTables lists them now, when they came from the fast form (fast-form.ts). */
  tables?: TableInfo[];
}

/** Splits a .sql file of plain statements on `;` at line ends, skipping `--` comment lines. */
export function splitSqlStatements(sqlText: string): string[] {
  const lines = sqlText.split(/\r?\n/).filter((l) => !/^\s*--/.test(l));
  return lines
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

const decoder = new TextDecoder('utf-8');

const optional = (read: DatasetReader, file: string) =>
  read(file).then(
    (bytes) => bytes,
    () => null,
  );

/** What a screen wants first: the tables and views it reads, handed to the engine before all the others. */
export interface LoadOrder {
  /** Tables or views the first chart reads; the tables under those views come along. */
  first: readonly string[];
  /**
   * Called once those are in, with the datasets as they will be: what it starts (the first chart's query) is
   * handed to the engine before the rest of the tables, which wait until it has settled.
   */
  onFirst(loaded: LoadedDatasets): Promise<unknown> | undefined;
}

const viewName = (statement: string) => /CREATE\s+(?:OR\s+REPLACE\s+)?VIEW\s+("?)([\w]+)\1/i.exec(statement)?.[2];
const mentions = (statement: string, name: string) => new RegExp(`\\b${name}\\b`).test(statement);

/**
 * The tables and view statements `wanted` needs (views in the file's order, which is their load order): a
 * view's statement names the tables and views it reads, so a word match finds them (a stray mention, in a
 * comment say, only loads one table more, early).
 */
export function firstPart(tables: readonly string[], statements: readonly string[], wanted: readonly string[]): { tables: Set<string>; statements: string[] } {
  const need = new Set<string>();
  const visit = (name: string) => {
    if (need.has(name)) return;
    need.add(name);
    const view = statements.find((s) => viewName(s) === name);
    if (view) for (const other of [...tables, ...statements.map(viewName)]) if (other && other !== name && mentions(view, other)) visit(other);
  };
  wanted.forEach(visit);
  return { tables: new Set(tables.filter((t) => need.has(t))), statements: statements.filter((s) => need.has(viewName(s) ?? '')) };
}

/**
 * Loads every table of `datasets/catalog.json` into the database, then the views of `datasets/views.sql`
 * when present. From the fast form (Arrow, made at build time: fast-form.ts) when the folder has one,
 * else from the CSVs, with the column types the catalog declares, never guessed.
 * With an `order`, the first chart's tables and views go first and its query (order.onFirst) runs before
 * the others are handed over: the engine is single-threaded, so whatever is sent before a query runs before it.
 */
export async function loadBundledDatasets(db: Db, read: DatasetReader, order?: LoadOrder): Promise<LoadedDatasets> {
  const catalog = parseCatalog(JSON.parse(decoder.decode(await read('catalog.json'))));
  const fastBytes = await optional(read, FAST_FORM_FILE);
  const fast = fastBytes && parseFastForm(decoder.decode(fastBytes), catalog);
  const viewsText = await optional(read, 'views.sql').then((bytes) => bytes && decoder.decode(bytes));
  const statements = viewsText ? splitSqlStatements(viewsText) : [];
  const loaded: LoadedDatasets = { catalog, views: statements.flatMap((s) => viewName(s) ?? []), ...(fast ? { tables: fast.tables } : {}) };
  const part = firstPart(
    catalog.datasets.map((d) => d.table),
    statements,
    order?.first ?? [],
  );
  const isFirst = (d: DatasetEntry) => part.tables.has(d.table);
  const load = async (datasets: DatasetEntry[], views: string[]) => {
    if (datasets.length > 0) await (fast ? loadFast(db, read, datasets, fast) : loadCsv(db, read, datasets));
    if (views.length > 0) await db.exec(views.join(';\n'));
  };
  if (order) {
    await load(catalog.datasets.filter(isFirst), part.statements);
    // Its failure is the chart's to show; the rest loads either way.
    await order.onFirst(loaded)?.catch(() => undefined);
  }
  await load(
    catalog.datasets.filter((d) => !isFirst(d)),
    statements.filter((s) => !part.statements.includes(s)),
  );
  return loaded;
}

async function loadFast(db: Db, read: DatasetReader, datasets: DatasetEntry[], fast: FastForm): Promise<void> {
  const files = await Promise.all(datasets.map((d) => read(fast.files[d.table])));
  await Promise.all(datasets.map((d, i) => db.insertArrow(d.table, files[i])));
}

async function loadCsv(db: Db, read: DatasetReader, datasets: DatasetEntry[]): Promise<void> {
  const files = await Promise.all(datasets.map((entry) => read(entry.file)));
  // Under the one folder the app's engine may still read (its file system is closed otherwise).
  const fileName = (entry: DatasetEntry) => `${REGISTERED_FILES}${entry.file}`;
  await Promise.all(datasets.map((entry, i) => db.registerFile(fileName(entry), files[i])));
  await db.exec(datasets.map((entry) => createTableAsSql(entry.table, readCsvSql(fileName(entry), entry.columns))).join(';\n'));
  await Promise.all(datasets.map((entry) => db.dropFile(fileName(entry))));
}
