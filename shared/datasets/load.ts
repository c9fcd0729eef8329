import { ident, literal, type Db } from '../db';
import { parseCatalog, type DatasetCatalog, type DatasetEntry } from '../model/catalog';

/** Reads a file that lives under `datasets/` (fetch in the browser, fs in Node). */
export type DatasetReader = (relativePath: string) => Promise<Uint8Array>;

export interface LoadedDatasets {
  catalog: DatasetCatalog;
  views: string[];
}

export function readCsvSql(fileName: string, entry: DatasetEntry): string {
  const columns = entry.columns.map((c) => `${literal(c.name)}: ${literal(c.type)}`).join(', ');
  return `SELECT * FROM read_csv(${literal(fileName)}, header = true, delim = ',', quote = '"', escape = '"', columns = {${columns}})`;
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
  for (const entry of catalog.datasets) {
    const fileName = `bundled/${entry.file}`;
    await db.registerFile(fileName, await read(entry.file));
    await db.exec(`CREATE OR REPLACE TABLE ${ident(entry.table)} AS ${readCsvSql(fileName, entry)}`);
    await db.dropFile(fileName);
  }
  const views: string[] = [];
  let viewsSql: string | null = null;
  try {
    viewsSql = decoder.decode(await read('views.sql'));
  } catch {
    viewsSql = null;
  }
  if (viewsSql) {
    for (const statement of splitSqlStatements(viewsSql)) {
      await db.exec(statement);
      const name = /CREATE\s+(?:OR\s+REPLACE\s+)?VIEW\s+("?)([\w]+)\1/i.exec(statement)?.[2];
      if (name) views.push(name);
    }
  }
  return { catalog, views };
}
