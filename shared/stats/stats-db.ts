import type { Table } from 'apache-arrow';

/** What the statistics need of a database: the app's QueryCoordinator or any Db. */
export interface StatsDb {
  query(sql: string, opts?: { signal?: AbortSignal }): Promise<Table>;
}

/** The one row of an aggregate query, as plain values. */
export async function firstRow(db: StatsDb, sql: string, signal?: AbortSignal): Promise<Record<string, unknown>> {
  const table = await db.query(sql, signal ? { signal } : undefined);
  return (table.get(0)?.toJSON() ?? {}) as Record<string, unknown>;
}

/** A number from the engine; null (and NaN, e.g. a correlation with a constant column) as null. */
export function numberOrNull(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  const n = Number(v);
  return Number.isNaN(n) ? null : n;
}
