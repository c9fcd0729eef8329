import { describe, expect, it } from 'vitest';
import { cellValue, excelFormat, formatValue, numberStyle } from './number-format';

describe('numberStyle → format code, cell value and text', () => {
  it('percent numbers: the cell holds the fraction and shows one decimal', () => {
    const st = numberStyle([4.384615385, -1.2, null], '%', 'zh-CN');
    expect(excelFormat(st)).toBe('0.0%');
    expect(cellValue(4.384615385, st)).toBeCloseTo(0.04384615385, 15);
    expect(formatValue(4.384615385, st)).toBe('4.4%');
    expect(formatValue(-1.25, st)).toBe('-1.3%');
    expect(formatValue(12345, st)).toBe('12345.0%');
    expect(formatValue(null, st)).toBe('');
  });

  it('integers are grouped, decimals as many as the values need (at most two)', () => {
    expect(excelFormat(numberStyle([6000, 3900, 250], '家', 'zh-CN'))).toBe('#,##0');
    expect(excelFormat(numberStyle([1.5, 2, null], '个', 'zh-CN'))).toBe('#,##0.0');
    expect(excelFormat(numberStyle([1.25, 3.3333333], undefined, 'zh-CN'))).toBe('#,##0.00');
    // Binary noise (0.1 + 0.2) is not a third decimal.
    expect(excelFormat(numberStyle([0.1 + 0.2], undefined, 'zh-CN'))).toBe('#,##0.0');
    expect(formatValue(99999, numberStyle([99999], '人', 'zh-CN'))).toBe('99,999');
    expect(formatValue(3.333333, numberStyle([3.333333], undefined, 'zh-CN'))).toBe('3.33');
  });

  it('money shows cents whenever a value has them', () => {
    expect(excelFormat(numberStyle([30, 300], '元', 'zh-CN'))).toBe('#,##0');
    expect(excelFormat(numberStyle([30, 12.5], '元', 'zh-CN'))).toBe('#,##0.00');
    expect(formatValue(12.5, numberStyle([30, 12.5], '万元', 'zh-CN'))).toBe('12.50');
  });

  it('large numbers in 万 and 亿 keep the full value in the cell', () => {
    const wan = numberStyle([123456, 3402000, null], '人', 'zh-CN');
    expect(excelFormat(wan)).toBe('0\\.0,"万"');
    expect(cellValue(3402000, wan)).toBe(3402000);
    expect([123456, 3402000, -98765, 500, 49, 0].map((v) => formatValue(v, wan))).toEqual(['12.3万', '340.2万', '-9.9万', '0.1万', '0.0万', '0.0万']);
    // As Excel: 123,550 is 123.55 thousands, rounded to 124, shown 12.4万.
    expect(formatValue(123550, wan)).toBe('12.4万');
    const yi = numberStyle([123456789, 5e9], '元', 'zh-CN');
    expect(excelFormat(yi)).toBe('0\\.00,,"亿"');
    expect([123456789, 5e9, 1e6].map((v) => formatValue(v, yi))).toEqual(['1.23亿', '50.00亿', '0.01亿']);
  });

  it('no 万 in English, and no 万 of 万元', () => {
    expect(excelFormat(numberStyle([3402000], 'people', 'en'))).toBe('#,##0');
    expect(formatValue(3402000, numberStyle([3402000], 'people', 'en'))).toBe('3,402,000');
    expect(excelFormat(numberStyle([250000], '万元', 'zh-CN'))).toBe('#,##0');
    expect(excelFormat(numberStyle([250000], '亿元', 'zh-CN'))).toBe('#,##0');
  });
});
