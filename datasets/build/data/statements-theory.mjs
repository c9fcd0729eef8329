// Statements of seed 002 (Ningbo theory page: 俞雅乖, 邵一琼, 王仕龙) that no figure table holds. The page is
// printed in narrow columns, so quotes are short: a quote never spans a line break.
// Row shape: statements-book.mjs.

export const THEORY_STATEMENTS = [
  ['parts', null, null, null, '理解社会治理现代化内涵要素的层面', 'Levels for understanding modern social governance', '三个', '素可从三个层面进行理解：第一，社', { v: 3, note: '原文以“第一、第二、第三”分述，未给简短名称' }],
  ['parts', null, null, null, '“以人民为中心”的含义', 'Meanings of “people-centred”', '三层', '现代化的“以人民为中心”有三层', { v: 3, u: '层', note: '原文以“首先、其次、最后”分述，未给简短名称' }],
  ['parts', 'fengqiao-jingyan', null, null, '“五治”', 'The five modes of governance', '五治', '治、智治“五治”作用，实现政府治', { v: 5, u: '项', names: ['政治', '自治', '法治', '德治', '智治'], note: '前三项在原文上一行' }],
  ['parts', null, null, null, '选取的有代表性城市', 'Cities chosen as examples', '三个', '会治理现代化。经梳理，选取三个', { v: 3, names: ['北京', '上海', '深圳'], note: '名称取自其后三节标题' }],
  ['year', 'beijing-jiexiang-chuishao', '北京市', { y: 2018 }, '街道“大工委”、社区“大党委”组建起始年份', 'Year district-level Party coordination committees began', '2018年', '作。2018年，根据 《关于建立健全'],
  ['parts', 'ningbo-shehui-zhili', '浙江省宁波市', null, '“三社联动”机制', 'Three-social linkage', '三社', '工作专业人才为支撑的“三社', { v: 3, u: '社', names: ['街道（社区）', '社会组织', '社会工作专业人才'], note: '原文：以街道（社区）为平台、社会组织为载体、社会工作专业人才为支撑' }],
  ['year', null, null, { y: 2019, m: 1 }, '中央政法工作会议召开时间', 'Central political-legal work conference', '2019年1月', '化。2019年1月，习近平总书记在中央政法'],
];
