import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../electron/cli/node-db';
import type { Db } from '../db';
import { describeTable } from '../db-catalog';
import { translator } from '../i18n';
import { newPivotSpec, parsePivotSpec, type PivotSpec } from '../model/pivot-spec';
import { tableSource } from '../sql/source';
import { withCalcFields } from '../calc/check';
import { checkPivot, formatValue } from './labels';
import { pivotCsv, pivotJson, pivotText } from './output';
import { runPivot } from './run-pivot';
import { pivotTable } from './table';

let db: Db;
beforeAll(async () => {
  db = await openNodeDb();
  await db.exec(`CREATE TABLE demo AS SELECT * FROM (VALUES
    ('北京', 2019, '甲', 10), ('北京', 2020, '甲', 20), ('北京', 2020, '乙', 1),
    ('上海', 2019, '甲', 5), ('上海', 2020, '乙', NULL), (NULL, 2020, '甲', 7)) t(地区, 年份, 类型, 数量)`);
});
afterAll(() => db.close());

const spec = (over: Partial<PivotSpec>): PivotSpec => ({ ...newPivotSpec('demo'), rows: ['地区'], cols: ['年份'], values: [{ column: '数量', agg: 'sum', show: 'value', format: 'auto' }], ...over });

async function grid(s: PivotSpec) {
  const info = (await describeTable(db, 'demo'))!;
  const r = await runPivot(db, s, tableSource(info));
  if (r.status !== 'ready') throw new Error(r.status);
  return r.grid;
}

describe('pivot over calculated fields', () => {
  it('reads a table with a calculated field through its relation, and never offers the rollup for it', async () => {
    const calc = await withCalcFields(db, (await describeTable(db, 'demo'))!, [{ name: '双倍', table: 'demo', def: { kind: 'expr', expr: '"数量" * 2' } }]);
    expect(calc.broken).toEqual([]);
    const source = tableSource(calc.table);
    expect(source.table).toBeUndefined();
    const s = spec({ values: [{ column: '双倍', agg: 'sum', show: 'value', format: 'auto' }] });
    const r = await runPivot(db, s, source);
    if (r.status !== 'ready') throw new Error(r.status);
    expect(pivotCsv(r.grid, s, 'zh-CN')).toBe('地区,2019,2020,合计\n上海,10,,10\n北京,20,42,62\n,,14,14\n合计,30,56,86\n');
  });
});

describe('sgw pivot outputs', () => {
  it('CSV: column keys first, each row starting with its key, totals labelled 合计, empty cells empty', async () => {
    expect(pivotCsv(await grid(spec({})), spec({}), 'zh-CN')).toBe('地区,2019,2020,合计\n上海,5,,5\n北京,10,21,31\n,,7,7\n合计,15,28,43\n');
    expect(pivotCsv(await grid(spec({ totals: false })), spec({ totals: false }), 'en')).toBe('地区,2019,2020\n上海,5,\n北京,10,21\n,,7\n');
  });

  it('CSV: several values under each key, two row levels with subtotals (Total in English)', async () => {
    const s = spec({ rows: ['地区', '类型'], values: [...spec({}).values, { column: null, agg: 'count', show: 'value', format: 'auto' }] });
    const csv = pivotCsv(await grid(s), s, 'en').split('\n');
    expect(csv[0]).toBe('地区,类型,2019 / Sum of 数量,2019 / Rows,2020 / Sum of 数量,2020 / Rows,Total / Sum of 数量,Total / Rows');
    expect(csv.slice(1, 4)).toEqual(['上海,乙,,,,1,,1', '上海,甲,5,1,,,5,1', '上海,Total,5,1,,1,5,2']);
    expect(csv.at(-2)).toBe('Total,,15,2,28,4,43,6');
  });

  it('JSON: keys, totals and numbers', async () => {
    const json = JSON.parse(pivotJson(await grid(spec({})), spec({}), 'zh-CN', 'SELECT 1'));
    expect(json.columns).toEqual([{ key: ['2019'], total: false }, { key: ['2020'], total: false }, { key: [], total: true }]);
    expect(json.data[1]).toEqual({ key: ['北京'], total: false, cells: [[10], [21], [31]] });
    expect(json.data[2]).toEqual({ key: [null], total: false, cells: [[null], [7], [7]] });
    expect(json.data[3]).toEqual({ key: [], total: true, cells: [[15], [28], [43]] });
    expect(json.values).toEqual([{ label: '数量 求和', column: '数量', agg: 'sum', show: 'value' }]);
  });

  it('text: aligned, formatted, （空） for an empty key', async () => {
    const s = spec({ values: [{ column: '数量', agg: 'sum', show: 'col_share', format: 'percent' }] });
    const lines = pivotText(await grid(s), s, 'zh-CN').split('\n');
    expect(lines[0]).toBe('地区      2019    2020    合计');
    expect(lines[3]).toBe('北京     66.7%   75.0%   72.1%');
    expect(lines[4]).toBe('（空）           25.0%   16.3%');
  });
});

