// The reader of written numbers that the build and the statement tests rely on, against hand-worked values.
import { describe, expect, it } from 'vitest';
import { chineseNumber, fiveYearPlan, parseValueText, prefixMultiplier, readNumber } from './build/numerals.mjs';

describe('chineseNumber', () => {
  it.each([
    ['两', 2],
    ['十', 10],
    ['十八', 18],
    ['二十', 20],
    ['三十五', 35],
    ['一百二十', 120],
    ['一百零五', 105],
    ['千', 1000],
    ['两万三千', 23000],
    ['一万二千', 12000],
    ['千万', 10_000_000],
    ['三亿', 300_000_000],
  ])('%s = %d', (text, value) => {
    expect(chineseNumber(text)).toBe(value);
  });

  it.each(['', '二三', '个', '十a'])('rejects %j', (text) => {
    expect(chineseNumber(text)).toBeNull();
  });
});

describe('readNumber: the number as written and the unit after it', () => {
  it.each([
    ['20.03 万人', 20.03, '万人'],
    ['1.2万', 1.2, '万'],
    ['3亿', 3, '亿'],
    ['两万多个', 2, '万个'],
    ['近千万', 1000, '万'],
    ['十多个', 10, '个'],
    ['三十五万', 35, '万'],
    ['一百二十项', 120, '项'],
    ['约 4.2 万多人次', 4.2, '万人次'],
    ['440余万平方米', 440, '万平方米'],
    ['366 千字', 366, '千字'],
  ])('%s → %d %s', (text, value, unit) => {
    expect(readNumber(text)).toEqual({ value, unit });
  });

  it('gives null without a number', () => {
    expect(readNumber('若干')).toBeNull();
  });
});

describe('parseValueText', () => {
  it('reads fractions exactly, in digits and in words', () => {
    for (const [text, value] of [['2/3', 2 / 3], ['1/5', 0.2], ['三分之二', 2 / 3], ['五分之一', 0.2], ['过半', 0.5], ['一半', 0.5]] as const) {
      const p = parseValueText(text);
      expect(Math.abs((p?.value ?? NaN) - value), text).toBeLessThanOrEqual(1e-12);
    }
    expect(parseValueText('过半')?.approx).toBe('more_than');
  });

  it('reads both ends of a range', () => {
    expect(parseValueText('1 〜 2 次')).toMatchObject({ value: null, low: 1, high: 2, unit: '次' });
    expect(parseValueText('30 〜 300 元')).toMatchObject({ low: 30, high: 300, unit: '元' });
    expect(parseValueText('0.5%~15.6%')).toMatchObject({ low: 0.5, high: 15.6, unit: '%' });
    expect(parseValueText('36~50 岁')).toMatchObject({ low: 36, high: 50, unit: '岁' });
  });

  it('reads planning periods, centuries and decades as first and last year', () => {
    expect(parseValueText('2016—2020年')).toMatchObject({ low: 2016, high: 2020 });
    expect(parseValueText('从2012年到2015年')).toMatchObject({ low: 2012, high: 2015 });
    expect(parseValueText('2004年开始到2015年')).toMatchObject({ low: 2004, high: 2015 });
    expect(parseValueText('十三五')).toMatchObject({ low: 2016, high: 2020 });
    expect(parseValueText('“十二五”')).toMatchObject({ low: 2011, high: 2015 });
    expect(parseValueText('20 世纪 90 年代')).toMatchObject({ low: 1990, high: 1999 });
    expect(parseValueText('21 世纪')).toMatchObject({ low: 2001, high: 2100 });
    expect(fiveYearPlan(1)).toEqual([1953, 1957]);
    expect(fiveYearPlan(3)).toEqual([1966, 1970]);
    expect(fiveYearPlan(14)).toEqual([2021, 2025]);
  });

  it('reads years with their month, and a month alone', () => {
    expect(parseValueText('2008 年 7 月')).toMatchObject({ value: 2008, month: 7 });
    expect(parseValueText('2016年06月21日')).toMatchObject({ value: 2016, month: 6 });
    expect(parseValueText('2014年初')).toMatchObject({ value: 2014, month: null });
    expect(parseValueText('金秋十月')).toMatchObject({ value: null, month: 10 });
  });

  it('reads counts, multiples, ranks, sums of parts and fixed words', () => {
    expect(parseValueText('两')).toMatchObject({ value: 2 });
    expect(parseValueText('三十五')).toMatchObject({ value: 35 });
    expect(parseValueText('一百二十')).toMatchObject({ value: 120 });
    expect(parseValueText('六个平台')).toMatchObject({ value: 6 });
    expect(parseValueText('2 倍多')).toMatchObject({ value: 2, unit: '倍', approx: 'more_than' });
    expect(parseValueText('翻一番')).toMatchObject({ value: 2, unit: '倍' });
    expect(parseValueText('第一名')).toMatchObject({ value: 1, unit: '名次' });
    expect(parseValueText('第一家')).toMatchObject({ value: 1, unit: '名次' });
    expect(parseValueText('首个')).toMatchObject({ value: 1, unit: '名次' });
    expect(parseValueText('1+6')).toMatchObject({ value: 7 });
    expect(parseValueText('9+10')).toMatchObject({ value: 19 });
    expect(parseValueText('全覆盖')).toMatchObject({ value: 100, unit: '%' });
    expect(parseValueText('零投诉')).toMatchObject({ value: 0 });
    expect(parseValueText('不到一个月')).toMatchObject({ value: 1, unit: '个月', approx: 'less_than' });
    expect(parseValueText('每两年')).toMatchObject({ value: 2, unit: '年' });
    expect(parseValueText('双重')).toMatchObject({ value: 2, unit: '重' });
    expect(parseValueText('半年以上')).toMatchObject({ value: 0.5, unit: '年', approx: 'more_than' });
    expect(parseValueText('若干')).toBeNull();
  });

  it('marks approximations as the bundled tables do', () => {
    expect(parseValueText('约 145 万')?.approx).toBe('about');
    expect(parseValueText('9800多件')?.approx).toBe('more_than');
    expect(parseValueText('约 4.2 万多人次')?.approx).toBe('more_than');
    expect(parseValueText('近千万')?.approx).toBe('nearly');
    expect(parseValueText('11924')?.approx).toBeNull();
  });

  it('gives the unit prefix multiplier', () => {
    expect(prefixMultiplier('万人')).toBe(1e4);
    expect(prefixMultiplier('亿元')).toBe(1e8);
    expect(prefixMultiplier('千字')).toBe(1e3);
    expect(prefixMultiplier('千万')).toBe(1e7);
    expect(prefixMultiplier('平方公里')).toBe(1);
  });
});
