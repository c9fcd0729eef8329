import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { translator } from '../i18n';
import { detectedFormat, detectedMismatch, formatName } from './detected-format';
import { analyzeFile } from './pipeline';

const zh = translator('zh-CN');
const en = translator('en');
const fixture = (name: string) => new Uint8Array(readFileSync(path.resolve(__dirname, '../../tests/fixtures/formats', name)));

describe('the detected format, in words, and whether the extension agrees', () => {
  it.each([
    ['sheet.slk', '导出.csv', 'SYLK 电子表格', '检测为：SYLK 电子表格（扩展名 .csv）'],
    ['sheet.html', '报表.xls', 'HTML 表格', '检测为：HTML 表格（扩展名 .xls）'],
    ['biff8.xls', '数据', 'Excel 97–2003 工作簿（.xls）', '检测为：Excel 97–2003 工作簿（.xls）（无扩展名）'],
    ['sheet.ods', 'sheet.ods', 'Excel 工作簿（.xlsx/.xlsb）或 OpenDocument 电子表格（.ods）', null],
    ['spreadsheetml.xml', 'book.xml', 'Excel 2003 XML 电子表格', null],
    ['lotus.wk1', 'old.WK1', 'Lotus 1-2-3 / Quattro Pro 电子表格', null],
  ])('%s named %s', async (file, name, format, mismatch) => {
    const { source } = await analyzeFile(fixture(file), name);
    expect(detectedFormat(source, zh)?.name).toBe(format);
    expect(detectedMismatch(source, zh)).toBe(mismatch);
  });

  it('says it in English too, and plain CSV under its own name raises nothing', async () => {
    const { source } = await analyzeFile(fixture('sheet.dif'), 'x.txt');
    expect(detectedMismatch(source, en)).toBe('Detected as: DIF (Data Interchange Format) (extension .txt)');
    const csv = await analyzeFile(new TextEncoder().encode('a,b\n1,2\n'), 'a.csv');
    expect([detectedFormat(csv.source, en)?.name, detectedMismatch(csv.source, en)]).toEqual(['delimited text (CSV/TSV)', null]);
  });
});

describe('the format the card’s 格式 line names (formatName)', () => {
  /** A one-sheet workbook written by SheetJS in its own format (a real xlsx/xlsb/ods/xls as Excel reads it). */
  const written = (bookType: XLSX.BookType) => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['地区', '数量'], ['北京', 1]]), 'S');
    return new Uint8Array(XLSX.write(wb, { bookType, type: 'array' }) as ArrayBuffer);
  };
  /**
   * SheetJS's xlsm with the workbook part's content type set to `type`, and a macro project beside it (its bytes
   * are no VBA at all: nothing reads them, as nothing runs macros).
   */
  const macroBook = (type: string) => {
    const files = unzipSync(written('xlsm'));
    const types = strFromU8(files['[Content_Types].xml']).replace('application/vnd.ms-excel.sheet.macroEnabled.main+xml', type);
    return zipSync({ ...files, '[Content_Types].xml': strToU8(types), 'xl/vbaProject.bin': strToU8('not VBA: never read') });
  };
  it.each([
    ['XLSX', () => written('xlsx'), 'a.xlsx'],
    ['XLSM', () => macroBook('application/vnd.ms-excel.sheet.macroEnabled.main+xml'), 'a.xlsm'],
    ['XLSM', () => macroBook('application/vnd.ms-excel.sheet.macroEnabled.main+xml'), '改名.xlsx'],
    ['XLTX', () => macroBook('application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml'), 'a.xltx'],
    ['XLTM', () => macroBook('application/vnd.ms-excel.template.macroEnabled.main+xml'), 'a.xltm'],
    ['XLAM', () => macroBook('application/vnd.ms-excel.addin.macroEnabled.main+xml'), 'a.xlam'],
    ['XLSB', () => fixture('sheet.xlsb'), 'sheet.xlsb'],
    ['XLSB', () => written('xlsb'), '改名.xlsx'],
    ['ODS', () => fixture('sheet.ods'), 'sheet.ods'],
    ['XLS', () => fixture('biff8.xls'), 'biff8.xls'],
    ['XLS', () => fixture('biff5.xls'), 'biff5.xls'],
    ['XLS', () => fixture('biff2.xls'), 'biff2.xls'],
    ['SYLK', () => fixture('sheet.slk'), '导出.csv'],
    ['DBF', () => fixture('table.dbf'), 'table.dbf'],
    ['DIF', () => fixture('sheet.dif'), 'sheet.dif'],
    ['FODS', () => fixture('sheet.fods'), 'sheet.fods'],
    ['HTML', () => fixture('sheet.html'), '报表.xls'],
    ['Excel 2003 XML', () => fixture('spreadsheetml.xml'), 'book.xml'],
    ['Lotus 1-2-3', () => fixture('lotus.wk3'), 'lotus.wk3'],
    ['PRN', () => fixture('sheet.prn'), 'sheet.prn'],
    ['CSV', () => new TextEncoder().encode('a,b\n1,2\n'), 'a.csv'],
    ['TSV', () => new TextEncoder().encode('a\tb\n1\t2\n'), 'a.txt'],
    ['JSON', () => new TextEncoder().encode('[{"a":1}]'), 'a.json'],
  ])('%s (%#)', async (expected, bytes, name) => {
    const { source } = await analyzeFile(bytes(), name);
    expect(formatName(source, zh)).toBe(expected);
    expect(zh('import.format', { format: formatName(source, zh) })).toBe(`格式：${expected}`);
  });

  it('says it in English too', () => {
    expect(en('import.format', { format: formatName({ format: 'xlsx', detected: 'zip (xlsx/xlsb/ods)', book: 'ods' }, en) })).toBe('Format: ODS');
    expect(formatName({ format: 'xlsx', detected: 'OLE (xls/BIFF5–8)' }, en)).toBe('XLS');
    expect(formatName({ format: 'parquet' }, en)).toBe('Parquet');
    expect(en('import.format', { format: formatName({ format: 'xlsx', detected: 'zip (xlsx/xlsb/ods)', book: 'xlsm' }, en) })).toBe('Format: XLSM');
  });

  it('reads a macro-enabled workbook’s cells and leaves its extension unremarked', async () => {
    const bytes = macroBook('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
    const { source, tables } = await analyzeFile(bytes, '宏.xlsm');
    expect(tables[0].data).toEqual([['北京'], [1]]);
    expect(detectedMismatch(source, zh)).toBeNull();
    expect((await analyzeFile(macroBook('application/vnd.ms-excel.addin.macroEnabled.main+xml'), 'a.xlam')).source.book).toBe('xlam');
  });
});