describe('pivotTable (the cells every document writer takes)', () => {
  it('merges column keys, row keys down their group, and labels totals', async () => {
    const s = spec({ rows: ['地区', '类型'], cols: ['年份'], heat: true });
    const table = pivotTable(await grid(s), s, 'zh-CN');
    expect(table.rowHeaderCols).toBe(2);
    expect(table.dataCols).toBe(3);
    expect(table.header.map((r) => r.map((c) => c.kind === 'covered' ? '·' : c.text))).toEqual([
      ['年份', '·', '2019', '2020', '合计'],
      ['地区', '类型', '数量 求和', '数量 求和', '数量 求和'],
    ]);
    const labels = table.body.map((r) => r.slice(0, 2).map((c) => (c.kind === 'covered' ? '·' : `${c.text}${c.rowSpan ? `↓${c.rowSpan}` : ''}${c.colSpan ? `→${c.colSpan}` : ''}`)));
    expect(labels).toEqual([['上海↓3', '乙'], ['·', '甲'], ['·', '合计→1'], ['北京↓3', '乙'], ['·', '甲'], ['·', '合计→1'], ['（空）↓2', '甲'], ['·', '合计→1'], ['合计→2', '·']]);
    expect(table.body.every((r) => r.length === 5)).toBe(true);
    const beijingJia = table.body[4];
    expect(beijingJia.slice(2).map((c) => [c.value, c.total ?? false])).toEqual([[10, false], [20, false], [30, true]]);
    // Heat over plain cells only: 1 is the smallest, 20 the largest.
    expect(table.body[3][3].heat).toBe(0);
    expect(beijingJia[3].heat).toBe(1);
    expect(beijingJia[4].heat).toBeUndefined();
  });
});

