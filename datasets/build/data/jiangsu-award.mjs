// Jiangsu community governance (seed 004) and the national case-award programme (seed 000).
// Same row shape as indicators-a.mjs.

const JS = '江苏省';
const HX = 'jiangsu-hexie-shequ';
const ZS = 'jiangsu-zhengshe-hudong';
const T1620 = { y: 2020, ps: 2016, pe: 2020 };
const TARGET_NOTE = '“十三五”时期目标（“力争通过五年的时间”），目标年份按 2020 年记';

export const JIANGSU_ROWS = [
  [HX, JS, { y: 2014 }, '获第二批全国和谐社区建设示范单位称号的单位数', 'Units named national harmonious-community demonstration units (2nd batch)', '114个', '2014年，全省共有114个单位获得第二批全国和谐社区建设示范单位称号', { note: '原文称“继2009年后再次全国领先”' }],
  [null, JS, null, '获评“全国社区治理和服务创新实验区”的市、区数', 'Cities and districts named national community governance innovation zones', '11个', '先后有11个市、区获评“全国社区治理和服务创新实验区”', { note: '“先后”，累计数；原文称数量全国领先' }],
  [null, JS, null, '全国村务公开民主管理示范县（市、区）数', 'National model counties for open village affairs', '16个', '涌现出全国村务公开民主管理示范县（市、区）16个', { note: '原文称数量位居全国之首' }],
  [null, JS, null, '全国村民自治模范县（市、区）数', 'National model counties for villager self-government', '12个', '全国村民自治模范县（市、区）12个'],
  [null, JS, null, '全国农村社区建设实验全覆盖县（市、区）数', 'Counties with full coverage of national rural community pilots', '22个', '全国农村社区建设实验全覆盖县（市、区）22个'],
  [null, JS, T1620, '基本实现社区治理现代化的社区比例（目标）', 'Target share of communities basically achieving modern governance', '90%', '90%的城市社区、80%的农村社区基本实现社区治理现代化', { category: '城市社区', category_en: 'Urban communities', note: TARGET_NOTE }],
  [null, JS, T1620, '基本实现社区治理现代化的社区比例（目标）', 'Target share of communities basically achieving modern governance', '80%', '90%的城市社区、80%的农村社区基本实现社区治理现代化', { category: '农村社区', category_en: 'Rural communities', note: TARGET_NOTE }],
  [ZS, '江苏省苏南', { y: 2016, m: 12 }, '推行“政社互动”的乡镇（街道）比例（目标）', 'Target share of towns and sub-districts practising government-society interaction', '100%', '到2016年底，苏南100%、苏中85%、苏北75%的乡镇（街道）推行“政社互动”模式', { category: '苏南', category_en: 'Southern Jiangsu' }],
  [ZS, '江苏省苏中', { y: 2016, m: 12 }, '推行“政社互动”的乡镇（街道）比例（目标）', 'Target share of towns and sub-districts practising government-society interaction', '85%', '到2016年底，苏南100%、苏中85%、苏北75%的乡镇（街道）推行“政社互动”模式', { category: '苏中', category_en: 'Central Jiangsu' }],
  [ZS, '江苏省苏北', { y: 2016, m: 12 }, '推行“政社互动”的乡镇（街道）比例（目标）', 'Target share of towns and sub-districts practising government-society interaction', '75%', '到2016年底，苏南100%、苏中85%、苏北75%的乡镇（街道）推行“政社互动”模式', { category: '苏北', category_en: 'Northern Jiangsu' }],
  [ZS, JS, { y: 2017 }, '推行“政社互动”的乡镇（街道）比例（目标）', 'Target share of towns and sub-districts practising government-society interaction', '全覆盖', '力争2017年全省实现“政社互动”全覆盖', { category: '全省', category_en: 'Whole province', value: 100, unit: '%', note: '原文为“全覆盖”，按 100% 记' }],
  [null, JS, null, '城乡社区数', 'Urban and rural communities', '两万多个', '江苏有两万多个城乡社区', { value: 2, unit: '万个', approx: 'more_than', note: '“两万多个”：下限 2 万个' }],
];

const BK = '全国';
const BOOK = '案例选编（图书）';
const EACH_YEAR = '原文“每年评选最佳案例10个、优秀案例20个”，按 2012–2015 四届逐年展开';
const Q_EACH = '每年评选最佳案例10个、优秀案例20个';

