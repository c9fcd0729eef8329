// Exclusions for seeds 000 (book), 001 (local8) and 002 (theory); the shape is described in audit-exclusions.mjs.

/** Excludes the expressions inside `quote` (only those containing `value`, when given). */
export const q = (source, reason, quote, value, detail) => ({ source, reason, quote, ...(value ? { value } : {}), ...(detail ? { detail } : {}) });
/** Excludes the expressions that overlap a match of `re`. */
export const r = (source, reason, re, detail) => ({ source, reason, re, ...(detail ? { detail } : {}) });

export const BOOK_EXCLUSIONS = [
  q('book', 'repeat', '——2012—2015 年全国社会治理创新典型案例选编', null, 'the subtitle again on the copyright page'),
  q('book', 'repeat', '国家行政学院出版社, 2017. 3', null, 'publication date in the CIP record (bundled from 版次)'),
  q('book', 'identifier', 'ISBN 978 - 7 - 5150 - 1891 - 1'),
  q('book', 'identifier', 'IV. ①D63'),
  q('book', 'identifier', '中国版本图书馆 CIP 数据核字(2017)第 053234 号'),
  q('book', 'identifier', '(北京市海淀区长春桥路 6 号 100089)'),
  q('book', 'identifier', '(010)68920640 68929037'),
  q('book', 'identifier', '编 辑 部 (010)68922648'),
  q('book', 'identifier', '联系电话: (010)68929022'),
  q('book', 'repeat', '协办的“2015 全国社会治理创新案例颁奖典礼暨经验交流现场会”', null, 'the ceremony named again (its year is bundled from the title)'),
  q('book', 'idiom', '上面千条线，下面一根针'),
  q('book', 'name', '天津“8·12”爆炸事故'),
  q('book', 'repeat', '第六部分是运用这五种方法的综合治理', '五', 'the five methods again'),
  q('book', 'name', '淮安市126信访工作新模式'),
  q('book', 'name', '新“平安365”社会治理机制'),
  q('book', 'name', '形成了“131”院落自治模式', null, 'the model’s name; the text does not explain its parts'),
  q('book', 'vague', '扶持了数十家民办社工服务机构'),
  q('book', 'name', '红十字会'),
  q('book', 'idiom', '变“九龙治水”为“一龙治水”'),
];

export const LOCAL8_EXCLUSIONS = [
  q('local8', 'web', '14:42 来源'),
  r('local8', 'name', /1(?=\+N)/g, 'the “1+N” model: one idea or one lead owner plus many'),
  r('local8', 'name', /1\+6(?=”文件)/g, 'the Shanghai party committee’s “1+6” documents'),
  q('local8', 'name', '其中“1”指一个“商圈,让百姓满意”的理念', '1', 'the “1” of the 1+N model'),
  q('local8', 'name', '其中“1”表示该商圈内的一个牵头大业主', '1', 'the “1” of the 1+N model'),
  q('local8', 'name', '成华区“两抢”', null, '“两抢” (robbery and snatching), a set term'),
  q('local8', 'idiom', '服务群众“零距离”'),
  r('local8', 'repeat', /1\+6(?=”工作模式[,。良的])/g, 'the 1+6 model named again (bundled where it is defined)'),
  q('local8', 'repeat', '“1”即一个“商圈,让百姓满意”的理念,“6”指实现“1”这一理念', null, 'the parts of the 1+6 model (bundled with it)'),
  q('local8', 'repeat', '“1+N”双重叠加模式', '双', 'the two layered 1+N models again'),
  q('local8', 'repeat', '“9+10”综治专项业务模块', null, '9 basic and 10 added modules (bundled: 9个, 10个, 19项)'),
  r('local8', 'name', /两(?=新)/g, '“两新”: new economic and social organisations, a set term'),
  q('local8', 'repeat', '通过“1+4”试点工作', null, 'the 1+4 pilots again'),
  q('local8', 'name', '“1122工程”', null, 'the project’s name; the text does not explain its parts'),
  q('local8', 'repeat', '陕西镇安:建立四级“民情气象”服务站', null, 'the four levels, bundled from “4”级'),
  q('local8', 'name', '实施了“4318”工作模式', null, 'the model’s name; its four parts are bundled'),
  r('local8', 'name', /6[56]4321/g, 'the plan’s name (its six parts 六有 … 一化 are bundled); written 664321 once'),
  q('local8', 'repeat', '“6”即六安建好服务平台的严标准'),
  q('local8', 'repeat', '“4”即采取“四专”措施', '4'),
  q('local8', 'repeat', '“5”即六安落实“五包”模式', '5'),
  q('local8', 'repeat', '“3” 即“三理”', '3'),
  q('local8', 'repeat', '“2”即“两创”活动', '2'),
  q('local8', 'repeat', '“1”即建好“一化”系统', '1'),
  q('local8', 'repeat', '“无涉法涉诉越级上访政法单位”两项创建活动'),
  q('local8', 'repeat', '通过平台建设抓“六有”、领导接访抓“五包”、化解积案抓“四专”、社会稳定抓“三理”、责任落实抓“两创”、阳光信访抓“一化”'),
  q('local8', 'vague', '解决了一批影响社会和谐稳定的信访问题'),
  q('local8', 'repeat', '通过对全国各区域选取的八大案例进行分析', null, 'the 8 cases again'),
  q('local8', 'web', '分享到: 0 转载请注明来源'),
  q('local8', 'web', 'W020180116412817190956.jpg'),
  q('local8', 'web', '最新发表的评论0条,总共0 查看全部评论'),
  q('local8', 'web', 'QQ图片20180105134100.jpg'),
  q('local8', 'web', '777.jpg'),
  q('local8', 'web', '内文页广告3(手机版).jpg'),
];

export const THEORY_EXCLUSIONS = [
  q('theory', 'idiom', '理“两张皮”现象'),
  q('theory', 'name', '上海将“12345”市民服务'),
  q('theory', 'name', '则 1.0版”'),
  q('theory', 'idiom', '现社会治理主体从“一元”到'),
  q('theory', 'name', '题，以及推进“六争攻坚、三年', '三', 'the campaign “六争攻坚、三年攀高”'),
];
