// Table and column metadata written to datasets/catalog.json (format: shared/model/catalog.ts, version 1).

const c = (name, type, zh, en, extra = {}) => ({ name, type, label: { zh, en }, ...extra });

const INDICATOR_COLUMNS = [
  c('id', 'INTEGER', '行号', 'Row id', { description: 'Row number within this table (stable for a given release).' }),
  c('case_id', 'VARCHAR', '案例编号', 'Case id', { description: 'cases.case_id of the case the figure belongs to; empty when it concerns a place in general.' }),
  c('region', 'VARCHAR', '地区', 'Region'),
  c('year', 'INTEGER', '年份', 'Year', { description: 'Year the figure refers to (for a period: its end). Empty when the document gives no year.' }),
  c('month', 'INTEGER', '月份', 'Month', { description: 'Month when the document dates the figure to a month (12 = year end).' }),
  c('period_start', 'INTEGER', '起始年', 'Period start', { description: 'First year of the period for changes, growth rates, cumulative counts and targets.' }),
  c('period_end', 'INTEGER', '截止年', 'Period end'),
  c('indicator', 'VARCHAR', '指标', 'Indicator'),
  c('indicator_en', 'VARCHAR', '指标（英文）', 'Indicator (English)'),
  c('category', 'VARCHAR', '类别', 'Category', { description: 'Breakdown within the indicator; empty for totals.' }),
  c('category_en', 'VARCHAR', '类别（英文）', 'Category (English)'),
  c('value_text', 'VARCHAR', '原文数值', 'Value as written', { description: 'The figure exactly as written in the quote, with its unit.' }),
  c('value', 'DOUBLE', '数值', 'Value', { description: 'The written number as a machine value, in `unit`.' }),
  c('unit', 'VARCHAR', '单位', 'Unit', { description: 'Unit as written (万人, 平方公里, % ...).' }),
  c('value_norm', 'DOUBLE', '标准化数值', 'Normalised value', { description: 'value × unit prefix (万 = 1e4, 亿 = 1e8, 千 = 1e3) in unit_norm.' }),
  c('unit_norm', 'VARCHAR', '标准化单位', 'Normalised unit'),
  c('approx', 'VARCHAR', '近似标记', 'Approximation', { description: 'about (约), more_than (多/余: value is a lower bound), nearly (近: value is an upper bound); empty when exact.' }),
  c('source', 'VARCHAR', '来源文件', 'Source document', { description: 'Seed file name in shared/seeds.' }),
  c('quote', 'VARCHAR', '原文引文', 'Quote', { description: 'Verbatim one-line excerpt (≤ 80 characters) of the source containing value_text.' }),
  c('note', 'VARCHAR', '备注', 'Note', { description: 'Corrections, inconsistencies and interpretation.' }),
];

const SH_COLUMNS = [
  c('id', 'INTEGER', '行号', 'Row id'),
  c('region', 'VARCHAR', '地区', 'Region'),
  c('year', 'INTEGER', '年份', 'Year', { description: 'Year of the figure; for a change or growth rate the end year.' }),
  c('month', 'INTEGER', '月份', 'Month', { description: '12 = 年底 (end of year), 6 = 6 月底; empty for an annual figure.' }),
  c('period_start', 'INTEGER', '起始年', 'Period start', { description: 'Base year of a change or growth rate.' }),
  c('period_end', 'INTEGER', '截止年', 'Period end'),
  c('indicator', 'VARCHAR', '指标', 'Indicator'),
  c('indicator_en', 'VARCHAR', '指标（英文）', 'Indicator (English)'),
  c('dimension', 'VARCHAR', '分组维度', 'Dimension', { description: 'What category breaks down: org_type, social_group_kind, ngo_field, foundation_kind, staff_type, employment, age, age_summary, education, finance, density, certification, context, other.' }),
  c('category', 'VARCHAR', '类别', 'Category', { description: 'e.g. 社会团体, 专职, 35岁及以下; empty for totals.' }),
  c('category_en', 'VARCHAR', '类别（英文）', 'Category (English)'),
  c('value', 'DOUBLE', '数值', 'Value', { description: 'The written number, in `unit`.' }),
  c('unit', 'VARCHAR', '单位', 'Unit', { description: 'As written: 家, 万人, %, 亿元, 万元 ...' }),
  c('value_norm', 'DOUBLE', '标准化数值', 'Normalised value', { description: 'value × unit prefix (万 = 1e4, 亿 = 1e8) in unit_norm.' }),
  c('unit_norm', 'VARCHAR', '标准化单位', 'Normalised unit'),
  c('approx', 'VARCHAR', '近似标记', 'Approximation', { description: 'about (约), more_than (…多); empty when exact.' }),
  c('value_text', 'VARCHAR', '原文数字', 'Number as written', { description: 'The number exactly as written in the quote (unit in `unit`).' }),
  c('source', 'VARCHAR', '来源文件', 'Source document'),
  c('quote', 'VARCHAR', '原文引文', 'Quote', { description: 'Verbatim one-line excerpt (≤ 80 characters) containing value_text.' }),
  c('note', 'VARCHAR', '备注', 'Note'),
];