const perYear = [2012, 2013, 2014, 2015].flatMap((y) => [
  [null, BK, { y }, '评选案例数', 'Cases selected', '10个', Q_EACH, { category: '最佳案例', category_en: 'Best cases', note: EACH_YEAR }],
  [null, BK, { y }, '评选案例数', 'Cases selected', '20个', Q_EACH, { category: '优秀案例', category_en: 'Excellent cases', note: EACH_YEAR }],
]);

export const AWARD_ROWS = [
  [null, BK, { y: 2015, ps: 2012, pe: 2015 }, '举办届数', 'Editions held', '四届', '本系列活动已经连续举办了四届', { value: 4, unit: '届' }],
  [null, BK, { y: 2015, ps: 2012, pe: 2015 }, '征集案例数', 'Cases submitted', '5000份', '共征集案例5000份'],
  [null, BK, { y: 2015, ps: 2012, pe: 2015 }, '网友投票数', 'Online votes', '5000万人次', '吸引投票5000万人次'],
  ...perYear,
  [null, BK, { y: 2015, ps: 2012, pe: 2015 }, '累计评选案例数', 'Cases selected, cumulative', '40个', '现在已经积累最佳案例40个、优秀案例80个', { category: '最佳案例', category_en: 'Best cases', note: '与每年 10 个 × 4 届一致' }],
  [null, BK, { y: 2015, ps: 2012, pe: 2015 }, '累计评选案例数', 'Cases selected, cumulative', '80个', '现在已经积累最佳案例40个、优秀案例80个', { category: '优秀案例', category_en: 'Excellent cases', note: '与每年 20 个 × 4 届一致' }],
  [null, BK, null, '评选程序环节数', 'Steps of the selection procedure', '五个环节', '案例征集与评选活动主要包括五个环节', { value: 5, unit: '个', note: '征集、网上投票、专家评选、公示、颁奖暨研讨' }],
  [null, BK, null, '本书案例分类部分数', 'Parts of the casebook', '六个部分', '公益和社工治理及综合治理六个部分', { category: BOOK, category_en: 'Casebook', value: 6, unit: '个' }],
  [null, BK, { y: 2017, m: 3 }, '字数', 'Word count', '366 千字', '字 数 366 千字', { category: BOOK, category_en: 'Casebook' }],
  [null, BK, { y: 2017, m: 3 }, '印张', 'Printed sheets', '21.75', '印 张 21.75', { category: BOOK, category_en: 'Casebook', unit: '印张' }],
  [null, BK, { y: 2017, m: 3 }, '定价', 'Price', '68.00 元', '定 价 68.00 元', { category: BOOK, category_en: 'Casebook' }],
];

// One row per edition (届). The book lists the forum venues in order ("分别在…举办论坛");
// the year of each edition is inferred from that order, except 2015 (Beijing), which the preface confirms.
const Q_VENUES = '分别在江苏睢宁县、四川成都金牛区、重庆渝北区和北京举办论坛';
const ORDER_NOTE = '届次与年份按原文列举顺序推定（2012—2015 连续四届）';
export const AWARD_EDITIONS = [
  { edition: 1, year: 2012, venue: '江苏睢宁县', venue_en: 'Suining County, Jiangsu', province: '江苏省', adcode: '320324', quote: Q_VENUES, note: ORDER_NOTE },
  { edition: 2, year: 2013, venue: '四川成都金牛区', venue_en: 'Jinniu District, Chengdu, Sichuan', province: '四川省', adcode: '510106', quote: Q_VENUES, note: ORDER_NOTE },
  { edition: 3, year: 2014, venue: '重庆渝北区', venue_en: 'Yubei District, Chongqing', province: '重庆市', adcode: '500112', quote: Q_VENUES, note: ORDER_NOTE },
  { edition: 4, year: 2015, month: 10, venue: '北京', venue_en: 'Beijing', province: '北京市', adcode: '110000', quote: '金秋十月，大家聚会北京', note: '代序：2015 全国社会治理创新案例颁奖典礼暨经验交流现场会于金秋十月在北京举行；亦为原文所列第四个论坛地点' },
];