describe('formats and checks', () => {
  it('formats in 万, 亿, % and grouped digits', () => {
    expect(formatValue(123456, 'wan', 'zh-CN', true)).toBe('12.3万');
    expect(formatValue(-1234567, 'wan', 'en', true)).toBe('-123.5×10⁴');
    expect(formatValue(310_000_000, 'yi', 'zh-CN', true)).toBe('3.10亿');
    expect(formatValue(0.4378, 'percent', 'zh-CN', false)).toBe('43.8%');
    expect(formatValue(1234567.891, 'auto', 'en', false)).toBe('1,234,567.89');
    expect(formatValue(1234567, 'auto', 'en', true)).toBe('1,234,567');
    expect(formatValue(1234567, 'decimal', 'zh-CN', true)).toBe('1,234,567.00');
    expect(formatValue(NaN, 'auto', 'zh-CN', false)).toBe('');
  });

  it('auto: a value shows the same decimals in every cell, totals included (3,077.50 under 771.63, not 3,077.5)', async () => {
    await db.exec(`CREATE TABLE money AS SELECT * FROM (VALUES
      ('北京', '甲', 771.63::DOUBLE, 2::BIGINT, 1), ('上海', '甲', 2305.87::DOUBLE, 3::BIGINT, 2), ('上海', '乙', 20.0::DOUBLE, NULL, 2)) t(地区, 类型, 金额, 人数, 级别)`);
    const s: PivotSpec = {
      ...newPivotSpec('money'),
      rows: ['类型', '地区'],
      values: [
        { column: '金额', agg: 'sum', show: 'value', format: 'auto' },
        { column: '人数', agg: 'sum', show: 'value', format: 'auto' },
        // Whole cells (1, 2, 2) whose overall average is not: then every cell shows two decimals.
        { column: '级别', agg: 'avg', show: 'value', format: 'auto' },
      ],
    };
    const info = (await describeTable(db, 'money'))!;
    const r = await runPivot(db, s, tableSource(info));
    if (r.status !== 'ready') throw new Error(r.status);
    const table = pivotTable(r.grid, s, 'zh-CN');
    expect(table.whole).toEqual([false, true, false]);
    const texts = table.body.map((row) => row.slice(2).map((c) => c.text));
    // 乙/上海, 乙 total, 甲/上海, 甲/北京, 甲 total, grand total.
    expect(texts).toEqual([
      ['20.00', '', '2.00'],
      ['20.00', '', '2.00'],
      ['2,305.87', '3', '2.00'],
      ['771.63', '2', '1.00'],
      ['3,077.50', '5', '1.50'],
      ['3,097.50', '5', '1.67'],
    ]);
    expect(pivotTable(r.grid, s, 'en').body[4].slice(2).map((c) => c.text)).toEqual(['3,077.50', '5', '1.50']);
    const text = pivotText(r.grid, s, 'zh-CN');
    expect(text).toContain('3,077.50');
    expect(text).not.toMatch(/3,077\.5(?!0)/);
  });

  it('says what is wrong in the UI language', async () => {
    const source = tableSource((await describeTable(db, 'demo'))!);
    const zh = translator('zh-CN');
    expect(checkPivot(spec({ rows: ['省份'] }), source, zh)).toBe('数据表 demo 没有列 省份');
    expect(checkPivot(spec({ values: [{ column: '类型', agg: 'avg', show: 'value', format: 'auto' }] }), source, zh)).toBe('“类型”不是数值列，不能求平均值');
    expect(checkPivot(spec({ values: [{ column: '类型', agg: 'count_distinct', show: 'value', format: 'auto' }] }), source, zh)).toBeNull();
  });

  it('parses specs strictly', () => {
    const ok = spec({ sort: { by: 'value', value: 0, col: ['2019'], dir: 'desc' }, topN: 2 });
    expect(parsePivotSpec(JSON.parse(JSON.stringify(ok)))).toEqual(ok);
    const bad: [unknown, RegExp][] = [
      [{ ...ok, version: 2 }, /version/],
      [{ ...ok, table: 'sgw_rollup' }, /internal/],
      [{ ...ok, cols: ['地区'] }, /both a row and a column/],
      [{ ...ok, values: [] }, /1 to 8/],
      [{ ...ok, values: [{ column: '数量', agg: 'avg', show: 'row_share' }] }, /shares are for sum and count/],
      [{ ...ok, values: [{ column: null, agg: 'sum' }] }, /column is required/],
      [{ ...ok, sort: { by: 'value', value: 3, dir: 'asc' } }, /sort.value/],
      [{ ...ok, sort: { by: 'value', value: 0, col: ['a', 'b'] } }, /one key per column/],
      [{ ...ok, topN: 0 }, /topN/],
      [{ ...ok, rows: [], topN: 3 }, /needs a row/],
      [{ ...ok, filters: [{ column: '年份', op: 'between' }] }, /^pivot spec: filters\[0\]\.op/],
      [{ ...ok, totals: 'yes' }, /totals/],
    ];
    for (const [json, message] of bad) expect(() => parsePivotSpec(json), String(message)).toThrow(message);
  });
});
