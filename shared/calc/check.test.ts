import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../electron/cli/node-db';
import type { Db } from '../db';
import { describeTable, type TableInfo } from '../db-catalog';
import { translator } from '../i18n';
import type { CalcField } from '../model/calc-field';
import { bindField, withCalcFields } from './check';
import { describeCalcProblem, type CalcProblemCode } from './problems';
import { tryField } from './trial';

let db: Db;
let base: TableInfo;

beforeAll(async () => {
  db = await openNodeDb();
  await db.exec(`CREATE TABLE 统计 AS SELECT * FROM (VALUES
      ('上海市', 2020, 2487.09::DOUBLE, 17000::BIGINT, 1.5::DECIMAL(18,3), DATE '2020-05-01'),
      ('上海市', 2021, 2489.43::DOUBLE, 17200::BIGINT, 2.25::DECIMAL(18,3), DATE '2021-03-09'),
      ('北京市', 2020, 2189.31::DOUBLE, 12800::BIGINT, NULL, NULL),
      ('北京市', 2021, NULL, 13100::BIGINT, 4.0::DECIMAL(18,3), DATE '2021-12-31'),
      ('浙江省', 2021, 6540.0::DOUBLE, NULL, 0.125::DECIMAL(18,3), DATE '2021-01-01')
    ) t(地区, 年份, 常住人口, 社会组织数, 经费, 成立日期)`);
  await db.exec('CREATE TABLE other (x INTEGER)');
  await db.exec('INSERT INTO other VALUES (1), (2)');
  await db.exec('CREATE SEQUENCE seq');
  base = (await describeTable(db, '统计'))!;
});
afterAll(() => db.close());

const expr = (name: string, text: string, unit?: string): CalcField => ({ name, table: '统计', def: { kind: 'expr', expr: text }, ...(unit ? { unit } : {}) });
const bind = (text: string, name = '结果') => bindField(db, base.columns, expr(name, text), base.columns.map((c) => c.name));
const problem = async (text: string): Promise<CalcProblemCode> => {
  const b = await bind(text);
  if (b.ok) throw new Error(`${text} was accepted as ${b.type}`);
  return b.problem.code;
};

describe('formulas the engine accepts', () => {
  it.each([
    ['"社会组织数" / "常住人口" * 10000', 'DOUBLE', ['常住人口', '社会组织数']],
    [`CASE WHEN "常住人口" >= 2400 THEN '大' ELSE '小' END`, 'VARCHAR', ['常住人口']],
    ['round("常住人口", 1)', 'DOUBLE', ['常住人口']],
    [`"地区" || '-' || "年份"`, 'VARCHAR', ['地区', '年份']],
    ['year("成立日期")', 'BIGINT', ['成立日期']],
    ['"经费" * 2', 'DECIMAL(18,3)', ['经费']],
    [`IF("社会组织数" > 15000, 1, 0)`, 'INTEGER', ['社会组织数']],
    ['"常住人口" * 2 -- 两倍', 'DOUBLE', ['常住人口']],
    [`'it''s' || "地区"`, 'VARCHAR', ['地区']],
  ])('%s → %s, reading %j', async (text, type, uses) => {
    expect(await bind(text)).toEqual({ ok: true, type, uses });
  });
});

describe('SQL that is not one scalar expression over the table is refused', () => {
  it.each<[string, CalcProblemCode]>([
    ['1); DROP TABLE 统计; --', 'semicolon'],
    [`'a;b'`, 'semicolon'],
    ['(SELECT max(x) FROM other)', 'subquery'],
    ['"社会组织数" IN (SELECT x FROM other)', 'subquery'],
    ['(SELECT count(*) FROM range(3))', 'subquery'],
    ['exists(SELECT 1)', 'subquery'],
    ['(SELECT 1)', 'subquery'],
    ['1 UNION SELECT 2', 'not-scalar'],
    ['sum("常住人口")', 'aggregate'],
    ['lag("常住人口") OVER (ORDER BY "年份")', 'window'],
    ['unnest([1, 2])', 'unnest'],
    ['"常住人口" WHERE "常住人口" > 1', 'not-scalar'],
    ['1 ORDER BY 1', 'not-scalar'],
    ['1 LIMIT 1', 'not-scalar'],
    ['"常住人口", "年份"', 'not-one-value'],
    ['*', 'not-one-value'],
    ['[1, 2]', 'nested-result'],
    ['struct_pack(a := 1)', 'nested-result'],
    ['"常住人口" AS x', 'not-scalar'],
    ['"常住人口") AS x FROM other, (SELECT (1', 'syntax'],
    [`'abc' /*`, 'syntax'],
    ['"常住人口" + "', 'syntax'],
    ['1 +', 'incomplete'],
    [`'a' ||`, 'incomplete'],
    ["read_csv('x.csv')", 'subquery'],
    ["query('SELECT * FROM other')", 'subquery'],
    ['other.x', 'table-ref'],
    ['', 'empty'],
    ['1\u0000', 'control'],
  ])('%j → %s', async (text, code) => {
    expect(await problem(text)).toBe(code);
  });

  it('leaves the tables and sequences as they were', async () => {
    expect(Number((await db.query('SELECT count(*)::DOUBLE AS n FROM 统计')).get(0)!.n)).toBe(5);
    // nextval binds (it is one scalar value), but the trial runs read-only and the engine refuses the write.
    const trial = await tryField(db, base, [], expr('序号', "nextval('seq')"), {});
    expect(trial).toMatchObject({ ok: false, problem: { code: 'writes' } });
    expect(Number((await db.query("SELECT nextval('seq')::DOUBLE AS n")).get(0)!.n)).toBe(1);
  });

  it('refuses a name a real column or another field has, compared as the engine compares names', async () => {
    expect((await bindField(db, base.columns, expr('常住人口', '1'), base.columns.map((c) => c.name))).ok).toBe(false);
    expect(await bindField(db, base.columns, { name: 'YEAR', def: { kind: 'expr', expr: '1' } }, ['year'])).toMatchObject({ ok: false, problem: { code: 'name-taken' } });
    expect(await bindField(db, base.columns, expr('sgw_x', '1'), [])).toMatchObject({ ok: false, problem: { code: 'name-invalid' } });
  });
});

