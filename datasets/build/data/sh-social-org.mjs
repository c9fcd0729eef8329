// 上海社会组织 (seed 003, 篇三 "社会组织与社会治理创新以上海为例"): every figure, long format.
// Row: [indicator, indicator_en, dimension, category, category_en, value_text, unit, time, quote, extra]
// time: { y, m, ps, pe } — year, month (12 = 年底, 6 = 6 月底), period start/end for changes and growth.
// extra: { approx, value, unit_norm, value_norm, note }

const END13 = { y: 2013, m: 12 };
const MID14 = { y: 2014, m: 6 };
const CHG = { y: 2014, m: 6, ps: 2013, pe: 2014 };
const Y13 = { y: 2013 };
const END07 = { y: 2007, m: 12 };

const REG = '注册社会组织数';
const REG_EN = 'Registered social organisations';
const GROWTH = '注册社会组织增长率（2013年底至2014年6月底）';
const GROWTH_EN = 'Growth of registered organisations, end-2013 to end-June 2014';
const SHARE = '注册社会组织构成占比';
const SHARE_EN = 'Share of registered organisations by type';
const ST = '社会团体构成占比';
const ST_EN = 'Share of social groups by kind';
const MF = '民办非企业单位构成占比';
const MF_EN = 'Share of private non-enterprise units by field';
const ANN = '参加年检社会组织数';
const ANN_EN = 'Organisations in the annual inspection';
const STAFF = '社会组织从业人员';
const STAFF_EN = 'Staff of social organisations';
const STAFF_SH = '社会组织从业人员构成占比';
const STAFF_SH_EN = 'Share of staff';

const T = '社会团体';
const M = '民办非企业单位';
const F = '基金会';

