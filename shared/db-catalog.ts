import { ident, literal, type Db } from './db';

export interface ColumnInfo {
  name: string;
  type: string;
}

export interface TableInfo {
  name: string;
  kind: 'table' | 'view';
  rows: number;
  columns: ColumnInfo[];
}

/** Columns of the main schema's user-visible tables and views; `only` narrows it to one name. */
const columnsSql = (only?: string) =>
  `SELECT c.table_name AS t, c.column_name AS c, c.data_type AS ty,
            CASE WHEN v.view_name IS NULL THEN 'table' ELSE 'view' END AS kind
       FROM duckdb_columns() c
       LEFT JOIN duckdb_views() v ON v.view_name = c.table_name AND v.schema_name = c.schema_name
      WHERE c.schema_name = 'main' AND c.database_name = current_database() AND NOT c.internal${only === undefined ? '' : ` AND c.table_name = ${literal(only)}`}
      ORDER BY c.table_name, c.column_index`;

/** Lists the user-visible tables and views of the main schema with row counts and column types. */
export async function listTables(db: Db): Promise<TableInfo[]> {
  return describe(db, await db.query(columnsSql()));
}

/** One table or view, as listTables describes it (for callers without a table list, e.g. the CLI); null if absent. */
export async function describeTable(db: Db, name: string): Promise<TableInfo | null> {
  return (await describe(db, await db.query(columnsSql(name))))[0] ?? null;
}

async function describe(db: Db, cols: Awaited<ReturnType<Db['query']>>): Promise<TableInfo[]> {
  const byName = new Map<string, TableInfo>();
  for (const row of cols) {
    const name = String(row.t);
    let info = byName.get(name);
    if (!info) {
      info = { name, kind: row.kind === 'view' ? 'view' : 'table', rows: 0, columns: [] };
      byName.set(name, info);
    }
    info.columns.push({ name: String(row.c), type: String(row.ty) });
  }
  const tables = [...byName.values()];
  if (tables.length > 0) {
    const counts = await db.query(
      tables.map((t) => `SELECT ${literal(t.name)} AS t, count(*)::DOUBLE AS n FROM ${ident(t.name)}`).join(' UNION ALL '),
    );
    for (const row of counts) byName.get(String(row.t))!.rows = Number(row.n);
  }
  return tables;
}
