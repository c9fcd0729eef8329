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

/**
 * Loads every table of `datasets/catalog.json` into the database, then the views of `datasets/views.sql`
 * when present. From the fast form (Arrow, made at build time: fast-form.ts) when the folder has one,
 * else from the CSVs, with the column types the catalog declares, never guessed.
 */
export async function loadBundledDatasets(db: Db, read: DatasetReader): Promise<LoadedDatasets> {
  const catalog = parseCatalog(JSON.parse(decoder.decode(await read('catalog.json'))));
  const fastBytes = await optional(read, FAST_FORM_FILE);
  const fast = fastBytes && parseFastForm(decoder.decode(fastBytes), catalog);
  // Every file at once, then few round trips to the engine's worker: start-up waits on each one.
  const viewsSql = optional(read, 'views.sql').then((bytes) => bytes && decoder.decode(bytes));
  await (fast ? loadFast(db, read, catalog, fast) : loadCsv(db, read, catalog));
  const viewsText = await viewsSql;
  const statements = viewsText ? splitSqlStatements(viewsText) : [];
  if (statements.length > 0) await db.exec(statements.join(';\n'));
  const views = statements.flatMap((statement) => {
    const name = /CREATE\s+(?:OR\s+REPLACE\s+)?VIEW\s+("?)([\w]+)\1/i.exec(statement)?.[2];
    return name ? [name] : [];
  });
  return { catalog, views, ...(fast ? { tables: fast.tables } : {}) };
}

async function loadFast(db: Db, read: DatasetReader, catalog: DatasetCatalog, fast: FastForm): Promise<void> {
  const files = await Promise.all(catalog.datasets.map((d) => read(fast.files[d.table])));
  await Promise.all(catalog.datasets.map((d, i) => db.insertArrow(d.table, files[i])));
}

async function loadCsv(db: Db, read: DatasetReader, catalog: DatasetCatalog): Promise<void> {
  const files = await Promise.all(catalog.datasets.map((entry) => read(entry.file)));
  // Under the one folder the app's engine may still read (its file system is closed otherwise).
  const fileName = (entry: DatasetEntry) => `${REGISTERED_FILES}${entry.file}`;
  await Promise.all(catalog.datasets.map((entry, i) => db.registerFile(fileName(entry), files[i])));
  if (catalog.datasets.length > 0) {
    await db.exec(catalog.datasets.map((entry) => createTableAsSql(entry.table, readCsvSql(fileName(entry), entry.columns))).join(';\n'));
  }
  await Promise.all(catalog.datasets.map((entry) => db.dropFile(fileName(entry))));
}
