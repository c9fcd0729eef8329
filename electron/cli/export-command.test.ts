import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_DATASETS, sgw as run, tempDir, WIDE_SQL as WIDE } from '../../tests/fixtures/cli';
import { inspectXlsx } from '../../tests/fixtures/export/inspect-xlsx';
import { expectKindMarks } from '../../tests/fixtures/export/svg-marks';
import type { ChartData } from '../../shared/charts/chart-data';
import type { ChartSpec } from '../../shared/model/chart-spec';
import { openNodeDb } from './node-db';
import { savedFile } from '../../tests/fixtures/projects/project-support';
import { createSampleTables, sampleState } from '../../tests/fixtures/projects/sample-workspace';

const tmp = tempDir('sgw-export-');
const outDir = () => tmp.path;
const sgw = (...argv: string[]) => run(...argv, '--datasets', FIXTURE_DATASETS);

describe('sgw export', () => {
  it('finds the command after global options, and not inside another command', async () => {
    const csv = path.join(outDir(), 'first.csv');
    const r = await sgw('--lang', 'en', 'export', '--sql', 'SELECT 1 AS a', '--x', 'a', '--y', 'a', '--csv', csv);
    expect([r.code, r.out]).toEqual([0, `Wrote ${csv}\n`]);
    await rm(csv);
    // `export` as the SQL text of query is an argument, not a command.
    const q = await sgw('query', 'export');
    expect(q.code).toBe(1);
    expect(q.err).toContain('SQL 语法错误');
  });

  it('writes a PNG at the chosen scale', async () => {
    const png = path.join(outDir(), '图表.png');
    const r = await sgw('export', '--sql', WIDE, '--x', '类型', '--y', '2014年', '--title', '社会组织数', '--png', png, '--scale', '3');
    expect([r.code, r.err]).toEqual([0, '']);
    const bytes = new Uint8Array(await readFile(png));
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(Array.from(bytes.slice(1, 4), (c) => String.fromCharCode(c)).join('')).toBe('PNG');
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([2880, 1620]);
    await rm(png);
  });

  it('writes an xlsx with a native chart over the query result, plus SVG and CSV', async () => {
    const xlsx = path.join(outDir(), '年报.xlsx');
    const svg = path.join(outDir(), '年报.svg');
    const csv = path.join(outDir(), '年报.csv');
    const r = await sgw('export', '--sql', WIDE, '--chart', 'column', '--x', '类型', '--y', '2013年,2014年', '--title', '社会组织数', '--unit', '个', '--xlsx', xlsx, '--svg', svg, '--csv', csv);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`已写入 ${xlsx}`);
    const x = inspectXlsx(new Uint8Array(await readFile(xlsx)));
    const ws = x.workbook.Sheets['社会组织数'];
    // One unit for every series: a unit row above the header.
    expect([ws.A2.v, ws.A3.v, ws.B3.v, ws.C3.v]).toEqual(['单位：个', '类型', '2013年', '2014年']);
    expect(x.resolveRef(x.charts[0].series[0].cat)).toEqual(['基金会', '民办非企业单位', '社会团体']);
    expect(x.resolveRef(x.charts[0].series[0].val)).toEqual([undefined, 6000, 3900]);
    expect(x.resolveRef(x.charts[0].series[1].val)).toEqual([300, 6300, 4000]);
    expect(x.cellTypes(x.charts[0].series[1].val)).toEqual(['n', 'n', 'n']);
    const svgText = await readFile(svg, 'utf8');
    expect(svgText).toMatch(/^<svg[^>]*width="960"[^>]*height="540"/);
    expect(svgText).toContain('社会组织数');
    expect(svgText).toContain('民办非企业单位');
    const csvBytes = new Uint8Array(await readFile(csv));
    expect(Array.from(csvBytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(csvBytes)).toBe('类型,2013年,2014年\r\n基金会,,300\r\n民办非企业单位,6000,6300\r\n社会团体,3900,4000\r\n');
    // Atomic writes leave no temp files behind.
    expect((await readdir(outDir())).sort()).toEqual(['年报.csv', '年报.svg', '年报.xlsx']);
  });

  it('pivots a long result by --series, draws pie and combo, and writes GB18030 CSV', async () => {
    const long = path.join(outDir(), 'long.xlsx');
    const r = await sgw('export', '--sql', 'SELECT 年份, 类型, 数量 FROM demo_orgs ORDER BY 年份, 类型', '--chart', 'line', '--x', '年份', '--y', '数量', '--series', '类型', '--xlsx', long);
    expect(r.code).toBe(0);
    const x = inspectXlsx(new Uint8Array(await readFile(long)));
    expect(x.charts[0].series.map((s) => x.resolveRef(s.tx)[0])).toEqual(['民办非企业单位', '社会团体', '基金会']);
    expect(x.resolveRef(x.charts[0].series[2].val)).toEqual([undefined, 300]);
    expect(x.charts[0].xml).toContain('<c:lineChart>');

    const pie = path.join(outDir(), 'pie.svg');
    expect((await sgw('export', '--sql', WIDE, '--chart', 'pie', '--x', '类型', '--y', '2014年', '--svg', pie)).code).toBe(0);
    expect(await readFile(pie, 'utf8')).toContain('民办非企业单位');

    const combo = path.join(outDir(), 'combo.xlsx');
    expect((await sgw('export', '--sql', WIDE, '--chart', 'combo', '--x', '类型', '--y', '2013年,2014年', '--xlsx', combo)).code).toBe(0);
    expect(inspectXlsx(new Uint8Array(await readFile(combo))).charts[0].xml).toContain('<c:crosses val="max"/>');

    const gb = path.join(outDir(), 'gb.csv');
    expect((await sgw('export', '--sql', WIDE, '--x', '类型', '--y', '2014年', '--csv', gb, '--encoding', 'GB18030')).code).toBe(0);
    expect(new TextDecoder('gb18030').decode(await readFile(gb))).toContain('民办非企业单位,6000,6300');
  });

  it('replaces an existing file whole', async () => {
    const file = path.join(outDir(), 'replace.csv');
    await writeFile(file, 'old content that is longer than the new one '.repeat(20));
    expect((await sgw('export', '--sql', 'SELECT 1 AS a', '--x', 'a', '--y', 'a', '--csv', file)).code).toBe(0);
    expect(new TextDecoder().decode(await readFile(file))).toBe('a\r\n1\r\n');
  });

  it('explains usage errors with exit 2 and query errors with exit 1', async () => {
    const out = path.join(outDir(), 'never.xlsx');
    expect((await sgw('export', '--sql', WIDE, '--x', '类型')).err).toContain('请提供 --y');
    expect((await sgw('export', '--sql', WIDE, '--x', '类型', '--y', '2014年')).err).toContain('请至少指定一个输出');
    expect((await sgw('export', '--sql', WIDE, '--chart', 'radar', '--x', '类型', '--y', '2014年', '--xlsx', out)).err).toContain('不支持的图表类型：radar');
    expect((await sgw('export', '--sql', WIDE, '--x', '类型', '--y', '2014年', '--csv', out, '--encoding', 'big5')).err).toContain('不支持的编码：big5');
    expect((await sgw('export', '--sql', WIDE, '--x', '类型', '--y', '2014年', '--png', out, '--scale', '5')).err).toContain('--scale 不接受“5”（可用 1、2、3）');
    const missing = await sgw('export', '--sql', WIDE, '--x', '类型', '--y', '不存在', '--xlsx', out);
    expect([missing.code, missing.err]).toEqual([2, '查询结果中没有这些列：不存在\n']);
    expect((await sgw('export', '--sql', WIDE, '--chart', 'combo', '--x', '类型', '--y', '2014年', '--xlsx', out)).err).toContain('combo 图需要两列数值');
    expect((await sgw('export', '--sql', WIDE, '--x', '类型', '--y', '2013年,2014年', '--series', '类型', '--xlsx', out)).err).toContain('指定 --series 时，--y 只能给一列');
    const bad = await sgw('export', '--sql', 'SELECT * FROM 不存在的表', '--x', 'a', '--y', 'b', '--xlsx', out, '--lang', 'en');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('Table, view or function not found');
    const empty = await sgw('export', '--sql', 'SELECT 1 AS a WHERE false', '--x', 'a', '--y', 'a', '--xlsx', out);
    expect([empty.code, empty.err]).toEqual([1, '查询没有返回数据，未写入文件\n']);
    expect((await sgw('export', '--bogus')).code).toBe(2);
    await expect(readFile(out)).rejects.toThrow(/ENOENT/);
  });
});

