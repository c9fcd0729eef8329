// Quantitative figures about cases and places, seed 001 (8 local cases) and 002 (theory page).
// Row: [case_id, region, time, indicator, indicator_en, value_text, quote, extra]
// time: { y, m, ps, pe } or null; value_text is copied exactly (with its unit); value/unit are parsed from it
// unless extra gives them. extra: { category, category_en, value, unit, unit_norm, value_norm, approx, note }

import { BEICAI, CHENGHUA, DALIAN, LUAN, WENZHOU, ZHENAN } from './places.mjs';

const Y14 = { y: 2014 };
const Y15 = { y: 2015 };
const PUB16 = '文章发表于 2016 年 6 月，原文未写明数据年份';

export const INDICATORS_LOCAL8 = [
  ['pudong-beicai-shangquan-dangjian', BEICAI, Y14, '镇域内大商场商圈数', 'Shopping districts around major malls', '十多个', '已形成十多个以知名大商场', { value: 10, unit: '个', approx: 'more_than', note: '“十多个”：下限 10' }],
  ['pudong-beicai-shangquan-dangjian', '上海市浦东新区沪南商圈', Y14, '商圈总建筑面积', 'Gross floor area of the shopping district', '26万平方米', '总建筑面积26万平方米、经营面积14.3万平方米'],
  ['pudong-beicai-shangquan-dangjian', '上海市浦东新区沪南商圈', Y14, '商圈经营面积', 'Trading area of the shopping district', '14.3万平方米', '总建筑面积26万平方米、经营面积14.3万平方米'],
  ['pudong-beicai-shangquan-dangjian', BEICAI, Y14, '“1+6”模式平台数', 'Platforms in the 1+6 model', '六个平台', '保障机制平台在内的六个平台', { value: 6, unit: '个' }],
  ['dalian-zongzhi-platform', DALIAN, Y15, '基础业务模块数（中央综治办规定）', 'Basic modules (central requirement)', '9个', '护路护线等9个基础模块之上'],
  ['dalian-zongzhi-platform', DALIAN, Y15, '扩展业务板块数', 'Added business modules', '10个', '群众安全感调查10个业务板块'],
  ['dalian-zongzhi-platform', DALIAN, Y15, '业务板块总数', 'Business modules in total', '19项', '纵向上又将这19项业务板块细化为150项具体业务工作'],
  ['dalian-zongzhi-platform', DALIAN, Y15, '具体业务工作项数', 'Detailed work items', '150项', '纵向上又将这19项业务板块细化为150项具体业务工作'],
  ['dalian-zongzhi-platform', DALIAN, Y15, '平台录入实有人口', 'Actual population entered in the platform', '5081167人', '大连综治信息化平台已录入实有人口5081167人', { note: '平台 2015 年 8 月建立，运行不到一个月时的数据' }],
  ['dalian-zongzhi-platform', DALIAN, Y15, '平台录入重点地区', 'Key areas entered in the platform', '169处', '已录入实有人口5081167人、重点地区169处、两新组织5768个等数据'],
  ['dalian-zongzhi-platform', DALIAN, Y15, '平台录入两新组织', 'New economic and social organisations entered', '5768个', '已录入实有人口5081167人、重点地区169处、两新组织5768个等数据'],
  ['chengdu-chenghua-dalian-dong', CHENGHUA, null, '辖区面积', 'Area', '108平方公里', '全区面积108平方公里,是成都市面积最大的中心城区', { note: PUB16 }],
  ['chengdu-chenghua-dalian-dong', CHENGHUA, null, '街道办事处数', 'Sub-district offices', '14个', '辖14个街道办事处,103个社区,人口113万', { note: PUB16 }],
  ['chengdu-chenghua-dalian-dong', CHENGHUA, null, '社区数', 'Communities', '103个', '辖14个街道办事处,103个社区,人口113万', { note: PUB16 }],
  ['chengdu-chenghua-dalian-dong', CHENGHUA, null, '人口', 'Population', '113万', '辖14个街道办事处,103个社区,人口113万', { unit_norm: '人', note: PUB16 }],
  ['chengdu-chenghua-dalian-dong', CHENGHUA, null, '“北改”累计拆迁面积', 'Demolition area under the north-Chengdu renewal', '440余万平方米', '“北改”工程累计拆迁面积440余万平方米'],
  ['chengdu-chenghua-dalian-dong', CHENGHUA, null, '“北改”促成搬迁居民', 'Residents relocated under the north-Chengdu renewal', '9万名', '累计拆迁面积440余万平方米、促成9万名居民搬迁'],
  ['chengdu-chenghua-dalian-dong', CHENGHUA, null, '居民幸福感测评在成都市的名次', 'Rank in the Chengdu resident happiness survey', '第一名', '居民幸福感测评位居成都市第一名', { value: 1, unit: '名次' }],
  ['wenzhou-shanghui-zhineng', WENZHOU, { y: 2015, m: 12 }, '行业协会商会数', 'Trade associations and chambers of commerce', '205个', '截至2015年底,温州市共有行业协会商会205个,基层商会129个'],
  ['wenzhou-shanghui-zhineng', WENZHOU, { y: 2015, m: 12 }, '基层商会数', 'Grassroots chambers of commerce', '129个', '截至2015年底,温州市共有行业协会商会205个,基层商会129个'],
  ['wenzhou-shanghui-zhineng', WENZHOU, null, '“1+4”单项试点商会协会数', 'Associations in single-item pilots (1+4)', '4家', '在服装、眼镜、金属、建筑材料4家行业商会协会开展单项试点'],
  ['wenzhou-shanghui-zhineng', WENZHOU, null, '开展承接试点的县级工商联数', 'County federations of industry and commerce in the pilot', '11个', '11个县级工商联共在19个协会商会开展承接75项政府职能转移试点工作'],
  ['wenzhou-shanghui-zhineng', WENZHOU, null, '县级试点协会商会数', 'Associations in county-level pilots', '19个', '11个县级工商联共在19个协会商会开展承接75项政府职能转移试点工作'],
  ['wenzhou-shanghui-zhineng', WENZHOU, null, '县级试点承接政府职能数', 'Government functions taken over in county-level pilots', '75项', '11个县级工商联共在19个协会商会开展承接75项政府职能转移试点工作'],
  ['wenzhou-shanghui-zhineng', WENZHOU, null, '市本级重点行业协会商会数', 'Key city-level associations', '22个', '市本级22个重点行业协会商会共承接86项政府职能'],
  ['wenzhou-shanghui-zhineng', WENZHOU, null, '市本级承接政府职能数', 'Government functions taken over at city level', '86项', '市本级22个重点行业协会商会共承接86项政府职能'],
  ['wenzhou-shanghui-zhineng', WENZHOU, Y14, '向社会组织转移的政府职能数', 'Government functions transferred to social organisations', '167项', '2014年温州共有167项政府职能向110家社会组织转移'],
  ['wenzhou-shanghui-zhineng', WENZHOU, Y14, '承接职能的社会组织数', 'Social organisations taking over functions', '110家', '2014年温州共有167项政府职能向110家社会组织转移'],
  ['wenzhou-shanghui-zhineng', WENZHOU, Y15, '承接职能的行业商会协会数', 'Associations taking over functions', '41个', '2015年温州又有41个行业商会协会承接政府161项职能'],
  ['wenzhou-shanghui-zhineng', WENZHOU, Y15, '行业商会协会承接的政府职能数', 'Government functions taken over by associations', '161项', '2015年温州又有41个行业商会协会承接政府161项职能'],
  ['wenzhou-shanghui-zhineng', WENZHOU, null, '获3A及以上等级的行业协会商会数', 'Associations rated 3A or above', '48家', '温州全市共有48家行业协会商会获得3A及以上等级'],
  ['qufu-yiru-zhixiang', '山东省济宁市曲阜市', null, '建立“和为贵”调解室的行政村数', 'Administrative villages with a mediation room', '405个', '创造性地在全市405个行政村建立了“和为贵”调解室'],
  ['dongguan-tongcheng-jifen', '广东省东莞市', null, '人口', 'Population', '近千万', '东莞作为近千万人口的新兴城市', { value: 1000, unit: '万人', approx: 'nearly', note: '“近千万”：接近 1000 万人' }],
  ['zhenan-minqing-qixiang', ZHENAN, null, '总面积', 'Area', '3487平方公里', '总面积3487平方公里,辖19镇202个村6个社区,总人口28.5万', { note: PUB16 }],
  ['zhenan-minqing-qixiang', ZHENAN, null, '镇数', 'Towns', '19镇', '总面积3487平方公里,辖19镇202个村6个社区,总人口28.5万', { note: PUB16 }],
  ['zhenan-minqing-qixiang', ZHENAN, null, '村数', 'Villages', '202个', '总面积3487平方公里,辖19镇202个村6个社区,总人口28.5万', { note: PUB16 }],
  ['zhenan-minqing-qixiang', ZHENAN, null, '社区数', 'Communities', '6个', '总面积3487平方公里,辖19镇202个村6个社区,总人口28.5万', { note: PUB16 }],
  ['zhenan-minqing-qixiang', ZHENAN, null, '总人口', 'Population', '28.5万', '总面积3487平方公里,辖19镇202个村6个社区,总人口28.5万', { unit_norm: '人', note: PUB16 }],
  ['zhenan-minqing-qixiang', ZHENAN, null, '收集群众意见建议', 'Opinions and suggestions collected', '9800多件', '共收集群众意见建议9800多件'],
  ['zhenan-minqing-qixiang', ZHENAN, null, '解决群众生产生活困难', 'Livelihood difficulties solved', '520多件', '解决群众生产生活困难520多件'],
  ['zhenan-minqing-qixiang', ZHENAN, null, '调处矛盾纠纷', 'Disputes mediated', '700多起', '调处各类矛盾纠纷700多起'],
  ['luan-654321', LUAN, null, '辖县数', 'Counties', '五县', '舒城五县和金安、裕安两区', { value: 5, unit: '县' }],
  ['luan-654321', LUAN, null, '辖区数', 'Districts', '两区', '舒城五县和金安、裕安两区', { value: 2, unit: '区' }],
  ['luan-654321', LUAN, null, '市域总面积', 'Area', '1.8万平方公里', '市域总面积1.8万平方公里,总人口710.3万'],
  ['luan-654321', LUAN, null, '总人口', 'Population', '710.3万', '市域总面积1.8万平方公里,总人口710.3万', { unit_norm: '人' }],
];

export const INDICATORS_THEORY = [
  ['beijing-jiexiang-chuishao', '北京市', null, '党政群共商共治机制层级数', 'Levels of the joint consultation mechanism', '四级', '员会四级党政群共商共治机制，整', { value: 4, unit: '级' }],
  ['shanghai-shehuihua-xietong', '上海市', null, '社区“三大中心”数', 'Community centres of the three kinds', '三大中心', '制。上海建成三大中心 （社区事务', { value: 3, unit: '个' }],
  ['shenzhen-gongyi-xiangmu', '广东省深圳市', null, '社区服务中心服务大项数', 'Service categories in the community-centre standard', '31 个大项', '心运营与评估标准》，在 31 个大项、', { unit: '个' }],
  ['shenzhen-gongyi-xiangmu', '广东省深圳市', null, '社区服务中心服务细项数', 'Service items in the community-centre standard', '144个服务细项', '144个服务细项中“选菜”，根据社区', { value: 144, unit: '个' }],
];
