/**
 * The app's own database objects all start with `sgw_` after optional underscores: schemas `sgw_meta`
 * (import provenance) and `sgw_rollup`, staging tables `__sgw_open_N` / `__sgw_import_X`, rollup columns
 * `__sgw_rows`. One rule keeps user names out of that space on every path in (import, project open and
 * save, chart specs). DuckDB compares identifiers case-insensitively, so the test does too.
 */
const RESERVED = /^_*sgw_/i;

export function isReservedName(name: string): boolean {
  return RESERVED.test(name);
}
