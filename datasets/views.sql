-- Wide views over the bundled tables, for charts. Plain DuckDB SQL, one statement per semicolon.
-- Every number still comes from a quoted row; computed columns are marked *_computed.

-- Shanghai registrations: one row per organisation type, end-2013 vs end-June 2014.
CREATE OR REPLACE VIEW sh_registrations_wide AS
SELECT
  coalesce(category, '合计') AS org_type,
  coalesce(category_en, 'Total') AS org_type_en,
  CASE coalesce(category, '合计') WHEN '合计' THEN 0 WHEN '社会团体' THEN 1 WHEN '民办非企业单位' THEN 2 ELSE 3 END AS sort_order,
  max(value) FILTER (WHERE indicator = '注册社会组织数' AND year = 2013 AND month = 12) AS end_2013,
  max(value) FILTER (WHERE indicator = '注册社会组织数' AND year = 2014 AND month = 6) AS mid_2014,
  max(value) FILTER (WHERE indicator = '注册社会组织净增数') AS net_change_stated,
  max(value) FILTER (WHERE indicator = '注册社会组织数' AND year = 2014 AND month = 6)
    - max(value) FILTER (WHERE indicator = '注册社会组织数' AND year = 2013 AND month = 12) AS net_change_computed,
  max(value) FILTER (WHERE indicator LIKE '注册社会组织增长率%') AS growth_pct_stated,
  round(100 * (max(value) FILTER (WHERE indicator = '注册社会组织数' AND year = 2014 AND month = 6)
    / max(value) FILTER (WHERE indicator = '注册社会组织数' AND year = 2013 AND month = 12) - 1), 1) AS growth_pct_computed,
  max(value) FILTER (WHERE indicator = '注册社会组织构成占比') AS share_2013_pct,
  max(value) FILTER (WHERE indicator = '参加年检社会组织数') AS inspected_2013
FROM sh_social_org
WHERE dimension = 'org_type' AND indicator IN ('注册社会组织数', '注册社会组织净增数', '注册社会组织构成占比', '参加年检社会组织数')
   OR indicator LIKE '注册社会组织增长率%'
GROUP BY 1, 2, 3
ORDER BY sort_order;

-- Shanghai composition shares (图 1–4, end-2013): one row per category, for pie or bar charts.
CREATE OR REPLACE VIEW sh_composition AS
SELECT
  CASE dimension WHEN 'org_type' THEN '社会组织' WHEN 'social_group_kind' THEN '社会团体'
    WHEN 'ngo_field' THEN '民办非企业单位' WHEN 'foundation_kind' THEN '基金会' END AS of_what,
  dimension,
  category,
  category_en,
  value AS share_pct,
  approx,
  note
FROM sh_social_org
WHERE unit = '%' AND indicator IN ('注册社会组织构成占比', '社会团体构成占比', '民办非企业单位构成占比', '基金会构成占比')
ORDER BY dimension, share_pct DESC;

-- Shanghai staff structure: persons (万人) and shares (%) by year, for each breakdown.
CREATE OR REPLACE VIEW sh_staff_structure AS
SELECT
  dimension,
  coalesce(category, '合计') AS category,
  coalesce(category_en, 'Total') AS category_en,
  max(value) FILTER (WHERE unit = '%' AND year = 2002) AS share_2002_pct,
  max(value) FILTER (WHERE unit = '万人' AND year = 2007) AS persons_2007_wan,
  max(value) FILTER (WHERE unit = '%' AND year = 2007) AS share_2007_pct,
  max(value) FILTER (WHERE unit = '万人' AND year = 2013) AS persons_2013_wan,
  max(value) FILTER (WHERE unit = '%' AND year = 2013) AS share_2013_pct
FROM sh_social_org
WHERE indicator IN ('社会组织从业人员', '社会组织从业人员构成占比')
  AND dimension IN ('staff_type', 'employment', 'age', 'education')
