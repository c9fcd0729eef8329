import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedWidthGrid } from './fixed-width';
import { analyzeFile } from './pipeline';

const gbk = (s: string) => {
  // GB18030 bytes as a Chinese PRN from WPS/Excel would hold them (two bytes, two columns per character).
  const table: Record<string, number[]> = { 地: [0xb5, 0xd8], 区: [0xc7, 0xf8], 北: [0xb1, 0xb1], 京: [0xbe, 0xa9], 上: [0xc9, 0xcf], 海: [0xba, 0xa3], 数: [0xca, 0xfd], 量: [0xc1, 0xbf], 社: [0xc9, 0xe7], 会: [0xbb, 0xe1], 组: [0xd7, 0xe9], 织: [0xd6, 0xaf] };
  return Uint8Array.from([...s].flatMap((ch) => table[ch] ?? [ch.charCodeAt(0)]));
};

describe('PRN (space-aligned text) is read into its columns', () => {
  it('the file SheetJS writes: 10-wide columns, a header name cut short against the next one', async () => {
    const bytes = new Uint8Array(readFileSync(path.resolve(__dirname, '../../tests/fixtures/formats/sheet.prn')));
    const { source, tables } = await analyzeFile(bytes, 'sheet.prn');
    expect(source.format).toBe('csv');
    // PRN keeps at most 10 characters of a name: the cut is the format's own.
    expect(tables[0].columns.map((c) => [c.name, c.type])).toEqual([
      ['region', 'string'],
      ['äøéöwithCo', 'string'],
      ['count', 'double'],
    ]);
    expect(tables[0].data).toEqual([['north', 'south'], ['Straße', 'café'], [12, 3.5]]);
  });

  it('Chinese in GB18030, columns measured in display width, right-aligned numbers under a wider header, a blank cell', async () => {
    const text = ['地区      社会组织      数量', '北京          1200        12', '上海                     3.5', '', '海区          30          7'].join('\r\n');
    const { source, tables } = await analyzeFile(gbk(text), '统计.prn');
    expect(source.encoding).toBe('gb18030');
    expect(tables[0].columns.map((c) => c.name)).toEqual(['地区', '社会组织', '数量']);
    expect(tables[0].data).toEqual([
      ['北京', '上海', '海区'],
      [1200, null, 30],
      [12, 3.5, 7],
    ]);
  });

  it('cuts by position, so values with single spaces stay whole', () => {
    const { rows } = fixedWidthGrid('name        city\nJohn Smith  New York\nAnn Lee     Paris\n');
    expect(rows).toEqual([
      ['name', 'city'],
      ['John Smith', 'New York'],
      ['Ann Lee', 'Paris'],
    ]);
  });

  it('a .prn holding tabs, or a chosen delimiter, is read as delimited text', async () => {
    const tabbed = new TextEncoder().encode('a\tb c\n1\t2 3\n');
    expect((await analyzeFile(tabbed, 'x.prn')).tables[0].columns.map((c) => c.name)).toEqual(['a', 'b c']);
    const spaced = new TextEncoder().encode('a;b\n1;2\n');
    expect((await analyzeFile(spaced, 'x.prn', { delimiter: ';' })).tables[0].columns.map((c) => c.name)).toEqual(['a', 'b']);
  });
});
