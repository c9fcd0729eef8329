export interface HistoryEntry {
  sql: string;
  /** Epoch milliseconds when it last ran. */
  at: number;
  ok: boolean;
  rows?: number;
  ms?: number;
}

export const HISTORY_LIMIT = 100;

/** Newest first; re-running a query moves it to the top instead of repeating it. */
export function addToHistory(history: HistoryEntry[], entry: HistoryEntry, limit = HISTORY_LIMIT): HistoryEntry[] {
  const sql = entry.sql.trim();
  if (!sql) return history;
  return [{ ...entry, sql }, ...history.filter((h) => h.sql !== sql)].slice(0, limit);
}

/** Restores a stored history, dropping anything malformed. */
export function parseHistory(json: unknown): HistoryEntry[] {
  if (!Array.isArray(json)) return [];
  return json
    .filter((h): h is HistoryEntry => typeof h === 'object' && h !== null && typeof h.sql === 'string' && typeof h.at === 'number' && typeof h.ok === 'boolean')
    .map((h) => ({ sql: h.sql, at: h.at, ok: h.ok, ...(typeof h.rows === 'number' ? { rows: h.rows } : {}), ...(typeof h.ms === 'number' ? { ms: h.ms } : {}) }))
    .slice(0, HISTORY_LIMIT);
}
