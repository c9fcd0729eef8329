const WRITES = /^(create|drop|alter|insert|update|delete|attach|detach|copy|truncate|import|load|use|merge)\b/i;

/** Strips comments and string literals so that keywords inside them are not mistaken for statements. */
function code(sql: string): string {
  return sql
    .replace(/'(?:[^']|'')*'/g, "''")
    .replace(/"(?:[^"]|"")*"/g, '""')
    .replace(/--[^\n]*/g, ' ')
    .replace(/\/\*[\s\S]*?\*\//g, ' ');
}

/**
 * Whether running `sql` may change tables or data (any of its statements), so that the table list,
 * cached chart results and rollups must be refreshed afterwards. Errs on the side of yes.
 */
export function mayChangeData(sql: string): boolean {
  return code(sql)
    .split(';')
    .some((statement) => WRITES.test(statement.trim()) || /^\s*with\b[\s\S]*\b(insert|update|delete)\b/i.test(statement));
}
