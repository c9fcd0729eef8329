// Exclusions for seeds 003 (four) and 004 (jiangsu); the shape is described in audit-exclusions.mjs.

import { q, r } from './audit-exclusions-a.mjs';

export const FOUR_EXCLUSIONS = [
  q('four', 'repeat', '社会治理创新案例名称4篇社会治理创新案例名称', '4', 'the compilation title (its 4 texts are bundled)'),
  q('four', 'repeat', '嘉兴模式2020年03月09日摘要', null, 'the teaching case date again (bundled from the 篇一 heading)'),
  r('four', 'repeat', /三(?=\s*社)/g, '“三社” (社区、社团、社工) again, bundled where the text defines it'),
  r('four', 'repeat', /三(?=\s*位一体\s*” 的服务)/g, 'the three-in-one services again'),
  q('four', 'ordinal', '全国首批社会工作服务示范地区称号', null, 'first batch'),
  q('four', 'repeat', '“ 一中心多基地 ”', null, 'later written 一中心六基地 (bundled)'),
  r('four', 'vague', /一(?=批)/g),
  r('four', 'name', /96345/g, 'the 96345 service hotline'),
  q('four', 'name', '“ 百家新社会组织服务新社区 ”', null, 'a campaign'),
  q('four', 'repeat', '累计参训达 4.2 万多人次', null, 'the 4.2 万多人次 trained, bundled from the sentence before'),
  q('four', 'name', '全市三级干部大会', null, 'the city’s three-level cadre conference'),
  q('four', 'date', '2013 年,全市社工机构通过运用个案工作', null, 'the year of the 2035 service cases (bundled with year 2013)'),
  q('four', 'date', '2013 年,又与浙江工商大学成人学院联合举办了两届', '2013', 'the year of the two degree classes (bundled with year 2013)'),
  q('four', 'citation', '(Concidine 2002:21)'),
  q('four', 'citation', '(Stoker 1998:18)'),
  q('four', 'citation', '《2013 上海社会组织年度发展报告》'),
  r('four', 'caption', /(?<=[图表]\s*)\d(?!\d)|(?<=图\s*\d\s*)\d{4}(?=\s*年)/g),
  q('four', 'date', '与 2007 年底相比', null, 'the year of the 2007 staff figures (bundled with year 2007)'),
  q('four', 'date', '从学历结构来看,2013 年社会组织从业人员中', null, 'the year of the education figures (bundled with year 2013)'),
  q('four', 'date', '与 2002 年“非营利组织与政府关系之研究”', '2002', 'the year of the 2002 sample (bundled with year 2002)'),
  r('four', 'citation', /(?<=\[)\d(?=\])/g, 'footnote markers [1] [2]'),
  q('four', 'repeat', '从 43.1%下降为34.2%', '34.2', 'the 2013 share again'),
  q('four', 'repeat', '从 2.0%增加到 6.7%', '6.7', 'the 2013 share again'),
  q('four', 'date', '截至 2013 年底,全市参加年检的社会组织净资产合计', '2013', 'the year of the finances (bundled with year 2013)'),
  q('four', 'date', '截至 2013 年底,上海户籍人口每万人拥有社会组织', '2013', 'the year of the density (bundled with year 2013)'),
  q('four', 'vague', '进入 21 世纪,上海步入了一个新的历史时期', '21', 'a century as background, not a period the figures refer to'),
  q('four', 'idiom', '政府逐步让一部分职能回归市场与社会'),
  q('four', 'name', '通过“1+1 出笼”实训项目', null, 'a training project'),
  q('four', 'idiom', '城乡二元结构并存', null, 'the urban-rural dual structure'),
  q('four', 'repeat', '海淀目前共有 570 个社区', '570', 'the 570 communities again (bundled from 下辖 … 570 个社区)'),
  q('four', 'name', '进一步健全 “ 一网一线一平台 ” 的工作体系', null, 'the “one network, one line, one platform” system'),
  q('four', 'repeat', '综合管理执法和 “ 双向 ” 考评等机制', '双', 'the two-way assessment again'),
  q('four', 'ordinal', '各类协管力量下沉到三级网格', null, 'the third level of grids'),
  q('four', 'repeat', 'center and economicdevelopment service center 5 service centers', null, 'the English abstract repeats the five centres'),
  { source: 'four', reason: 'ocr', lines: [11, 20], detail: 'cover, declarations and table of contents of the thesis (篇二), OCR' },
];

export const JIANGSU_EXCLUSIONS = [
  q('jiangsu', 'repeat', '“十三五”时期，是江苏率先全面建成小康社会决胜阶段', null, 'the plan period again'),
  q('jiangsu', 'repeat', '瞄准“六化”目标深化社区治理改革', null, 'the six goals again (heading)'),
  r('jiangsu', 'repeat', /三(?=社)/g, '“三社” again (bundled where the heading names 三社联动)'),
  q('jiangsu', 'vague', '精心打造一批“管理有序、服务完善、文明祥和”的和谐社区'),
  q('jiangsu', 'name', '继续推广“12349”便民服务热线'),
];
