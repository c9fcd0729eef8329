import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parquetReadObjects } from 'hyparquet';
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
    expect(j.tables[0].columns).toEqual([
      { name: '地区', type: 'VARCHAR', unit: null },
      { name: '年份', type: 'INTEGER', unit: null },
      { name: '社会组织数', type: 'INTEGER', unit: null },
      { name: '增长率', type: 'DOUBLE', unit: '%' },
      { name: '备注', type: 'VARCHAR', unit: null },
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
    const rows = await parquetReadObjects({ file: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer });
    expect(rows[2]).toEqual({ 地区: '广东', 年份: 2014, 社会组织数: 15332, 增长率: 6.1, 备注: null });
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
});
