import { describe, expect, it } from 'vitest';
import { Kind, guessColumn, parseCell, toHalfWidth } from './values';

const days = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe('parseCell', () => {
  it('cleans numbers: thousands separators, percentages, full-width digits', () => {
    expect(parseCell('1,234,567')).toEqual({ kind: Kind.Integer, value: 1234567, percent: false });
    expect(parseCell(' 12.5% ')).toEqual({ kind: Kind.Double, value: 12.5, percent: true });
    expect(parseCell('１２３．５')).toMatchObject({ kind: Kind.Double, value: 123.5 });
    expect(parseCell('-7')).toMatchObject({ kind: Kind.Integer, value: -7 });
    expect(parseCell(3.25)).toMatchObject({ kind: Kind.Double, value: 3.25 });
    expect(toHalfWidth('２０１４')).toBe('2014');
  });

  it('treats the usual missing-value marks as missing', () => {
    for (const m of ['', ' ', '—', '——', '…', '-', '－', '...', 'NA', null]) expect(parseCell(m).kind).toBe(Kind.Missing);
  });

  it('reads Chinese and ISO dates, and years as integers', () => {
    expect(parseCell('2013年6月')).toEqual({ kind: Kind.Date, value: days('2013-06-01') });
    expect(parseCell('2014年末')).toEqual({ kind: Kind.Date, value: days('2014-12-31') });
    expect(parseCell('2014-06')).toEqual({ kind: Kind.Date, value: days('2014-06-01') });
    expect(parseCell('2014/6/30')).toEqual({ kind: Kind.Date, value: days('2014-06-30') });
    expect(parseCell('2014年6月30日')).toEqual({ kind: Kind.Date, value: days('2014-06-30') });
    expect(parseCell('2014年')).toMatchObject({ kind: Kind.Integer, value: 2014 });
    expect(parseCell('2014-02-30').kind).toBe(Kind.Text);
  });

  it('reads booleans and leaves other text as text', () => {
    expect(parseCell('TRUE')).toEqual({ kind: Kind.Boolean, value: 1 });
    expect(parseCell(false)).toEqual({ kind: Kind.Boolean, value: 0 });
    expect(parseCell('社会团体').kind).toBe(Kind.Text);
  });
});

describe('guessColumn', () => {
  it('picks the narrowest type that fits every value', () => {
    expect(guessColumn(['2013', '2014', null], 'y').type).toBe('integer');
    expect(guessColumn(['1', '2.5'], 'x').type).toBe('double');
    expect(guessColumn(['3000000000'], 'x').type).toBe('double');
    expect(guessColumn(['0101', '0202'], 'code').type).toBe('string');
    expect(guessColumn(['0', '0.5', '-0.25'], 'x').type).toBe('double');
    expect(guessColumn(['2013年6月', '2014年末'], 'd').type).toBe('date');
    expect(guessColumn(['true', 'false'], 'b').type).toBe('boolean');
    expect(guessColumn(['—', null], 'e').type).toBe('string');
  });

  it('calls a half-numeric column text and says so', () => {
    expect(guessColumn(['1', '2', 'x', 'y'], '混合')).toEqual({ type: 'string', percent: false, warning: { key: 'import.warn.mixedTypes', params: { column: '混合' } } });
    expect(guessColumn(['2013-01-01', '5'], 'm').warning?.key).toBe('import.warn.mixedTypes');
  });
});
