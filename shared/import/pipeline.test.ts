import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeFile, checkSize, detectFormat, importFile, previewRows, suggestTableName, MAX_IMPORT_BYTES } from './pipeline';
import * as XLSX from '@e965/xlsx';
import { ImportError } from './types';

const fixture = (name: string) => new Uint8Array(readFileSync(path.resolve(__dirname, '../../tests/fixtures/import', name)));
const analyze = (name: string, opts = {}) => analyzeFile(fixture(name), name, opts);
const failure = async (p: Promise<unknown>) => {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ImportError);
    return { key: (e as ImportError).key, params: (e as ImportError).params };
  }
  throw new Error('expected an ImportError');
};

describe('CSV and text files', () => {
  it('reads a GBK CSV with Chinese headers, a quoted line break, thousands separators and missing marks', async () => {
    const { source, tables } = await analyze('gbk.csv');
    expect(source).toMatchObject({ format: 'csv', encoding: 'gb18030', delimiter: ',' });
    const [t] = tables;
    expect(t.columns).toEqual([
      { name: '地区', type: 'string' },
      { name: '年份', type: 'integer' },
      { name: '社会组织数', type: 'integer' },
      { name: '增长率', type: 'double', unit: '%' },
      { name: '备注', type: 'string' },
    ]);
    expect(previewRows(t)).toEqual([
      ['上海', '2013', '11924', '5.2', ''],
      ['北京', '2013', '9850', '4.8', '首都功能核心区\r\n含东城、西城'],
      ['广东', '2014', '15332', '6.1', ''],
      ['浙江', '2014', '', '', '数据缺失'],
    ]);
  });

  it('reads Big5 when asked, and sniffs semicolons', async () => {
    const { source, tables } = await analyze('big5.csv', { encoding: 'big5' });
    expect(source).toMatchObject({ encoding: 'big5', delimiter: ';' });
    expect(tables[0].columns.map((c) => c.name)).toEqual(['縣市', '年度', '志工人數']);
    expect(previewRows(tables[0])[0]).toEqual(['臺北市', '2013', '12000']);
  });

  it('reads UTF-16 with a BOM, tab separated, with full-width digits and 2014年 years', async () => {
    const { source, tables } = await analyze('utf16.txt');
    expect(source).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect(tables[0].columns.map((c) => c.type)).toEqual(['string', 'integer', 'integer']);
    expect(previewRows(tables[0])).toEqual([
      ['江苏', '2014', '1234'],
      ['四川', '2014', '987'],
    ]);
  });

  it('reports ragged rows, blank and duplicate headers', async () => {
    const ragged = (await analyze('ragged.csv')).tables[0];
    expect(ragged.warnings).toEqual([{ key: 'import.warn.ragged', params: { count: 2, lines: '3, 4', width: 3 } }]);
    expect(ragged.rowCount).toBe(4);
    const dup = (await analyze('dup-headers.csv')).tables[0];
    expect(dup.columns.map((c) => c.name)).toEqual(['名称', '列2', '名称_2', '数量']);
    expect(dup.warnings.map((w) => w.key)).toEqual(['import.warn.blankHeader', 'import.warn.duplicateHeader']);
  });

  it('refuses empty, binary and badly quoted files with a reason', async () => {
    expect(await failure(analyze('empty.csv'))).toMatchObject({ key: 'import.err.empty' });
    expect(await failure(analyze('garbage.csv'))).toMatchObject({ key: 'import.err.binary' });
    expect(await failure(analyze('unclosed.csv'))).toEqual({ key: 'import.err.badCsv', params: { line: 2 } });
  });

  it('applies column overrides', async () => {
    const { tables } = await analyze('gbk.csv', { columns: [{ name: '省份' }, { type: 'string' }, undefined, undefined, { name: '省份' }] });
    expect(tables[0].columns.slice(0, 2)).toEqual([
      { name: '省份', type: 'string' },
      { name: '年份', type: 'string' },
    ]);
    expect(tables[0].columns[4].name).toBe('省份_2');
  });
});

