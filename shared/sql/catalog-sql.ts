import { ident, literal } from '../db';

/**
 * SQL behind the table list (shared/db-catalog.ts), the bundled datasets (shared/datasets/load.ts) and the
 * case library (shared/cases/model.ts).
 */

/** Tables an import reads a file into before it names them (shared/import/commit.ts): `__sgw_import_` and a random tag. */
export const IMPORT_STAGING_PREFIX = '__sgw_import_';

/**
 * Not an import's staging table: one read ahead of 导入 (renderer/features/import/prestage.ts) stays in the
 * main schema until 导入 renames it, and is not listed meanwhile (projects skip every reserved name already).
 */
const notStagingSql = (column: string): string => `NOT starts_with(${column}, ${literal(IMPORT_STAGING_PREFIX)})`;

/** Every column of the user-visible tables and views of the main schema, with whether it is a view's; `only` narrows it to one name. */
export function catalogColumnsSql(only?: string): string {
  return `SELECT c.table_name AS t, c.column_name AS c, c.data_type AS ty,
            CASE WHEN v.view_name IS NULL THEN 'table' ELSE 'view' END AS kind
       FROM duckdb_columns() c
       LEFT JOIN duckdb_views() v ON v.view_name = c.table_name AND v.schema_name = c.schema_name
      WHERE c.schema_name = 'main' AND c.database_name = current_database() AND NOT c.internal AND ${notStagingSql('c.table_name')}${only === undefined ? '' : ` AND c.table_name = ${literal(only)}`}
      ORDER BY c.table_name, c.column_index`;
}

export const CATALOG_COLUMNS_SQL = catalogColumnsSql();

/** One row per table: its name (t) and row count (n, DOUBLE). */
export function rowCountsSql(tables: readonly string[]): string {
  return tables.map((t) => `SELECT ${literal(t)} AS t, count(*)::DOUBLE AS n FROM ${ident(t)}`).join(' UNION ALL ');
}

/** One row (n > 0) when the import provenance table exists: it is created on the first import only. */
export const PROVENANCE_EXISTS_SQL = `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE schema_name = 'sgw_meta' AND table_name = 'provenance'`;

/** Where each of `tables` was imported from (file, sheet, the table's own source line), for source lines. */
export function tableOriginsSql(tables: readonly string[]): string {
  return `SELECT table_name AS t, file_name, sheet, source FROM sgw_meta.provenance WHERE table_name IN (${tables.map(literal).join(', ')})`;
}

/** A bundled CSV read with the column types its catalog entry declares (never guessed). */
export function readCsvSql(fileName: string, columns: readonly { name: string; type: string }[]): string {
  const list = columns.map((c) => `${literal(c.name)}: ${literal(c.type)}`).join(', ');
  return `SELECT * FROM read_csv(${literal(fileName)}, header = true, delim = ',', quote = '"', escape = '"', columns = {${list}})`;
}

export function createTableAsSql(table: string, select: string): string {
  return `CREATE OR REPLACE TABLE ${ident(table)} AS ${select}`;
}

