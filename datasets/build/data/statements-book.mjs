// Statements of seed 000 (the 2012–2015 casebook: front matter, preface, introduction) that no figure table holds.
// Row: [kind, case_id, region, time, indicator, indicator_en, value_text, quote, extra]
// time: { y, m, ps, pe }; extra: { v (value), lo, hi (range ends), u (unit), norm, unit_norm, approx, names, note,
// category, category_en }. The value is entered by hand and checked against the value read from value_text.

const CN = '全国';
const BOOK = '案例选编（图书）';
const NOT_LISTED = '原文未列出各项名称';

export const BOOK_STATEMENTS = [
  // Front matter
  ['period', null, CN, { ps: 2012, pe: 2015 }, '案例选编收录的评选年份', 'Award years the casebook covers', '2012—2015', '2012—2015年全国社会治理创新典型案例选编', { category: BOOK, category_en: 'Casebook' }],
  ['year', null, CN, { y: 2017, m: 3 }, '初版时间', 'First edition', '2017 年 3 月', '版 次 2017 年 3 月北京第 1 版', { category: BOOK, category_en: 'Casebook' }],
  ['year', null, CN, { y: 2017, m: 3 }, '首次印刷时间', 'First printing', '2017 年 3 月', '印 次 2017 年 3 月北京第 1 次印刷', { category: BOOK, category_en: 'Casebook' }],
  ['measure', null, CN, { y: 2017 }, '开本（纸张宽度）', 'Format: sheet width', '710 毫米', '开 本 710 毫米×1000 毫米 16 开', { v: 710, category: BOOK, category_en: 'Casebook' }],
  ['measure', null, CN, { y: 2017 }, '开本（纸张高度）', 'Format: sheet height', '1000 毫米', '开 本 710 毫米×1000 毫米 16 开', { v: 1000, category: BOOK, category_en: 'Casebook' }],
  ['measure', null, CN, { y: 2017 }, '开本', 'Format (sheet folded into)', '16 开', '开 本 710 毫米×1000 毫米 16 开', { v: 16, category: BOOK, category_en: 'Casebook', note: '16 开：全张纸裁成 16 页' }],
  // Preface (杨克勤)
  ['year', null, CN, { y: 2015 }, '颁奖典礼暨经验交流现场会举办年份', 'Year of the award ceremony and conference', '2015', '在 2015 全国社会治理创新案例颁奖典礼 暨经验交流现场会上的讲话'],
  ['year', null, '北京市', { y: 2015, m: 10 }, '颁奖典礼暨经验交流现场会举办月份', 'Month of the award ceremony and conference', '金秋十月', '金秋十月，大家聚会北京', { note: '年份见讲话标题“2015 全国社会治理创新案例颁奖典礼”' }],
  ['parts', null, CN, null, '“四个全面”战略布局', 'The “Four Comprehensives” strategy', '四个', '社会治理创新是实现“四个全面”战略布局的重要内容', { v: 4, u: '个', note: NOT_LISTED }],
  // Introduction (雷强)
  ['year', null, CN, { y: 2004 }, '十六届四中全会提出“推进社会管理体制创新”', 'The 4th plenum of the 16th Central Committee calls for innovation in social management', '2004年', '2004年党的十六届四中全会提出：“加强社会建设和管理，推进社会管理体制创新。”'],
  ['year', null, CN, { y: 2013 }, '十八届三中全会提出“创新社会治理”', 'The 3rd plenum of the 18th Central Committee calls for innovation in social governance', '2013年', '2013年党的十八届三中全会提出要“推进国家治理体系和治理能力现代化”'],
  ['year', null, CN, { y: 2011, m: 7 }, '全国社会治理创新典型案例征集活动开始时间', 'Start of the national case collection', '2011年7月', '2011年7月起，国家行政学院政治学教研部及人民网联合主办全国社会治理创新典型案例征集活动'],
  ['period', null, CN, { ps: 2012, pe: 2015 }, '案例评选活动举办年份', 'Years the award was held', '从2012年到2015年', '从2012年到2015年，在各地领导干部的支持与社会各界的广泛关注下'],
  ['period', null, CN, { ps: 2004, pe: 2015 }, '本书案例的时间跨度', 'Years the cases of the book span', '2004年开始到2015年', '时间跨度从创立辽宁民心网2004年开始到2015年', { note: '自 2004 年创立辽宁民心网起' }],
  ['parts', null, CN, null, '基本主题部分数（前五部分）', 'Parts on a basic theme (the first five)', '五部分', '前面五部分突出网络、文化、自治、依法治理、公益治理等基本主题', { v: 5, u: '部分', names: ['网络', '文化', '自治', '依法治理', '公益治理'], category: BOOK, category_en: 'Casebook' }],
  ['parts', null, CN, null, '创新社会治理的基本方法', 'Basic methods of innovative social governance', '五种', '主要有五种基本方法', { v: 5, u: '种', names: ['创新网络治理', '创新文化治理', '坚持依法治理', '优化居民自治', '创新公益治理'], note: '名称取自其后（一）至（五）小标题' }],
  ['parts', 'daying-sanshan', '四川省遂宁市大英县', { y: 2011 }, '“三招并举”的治理模式', 'Three moves of the model', '三招', '创新“善管、善引、善用”三招并举的治理模式', { v: 3, u: '招', names: ['善管', '善引', '善用'] }],
  ['year', 'hangzhou-shangcheng-pingan365', '浙江省杭州市上城区', { y: 2014 }, '入选案例评选年份', 'Award edition that selected the case', '2014年', '在2014年的案例中，杭州市上城区创'],
  ['year', 'chongqing-yubei-grid', '重庆市渝北区', { y: 2014 }, '入选案例评选年份', 'Award edition that selected the case', '2014年', '在2014年的案例中，杭州市上城区创', { note: '原文同句依次介绍杭州市上城区与重庆市渝北区' }],
  ['parts', 'hangzhou-shangcheng-pingan365', '浙江省杭州市上城区', { y: 2014 }, '“智慧社会治理”融合的思路', 'Ideas merged in “smart social governance”', '两个', '提出融合智慧城市和社会治理两个思路的“智慧社会治理”的概念', { v: 2, u: '个', names: ['智慧城市', '社会治理'] }],
  ['year', 'qingdao-xihaian-grid', '山东省青岛市黄岛区', { y: 2015 }, '入选案例评选年份', 'Award edition that selected the case', '2015年', '在2015年的案例中，青岛西海岸新区以网格为载体'],
  ['duration', null, CN, { y: 2015 }, '文化治理成为常用方法的时长', 'Years culture-based governance has been a common method', '两年', '从所选典型案例来看，文化治理近两年来已经成为基层政府治理创新的常用方法之一', { v: 2, approx: null, note: '“近两年来”：最近两年' }],
  ['parts', 'liaoyuan-shiwei-yiti', '吉林省辽源市', null, '“十位一体”交通事故处理模式', 'Ten-in-one traffic accident handling', '十位', '辽宁省辽源市“十位一体”交通事故处理模式', { v: 10, u: '位', note: '原文未列出十方（同句提及公安、法院、司法、检察、保险等部门）' }],
  ['parts', 'yulin-traffic-mediation', '广西壮族自治区玉林市', null, '“三调联动”', 'Three kinds of mediation linked', '三', '推动行政调解、人民调解、司法调解“三调联动”', { v: 3, u: '调', names: ['行政调解', '人民调解', '司法调解'], note: '同句介绍玉林市与辽源市两个案例' }],
  ['parts', 'guiyang-da-shequ', '贵州省贵阳市', null, '“区县+社区”管理体制层级数', 'Levels of the district-plus-community system', '二级', '贵阳市积极推进“区县+社区”二级管理体制下的大社区制度', { v: 2, u: '级', names: ['区县', '社区'] }],
  ['parts', 'guiyang-da-shequ', '贵州省贵阳市', null, '改革前管理体制层级数', 'Levels of administration before the reform', '四级', '“市—区（市、县）—街道办事处—社区居委会”四级管理体制', { v: 4, u: '级', names: ['市', '区（市、县）', '街道办事处', '社区居委会'] }],
  ['parts', 'guiyang-da-shequ', '贵州省贵阳市', null, '改革后管理体制层级数', 'Levels of administration after the reform', '三级', '向“市—区（市、县）—社区”三级管理体制变革', { v: 3, u: '级', names: ['市', '区（市、县）', '社区'] }],
  ['year', 'beijing-pingan-zhiyuanzhe', '北京市', { y: 2015 }, '入选案例评选年份', 'Award edition that selected the case', '2015年', '在2015年的典型案例中，作为体现我国从社会管理到社会治理转型升级过程的典型案例'],
  ['year', null, CN, { y: 2006 }, '党中央作出建设社会工作人才队伍战略决策的年份', 'Year the Party centre decided to build a social work workforce', '2006年', '自从2006年党中央做出建设宏大的社会工作人才队伍的战略决策以来'],
  ['parts', null, CN, null, '“三社联动”', 'Three-social linkage', '三', '探索社区、社会组织、社工“三社联动”新机制', { v: 3, u: '社', names: ['社区', '社会组织', '社工'] }],
  ['parts', null, CN, null, '“两工协作”服务机制', 'Two kinds of workers in tandem', '两', '建立社会工作者带领志愿工作者的“两工协作”服务机制', { v: 2, u: '工', names: ['社会工作者', '志愿工作者'] }],
  ['parts', null, CN, null, '党员积分管理的方面', 'Aspects of points-based management of Party members', '四个', '从思想政治素质、学习培训、工作表现、服务奉献等四个方面进行积分管理', { v: 4, u: '个', names: ['思想政治素质', '学习培训', '工作表现', '服务奉献'] }],
];
