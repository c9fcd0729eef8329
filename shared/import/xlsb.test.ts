import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { translator } from '../i18n';
import { importMessage } from './messages';
import { analyzeFile, toArrow } from './pipeline';

/** An .xlsb written by SheetJS from rows (the quirks are in the cells, not in the writer). */
function xlsb(rows: unknown[][]): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), '数据');
  return new Uint8Array(XLSX.write(wb, { bookType: 'xlsb', type: 'array' }) as ArrayBuffer);
}

const zh = translator('zh-CN');
const en = translator('en');

describe('.xlsb quirks', () => {
  it('cells right of the header are kept under generated names, and the preview says so', async () => {
    const bytes = xlsb([
      ['地区', '数量'],
      ['北京', 12, '备注甲', 7.5],
      ['上海', 3.5, null, 8],
      ['广东', 20],
    ]);
    const { tables } = await analyzeFile(bytes, '社会组织.xlsb');
    const t = tables[0];
    expect(t.columns.map((c) => [c.name, c.type])).toEqual([
      ['地区', 'string'],
      ['数量', 'double'],
      ['列3', 'string'],
      ['列4', 'double'],
    ]);
    expect(t.data).toEqual([
      ['北京', '上海', '广东'],
      [12, 3.5, 20],
      ['备注甲', null, null],
      [7.5, 8, null],
    ]);
    const messages = t.warnings.map((w) => importMessage(w, zh));
    expect(messages).toEqual(['表头右侧还有 2 列数据没有列名，已保留并命名为 列3、列4。']);
    expect(t.warnings.map((w) => importMessage(w, en))).toEqual(['2 column(s) of data right of the header had no name; kept as 列3、列4.']);
    // What lands in the table: every value.
    const arrow = toArrow(t).arrow;
    expect(arrow.getChild('列4')!.toArray()).toEqual(new Float64Array([7.5, 8, 0]));
    expect(arrow.getChild('列4')!.get(2)).toBeNull();
  });

  it('a header row repeated in the data (a report printed page by page) is dropped with a notice', async () => {
    const bytes = xlsb([
      ['地区', '年份', '数量'],
      ['北京', 2014, 12],
      ['上海', 2014, 3],
      ['地区', '年份', '数量'],
      ['广东', 2014, 20],
      ['地区', '年份', '数量'],
      ['浙江', 2015, 8],
    ]);
    const { tables } = await analyzeFile(bytes, '分页.xlsb');
    const t = tables[0];
    expect(t.columns.map((c) => [c.name, c.type])).toEqual([
      ['地区', 'string'],
      ['年份', 'integer'],
      ['数量', 'integer'],
    ]);
    expect(t.data).toEqual([
      ['北京', '上海', '广东', '浙江'],
      [2014, 2014, 2014, 2015],
      [12, 3, 20, 8],
    ]);
    expect(t.warnings.map((w) => importMessage(w, zh))).toEqual(['数据中有 2 行重复了表头（行号：4, 6），已去掉。']);
  });

  it('a row that only shares some header words is data', async () => {
    const { tables } = await analyzeFile(
      xlsb([
        ['地区', '类型', '数量'],
        ['北京', '社会团体', 5],
        ['地区', '类型', 3],
      ]),
      'x.xlsb',
    );
    expect(tables[0].data).toEqual([['北京', '地区'], ['社会团体', '类型'], [5, 3]]);
    expect(tables[0].warnings).toEqual([]);
  });
});
