import { describe, expect, it } from 'vitest';
import { formatCompact, formatNumber } from './number';

describe('formatCompact', () => {
  it('uses 万 and 亿 in Chinese', () => {
    expect(formatCompact(12345)).toBe('1.23万');
    expect(formatCompact(200300)).toBe('20.03万');
    expect(formatCompact(310_000_000)).toBe('3.1亿');
    expect(formatCompact(-45_000)).toBe('-4.5万');
    expect(formatCompact(9999)).toBe('9,999');
    expect(formatCompact(0.456)).toBe('0.46');
    expect(formatCompact(2.5e12)).toBe('2.5万亿');
  });
  it('uses K/M/B in English', () => {
    expect(formatCompact(12345, 'en')).toBe('12.35K');
    expect(formatCompact(310_000_000, 'en')).toBe('310M');
  });
  it('passes non-finite values through', () => {
    expect(formatCompact(Number.NaN)).toBe('NaN');
  });
});

describe('formatNumber', () => {
  it('groups thousands and keeps decimals', () => {
    expect(formatNumber(1234567.5)).toBe('1,234,567.5');
    expect(formatNumber(1234567.5, 'en', 0)).toBe('1,234,568');
  });
});
