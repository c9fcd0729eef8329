import { describe, expect, it } from 'vitest';
import { COLUMN } from '../../tests/fixtures/export/charts';
import { chartToXlsx } from './xlsx-chart';
import { absRange, columnName, quoteSheet, sheetName, xmlText } from './ooxml';

describe('ooxml helpers', () => {
  it('names columns and builds absolute, always-quoted references', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
    expect(quoteSheet("张三's 表")).toBe("'张三''s 表'");
    expect(absRange('数据', 1, 2, 5)).toBe("'数据'!$B$2:$B$5");
    expect(absRange('数据', 0, 4)).toBe("'数据'!$A$4");
  });

  it('makes sheet names Excel accepts, unique regardless of case', () => {
    const taken = new Set<string>();
    expect(sheetName('a/b:c*d?[e]', taken)).toBe('a_b_c_d__e_');
    expect(sheetName("'引号'", taken)).toBe('引号');
    expect(sheetName('', taken)).toBe('Sheet');
    expect(sheetName('SHEET', taken)).toBe('SHEET (2)');
    const long = sheetName('很长的标题'.repeat(10), taken);
    expect(long.length).toBe(31);
    expect(sheetName('很长的标题'.repeat(10), taken)).toBe(`${long.slice(0, 27)} (2)`);
  });

  it('escapes XML text and drops characters XML cannot hold', () => {
    expect(xmlText('a<b>&"c"\u0001\u000b')).toBe('a&lt;b&gt;&amp;&quot;c&quot;');
  });

  it('refuses a chart without categories', () => {
    expect(() => chartToXlsx({ data: { ...COLUMN, categories: [], keys: [], series: [{ name: 'x', values: [], axis: 'left', type: 'bar' }] } })).toThrow(/at least one series and one category/);
  });
});
