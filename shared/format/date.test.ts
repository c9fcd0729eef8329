import { describe, expect, it } from 'vitest';
import { formatDate } from './date';

const at = new Date('2026-12-01T08:57:07Z');

describe('formatDate: the UI language decides the format', () => {
  it('writes a time on the 24-hour clock in Chinese and with AM/PM in English', () => {
    expect(formatDate(at, 'zh-CN', 'time', 'UTC')).toBe('08:57:07');
    expect(formatDate(at, 'en', 'time', 'UTC')).toBe('8:57:07 AM');
    expect(formatDate(new Date('2026-12-01T20:05:00Z'), 'zh-CN', 'time', 'UTC')).toBe('20:05:00');
    expect(formatDate(new Date('2026-12-01T20:05:00Z'), 'en', 'time', 'UTC')).toBe('8:05:00 PM');
  });
  it('writes dates and date-times in each language', () => {
    expect(formatDate(at, 'zh-CN', 'date', 'UTC')).toBe('2026/12/01');
    expect(formatDate(at, 'en', 'date', 'UTC')).toBe('12/01/2026');
    expect(formatDate('2026-12-01T08:57:07Z', 'zh-CN', 'datetime', 'UTC')).toBe('2026/12/01 08:57');
    expect(formatDate(at.getTime(), 'en', 'datetime', 'UTC')).toBe('12/01/2026, 8:57 AM');
  });
  it('follows the time zone it is given', () => {
    expect(formatDate(at, 'zh-CN', 'time', 'Asia/Shanghai')).toBe('16:57:07');
  });
  it('gives empty text for a value that is no time, never "Invalid Date"', () => {
    expect(formatDate('', 'zh-CN')).toBe('');
    expect(formatDate('not a time', 'en', 'time')).toBe('');
  });
});
