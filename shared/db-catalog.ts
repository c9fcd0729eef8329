import type { Db } from './db';
import { catalogColumnsSql, rowCountsSql } from './sql/catalog-sql';

export interface ColumnInfo {
  name: string;
  type: string;
  /** A calculated field (shared/model/calc-field.ts): computed by the engine, read through TableInfo.relation. */
  calculated?: true;
  /** The values' unit, when known (a calculated field's, an import's, a joined view's). */
  unit?: string;
}

export interface TableInfo {
  name: string;
  kind: 'table' | 'view';
  rows: number;
  columns: ColumnInfo[];
  /**
   * The FROM item to read it through when it has calculated fields (shared/sql/calc-sql.ts calcRelationSql);
   * absent = the table itself.
   */
  relation?: string;
}

/** Only the table's own columns, read from the table itself (what its rollup and its provenance know). */
export function baseTable(info: TableInfo): TableInfo {
  if (info.relation === undefined && !info.columns.some((c) => c.calculated)) return info;
  const { relation: _relation, ...rest } = info;
  return { ...rest, columns: info.columns.filter((c) => !c.calculated) };
}

/** Lists the user-visible tables and views of the main schema with row counts and column types. */
export async function listTables(db: Db): Promise<TableInfo[]> {
  return describe(db, await db.query(catalogColumnsSql()));
}

/** One table or view, as listTables describes it (for callers without a table list, e.g. the CLI); null if absent. */
export async function describeTable(db: Db, name: string): Promise<TableInfo | null> {
  return (await describe(db, await db.query(catalogColumnsSql(name))))[0] ?? null;
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
    const counts = await db.query(rowCountsSql(tables.map((t) => t.name)));
    for (const row of counts) byName.get(String(row.t))!.rows = Number(row.n);
  }
  return tables;
}