export const SH_ROWS = [
  // Registrations, end-June 2014
  [REG, REG_EN, 'org_type', '', '', '11924', '家', MID14, '截至 2014 年 6 月底,上海注册社会组织共有 11924 家'],
  [REG, REG_EN, 'org_type', T, 'Social groups', '3853', '家', MID14, '上海注册社会组织共有 11924 家,其中社会团体 3853 家'],
  [REG, REG_EN, 'org_type', M, 'Private non-enterprise units', '7905', '家', MID14, '民办非企业单位(简称“民非”)7905 家'],
  [REG, REG_EN, 'org_type', F, 'Foundations', '166', '家', MID14, '7905 家,基金会 166 家'],
  ['注册社会组织净增数', 'Net increase in registered organisations', 'org_type', '', '', '317', '家', CHG, '相比 2013 年底,全市净增社会组织 317家'],
  [GROWTH, GROWTH_EN, 'org_type', '', '', '2.7', '%', CHG, '全市净增社会组织 317家,增长率为 2.7%'],
  [GROWTH, GROWTH_EN, 'org_type', T, 'Social groups', '1.7', '%', CHG, '增长率为 2.7%,其中社团为 1.7%'],
  [GROWTH, GROWTH_EN, 'org_type', M, 'Private non-enterprise units', '3.1', '%', CHG, '其中社团为 1.7%,民非为 3.1%'],
  [GROWTH, GROWTH_EN, 'org_type', F, 'Foundations', '9.2', '%', CHG, '民非为 3.1%,基金会为 9.2%'],
  // Registrations, end-2013
  [REG, REG_EN, 'org_type', '', '', '11607', '家', END13, '截至 2013 年底,全市注册社会组织共有 11607 家'],
  [REG, REG_EN, 'org_type', T, 'Social groups', '3789', '家', END13, '全市注册社会组织共有 11607 家,其中社会团体 3789 家'],
  [REG, REG_EN, 'org_type', M, 'Private non-enterprise units', '7666', '家', END13, '其中社会团体 3789 家,民办非企业单位 7666 家'],
  [REG, REG_EN, 'org_type', F, 'Foundations', '152', '家', END13, '民办非企业单位 7666 家,基金会152 家'],
  ['备案社区群众活动团队数', 'Filed community activity groups', 'other', '', '', '2.28', '万个', END13, '全市另有备案的社区群众活动团队约 2.28 万个', { approx: 'about' }],
  // Composition, 2013 (图 1–4)
  [SHARE, SHARE_EN, 'org_type', M, 'Private non-enterprise units', '66.0', '%', END13, '民办非企业单位数量最多,约占 66.0%', { approx: 'about', note: '三类占比合计 99.9%（原文四舍五入）' }],
  [SHARE, SHARE_EN, 'org_type', T, 'Social groups', '32.6', '%', END13, '社会团体次之,占32.6%'],
  [SHARE, SHARE_EN, 'org_type', F, 'Foundations', '1.3', '%', END13, '基金会数量最少,仅占 1.3%'],
  [ST, ST_EN, 'social_group_kind', '专业性社团', 'Professional', '47.0', '%', END13, '专业性社团最多,约占 47.0%', { approx: 'about' }],
  [ST, ST_EN, 'social_group_kind', '联合性社团', 'Federative', '26.0', '%', END13, '联合性社团次之,约占 26.0%', { approx: 'about' }],
  [ST, ST_EN, 'social_group_kind', '学术性社团', 'Academic', '20.3', '%', END13, '学术性社团又次之,约占 20.3%', { approx: 'about' }],
  [ST, ST_EN, 'social_group_kind', '行业性社团', 'Trade', '6.7', '%', END13, '行业性社团最少,约占 6.7%', { approx: 'about' }],
  [MF, MF_EN, 'ngo_field', '教育类', 'Education', '37', '%', END13, '教育类最多,约占 37%', { approx: 'about' }],
  [MF, MF_EN, 'ngo_field', '民政类', 'Civil affairs', '23.2', '%', END13, '民政类次之,约占 23.2%', { approx: 'about' }],
  [MF, MF_EN, 'ngo_field', '其他各类（最低）', 'Each other field (lowest)', '0.5', '%', END13, '其他各类所占比例为 0.5%~15.6%不等', { note: '原文只给区间“0.5%~15.6%不等”，此行为区间下限' }],
  [MF, MF_EN, 'ngo_field', '其他各类（最高）', 'Each other field (highest)', '15.6', '%', END13, '其他各类所占比例为 0.5%~15.6%不等', { note: '原文只给区间“0.5%~15.6%不等”，此行为区间上限' }],
  ['基金会数', 'Foundations', 'foundation_kind', '公募基金会', 'Public-fundraising', '51', '家', END13, '公募基金会有 51 家,占 33.6%'],
  ['基金会构成占比', 'Share of foundations', 'foundation_kind', '公募基金会', 'Public-fundraising', '33.6', '%', END13, '公募基金会有 51 家,占 33.6%'],
  ['基金会数', 'Foundations', 'foundation_kind', '非公募基金会', 'Non-public-fundraising', '101', '家', END13, '非公募基金会有 101 家,占 66.4%'],
  ['基金会构成占比', 'Share of foundations', 'foundation_kind', '非公募基金会', 'Non-public-fundraising', '66.4', '%', END13, '非公募基金会有 101 家,占 66.4%'],
  // Annual inspection and staff, 2013
  [ANN, ANN_EN, 'org_type', '', '', '9500', '家', Y13, '2013 年,上海参加年检的社会组织共有 9500 家'],
  [ANN, ANN_EN, 'org_type', T, 'Social groups', '3431', '家', Y13, '共有 9500 家,其中社团 3431 家'],
  [ANN, ANN_EN, 'org_type', M, 'Private non-enterprise units', '5921', '家', Y13, '其中社团 3431 家,民非 5921 家'],
  [ANN, ANN_EN, 'org_type', F, 'Foundations', '148', '家', Y13, '民非 5921 家,基金会148 家'],
  [STAFF, STAFF_EN, 'staff_type', '', '', '20.03', '万人', Y13, '基金会148 家,共有从业人员 20.03 万人'],
  ['社会组织从业人员增长率', 'Staff growth, year on year', 'staff_type', '', '', '10.3', '%', { y: 2013, ps: 2012, pe: 2013 }, '共有从业人员 20.03 万人,较 2012 年同比增长 10.3%'],
  ['社会组织从业人员年均增长率', 'Staff average annual growth', 'staff_type', '', '', '8.0', '%', { y: 2013, ps: 2007, pe: 2013 }, '2007~2013 年年均增长速度为 8.0%', { note: '按 2007 年底 12.5 万人、2013 年 20.03 万人推算年均约 8.2%，原文为 8.0%' }],
  ['占全社会各行业从业人员比重', 'Share of all employed persons in Shanghai', 'staff_type', '', '', '1.8', '%', Y13, '占上海全社会各行业从业人员的 1.8%'],
  ['全社会各行业从业人员总量', 'All employed persons in Shanghai (statistical yearbook)', 'context', '', '', '1115.5', '万人', Y13, '2013 年全社会各行业从业人员总量为 1115.5 万人', { note: '原文引自上海统计年鉴' }],
  [STAFF, STAFF_EN, 'staff_type', '专职', 'Full-time', '14.31', '万人', Y13, '其中专职人员 14.31 万人,占 71.4%'],
  [STAFF_SH, STAFF_SH_EN, 'staff_type', '专职', 'Full-time', '71.4', '%', Y13, '其中专职人员 14.31 万人,占 71.4%'],
  [STAFF, STAFF_EN, 'staff_type', '兼职', 'Part-time', '5.72', '万人', Y13, '兼职人员 5.72 万人,占 28.6%'],
  [STAFF_SH, STAFF_SH_EN, 'staff_type', '兼职', 'Part-time', '28.6', '%', Y13, '兼职人员 5.72 万人,占 28.6%'],
  [STAFF, STAFF_EN, 'employment', '签订劳动合同人员', 'Under labour contract', '11.00', '万人', Y13, '签订劳动合同人员约 11.00 万人,占 54.9%', { approx: 'about' }],
  [STAFF_SH, STAFF_SH_EN, 'employment', '签订劳动合同人员', 'Under labour contract', '54.9', '%', Y13, '签订劳动合同人员约 11.00 万人,占 54.9%'],
  [STAFF, STAFF_EN, 'employment', '离退休返聘人员', 'Re-employed retirees', '3.3', '万人', Y13, '离退休返聘人员 3.3 万人,占 16.5%'],
  [STAFF_SH, STAFF_SH_EN, 'employment', '离退休返聘人员', 'Re-employed retirees', '16.5', '%', Y13, '离退休返聘人员 3.3 万人,占 16.5%'],
  [STAFF, STAFF_EN, 'employment', '企事业单位在职人员', 'Employees of enterprises and public institutions', '2.64', '万人', Y13, '企事业单位在职人员 2.64 万人,占 13.2%'],
  [STAFF_SH, STAFF_SH_EN, 'employment', '企事业单位在职人员', 'Employees of enterprises and public institutions', '13.2', '%', Y13, '企事业单位在职人员 2.64 万人,占 13.2%'],
  [STAFF, STAFF_EN, 'employment', '其他单位兼职人员', 'Part-timers from other units', '2.54', '万人', Y13, '其他单位兼职人员 2.54 万人,占 12.7%'],
  [STAFF_SH, STAFF_SH_EN, 'employment', '其他单位兼职人员', 'Part-timers from other units', '12.7', '%', Y13, '其他单位兼职人员 2.54 万人,占 12.7%'],
  [STAFF, STAFF_EN, 'employment', '国家机关在职人员', 'Serving civil servants', '0.55', '万人', Y13, '国家机关在职人员 0.55 万人,占 2.7%'],
  [STAFF_SH, STAFF_SH_EN, 'employment', '国家机关在职人员', 'Serving civil servants', '2.7', '%', Y13, '国家机关在职人员 0.55 万人,占 2.7%'],
  // Staff, end-2007
  [STAFF, STAFF_EN, 'staff_type', '', '', '12.5', '万人', END07, '当时社会组织从业人员为 12.5 万人'],
  [STAFF, STAFF_EN, 'staff_type', '专职', 'Full-time', '4.4', '万人', END07, '其中专职人员为 4.4 万人,仅占从业人员总数的 35.2%'],
  [STAFF_SH, STAFF_SH_EN, 'staff_type', '专职', 'Full-time', '35.2', '%', END07, '其中专职人员为 4.4 万人,仅占从业人员总数的 35.2%'],
  [STAFF, STAFF_EN, 'staff_type', '兼职', 'Part-time', '8.1', '万人', END07, '兼职人员为 8.1 万人,占 64.8%'],
  [STAFF_SH, STAFF_SH_EN, 'staff_type', '兼职', 'Part-time', '64.8', '%', END07, '兼职人员为 8.1 万人,占 64.8%'],
  // Age, 2013
  [STAFF_SH, STAFF_SH_EN, 'age', '35岁及以下', 'Aged 35 and under', '34.9', '%', Y13, '社会组织从业人员中,35 岁及以下的占 34.9%', { note: '四个年龄段占比合计 100.2%（原文如此）' }],
  [STAFF_SH, STAFF_SH_EN, 'age', '36~50岁', 'Aged 36-50', '32.5', '%', Y13, '36~50 岁的为占 32.5%'],
  [STAFF_SH, STAFF_SH_EN, 'age', '51~60岁', 'Aged 51-60', '21.7', '%', Y13, '51~60 岁的占 21.7%'],
  [STAFF_SH, STAFF_SH_EN, 'age', '60岁以上', 'Over 60', '11.1', '%', Y13, '60 岁以上的占 11.1%'],
  [STAFF_SH, STAFF_SH_EN, 'age_summary', '50岁以下', 'Under 50', '2/3', '', Y13, '50 岁以下的约占整个社会组织从业人员的 2/3', { approx: 'about', value_norm: 200 / 3, unit_norm: '%', note: '分数 2/3；value_norm 折算为百分数' }],
  // Education, 2013 and the 2002 sample survey
  [STAFF, STAFF_EN, 'education', '高中及以下', 'Senior secondary or below', '6.85', '万人', Y13, '高中及以下学历的约 6.85 万人,占34.2%', { approx: 'about', note: '四类学历人数合计 20.02 万人，与总数 20.03 万人相差 0.01 万人（四舍五入）' }],
  [STAFF_SH, STAFF_SH_EN, 'education', '高中及以下', 'Senior secondary or below', '34.2', '%', Y13, '高中及以下学历的约 6.85 万人,占34.2%'],
  [STAFF, STAFF_EN, 'education', '大学本科及专科', 'Bachelor or college diploma', '11.61', '万人', Y13, '大学本科及专科学历的约 11.61 万人,占 58.0%', { approx: 'about' }],
  [STAFF_SH, STAFF_SH_EN, 'education', '大学本科及专科', 'Bachelor or college diploma', '58.0', '%', Y13, '大学本科及专科学历的约 11.61 万人,占 58.0%'],
  [STAFF, STAFF_EN, 'education', '硕士及以上', 'Master or above', '1.34', '万人', Y13, '硕士及以上学历的 1.34 万人,占6.7%'],
  [STAFF_SH, STAFF_SH_EN, 'education', '硕士及以上', 'Master or above', '6.7', '%', Y13, '硕士及以上学历的 1.34 万人,占6.7%'],
  [STAFF, STAFF_EN, 'education', '留学归国人员', 'Returned from study abroad (6+ months)', '0.22', '万人', Y13, '留学(半年以上)归国人员 0.22 万人,占 1.1%'],
  [STAFF_SH, STAFF_SH_EN, 'education', '留学归国人员', 'Returned from study abroad (6+ months)', '1.1', '%', Y13, '留学(半年以上)归国人员 0.22 万人,占 1.1%'],
  [STAFF_SH, STAFF_SH_EN, 'education', '高中及以下', 'Senior secondary or below', '43.1', '%', { y: 2002 }, '从 43.1%下降为34.2%', { note: '2002 年“非营利组织与政府关系之研究”抽样数据' }],
  [STAFF_SH, STAFF_SH_EN, 'education', '硕士及以上', 'Master or above', '2.0', '%', { y: 2002 }, '从 2.0%增加到 6.7%', { note: '2002 年“非营利组织与政府关系之研究”抽样数据' }],
  // Finances (organisations in the annual inspection)
  ['净资产合计', 'Net assets', 'finance', '', '', '312.59', '亿元', END13, '全市参加年检的社会组织净资产合计为 312.59 亿元'],
  ['净资产同比增长率', 'Net assets, growth year on year', 'finance', '', '', '21.0', '%', { y: 2013, ps: 2012, pe: 2013 }, '净资产合计为 312.59 亿元,同比增长了 21.0%'],
  ['总收入', 'Total income', 'finance', '', '', '314.40', '亿元', END13, '总收入为 314.40 亿元,同比增长了 9.1%'],
  ['总收入同比增长率', 'Total income, growth year on year', 'finance', '', '', '9.1', '%', { y: 2013, ps: 2012, pe: 2013 }, '总收入为 314.40 亿元,同比增长了 9.1%'],
  ['总支出', 'Total expenditure', 'finance', '', '', '272.10', '亿元', END13, '总支出为 272.10 亿元,同比增长 12.1%'],
  ['总支出同比增长率', 'Total expenditure, growth year on year', 'finance', '', '', '12.1', '%', { y: 2013, ps: 2012, pe: 2013 }, '总支出为 272.10 亿元,同比增长 12.1%'],
  ['净资产年均增长率', 'Net assets, average annual growth', 'finance', '', '', '14.6', '%', { y: 2013, ps: 2008, pe: 2013 }, '2008~2013 年社会组织净资产平均增长速度为 14.6%'],
  ['净资产增长率（2013年比2008年）', 'Net assets growth, 2013 over 2008', 'org_type', F, 'Foundations', '105.1', '%', { y: 2013, ps: 2008, pe: 2013 }, '其中基金会 2013 年比 2008 年增长了105.1%'],
  ['净资产增长率（2013年比2008年）', 'Net assets growth, 2013 over 2008', 'org_type', T, 'Social groups', '74.9', '%', { y: 2013, ps: 2008, pe: 2013 }, '高于社会团体的 74.9%和民办非企业单位的 81.4%', { note: '原文未写明增长的指标，据上下文为净资产' }],
  ['净资产增长率（2013年比2008年）', 'Net assets growth, 2013 over 2008', 'org_type', M, 'Private non-enterprise units', '81.4', '%', { y: 2013, ps: 2008, pe: 2013 }, '高于社会团体的 74.9%和民办非企业单位的 81.4%', { note: '原文未写明增长的指标，据上下文为净资产' }],
  ['每家社会组织净资产均值', 'Average net assets per organisation', 'finance', '', '', '329.04', '万元', END13, '从每家社会组织的净资产均值来看,2013 年底为 329.04 万元'],
  ['每家社会组织净资产均值', 'Average net assets per organisation', 'finance', '', '', '186.73', '万元', { y: 2007 }, '2013 年底为 329.04 万元,2007 年为 186.73 万元'],
  ['每家社会组织净资产均值增长率', 'Average net assets per organisation, growth', 'finance', '', '', '76.2', '%', { y: 2013, ps: 2007, pe: 2013 }, '2007 年为 186.73 万元,增长了 76.2%'],
  // Density and social workers, end-2013
  ['每万户籍人口拥有社会组织数', 'Organisations per 10,000 registered residents', 'density', '', '', '8.1', '家/万人', END13, '上海户籍人口每万人拥有社会组织达 8.1 家', { note: '单位为“家/每万户籍人口”' }],
  ['相当于全国平均水平的倍数', 'Multiple of the national average density', 'density', '', '', '2', '倍', END13, '是全国平均水平的 2 倍多', { approx: 'more_than' }],
  ['持“社会工作者”资格证书人数', 'Staff holding the social worker certificate', 'certification', '', '', '4919', '人', END13, '持有“社会工作者”资格证书的有 4919 人,占 2.5%'],
  ['持“社会工作者”资格证书人员占从业人员比重', 'Share of staff holding the social worker certificate', 'certification', '', '', '2.5', '%', END13, '持有“社会工作者”资格证书的有 4919 人,占 2.5%'],
  ['持相应专业资格证书人数', 'Staff holding other professional certificates', 'certification', '', '', '7.74', '万人', END13, '持有从事相应专业资格证书的有 7.74 万人'],
];
