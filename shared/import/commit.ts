/**
 * Puts imported tables into the database so that a failure leaves the workspace unchanged: the Arrow stream
 * goes into a temporary table first; rename (and replace, if asked) and the provenance row happen in one
 * transaction.
 *
 * Provenance lives in `sgw_meta.provenance` (table_name, file_name, sheet, encoding, imported_at, notes,
 * units): its own schema keeps it out of the catalog (listTables shows the main schema only) while every
 * connection can read it (a TEMP table would be invisible to the browser adapter, which opens one connection
 * per query), and it lives exactly as long as the in-memory database and its tables.
 */
import { ident, literal, type Db } from '../db';
import { isReservedName } from '../reserved-names';
import { importFile, suggestTableName } from './pipeline';
import { ImportError, type ImportOptions, type ParsedTable, type SourceInfo } from './types';

export const PROVENANCE_TABLE = 'sgw_meta.provenance';

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
}

async function ensureProvenanceTable(db: Db): Promise<void> {
  await db.exec('CREATE SCHEMA IF NOT EXISTS sgw_meta');
  await db.exec(
    `CREATE TABLE IF NOT EXISTS ${PROVENANCE_TABLE} (table_name VARCHAR PRIMARY KEY, file_name VARCHAR, sheet VARCHAR, encoding VARCHAR, imported_at TIMESTAMP, notes VARCHAR, units VARCHAR)`,
  );
}

export function validTableName(name: string): boolean {
  // Control characters are exactly what must be refused here.
  // eslint-disable-next-line no-control-regex
  return name.trim().length > 0 && name.length <= 63 && !isReservedName(name) && !/["\u0000-\u001f]/.test(name);
}

export async function tableExists(db: Db, name: string): Promise<boolean> {
  const r = await db.query(
    `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = ${literal(name)}
     UNION ALL SELECT count(*)::INTEGER FROM duckdb_views() WHERE schema_name = 'main' AND view_name = ${literal(name)}`,
  );
  return r.toArray().some((row) => Number(row.n) > 0);
}

export interface CommitRequest {
  tableName: string;
  ipc: Uint8Array;
  parsed: ParsedTable;
  source: SourceInfo;
  replace?: boolean;
  now?: Date;
}

/** Inserts one imported table; throws ImportError('import.err.tableExists') unless `replace`. */
export async function commitTable(db: Db, req: CommitRequest): Promise<void> {
  const name = req.tableName.trim();
  if (!validTableName(name)) throw new ImportError('import.err.badTableName', { name });
  if (!req.replace && (await tableExists(db, name))) throw new ImportError('import.err.tableExists', { name });
  await ensureProvenanceTable(db);
  const tmp = `__sgw_import_${Math.random().toString(36).slice(2, 10)}`;
  await db.insertArrow(tmp, req.ipc);
  const provenance: Provenance = {
    tableName: name,
    fileName: req.source.fileName,
    sheet: req.parsed.sheet ?? null,
    encoding: req.source.encoding ?? null,
    importedAt: (req.now ?? new Date()).toISOString().replace('T', ' ').replace('Z', ''),
    notes: [...req.parsed.titles, ...req.parsed.notes].join('\n'),
    units: Object.fromEntries(req.parsed.columns.filter((c) => c.unit).map((c) => [c.name, c.unit!])),
  };
  try {
    await db.exec('BEGIN TRANSACTION');
    if (req.replace) await db.exec(`DROP TABLE IF EXISTS ${ident(name)}`);
    await db.exec(`ALTER TABLE ${ident(tmp)} RENAME TO ${ident(name)}`);
    await writeProvenanceRow(db, provenance);
    await db.exec('COMMIT');
  } catch (e) {
    await db.exec('ROLLBACK').catch(() => undefined);
    await db.exec(`DROP TABLE IF EXISTS ${ident(tmp)}`).catch(() => undefined);
    throw e;
  }
}

async function writeProvenanceRow(db: Db, p: Provenance): Promise<void> {
  const value = (v: string | null | undefined) => (v ? literal(v) : 'NULL');
  await db.exec(`DELETE FROM ${PROVENANCE_TABLE} WHERE table_name = ${literal(p.tableName)}`);
  await db.exec(
    `INSERT INTO ${PROVENANCE_TABLE} VALUES (${literal(p.tableName)}, ${literal(p.fileName)}, ${value(p.sheet)}, ${value(p.encoding)}, TIMESTAMP ${literal(p.importedAt)}, ${literal(p.notes)}, ${literal(JSON.stringify(p.units))})`,
  );
}

/** Records where a table came from (used when a project brings imported tables back). */
export async function recordProvenance(db: Db, p: Provenance): Promise<void> {
  await ensureProvenanceTable(db);
  await writeProvenanceRow(db, p);
}

/** Where an imported table came from, or null for tables that were not imported. */
export async function getProvenance(db: Db, tableName: string): Promise<Provenance | null> {
  await ensureProvenanceTable(db);
  const r = await db.query(`SELECT *, strftime(imported_at, '%Y-%m-%d %H:%M:%S') AS at FROM ${PROVENANCE_TABLE} WHERE table_name = ${literal(tableName)}`);
  const row = r.toArray()[0];
  if (!row) return null;
  return {
    tableName,
    fileName: String(row.file_name),
    sheet: row.sheet == null ? null : String(row.sheet),
    encoding: row.encoding == null ? null : String(row.encoding),
    importedAt: String(row.at),
    notes: String(row.notes ?? ''),
    units: JSON.parse(String(row.units ?? '{}')) as Record<string, string>,
  };
}

export interface ImportIntoDbOptions extends ImportOptions {
  /** Table name for a single table, or a prefix-free name per sheet (default: from the file and sheet names). */
  tableNames?: string[];
  replace?: boolean;
}

/**
 * The whole way from file bytes to tables in `db` with provenance (bench hook: `importIntoDb(db, bytes,
 * 'data.csv', { tableNames: ['t'] })`). Returns the names and shapes it created.
 */
export async function importIntoDb(db: Db, bytes: Uint8Array, fileName: string, opts: ImportIntoDbOptions = {}) {
  const { source, tables } = await importFile(bytes, fileName, opts);
  const created: { name: string; rows: number; parsed: ParsedTable }[] = [];
  for (const [i, t] of tables.entries()) {
    const tableName = opts.tableNames?.[i] ?? suggestTableName(fileName, tables.length > 1 ? t.parsed.sheet : undefined);
    await commitTable(db, { tableName, ipc: t.ipc, parsed: t.parsed, source, replace: opts.replace });
    created.push({ name: tableName, rows: t.parsed.rowCount, parsed: t.parsed });
  }
  return { source, tables: created };
}