describe('errors in words', () => {
  const words = async (text: string, lang: 'zh-CN' | 'en' = 'zh-CN') => {
    const b = await bind(text);
    if (b.ok) throw new Error('accepted');
    return describeCalcProblem(b.problem, translator(lang));
  };

  it('names the types that do not fit, in the UI language, with the engine detail apart', async () => {
    const zh = await words('"地区" + 1');
    expect(zh.message).toBe('“+”不能用于这些类型的值：文本、数字。请先转换类型，例如 CAST("列名" AS DOUBLE)。');
    expect(zh.detail).toMatch(/^No function matches the given name and argument types '\+\(VARCHAR, INTEGER_LITERAL\)'/);
    expect((await words('"地区" + 1', 'en')).message).toBe('“+” does not work on values of these types: text, number. Convert first, e.g. CAST("column" AS DOUBLE).');
    expect((await words('year("地区")')).message).toContain('“year”不能用于这些类型的值：文本');
  });

  it('names a missing column with the ones there are, and a missing function with the engine’s suggestion', async () => {
    expect((await words('"人口" * 2')).message).toBe('找不到列“人口”。列名含中文或特殊字符时请加双引号，例如 "常住人口"。可用的列：常住人口。');
    const fn = await words('rond("常住人口", 1)');
    expect(fn.message).toMatch(/^没有名为“rond”的函数。您是不是想用 \w+？$/);
  });

  it('says where the syntax breaks', async () => {
    expect((await words('"常住人口" 2')).message).toBe('公式写法有误，问题在“2”附近。');
  });

  it('reports a value that cannot be converted when the rows are computed', async () => {
    // The engine types the CASE as INTEGER and fails on '多' only when it reads the rows.
    const trial = await tryField(db, base, [], expr('档次', `CASE WHEN "常住人口" > 2400 THEN '多' ELSE 2 END`), {});
    if (trial.ok) throw new Error('accepted');
    expect(describeCalcProblem(trial.problem, translator('zh-CN')).message).toBe('有值无法转换为数字：“多”。');
  });
});

describe('the trial and the fields of a table', () => {
  it('computes every row, previews the first, and warns in words when units differ', async () => {
    const units = { 常住人口: '万人', 社会组织数: '个' };
    const trial = await tryField(db, base, [], expr('每万人社会组织数', '"社会组织数" / "常住人口"', '个/万人'), units);
    if (!trial.ok) throw new Error(trial.problem.code);
    expect(trial).toMatchObject({ type: 'DOUBLE', uses: ['常住人口', '社会组织数'], rows: 5, filled: 3 });
    expect(trial.preview.columns).toEqual(['常住人口', '社会组织数', '每万人社会组织数']);
    expect(trial.preview.rows[0]).toEqual([2487.09, 17000, 17000 / 2487.09]);
    expect(trial.mixedUnits).toEqual([
      { column: '常住人口', unit: '万人' },
      { column: '社会组织数', unit: '个' },
    ]);
    const same = await tryField(db, base, [], expr('两倍人口', '"常住人口" * 2'), units);
    expect(same.ok && same.mixedUnits).toBe(undefined);
  });

  it('adds the working fields as typed columns in order, a field may use the ones before it, a broken one is named', async () => {
    const fields = [
      expr('密度', '"社会组织数" / "常住人口"', '个/万人'),
      expr('密度取整', 'round("密度", 2)'),
      expr('坏字段', '"已删除的列" + 1'),
      expr('靠后', '"密度取整" * 10'),
    ];
    const { table, broken, uses } = await withCalcFields(db, base, fields);
    expect(table.columns.slice(base.columns.length)).toEqual([
      { name: '密度', type: 'DOUBLE', calculated: true, unit: '个/万人' },
      { name: '密度取整', type: 'DOUBLE', calculated: true },
      { name: '靠后', type: 'DOUBLE', calculated: true },
    ]);
    expect(broken.map((b) => [b.field.name, b.problem.code])).toEqual([['坏字段', 'no-column']]);
    expect(uses['密度取整']).toEqual(['密度']);
    const rows = (await db.query(`SELECT "地区", "年份", "靠后" FROM ${table.relation} ORDER BY "地区", "年份"`)).toArray().map((r) => [r['地区'], r['年份'], r['靠后']]);
    expect(rows).toEqual([
      ['上海市', 2020, (Math.round((17000 / 2487.09) * 100) / 100) * 10],
      ['上海市', 2021, (Math.round((17200 / 2489.43) * 100) / 100) * 10],
      ['北京市', 2020, (Math.round((12800 / 2189.31) * 100) / 100) * 10],
      ['北京市', 2021, null],
      ['浙江省', 2021, null],
    ]);
  });
});
