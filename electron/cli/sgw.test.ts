import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './sgw';

const fixtures = path.resolve(__dirname, '../../tests/fixtures/datasets');

async function sgw(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli([...argv, '--datasets', fixtures], { out: (s) => (out += s), err: (s) => (err += s) }, '9.9.9');
  return { code, out, err };
}

describe('sgw query', () => {
  it('prints JSON with columns, rows and rowCount', async () => {
    const r = await sgw('query', 'SELECT 类型, sum(数量) AS 合计 FROM demo_orgs WHERE 年份 = 2014 GROUP BY 类型 ORDER BY 合计 DESC', '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      columns: [
        { name: '类型', type: 'Utf8' },
        { name: '合计', type: 'Float64' },
      ],
      rows: [
        { 类型: '民办非企业单位', 合计: 6300 },
        { 类型: '社会团体', 合计: 4000 },
        { 类型: '基金会', 合计: 300 },
      ],
      rowCount: 3,
    });
  });

  it('prints RFC 4180 CSV with a header', async () => {
    const r = await sgw('query', "SELECT 'a,b' AS x, 2 AS y, NULL AS z, DATE '2014-06-30' AS d", '--format=csv');
    expect(r.out).toBe('x,y,z,d\n"a,b",2,,2014-06-30\n');
  });

  it('prints an aligned table by default, CJK counted as double width', async () => {
    const r = await sgw('query', 'SELECT 地区, 数量 FROM demo_orgs ORDER BY 数量 DESC LIMIT 2');
    expect(r.out.split('\n').slice(0, 4)).toEqual(['地区  数量', '────  ────', '上海  6300', '上海  6000']);
  });

  it('explains a bad query in Chinese and exits 1', async () => {
    const r = await sgw('query', 'SELECT * FROM 不存在的表');
    expect(r.code).toBe(1);
    expect(r.err).toContain('找不到表、视图或函数');
    expect(r.err).toContain('不存在的表');
  });

  it('refuses time-zone functions at once in words, naming them, and carries on (they used to end the process silently)', async () => {
    for (const sql of ["SELECT date_part('year', now())", "SELECT TIMESTAMP '2020-01-01 08:00' AT TIME ZONE 'Asia/Shanghai'"]) {
      const started = Date.now();
      const r = await sgw('query', sql);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect([r.code, r.out]).toEqual([1, '']);
      expect(r.err).toBe('离线版不含此功能\n这条语句需要数据库引擎的 icu 扩展（时区与排序规则：AT TIME ZONE、timezone()、current_date，以及对带时区时间（如 now()）取 date_part、year、date_trunc、age、epoch 等，COLLATE 等；可先转换为不带时区的时间，如 year(now()::TIMESTAMP)），离线版不包含，也不会联网下载。请改用内置函数，或先在导入时把数据整理好。\n');
    }
    const en = await sgw('query', 'SELECT year(now())', '--lang', 'en');
    expect(en.err).toContain('icu extension (time zones and collations: AT TIME ZONE, timezone(), current_date, and date_part, year');
    const ok = await sgw('query', 'SELECT year(now()::TIMESTAMP) >= 2024 AS recent', '--format', 'json');
    expect([ok.code, JSON.parse(ok.out).rows]).toEqual([0, [{ recent: true }]]);
  });

  it('speaks English with --lang en', async () => {
    const r = await sgw('query', 'SELEC 1', '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.err).toContain('SQL syntax error');
  });

  it('rejects unknown formats, options and commands with usage text and exit 2', async () => {
    expect((await sgw('query', 'SELECT 1', '--format', 'xml')).err).toContain('不支持的输出格式：xml');
    expect((await sgw('frobnicate')).code).toBe(2);
    expect((await sgw('query', '--bogus')).err).toContain('未知选项：--bogus');
    expect((await sgw('query')).err).toContain('请提供要运行的 SQL');
  });

  it('reports a missing datasets folder clearly', async () => {
    let err = '';
    const code = await runCli(['tables', '--datasets', '/nonexistent/folder'], { out: () => {}, err: (s) => (err += s) });
    expect(code).toBe(2);
    expect(err).toContain('无法加载数据集');
  });
});

describe('sgw tables', () => {
  it('lists tables and views with rows and columns as JSON', async () => {
    const r = await sgw('tables', '--format', 'json');
    const { tables } = JSON.parse(r.out) as { tables: { name: string; kind: string; rows: number; columns: unknown[] }[] };
    expect(tables.map((t) => [t.name, t.kind, t.rows])).toEqual([
      ['demo_by_year', 'view', 2],
      ['demo_orgs', 'table', 5],
    ]);
    expect(tables[1].columns).toEqual([
      { name: '地区', type: 'VARCHAR' },
      { name: '年份', type: 'INTEGER' },
      { name: '类型', type: 'VARCHAR' },
      { name: '数量', type: 'BIGINT' },
    ]);
  });

  it('prints help and version', async () => {
    expect((await sgw('--help')).out).toContain('sgw query');
    expect((await sgw('--version')).out).toBe('9.9.9\n');
  });
});

describe('sgw --project', () => {
  const v1Project = path.resolve(__dirname, '../../tests/fixtures/projects/v1-project.sgwp');

  it('queries the tables of a saved project next to the bundled ones', async () => {
    const r = await sgw('query', 'SELECT 社区, 受访人数 FROM 社区问卷 ORDER BY 受访人数 DESC', '--project', v1Project, '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).rows[0]).toEqual({ 社区: '望京', 受访人数: 143 });
    const tables = JSON.parse((await sgw('tables', '--project', v1Project, '--format', 'json')).out) as { tables: { name: string }[] };
    expect(tables.tables.map((t) => t.name)).toContain('社区问卷');
    expect(tables.tables.map((t) => t.name)).toContain('demo_orgs');
  });

  it('explains a file that is not a project', async () => {
    const r = await sgw('tables', '--project', path.resolve(__dirname, '../../tests/fixtures/datasets/demo_orgs.csv'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('无法打开项目：这不是社会治理数据工作台的项目文件');
  });
});
