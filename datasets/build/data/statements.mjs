// Hand-entered statements by source document (see statements.mjs for the row shape).
import { BOOK_STATEMENTS } from './statements-book.mjs';
import { LOCAL8_STATEMENTS } from './statements-local8.mjs';
import { THEORY_STATEMENTS } from './statements-theory.mjs';
import { FOUR_STATEMENTS } from './statements-four.mjs';
import { JIANGSU_STATEMENTS } from './statements-jiangsu.mjs';

export const STATEMENT_GROUPS = [
  ['book', BOOK_STATEMENTS],
  ['local8', LOCAL8_STATEMENTS],
  ['theory', THEORY_STATEMENTS],
  ['four', FOUR_STATEMENTS],
  ['jiangsu', JIANGSU_STATEMENTS],
];

/**
 * Names of the parts that figure-table rows count (“六个平台”, “七个环节”), keyed by table and indicator: the
 * statements derived from those rows get kind `parts` and these names (transcribed from the text around the quote).
 */
export const FIGURE_PARTS = {
  'case_indicators|“1+6”模式平台数': ['引导党员参与平台', '诚信经营为重点的企业文化平台', '党群组织联动平台', '和谐劳动关系平台', '民生需求和问题导向平台', '保障机制平台'],
  'case_indicators|基础业务模块数（中央综治办规定）': ['机构队伍', '实有人口', '特殊人群', '重点青少年', '两新组织', '社会治安', '矛盾纠纷排查调处', '校园及周边安全', '护路护线'],
  'case_indicators|扩展业务板块数': ['社会稳定风险评估', '综治宣传和舆论信息引导', '平安建设', '综治委成员单位', '中央和省属在大连单位及市直单位综治工作', '诚信体系', '平安志愿者', '沿海口岸', '信息网格', '群众安全感调查'],
  'case_indicators|“1+4”单项试点商会协会数': ['服装', '眼镜', '金属', '建筑材料'],
  'case_indicators|辖县数': ['寿县', '霍邱', '金寨', '霍山', '舒城'],
  'case_indicators|辖区数': ['金安', '裕安'],
  'case_indicators|党政群共商共治机制层级数': ['区域民主协商会', '街道议事协商会', '社区共商理事会', '片区自管委员会'],
  'case_indicators|社区“三大中心”数': ['社区事务受理服务中心', '社区文化活动中心', '社区卫生服务中心'],
  'case_indicators|社区社工工作室数': ['心语', '心桥', '乐龄', '新蕾', '乐康'],
  'case_indicators|服务工程数': ['网格服务', '便民维权', '素质提升', '心灵花园', '小城大爱'],
  'case_indicators|街道服务中心数': ['区域党建中心', '政法综治服务中心', '民生服务中心', '经济发展服务中心', '城市建设管理中心'],
  'case_indicators|力量下沉到网格的专业部门数': ['公安分局', '工商分局', '交通支队', '城管大队', '城管监督应急指挥中心', '消防支队', '卫生局(卫生监督所)', '司法局', '房管局', '人力社保局', '统计局', '园林绿化局', '环卫中心'],
  'case_indicators|网格化重点举措数': ['规范调整网格划分', '明确网格十大工作内容', '搭建 3 级工作平台', '整合下沉 4 类工作力量', '完善固化 5 项工作机制', '开展网格化绩效考评'],
  'case_indicators|网格工作内容数': ['掌握基础数据', '反映群众诉求', '提供社会服务', '管理实有人口', '协调城市运行', '维护治安秩序', '排查化解矛盾', '落实矫正帮教', '指导安全生产', '引导社会参与'],
  'case_indicators|网格工作平台层级': ['区', '街镇', '社区(村)'],
  'case_indicators|下沉工作力量类别数': ['专业部门力量（委办局）', '街镇科室工作力量', '协管力量', '社区内各类组织的工作人员及社会力量'],
  'case_indicators|固化工作机制数': ['问题分级处置（微循环、小循环、大循环）', '网格巡察巡访', '任务协调处置', '综合管理执法', '“双向”考评'],
  'case_indicators|问题处置闭环流程环节数': ['信息采集', '案卷建立', '任务派遣', '任务处理', '处理反馈', '核查结案', '考核评价'],
  'award_programme|评选程序环节数': ['面向全国征集案例', '网友公开投票', '专家评选', '公示', '颁奖仪式暨创新社会治理理论研讨会'],
  'award_programme|本书案例分类部分数': ['网络治理', '文化治理', '居民自治', '依法治理', '公益和社工治理', '综合治理'],
};
