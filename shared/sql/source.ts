import { ident, type Db } from '../db';
import type { ColumnInfo, TableInfo } from '../db-catalog';

/**
 * What the analysis tools (pivot, statistics) read: a relation with columns. A plain table or view, or a
 * derived relation (e.g. a table with calculated fields: `(SELECT *, <expr> AS "每万人" FROM "t")`) — the
 * builders only put `relation` after FROM and quote `columns` with ident().
 */
export interface AnalysisSource {
  /** SQL text of the FROM item: a quoted name or a parenthesised SELECT (aliased by the builder). */
  relation: string;
  columns: readonly ColumnInfo[];
  /**
   * The base table when `relation` is exactly that table: only then may its rollup answer (a derived
   * relation's columns are not the rollup's).
   */
  table?: string;
}

/**
 * A table or view as an analysis source. A table with calculated fields reads through its relation (the
 * table plus the fields' expressions); its rollup knows only the table's own columns, so none is offered.
 */
export function tableSource(info: Pick<TableInfo, 'name' | 'columns' | 'relation'>): AnalysisSource {
  if (info.relation) return { relation: info.relation, columns: info.columns };
  return { relation: ident(info.name), columns: info.columns, table: info.name };
}

/** SQL types that hold numbers the statistics and numeric aggregates accept. */
export const NUMBER_TYPE = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|REAL|DECIMAL|NUMERIC)\b/i;

export function isNumberColumn(c: ColumnInfo): boolean {
  return NUMBER_TYPE.test(c.type);
}

/** The FROM item of a builder's query: the relation under a fixed alias, so a subquery is valid too. */
export function fromSource(source: AnalysisSource): string {
  return `${source.relation} AS __sgw_src`;
}

/** A hand-written query as the FROM item (its trailing semicolon dropped: it becomes a subquery). */
export function queryRelation(query: string): string {
  return `(${query.trim().replace(/[;\s]+$/, '')})`;
}

/** The names and types of a query's result columns (column_name, column_type), without running it. */
export function describeQuerySql(query: string): string {
  return `DESCRIBE ${query.trim().replace(/[;\s]+$/, '')}`;
}

/** A hand-written query as an analysis source (pivot, statistics): its result columns, read without running it. */
export async function describeQuery(db: Pick<Db, 'query'>, query: string): Promise<AnalysisSource> {
  const columns = (await db.query(describeQuerySql(query))).toArray().map((r) => ({ name: String(r.column_name), type: String(r.column_type) }));
  return { relation: queryRelation(query), columns };
}