describe('number-looking cells in a text column keep their exact text', () => {
  it('-0, a 16-digit number, a tiny decimal and codes come back as written; the numeric column reads its values', async () => {
    const cells = ['-0', '9999999999999999', '0.0000001', '1234567890123456789', '0012', '91110000600037341L', 'abc', '-12.5'];
    const csv = `code,n\n${cells.map((c, i) => `${c},${i === 0 ? '-0' : i}`).join('\n')}\n`;
    const { tables } = await importFile(new TextEncoder().encode(csv), 'codes.csv');
    const rows = tables[0].arrow.toArray().map((r) => r.toJSON() as { code: string; n: number });
    expect(rows.map((r) => r.code)).toEqual(cells);
    // An integer column has no -0: it reads 0.
    expect(rows.map((r) => r.n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('workbooks', () => {
  it('lists sheets and lays out a yearbook sheet', async () => {
    const { source, tables } = await analyze('yearbook.xlsx');
    expect(source.sheets).toEqual([
      { name: '社会组织', empty: false },
      { name: '按年份', empty: false },
      { name: '空表', empty: true },
    ]);
    const [t] = tables;
    expect(t.sheet).toBe('社会组织');
    expect(t.titles).toEqual(['表 5-3  各地区社会组织基本情况（2014年）', '单位：个']);
    expect([t.headerRow, t.headerRows]).toEqual([3, 2]);
    expect(t.columns).toEqual([
      { name: '地区', type: 'string' },
      { name: '社会组织_合计', type: 'integer', unit: '个', path: ['社会组织', '合计'] },
      { name: '社会组织_社会团体', type: 'integer', unit: '个', path: ['社会组织', '社会团体'] },
      { name: '社会组织_基金会', type: 'integer', unit: '个', path: ['社会组织', '基金会'] },
      { name: '从业人员', type: 'double', unit: '万人' },
    ]);
    expect(t.notes).toEqual(['注：本表数据不含港澳台地区。', '资料来源：《中国民政统计年鉴2015》']);
    expect(previewRows(t)).toEqual([
      ['全国', '606048', '309736', '4117', '682.3'],
      ['北京', '9850', '4197', '', '12.1'],
      ['上海', '11924', '4000', '300', '15.6'],
      ['西藏', '578', '', '', '0.4'],
    ]);
  });

  it('imports several sheets and unpivots years as columns', async () => {
    const { tables } = await analyze('yearbook.xlsx', { sheets: ['按年份'], unpivot: true });
    const [t] = tables;
    expect(t.columns).toEqual([
      { name: '类型', type: 'string' },
      { name: '年份', type: 'integer' },
      { name: '数值', type: 'integer' },
    ]);
    expect(t.rowCount).toBe(10);
    expect(previewRows(t).slice(0, 2)).toEqual([
      ['社会团体', '2010', '245256'],
      ['社会团体', '2011', '254969'],
    ]);
    const both = await analyze('yearbook.xlsx', { sheets: ['社会组织', '按年份'] });
    expect(both.tables.map((x) => [x.sheet, x.yearColumns])).toEqual([
      ['社会组织', 0],
      ['按年份', 5],
    ]);
  });

  it('reads real date cells and typed numbers from a workbook', async () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['日期', '金额（亿元）', '是否'],
      [new Date(Date.UTC(2014, 5, 30)), 1.25, true],
      [new Date(Date.UTC(2014, 11, 31)), 2, false],
    ]);
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, 'S');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }));
    const { tables } = await analyzeFile(bytes, 'd.xlsx');
    expect(tables[0].columns).toEqual([
      { name: '日期', type: 'date' },
      { name: '金额', type: 'double', unit: '亿元' },
      { name: '是否', type: 'boolean' },
    ]);
    expect(previewRows(tables[0])).toEqual([
      ['2014-06-30', '1.25', 'true'],
      ['2014-12-31', '2', 'false'],
    ]);
  });

  it('explains empty sheets, missing sheets, truncated, encrypted and fake workbooks', async () => {
    expect(await failure(analyze('yearbook.xlsx', { sheets: ['空表'] }))).toMatchObject({ key: 'import.err.emptySheet' });
    expect(await failure(analyze('yearbook.xlsx', { sheets: ['无此表'] }))).toMatchObject({ key: 'import.err.noSheet' });
    expect(await failure(analyze('truncated.xlsx'))).toMatchObject({ key: 'import.err.badWorkbook' });
    expect(await failure(analyze('encrypted.xlsx'))).toMatchObject({ key: 'import.err.encrypted' });
    expect(await failure(analyze('not-excel.xlsx'))).toMatchObject({ key: 'import.err.badWorkbook' });
    expect(await failure(analyze('gbk.csv', { unpivot: true }))).toMatchObject({ key: 'import.err.noYearColumns' });
  });
});

