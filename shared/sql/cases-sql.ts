import { COMPARABLE_MEASURES } from '../cases/comparison';
import { literal } from '../db';

/** The case library's queries: the catalogue, one case's indicators, and its place against the others. */
export const CASES_SQL = `SELECT case_id, title, province, city, district, level, adcode, year, year_end, year_basis, theme, tags, summary, source, quote, note
FROM cases ORDER BY case_id`;

const INDICATOR_COLUMNS = 'id, case_id, region, year, indicator, indicator_en, category, category_en, value_text, value_norm, unit_norm, approx, source, quote, note';

export function caseIndicatorsSql(caseId: string): string {
  return `SELECT ${INDICATOR_COLUMNS} FROM case_indicators WHERE case_id = ${literal(caseId)} ORDER BY id`;
}

/** One row per measure and place: the place of `adcode` against every other place with the same measure. */
export function comparisonSql(adcode: string): string {
  const cases = COMPARABLE_MEASURES.map((m) => `WHEN i.indicator_en IN (${m.indicatorEn.map(literal).join(', ')}) THEN ${literal(m.key)}`).join(' ');
  return `SELECT CASE ${cases} END AS measure, i.region, any_value(i.value_norm) AS value, any_value(i.unit_norm) AS unit,
       bool_or(c.adcode = ${literal(adcode)}) AS current
FROM case_indicators i JOIN cases c USING (case_id)
WHERE measure IS NOT NULL AND (i.category IS NULL OR i.category = '合计') AND i.value_norm IS NOT NULL
GROUP BY measure, i.region, i.unit_norm
ORDER BY measure, value DESC`;
}
