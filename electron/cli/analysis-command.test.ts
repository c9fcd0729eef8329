import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as XLSX from '@e965/xlsx';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runCli } from './sgw';
import { parseValues, splitList } from './analysis-flags';
import { translator } from '../../shared/i18n';

const fixtures = path.resolve(__dirname, '../../tests/fixtures/datasets');
const statsFixtures = path.resolve(__dirname, '../../tests/fixtures/stats');

async function sgw(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli([...argv, '--datasets', fixtures], { out: (s) => (out += s), err: (s) => (err += s) }, '9.9.9');
  return { code, out, err };
}

describe('sgw pivot', () => {
  it('CSV: the column keys first, each row starting with its row key, totals labelled 合计', async () => {
    const r = await sgw('pivot', '--table', 'demo_orgs', '--rows', '地区', '--cols', '年份', '--values', 'sum(数量)', '--totals', '--format', 'csv');
    expect(r).toEqual({ code: 0, out: '地区,2013,2014,合计\n上海,9900,10300,20200\n北京,,300,300\n合计,9900,10600,20500\n', err: '' });
  });

  it('without --totals, two row fields, several values, shares, in English', async () => {
    const r = await sgw('pivot', '--table', 'demo_orgs', '--rows', '地区,类型', '--cols', '年份', '--values', 'sum(数量), count(*), sum(数量)%col', '--format=csv', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')).toEqual([
      '地区,类型,2013 / Sum of 数量,2013 / Rows,2013 / Sum of 数量 (% of column),2014 / Sum of 数量,2014 / Rows,2014 / Sum of 数量 (% of column)',
      `上海,民办非企业单位,6000,1,${6000 / 9900},6300,1,${6300 / 10600}`,
      `上海,社会团体,3900,1,${3900 / 9900},4000,1,${4000 / 10600}`,
      `北京,基金会,,,,300,1,${300 / 10600}`,
      '',
    ]);
  });

  it('JSON with keys, totals, numbers and the SQL; --sql reads a query', async () => {
    const r = await sgw('pivot', '--sql', 'SELECT 地区, 年份, 数量 * 2 AS 两倍 FROM demo_orgs;', '--rows', '年份', '--values', 'max(两倍),median(两倍)', '--totals', '--format', 'json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.rows).toEqual(['年份']);
    expect(json.data).toEqual([
      { key: ['2013'], total: false, cells: [[12000, 9900]] },
      { key: ['2014'], total: false, cells: [[12600, 8000]] },
      { key: [], total: true, cells: [[12600, 8000]] },
    ]);
    expect(json.sql).toContain('GROUPING SETS');
    expect(json.sql).toContain('FROM (SELECT 地区, 年份, 数量 * 2 AS 两倍 FROM demo_orgs) AS __sgw_src');
  });

  it('writes a formatted Excel file next to the printed table', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'sgw-pivot-')), '透视.xlsx');
    const r = await sgw('pivot', '--table', 'demo_orgs', '--rows', '地区', '--cols', '类型', '--values', 'sum(数量)', '--totals', '--xlsx', file);
    expect(r.code).toBe(0);
    expect(r.err).toBe(`已写入 ${file}\n`);
    expect(r.out.split('\n')[0]).toMatch(/^地区\s+基金会\s+民办非企业单位\s+社会团体\s+合计$/);
    const book = XLSX.read(await readFile(file));
    const ws = book.Sheets['数据透视表'];
    expect([ws.A1.v, ws.B1.v, ws.E1.v, ws.A3.v, ws.E3.v, ws.E5.v]).toEqual(['类型', '基金会', '合计', '上海', 20200, 20500]);
    // With its chart sheet, as README says.
    expect(book.SheetNames).toEqual(['数据透视表', '透视图']);
    expect(Object.keys(unzipSync(new Uint8Array(await readFile(file))))).toContain('xl/charts/chart1.xml');
  });

  it('refuses --docx for a pivot beyond the Word table limit, in words, writing nothing', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'sgw-pivot-')), '大.docx');
    const r = await sgw('pivot', '--sql', 'SELECT i % 300 AS a, i % 200 AS b, 1 AS v FROM range(60000) t(i)', '--rows', 'a', '--cols', 'b', '--values', 'sum(v)', '--docx', file);
    expect(r.code).toBe(1);
    expect(r.err).toBe('透视表有 60,702 个单元格，Word 表格最多 50,000 个：请导出 Excel，或减少行、列\n');
    await expect(readFile(file)).rejects.toThrow();
  });

  it('writes the pivot as a Word table with --docx', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'sgw-pivot-')), '透视.docx');
    const r = await sgw('pivot', '--table', 'demo_orgs', '--rows', '地区', '--cols', '类型', '--values', 'sum(数量)', '--totals', '--docx', file, '--format', 'csv');
    expect(r.code).toBe(0);
    expect(r.err).toBe(`已写入 ${file}\n`);
    const doc = strFromU8(unzipSync(new Uint8Array(await readFile(file)))['word/document.xml']);
    expect(doc).toContain('<w:tblHeader/>');
    expect([...doc.matchAll(/<w:t xml:space="preserve">([^<]*)<\/w:t>/g)].map((m) => m[1])).toEqual(expect.arrayContaining(['地区', '基金会', '合计', '上海', '20,200', '20,500']));
  });

  it.each([
    [['--rows', '地区', '--values', 'sum(数量)'], 2, '请用 --table 或 --sql 指定数据，二者只能选一个'],
    [['--table', 'demo_orgs', '--sql', 'SELECT 1', '--values', 'count(*)'], 2, '二者只能选一个'],
    [['--table', 'demo_orgs', '--rows', '地区'], 2, '请提供 --values'],
    [['--table', 'demo_orgs', '--values', 'total(数量)'], 2, '无法理解 --values 中的“total(数量)”'],
    [['--table', 'demo_orgs', '--values', 'sum(*)'], 2, '无法理解 --values 中的“sum(*)”'],
    [['--table', 'demo_orgs', '--values', 'avg(数量)%row'], 2, 'shares are for sum and count only'],
    [['--table', 'demo_orgs', '--rows', '地区', '--cols', '地区', '--values', 'count(*)'], 2, 'cannot be both a row and a column'],
    [['--table', 'demo_orgs', '--rows', '省份', '--values', 'count(*)'], 2, '数据表 demo_orgs 没有列 省份'],
    [['--table', 'demo_orgs', '--values', 'avg(类型)'], 2, '“类型”不是数值列，不能求平均值'],
    [['--table', 'demo_orgs', '--rows', '"地区', '--values', 'count(*)'], 2, '无法理解 --rows 的“"地区”'],
    [['--table', '不存在', '--values', 'count(*)'], 1, '找不到数据表 不存在'],
    [['--sql', 'SELEC 1', '--values', 'count(*)'], 1, 'SQL 语法错误'],
    [['--sql', 'SELECT * FROM demo_orgs WHERE false', '--rows', '地区', '--values', 'count(*)'], 1, '透视结果为空'],
  ])('refuses %j with exit %i and a plain message', async (flags, code, message) => {
    const r = await sgw('pivot', ...flags);
    expect(r.code).toBe(code);
    expect(r.err).toContain(message);
    expect(r.out).toBe('');
  });

  it('reads --values with quoted names, aliases and shares', () => {
    const t = translator('zh-CN');
    expect(parseValues('count(*), mean("a,b"), distinct(地区)%total', t)).toEqual([
      { column: null, agg: 'count', show: 'value', format: 'auto' },
      { column: 'a,b', agg: 'avg', show: 'value', format: 'auto' },
      { column: '地区', agg: 'count_distinct', show: 'total_share', format: 'percent' },
    ]);
    expect(splitList('"a ""b""", 地区 ,,c')).toEqual(['a "b"', '地区', 'c']);
    expect(splitList('"open')).toBeNull();
  });
});