describe('JSON, Parquet, Arrow', () => {
  it('reads an array of objects and NDJSON alike', async () => {
    for (const name of ['records.json', 'records.ndjson']) {
      const { source, tables } = await analyze(name);
      expect(source.format).toBe('json');
      expect(tables[0].columns.map((c) => [c.name, c.type])).toEqual([
        ['地区', 'string'],
        ['年份', 'integer'],
        ['数量', 'integer'],
        ['日期', 'date'],
      ]);
      expect(previewRows(tables[0])[1]).toEqual(['北京', '2014', '', '2014-12-31']);
    }
    expect(await failure(analyze('bad.json'))).toMatchObject({ key: 'import.err.badJson' });
  });

  it.each(['zstd', 'gzip', 'brotli', 'lz4_raw'])('reads Parquet compressed with %s', async (codec) => {
    const pq = await analyze(`records-${codec}.parquet`);
    expect(pq.tables[0].columns.map((c) => [c.name, c.type])).toEqual([
      ['地区', 'string'],
      ['年份', 'integer'],
      ['数量', 'double'],
    ]);
    expect(previewRows(pq.tables[0])).toEqual([
      ['上海', '2013', '11924.5'],
      ['北京', '2014', ''],
      ['广东', '2014', '15332'],
    ]);
  });

  it('reads Parquet with hyparquet and Arrow IPC files', async () => {
    const pq = await analyze('records.parquet');
    expect(pq.source.format).toBe('parquet');
    expect(pq.tables[0].columns.map((c) => c.type)).toEqual(['string', 'integer', 'double']);
    expect(previewRows(pq.tables[0])[1]).toEqual(['北京', '2014', '']);
    const arrow = await analyze('records.arrow');
    expect(arrow.source.format).toBe('arrow');
    expect(previewRows(arrow.tables[0])).toEqual([
      ['上海', '1.5'],
      ['北京', '2'],
    ]);
  });
});

describe('guards and names', () => {
  it('detects formats by content before extension', () => {
    expect(detectFormat(fixture('yearbook.xlsx'), 'renamed.csv')).toBe('xlsx');
    expect(detectFormat(fixture('records.parquet'), 'x.bin')).toBe('parquet');
    expect(detectFormat(fixture('records.arrow'), 'x')).toBe('arrow');
    expect(detectFormat(new Uint8Array([0x61]), 'a.ndjson')).toBe('json');
    expect(detectFormat(new Uint8Array([0x61]), 'a.txt')).toBe('csv');
  });

  it('refuses files too large for memory before reading them', () => {
    expect(() => checkSize(MAX_IMPORT_BYTES.csv + 1, 'csv')).toThrow(expect.objectContaining({ key: 'import.err.tooLarge', params: { size: 513, limit: 512 } }));
    expect(() => checkSize(1000, 'xlsx')).not.toThrow();
  });

  it('suggests safe table names', () => {
    expect(suggestTableName('2014年 社会组织.csv')).toBe('t_2014年_社会组织');
    expect(suggestTableName('yearbook.xlsx', '按年份')).toBe('yearbook_按年份');
  });

  it('builds an Arrow IPC stream with units in field metadata', async () => {
    const { tables } = await importFile(fixture('yearbook.xlsx'), 'yearbook.xlsx');
    expect(tables[0].ipc).toHaveLength(1);
    expect(tables[0].ipc[0].byteLength).toBeGreaterThan(0);
    expect(tables[0].arrow.schema.fields[4].metadata.get('unit')).toBe('万人');
  });
});
