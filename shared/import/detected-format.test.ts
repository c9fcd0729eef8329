import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { translator } from '../i18n';
import { detectedFormat, detectedMismatch } from './detected-format';
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
