import { describe, expect, it } from 'vitest';
import { isSafeFileName, toSafeFileName } from './desktop-api';

describe('toSafeFileName', () => {
  it('keeps Chinese names and replaces reserved characters', () => {
    expect(toSafeFileName('上海社会组织：2014/06*', 'xlsx')).toBe('上海社会组织：2014_06_.xlsx');
    expect(toSafeFileName('报告.SGWP', 'sgwp')).toBe('报告.sgwp');
    expect(toSafeFileName('..', 'csv')).toBe('untitled.csv');
    expect(toSafeFileName('a\u0000b', 'csv', 'x')).toBe('a_b.csv');
    expect(isSafeFileName(toSafeFileName('x'.repeat(500), 'png'))).toBe(true);
  });
});