describe('sgw stats', () => {
  const basic = ['--sql', `SELECT * FROM read_csv('${path.join(statsFixtures, 'basic.csv')}', header = true)`];

  it('prints the summary by default and the same figures as JSON', async () => {
    const text = await sgw('stats', '--table', 'demo_orgs');
    expect(text.code).toBe(0);
    expect(text.out.split('\n').slice(0, 2)).toEqual(['描述统计', expect.stringMatching(/^列\s+类型\s+计数\s+缺失\s+不同值\s+平均值\s+标准差\s+最小值\s+下四分位数\s+中位数\s+上四分位数\s+最大值$/)]);
    expect(text.out).toMatch(/数量\s+BIGINT\s+5\s+0\s+5\s+4,100\s+2,394\.79\s+300\s+3,900\s+4,000\s+6,000\s+6,300/);
    const json = JSON.parse((await sgw('stats', '--table', 'demo_orgs', '--columns', '数量', '--format', 'json')).out);
    expect(json.summary).toEqual([{ column: '数量', type: 'BIGINT', numeric: true, count: 5, missing: 0, distinct: 5, mean: 4100, sd: Math.sqrt(22940000 / 4), min: 300, q1: 3900, median: 4000, q3: 6000, max: 6300 }]);
  });

  it('correlation (Pearson, Spearman) and regression, as JSON and text', async () => {
    const r = await sgw('stats', ...basic, '--corr', '--method', 'spearman', '--columns', '年份,社会组织数', '--regress', '治理指数 ~ 常住人口 + 年份', '--format', 'json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(['correlation', 'regression']);
    expect(json.correlation).toMatchObject({ method: 'spearman', columns: ['年份', '社会组织数'] });
    expect(json.correlation.r[0][0]).toBe(1);
    expect(json.regression).toMatchObject({ y: '治理指数', xs: ['常住人口', '年份'], dropped: 5 });
    expect(json.regression.coefficients.map((c: { term: string }) => c.term)).toEqual(['(Intercept)', '常住人口', '年份']);
    const text = (await sgw('stats', ...basic, '--regress', '治理指数 ~ 常住人口 + 年份', '--lang', 'en')).out;
    expect(text).toContain('Linear regression (least squares): 治理指数 ~ 常住人口 + 年份');
    expect(text).toMatch(/n = 395 \(5 rows with a missing value dropped\), R² = 0\.\d+/);
    expect(text).toMatch(/\nIntercept\s/);
  });

  it.each([
    [['--regress', 'y ~ a + b + c'], 1, '自变量“c”与其他自变量（a、b）共线'],
    [['--regress', 'y ~ a ~ b'], 2, '无法理解回归公式'],
    [['--regress', 'y ~ 不存在'], 2, '没有列“不存在”'],
    [['--columns', 'a,zz'], 2, '没有列“zz”'],
  ])('refuses %j with exit %i', async (flags, code, message) => {
    const r = await sgw('stats', '--sql', `SELECT * FROM read_csv('${path.join(statsFixtures, 'collinear.csv')}', header = true)`, ...flags);
    expect(r.code).toBe(code);
    expect(r.err).toContain(message);
  });

  it('needs --table or --sql, and a known method', async () => {
    expect((await sgw('stats')).code).toBe(2);
    const bad = await sgw('stats', '--table', 'demo_orgs', '--corr', '--method', 'kendall');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--method 不接受“kendall”');
  });
});