const CASE_COLUMNS = [
  c('case_id', 'VARCHAR', '案例编号', 'Case id', { description: 'Stable ASCII slug.' }),
  c('title', 'VARCHAR', '案例名称', 'Title'),
  c('province', 'VARCHAR', '省份', 'Province', { description: 'Province-level unit, corrected where the document is wrong (see note).' }),
  c('city', 'VARCHAR', '城市', 'City'),
  c('district', 'VARCHAR', '区县/街镇', 'District / county / town'),
  c('level', 'VARCHAR', '层级', 'Level', { description: '全国, 省级, 地市级, 区县级, 街镇级, 社区级, 社会组织.' }),
  c('adcode', 'VARCHAR', '行政区划代码', 'Administrative code', { description: 'GB/T 2260 six-digit code of the most specific place known with confidence.' }),
  c('year', 'INTEGER', '年份', 'Year', { description: 'See year_basis.' }),
  c('year_end', 'INTEGER', '截止年份', 'End year'),
  c('year_basis', 'VARCHAR', '年份含义', 'Year basis', { description: 'start = year the practice began; award = edition of the national case award; reported = year the document reports on.' }),
  c('theme', 'VARCHAR', '主题', 'Theme', { description: "One of the book's six parts: 网络治理, 文化治理, 居民自治, 依法治理, 公益与社工治理, 综合治理." }),
  c('theme_basis', 'VARCHAR', '主题依据', 'Theme basis', { description: "intro = the book's introduction discusses the case under that method; assigned = classified by the dataset editor." }),
  c('tags', 'VARCHAR', '标签', 'Tags', { description: 'Semicolon-separated.' }),
  c('summary', 'VARCHAR', '摘要', 'Summary', { description: 'One sentence written by the dataset editor (not a quote).' }),
  c('source', 'VARCHAR', '来源文件', 'Source document'),
  c('quote', 'VARCHAR', '原文引文', 'Quote', { description: 'Verbatim one-line excerpt (≤ 80 characters) naming the case.' }),
  c('note', 'VARCHAR', '备注', 'Note'),
];

const EDITION_COLUMNS = [
  c('edition', 'INTEGER', '届次', 'Edition'),
  c('year', 'INTEGER', '年份', 'Year'),
  c('month', 'INTEGER', '月份', 'Month'),
  c('venue', 'VARCHAR', '论坛地点', 'Forum venue'),
  c('venue_en', 'VARCHAR', '论坛地点（英文）', 'Forum venue (English)'),
  c('province', 'VARCHAR', '省份', 'Province'),
  c('adcode', 'VARCHAR', '行政区划代码', 'Administrative code'),
  c('source', 'VARCHAR', '来源文件', 'Source document'),
  c('quote', 'VARCHAR', '原文引文', 'Quote'),
  c('note', 'VARCHAR', '备注', 'Note'),
];

// Columns statements shares with the figure tables keep their definitions; the others are its own.
const shared = (name, extra = {}) => ({ ...INDICATOR_COLUMNS.find((col) => col.name === name), ...extra });
const STATEMENT_COLUMNS = [
  shared('id'),
  c('kind', 'VARCHAR', '表述类型', 'Kind', { description: 'count, parts (count of named parts), amount, measure, share, rate, ratio, fraction, multiple, range, duration, frequency, period, year, rank.' }),
  shared('case_id'),
  shared('region', { description: 'Place the statement is about; empty for statements about the country, a document or a concept.' }),
  ...['indicator', 'indicator_en', 'category', 'category_en'].map((n) => shared(n)),
  shared('value_text', { description: 'The figure exactly as written in the quote (Chinese numerals, fractions and ranges included).' }),
  shared('value', { description: 'The written number, in `unit` (a fraction as its decimal value, a year as the year); empty for ranges and periods.' }),
  c('value_low', 'DOUBLE', '下限', 'Low', { description: 'Lower end of a range, first year of a period.' }),
  c('value_high', 'DOUBLE', '上限', 'High', { description: 'Upper end of a range, last year of a period.' }),
  shared('unit', { description: 'Unit as written (个, 家, 万人, %, 年 …); empty for fractions.' }),
  shared('value_norm', { description: 'value × unit prefix (万 = 1e4, 亿 = 1e8, 千 = 1e3) in unit_norm; fractions as a percentage.' }),
  shared('unit_norm'),
  shared('approx', { description: 'about (约), more_than (多/余/过: lower bound), nearly (近: upper bound), less_than (不到: strict upper bound); empty when exact.' }),
  c('names', 'VARCHAR', '组成部分', 'Named parts', { description: 'The parts the document lists for a count of named parts, separated by semicolons.' }),
  shared('year', { description: 'Year the statement refers to; for a dated event the year of the event.' }),
  ...['month', 'period_start', 'period_end'].map((n) => shared(n)),
  c('document', 'VARCHAR', '来源文献', 'Document', { description: 'Short title of the source document.' }),
  shared('source'),
  shared('quote'),
  shared('note'),
  c('figure_table', 'VARCHAR', '所在数据表', 'Figure table', { description: 'Table that also holds this statement (sh_social_org, case_indicators, jiangsu_community, award_programme, or cases for a year a case quote states); empty when only here.' }),
  c('figure_id', 'INTEGER', '所在行号', 'Figure row id', { description: 'id of that row (the lower end for a range, the first year for a figure repeated per year; empty for cases: see case_id).' }),
];

