import { ident } from '../db';
import type { Lang } from '../model/catalog';

/**
 * SQL the screens send for browsing: the console's first example, "open this table in the console", and
 * the value lists of filters. Every identifier goes through ident().
 */

const STARTER_QUERY = `SELECT year, indicator, category, value, unit
FROM sh_social_org
ORDER BY year, indicator
LIMIT 100;`;
const STARTER_COMMENT: Record<Lang, string> = { 'zh-CN': '-- 示例：上海社会组织各年份指标', en: '-- Example: Shanghai social organisation indicators by year' };

/** What the SQL console shows before the user has written anything (the stored default: Chinese). */
export const STARTER_SQL = `${STARTER_COMMENT['zh-CN']}\n${STARTER_QUERY}`;

/** The untouched starter in the page's language: the same query, its comment translated. */
export function starterSql(lang: Lang): string {
  return `${STARTER_COMMENT[lang]}\n${STARTER_QUERY}`;
}

/** Whether a draft is the untouched starter in either language (then the console shows it in the page's). */
export function isStarterSql(sql: string): boolean {
  return sql === starterSql('zh-CN') || sql === starterSql('en');
}

/** The first rows of a table, as put into the console by the catalog and after an import. */
export function previewTableSql(table: string, limit = 100): string {
  return `SELECT * FROM ${ident(table)} LIMIT ${limit};`;
}

/** The distinct non-null values of one column, in order: the pick list of an IN filter. */
export function columnValuesSql(table: string | { name: string; relation?: string }, column: string, limit = 500): string {
  // A table with calculated fields is read through its relation (TableInfo.relation), so a field's values list too.
  const from = typeof table === 'string' ? ident(table) : (table.relation ?? ident(table.name));
  return `SELECT DISTINCT ${ident(column)} AS v FROM ${from} WHERE ${ident(column)} IS NOT NULL ORDER BY 1 LIMIT ${limit}`;
}

/**
 * The distinct values, as text, of a column that several tables share in meaning (e.g. each table's
 * region column): a dashboard's region filter. Null when there is no source.
 */
export function valuesAcrossSql(sources: readonly { table: string; column: string }[]): string | null {
  if (sources.length === 0) return null;
  const parts = sources.map((s) => `SELECT DISTINCT ${ident(s.column)}::VARCHAR AS v FROM ${ident(s.table)}`);
  return `SELECT DISTINCT v FROM (${parts.join(' UNION ')}) WHERE v IS NOT NULL ORDER BY v`;
}
