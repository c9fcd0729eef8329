// Statements of seed 003 (four case texts: 嘉兴, 玄武 thesis, 上海 social organisations, 海淀) that no figure
// table holds. Row shape: statements-book.mjs.

const JX = '浙江省嘉兴市';
const SH = '上海市';
const HD = '北京市海淀区';
const SJ = 'jiaxing-sanshe-hudong';
const HT = 'haidian-shehui-tizhi';
const HG = 'haidian-grid';
const NOT_LISTED = '原文未列出各项名称';
const FOOTNOTE = '原文以脚注①②③说明，脚注不在文本中';

export const FOUR_STATEMENTS = [
  ['count', null, null, null, '汇编所收文章篇数', 'Texts in the compilation', '4篇', '下面是小编为大家整理的社会治理创新案例名称4篇', { v: 4 }],
  // 篇一 嘉兴
  ['year', SJ, JX, { y: 2020, m: 3 }, '嘉兴教学案例发布时间', 'Jiaxing teaching case published', '2020 年 03 月 09 日', '基层社会治理创新的嘉兴模式2020 年 03 月 09 日摘要', { note: '2020 年 3 月 9 日' }],
  ['year', SJ, JX, { y: 2008, m: 7 }, '市委社会工作委员会成立时间', 'Municipal social work committee set up', '2008 年 7 月', '2008 年 7 月,嘉兴市委、市政府加强改革创新,在全国地市中率先成立市委社会工作委员会'],
  ['parts', SJ, JX, null, '社会工作机构层级', 'Levels of social work offices', '三级', '全市实现了市、县(市、区)和镇(街道)三级社会工作机构全覆盖', { v: 3, names: ['市', '县(市、区)', '镇(街道)'] }],
  ['share', SJ, JX, null, '三级社会工作机构覆盖率', 'Coverage of social work offices at the three levels', '全覆盖', '全市实现了市、县(市、区)和镇(街道)三级社会工作机构全覆盖', { v: 100, note: '原文为“全覆盖”，按 100% 记' }],
  ['parts', SJ, JX, null, '配备专职领导的社工办层级', 'Levels of social work offices with full-time heads', '两级', '市、县两级社工办都配备专职领导', { v: 2, names: ['市', '县'] }],
  ['period', SJ, JX, { ps: 2011, pe: 2020 }, '嘉兴市中长期社会工作人才专项发展规划期', 'Period of the Jiaxing social work talent plan', '2011 〜 2020 年', '《嘉兴市中长期社会工作人才专项发展规划( 2011 〜 2020 年)》'],
  ['duration', SJ, JX, null, '社会工作和政府购买社会服务经费的统计年数', 'Years over which the social work funds were counted', '三年', '近三年全市各级共安排社会工作和政府购买社会服务经费 3074 万元', { v: 3, approx: null, note: '“近三年”：最近三年，起止年份未写明' }],
  ['parts', SJ, JX, null, '“五型机关”创建', 'The five kinds of model organs', '五', '市级部门 “ 五型机关 ” 创建的考核指标', { v: 5, u: '型', note: NOT_LISTED }],
  ['year', SJ, JX, { y: 2013 }, '市人大“三社”建设专题视察年份', 'Year of the people’s congress inspection', '2013 年', '2013 年,市人大还专门组织开展了 “ 三社 ” 建设专题视察活动'],
  ['year', SJ, JX, { y: 2013 }, '地市级社会组织培育中心成立年份', 'Year the city incubator was set up', '2013 年', '2013 年在省内率先成立地市级社会组织培育中心'],
  ['ratio', SJ, JX, null, '每村（社区）社工数（目标）', 'Social workers per village or community (goal)', '一村一社区一社工', '实现了 “ 一村一社区一社工 ” 目标', { v: 1, u: '名/村（社区）', unit_norm: '名/村（社区）' }],
  ['year', SJ, JX, { y: 2010 }, '国家和地方版相结合的社工评价体系建立年份', 'Year the national-and-local assessment system began', '2010 年', '2010 年,嘉兴市创新建立了国家和地方版相结合的考试评审社工评价体系'],
  ['parts', SJ, JX, null, '社区建设“全覆盖”项数', 'Community-building items with full coverage', '四个 “ 全覆盖 ”', '率先在全省实现了四个 “ 全覆盖 ” (即农村社区建设', { v: 4, u: '个', names: ['农村社区建设', '以“96345社区服务求助中心”为龙头的社区服务网络', '农村社区服务中心和“一站式”服务大厅', '村务公开民主管理规范化建设'] }],
  ['duration', SJ, JX, null, '城市社区生活服务圈', 'Urban community service circle', '十分钟', '初步形成城市 “ 十分钟社区生活服务圈 ”', { v: 10, category: '城市', category_en: 'Urban' }],
  ['duration', SJ, JX, null, '农村社区生活服务圈', 'Rural community service circle', '二十分钟', '和农村 “ 二十分钟社区生活服务圈 ”', { v: 20, category: '农村', category_en: 'Rural' }],
  ['parts', SJ, JX, null, '“三位一体”社区服务体系', 'Three-in-one community services', '三', '打造了社区公共服务、市场服务和志愿互助服务互促共进的 “ 三位一体 ” 社区服务体系', { v: 3, u: '位', names: ['社区公共服务', '市场服务', '志愿互助服务'] }],
  ['rank', SJ, JX, null, '建立地市级“三社”发展孵化平台在全省的次序', 'Rank in the province in setting up a city incubator', '第一家', '在全省第一家建立地市级 “ 三社 ” 发展孵化平台', { v: 1 }],
  ['rank', 'jiaxing-yangguang-jiating', JX, null, '民办非企业专业社工机构在全省的次序', 'Rank in the province of the private social work agency', '首家', '成立全省首家民办非企业专业社工机构', { v: 1 }],
  ['year', 'jiaxing-canyin-xiehui', JX, { y: 2014, m: 2 }, '低碳厨房服务标准化项目通过评估验收时间', 'Low-carbon kitchen project accepted', '2014 年 2 月', '2014 年 2 月通过了省质监局的评估验收'],
  ['count', SJ, JX, null, '社会工作人才纳入“南湖百杰”表彰的届数', 'Editions of the Nanhu awards that included social workers', '两届', '连续两届将社会工作人才纳入表彰全市人才最高奖项即 “ 南湖百杰 ” 优秀人才的范畴', { v: 2 }],
  ['frequency', SJ, JX, null, '先进社区和优秀社会组织表彰周期', 'Interval between honours for communities and organisations', '每两年', '每两年在全市三级干部大会上表彰一批先进社区和优秀社会组织', { v: 2 }],
  ['frequency', SJ, JX, null, '“南湖百杰”优秀社会工作人才评选周期', 'Interval of the Nanhu social work awards', '每三年', '每三年开展 “ 南湖百杰 ” 优秀社会工作人才评选表彰', { v: 3 }],
  ['frequency', SJ, JX, null, '《嘉兴日报》《三社建设》专栏每月期数', 'Issues a month of the newspaper column', '两期', '在《嘉兴日报》开设每月两期的《三社建设》专栏', { v: 2 }],
  ['parts', SJ, JX, null, '“五重结合”经验', 'Five combinations (lessons)', '五', '取得了以下 “ 五重结合 ” 经验', { v: 5, u: '重', names: ['顶层制度设计与基层项目实施有机结合', '社区社工服务覆盖与各行业、各领域社工服务推进相结合', '专业培育与职业发展相结合', '服务开展与督促检查相结合', '党委政府主动作为与社会活力持续激发相结合'] }],
  ['year', SJ, JX, { y: 2008 }, '顶层制度建构起始年份', 'Year the top-level system began', '2008 年', '2008 年开始,逐步建构了组织领导体系、人才支撑体系、购买服务的体系'],
  ['parts', SJ, JX, null, '“三社互动”', 'Three-social interaction', '三', '以社区为基础,以社团为载体,以社工为骨干的 “ 三社互动 ” 的扁平式、网络化社会管理服务体系。关键词', { v: 3, u: '社', names: ['社区', '社团', '社工'] }],
  ['parts', 'jiaxing-96345', JX, null, '96345 社区服务中心层级', 'Levels of the 96345 service centres', '两级', '特别是通过加强和整合市、县两级 96345 社区服务中心', { v: 2, names: ['市', '县'] }],
  ['share', 'jiaxing-96345', JX, null, '社区公共服务、市场服务和志愿互助服务覆盖率', 'Coverage of the three-in-one services', '全覆盖', '“ 三位一体 ” 的服务全覆盖', { v: 100, note: '原文为“全覆盖”，按 100% 记' }],
  ['count', 'jiaxing-96345', JX, null, '96345 热线投诉数', 'Complaints about the 96345 line', '零投诉', '实现 “ 零投诉 ”', { v: 0, u: '件' }],
  ['count', SJ, JX, null, '社会工作合作中心数（“一中心六基地”）', 'Partner centre (one centre, six bases)', '一', '建立了 “ 一中心六基地 ”', { v: 1, u: '个' }],
  // 篇二 玄武 thesis
  ['year', 'nanjing-xuanwu-wuge-zhongxin', '江苏省南京市玄武区', { y: 2016 }, '学位论文完成时间', 'Thesis completed', '201 6', 'HumanitiesSoutheast UniversityDec 201 6万方数据', { note: '英文封面“Dec 201 6”（OCR 断开），即 2016 年 12 月' }],
  // 篇三 上海
  ['period', null, null, { ps: 1990, pe: 1999 }, '从行政管理向社会治理转变的趋势出现的年代', 'Decade the shift from administration to governance began', '20 世纪 90 年代', '自 20 世纪 90 年代以来,在许多国家出现了一种从行政管理向社会治理转变的趋势'],
  ['duration', 'shanghai-shehui-zuzhi', SH, { ps: 2007, pe: 2013 }, '从业人员职业结构变化所经历的年数', 'Years over which the staff structure changed', '6 年', '这说明经过 6 年的发展,上海市社会组织从业人员的职业结构有了很大变化', { v: 6 }],
  ['parts', 'shanghai-shehui-zuzhi', SH, { y: 2013 }, '按从业人员学历层次排序的社会组织类别', 'Kinds of organisation ranked by staff education', '三类', '三类社会组织中,基金会工作人员的学历层次最高,社会团体次之,民办非企业单位又次之', { v: 3, names: ['基金会', '社会团体', '民办非企业单位'], note: '按学历层次由高到低' }],
  ['year', 'sh-wulixiang', SH, { y: 2008 }, '成立年份', 'Year founded', '2008 年', '从 2008 年成立至今,已先后托管了浦东新区三林世博家园市民中心'],
  ['year', 'sh-xintu-jiankang', SH, { y: 2006 }, '成立年份', 'Year founded', '2006 年', '自 2006 年成立以来,已先后承接了古美街道'],
  ['duration', 'shanghai-shehui-zuzhi', SH, { y: 2013 }, '计为留学归国人员的最短留学时长', 'Least time abroad to count as returned from study', '半年以上', '留学(半年以上)归国人员 0.22 万人,占 1.1%', { v: 0.5, u: '年' }],
  ['parts', null, SH, null, '社会企业的目标', 'Aims of a social enterprise', '双重', '具有社会、经济双重目标的公益组织', { v: 2, names: ['社会', '经济'] }],
  ['rank', 'sh-ziqiang-jindu', SH, null, '专业禁毒社会工作民办非企业单位在中国大陆的次序', 'Rank in mainland China of the drug-rehabilitation social work agency', '首家', '中国大陆首家专业从事禁毒社会工作的民办非企业单位', { v: 1 }],
  // 篇四 海淀
  ['year', HT, HD, { y: 2020, m: 1 }, '海淀教学案例发布时间', 'Haidian teaching case published', '2020 年 01 月 16 日', '推动社会治理创新(上)2020 年 01 月 16 日摘要', { note: '2020 年 1 月 16 日' }],
  ['parts', HT, HD, null, '区情“四多”', 'The four “many”s of the district', '四多', '城乡二元结构并存 ——“ 四多一并存 ” 格局是海淀最显著的区情特点', { v: 4, u: '多', names: ['驻区党政军机关多', '高校科研院所多', '高科技企业多', '流动人口多'], note: '另有“一并存”：城乡二元结构并存' }],
  ['parts', HT, HD, null, '社区“四多”特点', 'The four “many”s of the communities', '四多', '社区数量全市最多、大院社区多、老旧社区多、社区类型多的 “ 四多 ” 特点', { v: 4, u: '多', names: ['社区数量全市最多', '大院社区多', '老旧社区多', '社区类型多'] }],
  ['parts', HT, HD, null, '着力抓好的工作方面', 'Lines of work', '五个', '海淀区着力抓好以下五个方面的工作', { v: 5, names: ['深化街镇体制改革', '推进网格化服务管理体系建设', '深化社区治理体制改革', '深化社会组织体制改革', '创新社会治理方式'] }],
  ['parts', HT, HD, null, '派驻机构的双重管理', 'Dual management of posted units', '双重', '将公安派出所、工商所、交通大队、房管所、卫生监督站等由原来的垂直管理调整为专业部门和属地街镇双重管理', { v: 2, names: ['专业部门', '属地街镇'] }],
  ['parts', HT, HD, null, '条块“双向”考核评价', 'Two-way assessment', '双', '二是实施条块 “ 双向 ” 考核评价,按照上行流程', { v: 2, u: '向', names: ['上行流程', '下行流程'] }],
  ['year', HT, HD, { y: 2011 }, '区委加强和创新社会管理实施意见出台年份', 'Year of the district’s social management plan', '2011 年', '2011 年出台《中共海淀区委关于加强和创新社会管理全面推进社会建设的实施意见》'],
  ['year', HT, HD, { y: 2013 }, '全区社会建设大会召开年份', 'Year of the district social construction conference', '2013 年', '2013 年,在充分调研、征集意见的基础上,海淀区召开全区社会建设大会'],
  ['year', HT, HD, { y: 2014 }, '社会治理专项改革起始年份', 'Year the social governance reform began', '2014 年', '从 2014 年开始,按照全市统一部署要求,海淀区全面推进社会治理专项改革'],
  ['parts', HT, HD, null, '“三网融合”', 'Three networks merged', '三', '推进 “ 三网融合 ”', { v: 3, u: '网', note: NOT_LISTED }],
  ['parts', HG, HD, null, '“九必访”', 'Nine must-visits', '九', '做到 “ 九必访 ” ①', { v: 9, u: '项', note: FOOTNOTE }],
  ['parts', HG, HD, null, '“六必到”', 'Six must-attends', '六', '“ 六必到 ” ②', { v: 6, u: '项', note: FOOTNOTE }],
  ['parts', HG, HD, null, '“九必报”', 'Nine must-reports', '九', '“ 九必报 ” ③', { v: 9, u: '项', note: FOOTNOTE }],
  ['frequency', HG, HD, null, '网格化绩效考评次数（每半年）', 'Grid performance reviews per half year', '一次', '每半年进行一次严格考评', { v: 1 }],
  ['duration', HG, HD, null, '网格化工作全面铺开所用时间', 'Time taken to roll out grid work', '两年多', '经过两年多的努力,网格化工作已在全区全面铺开', { v: 2 }],
  ['parts', 'haidian-sifang-gongjian', HD, null, '“三位一体”社区治理机制', 'Three-in-one community governance', '三', '社区服务站为依托的 “ 三位一体 ” 社区治理机制', { v: 3, u: '位', names: ['社区党建', '社区自治', '社区服务站'] }],
  ['parts', 'haidian-sifang-gongjian', HD, null, '“四方共建机制”', 'Four-party co-building', '四', '物业公司共同参与的 “ 四方共建机制 ”', { v: 4, u: '方', names: ['社区党组织', '社区居委会', '业主委员会', '物业公司'] }],
  ['parts', 'haidian-sifang-gongjian', HD, null, '“三社联动机制”', 'Three-social linkage', '三', '以及社区、社会组织、社工共同协作的 “ 三社联动机制 ”', { v: 3, u: '社', names: ['社区', '社会组织', '社工'] }],
];
