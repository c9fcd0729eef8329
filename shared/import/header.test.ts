import { describe, expect, it } from 'vitest';
import { detectHeaderRows, hasDataNumber, headerColumns, pathName } from './header';
import type { Cell } from './types';

describe('header block', () => {
  it('does not take a row of year headers for data', () => {
    expect(hasDataNumber(['', '2007年', 2012, '2013'])).toBe(false);
    expect(hasDataNumber(['上海', '2007年', 1200])).toBe(true);
  });

  it('spans a parent over the blank cells of its children (CSV, no merges) and names year columns by their year', () => {
    const rows: Cell[][] = [
      ['指标', '年份', null, null, '增长(%)'],
      [null, '2007年', '2012年', '2013年', null],
      ['社会组织', 1, 2, 3, 4],
    ];
    expect(detectHeaderRows(rows, 0, [])).toBe(2);
    const cols = headerColumns(rows, 0, 2, 5);
    expect(cols).toEqual([{ path: ['指标'] }, { path: ['年份', '2007年'], year: 2007 }, { path: ['年份', '2012年'], year: 2012 }, { path: ['年份', '2013年'], year: 2013 }, { path: ['增长'], unit: '%' }]);
    expect(cols.map((c) => pathName(c.path))).toEqual(['指标', '2007年', '2012年', '2013年', '增长']);
  });

  it('keeps other parents in the name, and a repeated stub continues the header', () => {
    expect(pathName(['社会组织', '合计'])).toBe('社会组织_合计');
    expect(pathName(['社会团体', '2012年'])).toBe('社会团体_2012年');
    expect(detectHeaderRows([['地区', '人口', '人口'], ['地区', '男', '女'], ['上海', 1, 2]], 0, [])).toBe(2);
    expect(detectHeaderRows([['地区', '单位', '人口'], ['上海', '万人', 2]], 0, [])).toBe(1);
  });
});
