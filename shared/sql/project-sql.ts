/** SQL for saving and opening projects (shared/project/workspace.ts); identifiers always through ident(). */
import { ident, literal } from '../db';

export const BEGIN_SQL = 'BEGIN TRANSACTION';
export const COMMIT_SQL = 'COMMIT';
export const ROLLBACK_SQL = 'ROLLBACK';

export const selectAllSql = (table: string): string => `SELECT * FROM ${ident(table)}`;

export const columnTypesSql = (table: string): string =>
  `SELECT column_name AS c, data_type AS ty FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = ${literal(table)} ORDER BY column_index`;

/** `type` must come from the whitelist in shared/project/column-types.ts, never straight from a file. */
export const alterColumnTypeSql = (table: string, column: string, type: string): string =>
  `ALTER TABLE ${ident(table)} ALTER COLUMN ${ident(column)} SET DATA TYPE ${type}`;

export const dropTableSql = (table: string): string => `DROP TABLE IF EXISTS ${ident(table)}`;

export const renameTableSql = (from: string, to: string): string => `ALTER TABLE ${ident(from)} RENAME TO ${ident(to)}`;

/** Base tables of the main schema (not views, not temporary), by name. */
export const mainTablesSql = (): string =>
  "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'main' AND NOT internal AND NOT temporary ORDER BY table_name";

/** Views of the main schema that have a provenance row: the combined tables this app made (a user's own view has none). */
export const recordedViewsSql = (): string =>
  "SELECT v.view_name FROM duckdb_views() v JOIN sgw_meta.provenance p ON p.table_name = v.view_name WHERE v.schema_name = 'main' AND NOT v.internal ORDER BY 1";

export const tableExistsInSchemaSql = (schema: string, table: string): string =>
  `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE schema_name = ${literal(schema)} AND table_name = ${literal(table)}`;

/** Deletes rows of `qualifiedTable` whose `column` names one of `names`, compared as DuckDB compares names. */
export const deleteByNamesSql = (qualifiedTable: string, column: string, names: string[]): string =>
  `DELETE FROM ${qualifiedTable} WHERE lower(${ident(column)}) IN (${names.map((n) => literal(n.toLowerCase())).join(', ')})`;
