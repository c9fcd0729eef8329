/**
 * SQL of the import commit and of import provenance (sgw_meta.provenance: one row per imported table; its
 * own schema keeps it out of the catalog while every connection sees it).
 */
import { ident, literal } from '../db';
import type { Provenance } from '../import/provenance';

export const PROVENANCE_TABLE = 'sgw_meta.provenance';

const COLUMNS = 'table_name, file_name, sheet, encoding, imported_at, notes, units, title, source, totals, roles';

export const PROVENANCE_SETUP_SQL = [
  'CREATE SCHEMA IF NOT EXISTS sgw_meta',
  `CREATE TABLE IF NOT EXISTS ${PROVENANCE_TABLE} (table_name VARCHAR PRIMARY KEY, file_name VARCHAR, sheet VARCHAR, encoding VARCHAR,
    imported_at TIMESTAMP, notes VARCHAR, units VARCHAR, title VARCHAR, source VARCHAR, totals VARCHAR, roles VARCHAR)`,
];

/** One row with `n` > 0 when a table or view of that name exists in the main schema. */
export function tableExistsSql(name: string): string {
  return `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = ${literal(name)}
     UNION ALL SELECT count(*)::INTEGER FROM duckdb_views() WHERE schema_name = 'main' AND view_name = ${literal(name)}`;
}

/** Statements (inside one transaction) that give the temporary table `tmp` its final name. */
export function renameImportSql(tmp: string, name: string, replace: boolean): string[] {
  return [...(replace ? [`DROP TABLE IF EXISTS ${ident(name)}`] : []), `ALTER TABLE ${ident(tmp)} RENAME TO ${ident(name)}`];
}

export const TRANSACTION_SQL = { begin: 'BEGIN TRANSACTION', commit: 'COMMIT', rollback: 'ROLLBACK' } as const;

export const dropTableSql = (name: string) => `DROP TABLE IF EXISTS ${ident(name)}`;

/** Replaces the provenance row of `p.tableName`. */
export function writeProvenanceSql(p: Provenance): string[] {
  const value = (v: string | null | undefined) => (v ? literal(v) : 'NULL');
  const json = (v: unknown) => (v === undefined ? 'NULL' : literal(JSON.stringify(v)));
  return [
    `DELETE FROM ${PROVENANCE_TABLE} WHERE table_name = ${literal(p.tableName)}`,
    `INSERT INTO ${PROVENANCE_TABLE} (${COLUMNS}) VALUES (${literal(p.tableName)}, ${literal(p.fileName)}, ${value(p.sheet)}, ${value(p.encoding)},
      TIMESTAMP ${literal(p.importedAt)}, ${literal(p.notes)}, ${literal(JSON.stringify(p.units))}, ${value(p.title)}, ${value(p.source)}, ${json(p.totals)}, ${json(p.roles)})`,
  ];
}

export function readProvenanceSql(tableName: string): string {
  return `SELECT *, strftime(imported_at, '%Y-%m-%d %H:%M:%S') AS at FROM ${PROVENANCE_TABLE} WHERE table_name = ${literal(tableName)}`;
}
