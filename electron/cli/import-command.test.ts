import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { importFile } from '../../shared/import/pipeline';
import { describe, expect, it } from 'vitest';
import { sgw, tempDir } from '../../tests/fixtures/cli';

const fixture = (name: string) => path.resolve(__dirname, '../../tests/fixtures/import', name);
const tmp = tempDir('sgw-import-');

describe('sgw import', () => {
  it('prints what it detected and the schema as JSON', async () => {
    const r = await sgw('import', fixture('gbk.csv'), '--format', 'json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ file: 'gbk.csv', format: 'csv', encoding: 'gb18030', delimiter: ',', written: [] });
    expect(j.tables[0]).toMatchObject({ name: 'gbk', sheet: null, rows: 4, headerRow: 1, headerRows: 1, warnings: [] });
    // Old fields (name, type, unit) plus the header path, year and role of each column.
    const col = (name: string, type: string, unit: string | null) => ({ name, type, unit, path: [name], year: null, role: null });
    expect(j.tables[0].columns).toEqual([
      col('地区', 'VARCHAR', null),
      col('年份', 'INTEGER', null),
      col('社会组织数', 'INTEGER', null),
      col('增长率', 'DOUBLE', '%'),
      col('备注', 'VARCHAR', null),
    ]);
  });

  it('reads a yearbook sheet, unpivots, and writes CSV and Parquet', async () => {
    const text = await sgw('import', fixture('yearbook.xlsx'));
    expect(text.out).toContain('社会组织_合计');
    expect(text.out).toContain('注：本表数据不含港澳台地区。');
    const csv = path.join(tmp.path, 'long.csv');
    const r = await sgw('import', fixture('yearbook.xlsx'), '--sheet', '按年份', '--unpivot', '--out', csv, '--format=json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).written).toEqual([csv]);
    const lines = (await readFile(csv, 'utf8')).trim().split('\n');
    expect(lines.slice(0, 2)).toEqual(['类型,年份,数值', '社会团体,2010,245256']);
    expect(lines).toHaveLength(11);
    const pq = path.join(tmp.path, 'orgs.parquet');
    expect((await sgw('import', fixture('gbk.csv'), '--out', pq)).code).toBe(0);
    const buf = await readFile(pq);
    // Read back by parquet-wasm (the app's Parquet reader), a different implementation from the writer.
    const [back] = (await importFile(new Uint8Array(buf), 'orgs.parquet')).tables;
    expect(back.arrow.get(2)?.toJSON()).toEqual({ 地区: '广东', 年份: 2014, 社会组织数: 15332, 增长率: 6.1, 备注: null });
  });

  it('--type N=bigint imports column N as BIGINT (the preview\'s 大整数), exact in CSV and Parquet out; a bad --type is a usage error', async () => {
    const csv = path.join(tmp.path, 'ids.csv');
    await writeFile(csv, '编号,名称\n9007199254740993,甲\n-9223372036854775808,乙\n');
    const j = JSON.parse((await sgw('import', csv, '--type', '2=string', '--type=1=BIGINT', '--format', 'json')).out);
    expect(j.tables[0].columns.map((c: { type: string }) => c.type)).toEqual(['BIGINT', 'VARCHAR']);
    const out = path.join(tmp.path, 'ids-out.csv');
    expect((await sgw('import', csv, '--type', '1=bigint', '--out', out)).code).toBe(0);
    expect(await readFile(out, 'utf8')).toBe('编号,名称\n9007199254740993,甲\n-9223372036854775808,乙\n');
    const pq = path.join(tmp.path, 'ids.parquet');
    expect((await sgw('import', csv, '--type', '1=bigint', '--out', pq)).code).toBe(0);
    const [back] = (await importFile(new Uint8Array(await readFile(pq)), 'ids.parquet')).tables;
    expect(back.parsed.columns[0].type).toBe('bigint');
    expect(Array.from(back.arrow.getChild('编号')!, String)).toEqual(['9007199254740993', '-9223372036854775808']);
    for (const bad of ['1=int64', '0=bigint', 'bigint'])
      expect(await sgw('--lang', 'en', 'import', csv, '--type', bad)).toMatchObject({ code: 2, err: expect.stringContaining(`--type takes “column number=type” (the type one of integer, bigint, double, boolean, date, string), not “${bad}”`) });
  });

  it('honours --encoding and --header-rows, and explains failures in the chosen language', async () => {
    const big5 = JSON.parse((await sgw('import', fixture('big5.csv'), '--encoding', 'big5', '--format', 'json')).out);
    expect(big5.tables[0].columns.map((c: { name: string }) => c.name)).toEqual(['縣市', '年度', '志工人數']);
    const none = JSON.parse((await sgw('import', fixture('ragged.csv'), '--header-rows', '0', '--format', 'json')).out);
    expect(none.tables[0].columns.map((c: { name: string }) => c.name)).toEqual(['列1', '列2', '列3', '列4']);
    const bad = await sgw('import', fixture('encrypted.xlsx'));
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('工作簿设有打开密码');
    const en = await sgw('import', fixture('empty.csv'), '--lang', 'en');
    expect(en.err).toContain('The file is empty');
    expect((await sgw('import')).code).toBe(2);
    expect((await sgw('import', fixture('gbk.csv'), '--encoding', 'latin9')).err).toContain('不支持的编码：latin9');
    const before = await readFile(fixture('gbk.csv'));
    const self = await sgw('import', fixture('gbk.csv'), '--out', fixture('gbk.csv'));
    expect([self.code, self.err]).toEqual([2, `--out 不能写到源文件本身：${fixture('gbk.csv')}\n`]);
    expect(await readFile(fixture('gbk.csv'))).toEqual(before);
    expect((await sgw('import', path.join(tmp.path, 'missing.csv'))).err).toContain('无法读取文件');
  });

  it('reports the detected layout: JSON gains title, source, layout, totals, detected and column paths; text says it in words', async () => {
    const r = await sgw('import', fixture('yearbook-shapes.xlsx'), '--sheet', '社会组织', '--sheet', '地区', '--format', 'json');
    expect(r.code).toBe(0);
    const [orgs, regions] = JSON.parse(r.out).tables;
    expect(orgs).toMatchObject({ sheet: '社会组织', headerRow: 2, headerRows: 2, title: '表 3-2  社会组织基本情况', source: '民政部《2013年社会服务发展统计公报》' });
    expect(orgs.layout).toEqual({ titleRows: 1, unitRow: 4, dataStart: 5, dataEnd: 10, labelColumn: 1, labelName: '指标', spacerColumns: [2], indent: 'excel' });
    expect(orgs.columns.slice(1, 5)).toEqual([
      { name: '上级指标', type: 'VARCHAR', unit: null, path: ['上级指标'], year: null, role: 'parent' },
      { name: '其中项', type: 'BOOLEAN', unit: null, path: ['其中项'], year: null, role: 'part' },
      { name: '单位', type: 'VARCHAR', unit: null, path: ['单位'], year: null, role: 'unit' },
      { name: '2007年', type: 'DOUBLE', unit: null, path: ['年份', '2007年'], year: 2007, role: null },
    ]);
    expect(orgs.detected).toContain('单位行：第 4 行');
    expect(regions.totals).toEqual({ rows: [{ column: '地区', values: ['合计'] }], columns: ['总计'] });
    expect(regions.source).toBeNull();

    const text = await sgw('import', fixture('yearbook-shapes.xlsx'), '--sheet', '地区');
    expect(text.out).toContain('识别结果: 表头：第 3–5 行（3 行）');
    expect(text.out).toContain('合计: 合计行：“地区”列的 合计');
    expect(text.out).toContain('社会组织单位数 › 社会团体 › 2012年');
    const en = await sgw('import', fixture('yearbook-gbk.csv'), '--lang', 'en');
    expect(en.out).toContain('What was detected: source: 民政部 (used as the charts’ source line)');
    expect(en.out).toContain('Totals: total rows: 全国 in “地区”');
  });

  it('names what a renamed file really is, in text and JSON', async () => {
    const { copyFile } = await import('node:fs/promises');
    const renamed = path.join(tmp.path, '导出.csv');
    await copyFile(path.resolve(__dirname, '../../tests/fixtures/formats/sheet.slk'), renamed);
    const text = await sgw('import', renamed);
    expect(text.out.split('\n').slice(0, 2)).toEqual(['格式：SYLK', '检测为：SYLK 电子表格（扩展名 .csv）']);
    const j = JSON.parse((await sgw('import', renamed, '--format', 'json', '--lang', 'en')).out);
    expect([j.format, j.formatName, j.detectedFormat, j.formatMismatch]).toEqual(['xlsx', 'SYLK', 'SYLK spreadsheet', 'Detected as: SYLK spreadsheet (extension .csv)']);
  });

  it('names a macro-enabled workbook XLSM, not XLSX, in text and JSON', async () => {
    const { writeFile } = await import('node:fs/promises');
    const XLSX = await import('@e965/xlsx');
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['地区', '数量'], ['北京', 1]]), 'S');
    const file = path.join(tmp.path, '带宏.xlsm');
    await writeFile(file, new Uint8Array(XLSX.write(wb, { bookType: 'xlsm', type: 'array' }) as ArrayBuffer));
    expect((await sgw('import', file)).out.split('\n')[0]).toBe('格式：XLSM');
    const j = JSON.parse((await sgw('import', file, '--format', 'json', '--lang', 'en')).out);
    expect([j.format, j.formatName, j.formatMismatch]).toEqual(['xlsx', 'XLSM', null]);
  });
});
