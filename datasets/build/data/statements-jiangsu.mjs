// Statements of seed 004 (侯学元, Jiangsu community governance) that jiangsu_community does not hold.
// Row shape: statements-book.mjs.

const JS = '江苏省';
const PLAN = { ps: 2016, pe: 2020 };
const NOT_LISTED = '原文未列出各项名称';

export const JIANGSU_STATEMENTS = [
  ['year', 'jiangsu-hexie-shequ', JS, { y: 2009 }, '此前和谐社区建设示范单位数量全国领先的年份', 'Earlier year Jiangsu led the country in model harmonious communities', '2009年', '继2009年后再次全国领先', { note: '2014 年第二批“再次全国领先”' }],
  ['rank', null, JS, null, '全国村务公开、村民自治、农村社区建设示范县数量的全国名次', 'Rank in the country for the three kinds of national model counties', '之首', '数量均位居全国之首', { v: 1, note: '指示范县 16 个、模范县 12 个、实验全覆盖县 22 个三项数量' }],
  ['period', null, JS, PLAN, '社区建设规划期（“十三五”）', 'Planning period for community building (13th Five-Year Plan)', '十三五', '“十三五”时期，江苏省将继续深入推进社区建设', { note: '“十三五”即 2016—2020 年' }],
  ['parts', null, JS, null, '“四个全面”战略布局', 'The “Four Comprehensives” strategy', '四个', '才能跟上“四个全面”战略布局的总体要求', { v: 4, note: NOT_LISTED }],
  ['duration', null, JS, PLAN, '基本实现社区治理现代化的目标期限', 'Time to basically modernise community governance', '五年', '力争通过五年的时间，90%的城市社区、80%的农村社区基本实现社区治理现代化', { v: 5, note: '“十三五”期间' }],
  ['parts', null, JS, PLAN, '社区治理“六化”发展目标', 'The six goals of community governance', '六化', '达到“六化”的发展目标', { v: 6, u: '项', names: ['治理主体多元化', '服务体系社会化', '治理方式法治化', '协商民主制度化', '治理手段信息化', '社区文化特色化'] }],
  ['parts', null, JS, null, '重点服务人群', 'Priority groups served', '四类', '突出抓好为老、为小、为特、为新市民四类人群的服务工作', { v: 4, names: ['为老', '为小', '为特', '为新市民'] }],
  ['parts', null, JS, null, '“三留守”关爱服务对象', 'The three left-behind groups', '三', '积极做好“三留守”关爱服务', { v: 3, u: '类', note: NOT_LISTED }],
  ['parts', null, JS, null, '“四个民主”建设', 'The four democracies', '四个', '进一步深化“四个民主”建设', { v: 4, note: NOT_LISTED }],
  ['parts', 'jiangsu-sanshe-liandong', JS, null, '“三社联动”', 'Three-social linkage', '三社', '提升“三社联动”实效。', { v: 3, u: '社', names: ['社区', '社会组织', '专业社工'], note: '名称取自下文“社区、社会组织、专业社工的服务能力建设”' }],
  ['parts', 'jiangsu-zhihui-shequ', JS, null, '基层政权和社区建设信息管理系统使用层级', 'Levels using the grassroots information system', '五级', '“省级开发、五级使用”的全省基层政权和社区建设信息管理系统即将投入使用', { v: 5, u: '级', note: NOT_LISTED }],
];
