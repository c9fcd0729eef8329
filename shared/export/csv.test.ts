import { describe, expect, it } from 'vitest';
import { csvCell, csvLine, neutraliseFormula, toCsv } from './csv';

describe('csv', () => {
  it('quotes per RFC 4180 and keeps CRLF by default', () => {
    expect(toCsv(['名称', '备注'], [['a,b', 'say "hi"'], ['多\n行', '']])).toBe('名称,备注\r\n"a,b","say ""hi"""\r\n"多\n行",\r\n');
    expect(toCsv(['x'], [['1']], { lineEnding: '\n' })).toBe('x\n1\n');
  });

  it('neutralises =, +, -, @, tab and CR at the start, but not plain signed numbers', () => {
    for (const v of ['=1+1', '+cmd|calc', '-A1', '@SUM(A1)', '\tx', '\rx', '-2+3', '+1+1', '-Infinity']) expect(neutraliseFormula(v)).toBe(`'${v}`);
    for (const v of ['-12', '+3.5', '-3.5', '+2', '-1e5', '1e-3', '-1E-7', '社会团体', '', 'a=b']) expect(neutraliseFormula(v)).toBe(v);
  });

  it('always guards: every cell of every line, quoting after the apostrophe', () => {
    expect(csvCell('=1')).toBe("'=1");
    expect(csvCell('=a,b')).toBe(`"'=a,b"`);
    expect(csvCell('\rx')).toBe(`"'\rx"`);
    expect(csvLine(['=HYPERLINK("http://x","y")', '-3.5', '@SUM(A1)'])).toBe(`"'=HYPERLINK(""http://x"",""y"")",-3.5,'@SUM(A1)`);
    expect(toCsv(['=h'], [['+1+1']], { lineEnding: '\n' })).toBe("'=h\n'+1+1\n");
  });
});