/** A saved chart's JSON, as 保存图表 stores it (one record) or as a bare ChartSpec. */
const SPEC: ChartSpec = {
  version: 1,
  table: 'demo_orgs',
  kind: 'column',
  x: '类型',
  series: '年份',
  measures: [{ column: '数量', agg: 'sum', transform: 'none', unit: '家' }],
  filters: [{ column: '地区', op: 'in', values: ['上海', '北京'] }],
  sort: 'x_asc',
  stack: 'none',
  title: '各类型社会组织数',
  annotations: [],
};

describe('sgw export --spec', () => {
  const specFile = async (name: string, json: unknown) => {
    const file = path.join(outDir(), name);
    await writeFile(file, JSON.stringify(json));
    return file;
  };

  it('runs a saved chart record and a bare spec headless, with the numbers the app draws', async () => {
    for (const [name, json] of [
      ['record.json', { id: 'c1', savedAt: '2025-01-01T00:00:00Z', spec: SPEC }],
      ['bare.json', SPEC],
    ] as const) {
      const xlsx = path.join(outDir(), `${name}.xlsx`);
      const csv = path.join(outDir(), `${name}.csv`);
      const r = await sgw('export', '--spec', await specFile(name, json), '--xlsx', xlsx, '--csv', csv);
      expect([r.code, r.err]).toEqual([0, '']);
      const x = inspectXlsx(new Uint8Array(await readFile(xlsx)));
      expect(x.charts).toHaveLength(1);
      expect(x.charts[0].xml).toContain('<c:barDir val="col"/>');
      expect(x.resolveRef(x.charts[0].series[0].cat)).toEqual(['基金会', '民办非企业单位', '社会团体']);
      expect(x.charts[0].series.map((s) => [x.resolveRef(s.tx)[0], s.numCache])).toEqual([
        ['2013', [null, 6000, 3900]],
        ['2014', [300, 6300, 4000]],
      ]);
      // The chart's data as CSV: the unit in each header (a CSV has no unit row).
      expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(await readFile(csv))).toBe('\ufeff类型,2013（家）,2014（家）\r\n基金会,,300\r\n民办非企业单位,6000,6300\r\n社会团体,3900,4000\r\n');
    }
  });

  it('exports a map as its picture (Excel: picture + data table, PNG, SVG with the tile map), never as bars', async () => {
    const map: ChartSpec = { ...SPEC, kind: 'map', x: '地区', series: undefined, filters: [], title: '各地区社会组织数' };
    const file = await specFile('map.json', map);
    const [xlsx, svg, png] = ['map.xlsx', 'map.svg', 'map.png'].map((f) => path.join(outDir(), f));
    const r = await sgw('export', '--spec', file, '--xlsx', xlsx, '--svg', svg, '--png', png, '--scale', '1');
    expect([r.code, r.err]).toEqual([0, '']);
    const x = inspectXlsx(new Uint8Array(await readFile(xlsx)));
    expect(x.charts).toEqual([]);
    expect(x.pictures).toHaveLength(1);
    expect(Array.from(x.pictures[0].bytes.slice(1, 4), (c) => String.fromCharCode(c)).join('')).toBe('PNG');
    const ws = x.workbook.Sheets['各地区社会组织数'];
    // Two years are never summed into one tile (上海 2013 + 2014 was 20200): one map per year, and a note saying so.
    expect([ws.A2.v, ws.A3.v, ws.B3.v, ws.C3.v, ws.A4.v, ws.B4.v, ws.C4.v, ws.A5.v, ws.B5?.v, ws.C5.v]).toEqual(['单位：家', '地区', '2013', '2014', '上海', 9900, 10300, '北京', undefined, 300]);
    const cells = Object.values(ws).map((c) => (c as { v?: unknown }).v);
    expect(cells).toContain('注：数据含 2 个年份，地图按年份分图显示；只看一年可把起始年份和截止年份设为同一年');
    const data: ChartData = {
      kind: 'map', title: '各地区社会组织数', categoryLabel: '地区', categories: ['上海', '北京'], keys: ['上海', '北京'],
      series: [
        { name: '2013', values: [9900, null], axis: 'left', type: 'map', unit: '家' },
        { name: '2014', values: [10300, 300], axis: 'left', type: 'map', unit: '家' },
      ],
      source: '', stack: 'none', annotations: [],
    };
    expectKindMarks(await readFile(svg, 'utf8'), data);
    const bytes = new Uint8Array(await readFile(png));
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([960, 540]);
  });

  it('runs on the tables of a project given with --project', async () => {
    const project = path.resolve(__dirname, '../../tests/fixtures/projects/v1-project.sgwp');
    const spec: ChartSpec = { ...SPEC, table: '社区问卷', x: '社区', series: undefined, filters: [], measures: [{ column: '受访人数', agg: 'sum', transform: 'none' }], title: '受访人数' };
    const csv = path.join(outDir(), 'project.csv');
    const r = await sgw('export', '--spec', await specFile('project.json', spec), '--project', project, '--csv', csv);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(new TextDecoder().decode(await readFile(csv)).split('\r\n')[0]).toBe('社区,受访人数（求和）');
    // Without the project the table is not there: a plain message, exit 1.
    const without = await sgw('export', '--spec', await specFile('project.json', spec), '--csv', csv);
    expect([without.code, without.err]).toEqual([1, '找不到图表所用的表 社区问卷：请用 --project 载入含有它的项目，或检查表名\n']);
  });

  it('reads a project’s calculated fields as columns of their table (the same numbers as written by hand)', async () => {
    const source = await openNodeDb();
    await createSampleTables(source);
    const project = path.join(outDir(), 'calc.sgwp');
    await writeFile(project, await savedFile(source, sampleState()));
    const hand = (await source.query('SELECT sum(经费 / 受访人数) AS v FROM 社区问卷')).toArray()[0].v as number;
    await source.close();
    const spec: ChartSpec = { ...SPEC, table: '社区问卷', x: '社区', series: undefined, filters: [], measures: [{ column: '人均经费', agg: 'sum', transform: 'none' }], title: '人均经费' };
    const csv = path.join(outDir(), 'calc.csv');
    const r = await sgw('export', '--spec', await specFile('calc-spec.json', spec), '--project', project, '--csv', csv);
    expect([r.code, r.err]).toEqual([0, '']);
    const [header, ...lines] = new TextDecoder().decode(await readFile(csv)).trim().split('\r\n');
    expect(header).toBe('社区,人均经费（求和）');
    const total = lines.map((l) => Number(l.split(',')[1] || 0)).reduce((a, v) => a + v, 0);
    expect(Math.abs(total - hand)).toBeLessThanOrEqual(1e-12 * Math.abs(hand));
  });

  it('explains a bad chart file and refuses chart flags next to --spec', async () => {
    const out = path.join(outDir(), 'never.svg');
    const broken = path.join(outDir(), 'broken.json');
    await writeFile(broken, '{ "version": 1, ');
    const r = await sgw('export', '--spec', broken, '--svg', out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^无法读取图表文件 .*broken\.json：/);
    const wrong = await sgw('export', '--spec', await specFile('wrong.json', { ...SPEC, kind: 'radar' }), '--svg', out, '--lang', 'en');
    expect([wrong.code, wrong.err]).toEqual([2, expect.stringMatching(/^Cannot read the chart file .*wrong\.json: chart spec: kind must be one of/)]);
    const clash = await sgw('export', '--spec', await specFile('ok.json', SPEC), '--sql', 'SELECT 1', '--x', 'a', '--svg', out);
    expect([clash.code, clash.err.split('\n')[0]]).toEqual([2, '--spec 已经说明了图表，不能再给 --sql --x']);
    const column = await sgw('export', '--spec', await specFile('col.json', { ...SPEC, x: '不存在' }), '--svg', out);
    expect([column.code, column.err]).toEqual([1, 'demo_orgs中没有这些列：不存在\n']);
    await expect(readFile(out)).rejects.toThrow(/ENOENT/);
  });
});
