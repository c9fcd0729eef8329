import { describe, expect, it } from 'vitest';
import { CsvParseError, parseCsv } from './csv-parse';

describe('parseCsv', () => {
  it('parses plain records', () => {
    expect(parseCsv('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
  });

  it('accepts a missing final line break and keeps fields untrimmed', () => {
    expect(parseCsv('x, y ,z\n1,2,3')).toEqual([
      ['x', ' y ', 'z'],
      ['1', '2', '3'],
    ]);
  });

  it('handles CRLF, LF and lone CR record separators', () => {
    expect(parseCsv('a,b\r\n1,2\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a\rb\nc\r\nd')).toEqual([['a'], ['b'], ['c'], ['d']]);
  });

  it('handles quoted fields with commas, doubled quotes and line breaks', () => {
    const text = 'id,quote\r\n1,"上海注册社会组织共有 11924 家,其中"\r\n2,"他说""你好"""\r\n3,"第一行\r\n第二行\n第三行"\r\n';
    expect(parseCsv(text)).toEqual([
      ['id', 'quote'],
      ['1', '上海注册社会组织共有 11924 家,其中'],
      ['2', '他说"你好"'],
      ['3', '第一行\r\n第二行\n第三行'],
    ]);
  });

  it('keeps empty fields, including quoted empty and trailing ones', () => {
    expect(parseCsv(',,\n"",x,\n')).toEqual([
      ['', '', ''],
      ['', 'x', ''],
    ]);
    expect(parseCsv('a,')).toEqual([['a', '']]);
  });

  it('drops a leading BOM', () => {
    expect(parseCsv('\uFEFF地区,年份\n上海,2013\n')).toEqual([
      ['地区', '年份'],
      ['上海', '2013'],
    ]);
  });

  it('treats quotes inside an unquoted field literally', () => {
    expect(parseCsv('a"b,c\n')).toEqual([['a"b', 'c']]);
  });

  it('returns no records for empty input and one empty field for a blank line', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\uFEFF')).toEqual([]);
    expect(parseCsv('a\n\nb\n')).toEqual([['a'], [''], ['b']]);
  });

  it('rejects an unterminated quoted field, reporting the line it opened on', () => {
    expect(() => parseCsv('a,b\n1,"open\nmore')).toThrow(CsvParseError);
    try {
      parseCsv('a,b\n1,"open\nmore');
    } catch (e) {
      expect((e as CsvParseError).line).toBe(2);
    }
  });

  it('rejects text after a closing quote', () => {
    expect(() => parseCsv('"a"b,c\n')).toThrow(/after a closing quote/);
  });

  it('round-trips fields written with RFC 4180 quoting', () => {
    const rows = [
      ['plain', 'with,comma', 'with "quote"', 'multi\nline', ''],
      ['数字', '20.03 万人', '“中文引号”', 'crlf\r\ninside', 'end'],
    ];
    const quote = (f: string) => (/[",\r\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f);
    const text = rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
    expect(parseCsv(text)).toEqual(rows);
  });
});
