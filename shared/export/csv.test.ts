import { describe, expect, it } from 'vitest';
import { csvCell, neutraliseFormula, toCsv } from './csv';

describe('csv', () => {
  it('quotes per RFC 4180 and keeps CRLF by default', () => {
    expect(toCsv(['名称', '备注'], [['a,b', 'say "hi"'], ['多\n行', '']])).toBe('名称,备注\r\n"a,b","say ""hi"""\r\n"多\n行",\r\n');
    expect(toCsv(['x'], [['1']], { lineEnding: '\n' })).toBe('x\n1\n');
  });

  it('neutralises =, +, -, @, tab and CR at the start, but not plain signed numbers', () => {
    for (const v of ['=1+1', '+cmd|calc', '-A1', '@SUM(A1)', '\tx', '\rx']) expect(neutraliseFormula(v)).toBe(`'${v}`);
    for (const v of ['-12', '+3.5', '-1e5', '社会团体', '']) expect(neutraliseFormula(v)).toBe(v);
    expect(csvCell('=1', { neutraliseFormulas: true })).toBe("'=1");
    expect(csvCell('=1')).toBe('=1');
    expect(csvCell('=a,b', { neutraliseFormulas: true })).toBe(`"'=a,b"`);
  });
});
