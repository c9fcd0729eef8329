import { describe, expect, it } from 'vitest';
import { matchRegions } from './match';
import { regionKey } from './region-names';

/** Every province-level unit: full official name, short name (typed here, not taken from the code). */
const PROVINCES: [string, string][] = [
  ['北京市', '北京'], ['天津市', '天津'], ['上海市', '上海'], ['重庆市', '重庆'],
  ['河北省', '河北'], ['山西省', '山西'], ['辽宁省', '辽宁'], ['吉林省', '吉林'], ['黑龙江省', '黑龙江'],
  ['江苏省', '江苏'], ['浙江省', '浙江'], ['安徽省', '安徽'], ['福建省', '福建'], ['江西省', '江西'], ['山东省', '山东'],
  ['河南省', '河南'], ['湖北省', '湖北'], ['湖南省', '湖南'], ['广东省', '广东'], ['海南省', '海南'],
  ['四川省', '四川'], ['贵州省', '贵州'], ['云南省', '云南'], ['陕西省', '陕西'], ['甘肃省', '甘肃'], ['青海省', '青海'], ['台湾省', '台湾'],
  ['内蒙古自治区', '内蒙古'], ['广西壮族自治区', '广西'], ['西藏自治区', '西藏'], ['宁夏回族自治区', '宁夏'], ['新疆维吾尔自治区', '新疆'],
  ['香港特别行政区', '香港'], ['澳门特别行政区', '澳门'],
];

describe('regionKey: Chinese administrative names', () => {
  it('gives all 34 province-level units one key in full and short form', () => {
    expect(PROVINCES).toHaveLength(34);
    for (const [full, short] of PROVINCES) {
      expect(regionKey(full), full).toBe(short);
      expect(regionKey(short), short).toBe(short);
    }
    // No two units share a key.
    expect(new Set(PROVINCES.map(([full]) => regionKey(full))).size).toBe(34);
  });

  it.each([
    ['内蒙', '内蒙古'],
    ['新疆维吾尔', '新疆'],
    ['香港特區', '香港'],
    ['澳門特別行政區', '澳门'],
    ['臺灣', '台湾'],
    ['Shanghai', '上海'],
    ['inner mongolia', '内蒙古'],
    ['Hong Kong', '香港'],
    [' 上海市 ', '上海'],
    ['上 海\u3000市', '上海'],
    ['广西壮族自治区', '广西'],
  ])('%j → %s (other spellings, spaces, full-width space)', (raw, key) => {
    expect(regionKey(raw)).toBe(key);
  });

  it.each([
    ['杭州市', '杭州'],
    ['昆山市', '昆山'],
    ['浦东新区', '浦东'],
    ['静安区', '静安'],
    ['德清县', '德清'],
    ['大兴安岭地区', '大兴安岭'],
    ['锡林郭勒盟', '锡林郭勒'],
    ['神农架林区', '神农架'],
    ['延边朝鲜族自治州', '延边'],
    ['恩施土家族苗族自治州', '恩施'],
    ['黔东南苗族侗族自治州', '黔东南'],
    ['长阳土家族自治县', '长阳'],
    ['鄂伦春自治旗', '鄂伦春'],
    ['沙县', '沙县'],
    ['和县', '和县'],
    ['城区', '城区'],
  ])('%s → %s (one suffix below the provinces; never down to one character)', (raw, key) => {
    expect(regionKey(raw)).toBe(key);
  });
});

describe('matchRegions', () => {
  it('pairs the same text, then the same key, lists the rest on both sides, and follows the user’s corrections', () => {
    const left = ['上海', '北京市', '内蒙古', '广西', '香港', '吉林', '浦东新区', '火星'];
    const right = ['上海市', '北京市', '内蒙古自治区', '广西壮族自治区', '香港特别行政区', '吉林省', '吉林市', '浦东', '澳门特别行政区'];
    const m = matchRegions(left, right);
    expect(m.pairs).toEqual([
      { left: '上海', right: '上海市', how: 'normalized' },
      { left: '北京市', right: '北京市', how: 'exact' },
      { left: '内蒙古', right: '内蒙古自治区', how: 'normalized' },
      { left: '广西', right: '广西壮族自治区', how: 'normalized' },
      { left: '香港', right: '香港特别行政区', how: 'normalized' },
      { left: '浦东新区', right: '浦东', how: 'normalized' },
    ]);
    // 吉林 is the province and a city: two right names share the key, so it is ambiguous, not guessed.
    expect(m.leftUnmatched).toEqual([
      { value: '吉林', candidates: ['吉林省', '吉林市'], reason: 'ambiguous' },
      { value: '火星', candidates: [], reason: 'none' },
    ]);
    expect(m.rightUnmatched).toEqual(['吉林省', '吉林市', '澳门特别行政区']);

    const fixed = matchRegions(left, right, [
      { left: '吉林', right: '吉林省' },
      { left: '浦东新区', right: null },
      { left: '火星', right: '已删除的地区' },
    ]);
    expect(fixed.pairs.filter((p) => p.how === 'manual')).toEqual([{ left: '吉林', right: '吉林省', how: 'manual' }]);
    expect(fixed.leftUnmatched).toEqual([
      { value: '浦东新区', candidates: [], reason: 'user' },
      { value: '火星', candidates: [], reason: 'gone' },
    ]);
    expect(fixed.rightUnmatched).toEqual(['吉林市', '浦东', '澳门特别行政区']);
  });

  it('lets two left spellings of one place share the right name', () => {
    expect(matchRegions(['上海', '上海市'], ['上海市']).pairs).toEqual([
      { left: '上海', right: '上海市', how: 'normalized' },
      { left: '上海市', right: '上海市', how: 'exact' },
    ]);
  });
});
