// Statements of seed 001 (王礼鹏, 8 local cases) that no figure table holds. Row shape: statements-book.mjs.

import { BEICAI, CHENGHUA, DALIAN, LUAN, WENZHOU, ZHENAN } from './places.mjs';

const BC = 'pudong-beicai-shangquan-dangjian';
const ZA = 'zhenan-minqing-qixiang';
const LA = 'luan-654321';
const PLATFORMS = ['引导党员参与平台', '诚信经营为重点的企业文化平台', '党群组织联动平台', '和谐劳动关系平台', '民生需求和问题导向平台', '保障机制平台'];

export const LOCAL8_STATEMENTS = [
  ['year', null, null, { y: 2016, m: 6 }, '文章发表时间', 'Date of publication', '2016年06月21日', '2016年06月21日 14:42 来源:《国家治理》周刊 作者:王礼鹏', { note: '2016 年 6 月 21 日' }],
  ['count', null, '全国', { y: 2016 }, '选取的典型案例数', 'Typical cases selected', '8个', '从全国各地区选取8个较具典型的案例进行提炼总结', { v: 8 }],
  ['year', BC, BEICAI, { y: 2014 }, '商圈党建所处背景的起始时间', 'Since when the shopping districts have formed', '2014年初', '2014年初以来,上海浦东镇域城乡结合部的快速城镇化地区已形成十多个以知名大商场'],
  ['parts', BC, BEICAI, { y: 2014 }, '商圈党建的机制', 'Mechanisms of the shopping-district Party building', '五项', '以及联席会议、项目化运作、党群工作联动、资源共享和服务保障五项机制', { v: 5, names: ['联席会议', '项目化运作', '党群工作联动', '资源共享', '服务保障'] }],
  ['year', BC, BEICAI, { y: 2014 }, '试点开展时间', 'Since when the pilot has run', '2014年', '2014年以来,浦东北蔡镇试点单位选取红星美凯龙集团所在的'],
  ['parts', BC, '上海市浦东新区沪南商圈', { y: 2014 }, '“1+6”工作模式', 'The 1+6 working model', '1+6', '积极开展商圈党建,形成了“1+6”工作模式', { v: 7, u: '项', names: ['“商圈，让百姓满意”的理念', ...PLATFORMS], note: '“1”为一个理念，“6”为实现该理念的六个平台' }],
  ['parts', BC, BEICAI, null, '双重叠加的“1+N”工作模式', 'The two 1+N models layered', '双重', '实施双重叠加结构的“1+N”工作模式', { v: 2, names: ['“1+N”工作内涵发展模式', '“1+N”组织形式拓展模式'] }],
  ['year', 'dalian-zongzhi-platform', DALIAN, { y: 2015, m: 8 }, '综治信息化平台建立时间', 'Platform set up', '2015年8月', '于2015年8月建立辽宁省综治信息化第一平台'],
  ['share', 'dalian-zongzhi-platform', DALIAN, { y: 2015 }, '综治专项工作业务范围覆盖率', 'Coverage of the comprehensive-management work', '全覆盖', '实现了综治专项工作业务范围全覆盖', { v: 100, note: '原文为“全覆盖”，按 100% 记' }],
  ['duration', 'dalian-zongzhi-platform', DALIAN, { y: 2015 }, '平台运行时长（录入数据时）', 'Time the platform had run when the data were entered', '不到一个月', '在运行不到一个月的时间里,大连综治信息化平台已录入实有人口5081167人', { v: 1 }],
  ['year', 'chengdu-chenghua-dalian-dong', CHENGHUA, { y: 2015 }, '“大联动、微治理”体系建设年份', 'Year the linked-governance system was built', '2015年', '2015年,成华区以“全国社区治理和服务创新实验区”建设为总揽'],
  ['parts', 'chengdu-chenghua-dalian-dong', CHENGHUA, null, '信访与群体性事件“五下降”', 'Five kinds of petitions and incidents that fell', '五下降', '全区实现信访总量、集体访、重复访、越级访、群体性事件“五下降”', { v: 5, u: '项', names: ['信访总量', '集体访', '重复访', '越级访', '群体性事件'] }],
  ['parts', 'wenzhou-shanghui-zhineng', WENZHOU, null, '“1+4”试点协会数', 'Associations in the 1+4 pilots', '1+4', '通过开展“1+4”试点工作,即在市鞋革行业协会实行综合性试点', { v: 5, u: '家', names: ['市鞋革行业协会（综合性试点）', '服装', '眼镜', '金属', '建筑材料'], note: '“1”为综合性试点，“4”为单项试点（见 4 家）' }],
  ['rank', 'wenzhou-shanghui-zhineng', WENZHOU, null, '职能转移规范性文件在全国的次序', 'Rank of the function-transfer rules in the country', '首个', '出台了全国首个职能转移规范性文件', { v: 1 }],
  ['parts', 'qufu-yiru-zhixiang', '山东省济宁市曲阜市', null, '第一书记“新十大员制度”', 'The ten new roles of village first secretaries', '十大', '曲阜推出了第一书记“新十大员制度”', { v: 10, u: '员', note: '原文未列出十员' }],
  ['parts', 'dongguan-tongcheng-jifen', '广东省东莞市', null, '社会组织预警机制等级', 'Levels of the social-organisation warning system', '三级', '建立社会组织“绿、黄、红”三级预警机制', { v: 3, names: ['绿', '黄', '红'] }],
  ['parts', ZA, ZHENAN, null, '民情气象服务网络层级', 'Levels of the public-sentiment network', '4', '建立县镇村组“4”级民情气象服务网络', { v: 4, u: '级', names: ['县', '镇', '村', '组'] }],
  ['parts', ZA, ZHENAN, null, '响应机制颜色', 'Colours of the response mechanism', '3', '形成了蓝、橙、红“3”色响应机制', { v: 3, u: '色', names: ['蓝', '橙', '红'] }],
  ['count', ZA, ZHENAN, null, '党员干部服务队', 'Service teams of Party cadres', '1', '延伸触角组建“1”支党员干部服务队', { v: 1, u: '支' }],
  ['parts', ZA, ZHENAN, null, '服务内容项数', 'Service items', '8', '留守人员代管、红白理事等“8”项服务内容', { v: 8, u: '项', names: ['产业发展', '设施建设', '民生保障', '矛盾调处', '治安联防', '便民服务代理', '留守人员代管', '红白理事'] }],
  ['year', LA, LUAN, { y: 2000, m: 3 }, '撤地建市时间', 'Prefecture became a city', '2000年3月', '2000年3月六安撤地建市'],
  ['parts', LA, LUAN, null, '“六有”标准', 'The six “haves”', '六有', '有经费做事、有设施办事、有制度理事” 的“六有”标准', { v: 6, u: '项', names: ['有机构管事', '有人员干事', '有场所议事', '有经费做事', '有设施办事', '有制度理事'] }],
  ['parts', LA, LUAN, null, '“五包”模式', 'The five “responsibilities”', '五包', '“5”即六安落实“五包”模式', { v: 5, u: '项', names: ['市委常委包县区', '市政府领导包部门', '县区领导包乡镇', '乡镇领导包村片', '‘一委四长’包涉法涉诉'] }],
  ['parts', LA, LUAN, null, '“四专”措施', 'The four “special” measures', '四专', '“4”即采取“四专”措施', { v: 4, u: '项', names: ['专班化解重点信访案件', '专组解决涉法涉诉个案', '专人包保服务重点人员', '专项资金救助特困对象'] }],
  ['parts', LA, LUAN, null, '“三理”', 'The three “handlings”', '三理', '“3” 即“三理”,“注重源头治理,注重应急处理,注重依法办理”', { v: 3, u: '项', names: ['注重源头治理', '注重应急处理', '注重依法办理'] }],
  ['parts', LA, LUAN, null, '“两创”活动', 'The two “creation” campaigns', '两创', '“2”即“两创”活动', { v: 2, u: '项', names: ['无越级上访乡镇(街道)', '无涉法涉诉越级上访政法单位'] }],
  ['parts', LA, LUAN, null, '“一化”系统', 'The one “-isation” system', '一化', '“1”即建好“一化”系统,六安依托省级平台先行推进了网上信访信息系统建设', { v: 1, u: '项', names: ['网上信访信息系统'] }],
  ['parts', null, '全国', null, '社会治理的内涵', 'Dimensions of social governance', '四大', '社会治理主要有四大内涵:一是管理,二是建设,三是激励,四是服务', { v: 4, u: '项', names: ['管理', '建设', '激励', '服务'] }],
  ['parts', null, '全国', null, '“四个全面”', 'The “Four Comprehensives”', '四个', '大数据、“互联网+”“四个全面”“供给侧改革”', { v: 4, u: '个', note: '原文未列出各项名称' }],
];
