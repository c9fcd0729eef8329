import type { Db } from '../db';
import { createTableAsSql, readCsvSql } from '../sql/catalog-sql';
import { REGISTERED_FILES } from '../sql/offline';
import { parseCatalog, type DatasetCatalog, type DatasetEntry } from '../model/catalog';

/** Reads a file that lives under `datasets/` (fetch in the browser, fs in Node). */
export type DatasetReader = (relativePath: string) => Promise<Uint8Array>;

export interface LoadedDatasets {
  catalog: DatasetCatalog;
  views: string[];
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

/**
 * Loads every table of `datasets/catalog.json` into the database, then the views of `datasets/views.sql`
 * when present. Tables are created with the column types the catalog declares, never guessed.
 */
export async function loadBundledDatasets(db: Db, read: DatasetReader): Promise<LoadedDatasets> {
  const catalog = parseCatalog(JSON.parse(decoder.decode(await read('catalog.json'))));
  // Start-up cost is dominated by round trips to the engine's worker: read every file at once, then create
  // all tables in one batch of statements and all views in another.
  const [files, viewsSql] = await Promise.all([
    Promise.all(catalog.datasets.map((entry) => read(entry.file))),
    read('views.sql').then(
      (bytes) => decoder.decode(bytes),
      () => null,
    ),
  ]);
  // Under the one folder the app's engine may still read (its file system is closed otherwise).
  const fileName = (entry: DatasetEntry) => `${REGISTERED_FILES}${entry.file}`;
  await Promise.all(catalog.datasets.map((entry, i) => db.registerFile(fileName(entry), files[i])));
  if (catalog.datasets.length > 0) {
    await db.exec(catalog.datasets.map((entry) => createTableAsSql(entry.table, readCsvSql(fileName(entry), entry.columns))).join(';\n'));
  }
  await Promise.all(catalog.datasets.map((entry) => db.dropFile(fileName(entry))));
  const statements = viewsSql ? splitSqlStatements(viewsSql) : [];
  if (statements.length > 0) await db.exec(statements.join(';\n'));
  const views = statements.flatMap((statement) => {
    const name = /CREATE\s+(?:OR\s+REPLACE\s+)?VIEW\s+("?)([\w]+)\1/i.exec(statement)?.[2];
    return name ? [name] : [];
  });
  return { catalog, views };
}
