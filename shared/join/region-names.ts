/**
 * Chinese administrative names, normalised for matching two tables by region: 上海 / 上海市 / 上海市 (with a
 * full-width space) / Shanghai are one place, 内蒙古 / 内蒙古自治区 / 内蒙, 广西 / 广西壮族自治区, 香港 /
 * 香港特别行政区 / 香港特區; below the provinces, one administrative suffix is dropped (杭州市 → 杭州, 浦东新区 →
 * 浦东, 延边朝鲜族自治州 → 延边) unless that would leave a single character (沙县, 和县 stay whole).
 * A key is only for comparing: the tables keep their own names.
 */
import { PROVINCE_GRID } from '../charts/province-grid';

/** Other ways province-level names are written (traditional characters, 特区, old short forms). */
const PROVINCE_ALIASES: Record<string, string> = {
  内蒙: '内蒙古',
  新疆维吾尔: '新疆',
  广西壮族: '广西',
  宁夏回族: '宁夏',
  香港特区: '香港',
  香港特區: '香港',
  香港特別行政區: '香港',
  澳门特区: '澳门',
  澳門: '澳门',
  澳門特區: '澳门',
  澳門特別行政區: '澳门',
  台灣: '台湾',
  臺灣: '台湾',
  台灣省: '台湾',
  臺灣省: '台湾',
};

const PROVINCE_KEY = new Map<string, string>([
  ...PROVINCE_GRID.flatMap((p) => [
    [p.name, p.short],
    [p.short, p.short],
    [p.en.toLowerCase().replace(/\s+/g, ''), p.short],
  ] as [string, string][]),
  ...Object.entries(PROVINCE_ALIASES),
]);

/** The 55 minority nationalities, as they appear in the names of autonomous prefectures, counties and banners. */
const NATIONALITIES = [
  '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家', '哈尼', '哈萨克', '傣', '黎', '傈僳',
  '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土', '达斡尔', '仫佬', '羌', '布朗', '撒拉', '毛南', '仡佬', '锡伯',
  '阿昌', '普米', '塔吉克', '怒', '乌孜别克', '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京', '塔塔尔', '独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺',
].sort((a, b) => b.length - a.length);

const AUTONOMOUS = /(自治州|自治县|自治旗|自治区)$/;
/** Longest first: 新区 before 区. */
const SUFFIXES = ['特别行政区', '新区', '地区', '林区', '矿区', '省', '市', '县', '区', '旗', '盟'];

function dropNationalities(stem: string): string {
  let s = stem.replace(/各族$/, '');
  for (;;) {
    const n = NATIONALITIES.find((x) => s.endsWith(`${x}族`) && s.length - x.length - 1 >= 2);
    if (!n) return s;
    s = s.slice(0, s.length - n.length - 1);
  }
}

/** Text as compared: compatibility forms folded (full-width letters and digits), every kind of space removed. */
export function cleanName(raw: string): string {
  return raw.normalize('NFKC').replace(/[\s\u3000\u00a0]+/g, '');
}

/** The key two names of one place share: the short province name for province-level units, else the name without its suffix. */
export function regionKey(raw: string): string {
  const s = cleanName(raw);
  const province = PROVINCE_KEY.get(s) ?? PROVINCE_KEY.get(s.toLowerCase());
  if (province) return province;
  if (AUTONOMOUS.test(s)) {
    const stem = dropNationalities(s.replace(AUTONOMOUS, ''));
    if (stem.length >= 2) return PROVINCE_KEY.get(stem) ?? stem;
  }
  const suffix = SUFFIXES.find((x) => s.endsWith(x) && s.length - x.length >= 2);
  return suffix ? s.slice(0, s.length - suffix.length) : s;
}