GROUP BY 1, 2, 3
ORDER BY CASE dimension WHEN 'staff_type' THEN 0 WHEN 'employment' THEN 1 WHEN 'age' THEN 2 ELSE 3 END,
  persons_2013_wan DESC NULLS LAST, share_2013_pct DESC NULLS LAST;

-- Shanghai finances (organisations in the annual inspection): levels and stated growth.
CREATE OR REPLACE VIEW sh_finance AS
WITH metrics(metric, metric_en, growth_indicator, sort_order) AS (
  VALUES ('净资产合计', 'Net assets', '净资产同比增长率', 1),
         ('总收入', 'Total income', '总收入同比增长率', 2),
         ('总支出', 'Total expenditure', '总支出同比增长率', 3),
         ('每家社会组织净资产均值', 'Average net assets per organisation', '每家社会组织净资产均值增长率', 4)
)
SELECT
  m.metric,
  m.metric_en,
  any_value(v.unit) FILTER (WHERE v.indicator = m.metric) AS unit,
  max(v.value) FILTER (WHERE v.indicator = m.metric AND v.year = 2007) AS value_2007,
  max(v.value) FILTER (WHERE v.indicator = m.metric AND v.year = 2013) AS value_2013,
  max(v.value_norm) FILTER (WHERE v.indicator = m.metric AND v.year = 2013) AS value_2013_yuan,
  max(v.value) FILTER (WHERE v.indicator = m.growth_indicator) AS growth_pct,
  max(v.period_start) FILTER (WHERE v.indicator = m.growth_indicator) AS growth_from,
  max(v.period_end) FILTER (WHERE v.indicator = m.growth_indicator) AS growth_to
FROM metrics m
JOIN sh_social_org v ON v.indicator IN (m.metric, m.growth_indicator)
GROUP BY m.metric, m.metric_en, m.sort_order
ORDER BY m.sort_order;

-- Net-asset growth 2008–2013 by organisation type (plus the all-organisation average annual rate).
CREATE OR REPLACE VIEW sh_asset_growth_by_type AS
SELECT
  coalesce(category, '合计') AS org_type,
  coalesce(category_en, 'Total') AS org_type_en,
  indicator,
  value AS growth_pct,
  period_start,
  period_end
FROM sh_social_org
WHERE indicator IN ('净资产增长率（2013年比2008年）', '净资产年均增长率')
ORDER BY growth_pct DESC;

-- Cases per province and theme (themes are the six parts of the 2012–2015 casebook).
CREATE OR REPLACE VIEW cases_by_province AS
SELECT
  coalesce(province, '（全国性）') AS province,
  count(*) AS cases,
  count(*) FILTER (WHERE theme = '网络治理') AS 网络治理,
  count(*) FILTER (WHERE theme = '文化治理') AS 文化治理,
  count(*) FILTER (WHERE theme = '居民自治') AS 居民自治,
  count(*) FILTER (WHERE theme = '依法治理') AS 依法治理,
  count(*) FILTER (WHERE theme = '公益与社工治理') AS 公益与社工治理,
  count(*) FILTER (WHERE theme = '综合治理') AS 综合治理
FROM cases
GROUP BY 1
ORDER BY cases DESC, province;

-- Cases per theme with the span of years the documents give.
CREATE OR REPLACE VIEW cases_by_theme AS
SELECT
  theme,
  count(*) AS cases,
  count(*) FILTER (WHERE theme_basis = 'intro') AS from_book_intro,
  count(year) AS with_year,
  min(year) AS first_year,
  max(coalesce(year_end, year)) AS last_year,
  count(DISTINCT province) AS provinces
FROM cases
GROUP BY theme
ORDER BY cases DESC;

-- Case figures joined to the case catalogue (normalised values for comparison).
CREATE OR REPLACE VIEW case_figures AS
SELECT
  k.case_id,
  k.title,
  k.province,
  k.adcode,
  k.theme,
  i.region,
  i.year,
  i.indicator,
  i.category,
  i.value_text,
  i.value_norm,
  i.unit_norm,
  i.approx,
  i.quote