export const TABLES = {
  sh_social_org: {
    title: { zh: '上海社会组织统计（2007—2014）', en: 'Shanghai social organisations, 2007–2014' },
    description: {
      zh: '上海注册社会组织数量、构成、从业人员（人数、专兼职、用工形式、年龄、学历）、财务、密度与持证社工，长表，每行附原文引文。',
      en: 'Registrations, composition, staff (totals, full/part-time, employment type, age, education), finances, density and certified social workers of Shanghai social organisations, long format with a verbatim quote per row.',
    },
    columns: SH_COLUMNS,
  },
  cases: {
    title: { zh: '社会治理创新案例目录', en: 'Social governance innovation cases' },
    description: {
      zh: '五份文献点名或描述的社会治理创新案例，含地点、行政区划代码、年份、主题与原文引文。',
      en: 'Every social-governance innovation case the five documents name or describe, with place, administrative code, year, theme and a verbatim quote.',
    },
    columns: CASE_COLUMNS,
  },
  case_indicators: {
    title: { zh: '案例与地区量化指标', en: 'Case and place figures' },
    description: {
      zh: '文献中关于案例或地区的全部数字（面积、人口、社区、人员、组织、经费、纠纷、比例等），含原文写法与标准化数值。',
      en: 'Every figure stated about a case or place (area, population, communities, staff, organisations, funds, disputes, percentages ...), as written and normalised.',
    },
    columns: INDICATOR_COLUMNS,
  },
  jiangsu_community: {
    title: { zh: '江苏社区治理指标与目标', en: 'Jiangsu community governance figures and targets' },
    description: {
      zh: '江苏省社区建设成绩与“十三五”、2016—2017 年社区治理目标。',
      en: "Jiangsu's community-building record and its 2016–2017 and 13th Five-Year-Plan community governance targets.",
    },
    columns: INDICATOR_COLUMNS,
  },
  award_programme: {
    title: { zh: '全国社会治理创新案例评选（2012—2015）', en: 'National social governance innovation case award, 2012–2015' },
    description: {
      zh: '国家行政学院与人民网案例评选的届数、征集案例、投票人次、每年最佳与优秀案例数，以及案例选编图书信息。',
      en: 'Editions, submitted cases, votes, best and excellent cases per year of the award run by the Chinese Academy of Governance and People’s Daily Online, plus facts about the casebook.',
    },
    columns: INDICATOR_COLUMNS,
  },
  statements: {
    title: { zh: '文献统计表述总表', en: 'Every statistical statement of the documents' },
    description: {
      zh: '五份文献中的每一处统计表述，一句一行：数量、金额、比例、分数、倍数、区间、时长、规划期、年份、名次与“几大”“几个”组成部分（含所列名称），附原文写法、数值、原文引文与出处；已在其他数据表中的，注明所在表与行号。',
      en: 'Every statistical statement of the five documents, one row each: counts, amounts, shares, fractions, multiples, ranges, durations, planning periods, years, ranks and counts of named parts (with the names), as written and as values, with a verbatim quote and the document; rows also held by another table name it.',
    },
    columns: STATEMENT_COLUMNS,
  },
  award_editions: {
    title: { zh: '案例评选历届论坛', en: 'Award editions and forum venues' },
    description: {
      zh: '2012—2015 年四届评选的论坛举办地（届次与年份的对应见备注）。',
      en: 'Forum venue of each of the four editions, 2012–2015 (see note on how editions map to years).',
    },
    columns: EDITION_COLUMNS,
  },
};
