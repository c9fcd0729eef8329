import { ident } from '../db';

/**
 * A view over a hand-written query, so `sgw export --sql` charts run through runChart like every other
 * chart (the view is the spec's table). A trailing semicolon is dropped: the query becomes a subquery.
 */
export function createQueryViewSql(name: string, query: string): string {
  return `CREATE OR REPLACE VIEW ${ident(name)} AS ${query.trim().replace(/[;\s]+$/, '')}`;
}