FROM case_indicators i
JOIN cases k USING (case_id)
ORDER BY k.case_id, i.id;

-- Award programme by edition: venue and the best / excellent cases selected that year.
CREATE OR REPLACE VIEW award_by_year AS
SELECT
  e.edition,
  e.year,
  e.venue,
  e.adcode,
  max(p.value) FILTER (WHERE p.category = '最佳案例') AS best_cases,
  max(p.value) FILTER (WHERE p.category = '优秀案例') AS excellent_cases
FROM award_editions e
LEFT JOIN award_programme p ON p.year = e.year AND p.indicator = '评选案例数'
GROUP BY e.edition, e.year, e.venue, e.adcode
ORDER BY e.edition;

-- Jiangsu targets (percentages) by region and target year.
CREATE OR REPLACE VIEW jiangsu_targets AS
SELECT
  indicator,
  category AS area,
  category_en AS area_en,
  year AS target_year,
  month AS target_month,
  value AS target_pct,
  value_text,
  note
FROM jiangsu_community
WHERE indicator LIKE '%（目标）'
ORDER BY target_year, indicator, target_pct DESC;

-- Every figure of every long table in one shape, for search and cross-table charts.
CREATE OR REPLACE VIEW all_figures AS
SELECT 'sh_social_org' AS dataset, NULL::VARCHAR AS case_id, region, year, month, period_start, period_end,
  indicator, indicator_en, category, value_text || coalesce(unit, '') AS value_text, value_norm, unit_norm, approx, source, quote, note
FROM sh_social_org
UNION ALL
SELECT 'case_indicators', case_id, region, year, month, period_start, period_end,
  indicator, indicator_en, category, value_text, value_norm, unit_norm, approx, source, quote, note
FROM case_indicators
UNION ALL
SELECT 'jiangsu_community', case_id, region, year, month, period_start, period_end,
  indicator, indicator_en, category, value_text, value_norm, unit_norm, approx, source, quote, note
FROM jiangsu_community
UNION ALL
SELECT 'award_programme', case_id, region, year, month, period_start, period_end,
  indicator, indicator_en, category, value_text, value_norm, unit_norm, approx, source, quote, note
FROM award_programme;

-- Statements by kind: how many, from how many documents, how many about a case, how many list their parts.
CREATE OR REPLACE VIEW statements_by_kind AS
SELECT
  kind,
  count(*) AS statements,
  count(DISTINCT source) AS documents,
  count(case_id) AS about_cases,
  count(names) AS with_names,
  count(figure_table) AS in_figure_tables
FROM statements
GROUP BY kind
ORDER BY statements DESC, kind;

-- One row per named part of a count of named parts (“六有”: 有机构管事, 有人员干事 …), in the document's order.
CREATE OR REPLACE VIEW named_parts AS
SELECT
  s.id AS statement_id,
  s.case_id,
  s.region,
  s.indicator,
  s.value AS parts,
  p.part_no,
  string_split(s.names, ';')[p.part_no] AS part,
  s.document,
  s.quote
FROM statements s
CROSS JOIN LATERAL (SELECT unnest(range(1, len(string_split(s.names, ';')) + 1)) AS part_no) p
WHERE s.names IS NOT NULL
ORDER BY s.id, p.part_no;

-- Dated events and periods (案例起始时间, 规划期 …) on one time axis.
CREATE OR REPLACE VIEW statement_timeline AS
SELECT
  coalesce(year, period_start) AS year_from,
  coalesce(year, period_end) AS year_to,
  month,
  kind,
  indicator,
  indicator_en,
  case_id,
  region,
  value_text,
  document,
  quote
FROM statements
WHERE kind IN ('year', 'period')
ORDER BY year_from, month NULLS FIRST, id;
