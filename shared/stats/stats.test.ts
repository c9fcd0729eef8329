import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../electron/cli/node-db';
import type { Db } from '../db';
import { describeTable } from '../db-catalog';
import { translator } from '../i18n';
import { tableSource, type AnalysisSource } from '../sql/source';
import { correlate } from './correlation';
import { tTwoSidedP } from './distributions';
import { describeStatsError, StatsError } from './errors';
import { parseFormula, regress } from './regression';
import { summarize } from './summary';
import { linearTrend, trendPoints } from './trend';

/** Reference numbers from R (tests/fixtures/stats/reference.R: lm, cor, quantile type 7, sd, pt), on the same CSV files. */
const dir = path.resolve(__dirname, '../../tests/fixtures/stats');
interface Ref {
  reference: string;
  summary: Record<string, Record<string, number | null>>;
  pearson: { x: string; y: string; r: number | null; n: number }[];
  spearman: { x: string; y: string; r: number | null; n: number }[];
  regressions: { n: number; dropped: number; r2: number; adjR2: number; sigma: number; df: number; coefficients: { term: string; estimate: number; se: number; t: number; p: number }[] }[];
  trend: { slope: number; intercept: number; r2: number; cagr: number };
  tdist: { t: number; df: number; p: number }[];
}
let ref: Ref;

const TYPES: Record<string, string> = {
  basic: "{'地区': 'VARCHAR', '年份': 'INTEGER', '常住人口': 'DOUBLE', '财政支出': 'DECIMAL(18,2)', '社会组织数': 'BIGINT', '志愿者比例': 'DOUBLE', '满意度': 'FLOAT', '偏移量': 'DOUBLE', '全空': 'DOUBLE', '治理指数': 'DOUBLE'}",
  illcond: "{'年份': 'INTEGER', 'x1': 'DOUBLE', 'x2': 'DOUBLE', 'x3': 'DOUBLE', 'y': 'DOUBLE'}",
  collinear: "{'a': 'INTEGER', 'b': 'INTEGER', 'c': 'INTEGER', '常数': 'INTEGER', 'y': 'DOUBLE'}",
  trend: "{'年份': 'INTEGER', '值': 'DOUBLE'}",
};

let db: Db;
const sources: Record<string, AnalysisSource> = {};
beforeAll(async () => {
  ref = JSON.parse(await readFile(path.join(dir, 'reference.json'), 'utf8')) as Ref;
  db = await openNodeDb();
  for (const [name, columns] of Object.entries(TYPES)) {
    await db.registerFile(`${name}.csv`, new Uint8Array(await readFile(path.join(dir, `${name}.csv`))));
    await db.exec(`CREATE TABLE ${name} AS SELECT * FROM read_csv('${name}.csv', header = true, columns = ${columns})`);
    sources[name] = tableSource((await describeTable(db, name))!);
  }
});
afterAll(() => db.close());

/** Within 1e-8 relative of R (absolute 1e-300 for p-values R gives as 0 or below). */
function close(actual: number | null, expected: number | null, where: string) {
  if (expected === null) return expect(actual, where).toBeNull();
  expect(actual, where).not.toBeNull();
  const tol = Math.max(1e-8 * Math.abs(expected), 1e-300);
  expect(Math.abs(actual! - expected), `${where}: ${actual} vs R ${expected}`).toBeLessThanOrEqual(tol);
}

describe('statistics equal R to 1e-8 relative', () => {
  it('uses R as the reference', () => expect(ref.reference).toMatch(/^R version 4\.2\.2/));

  it('per-column summary (NaN counts as missing, an all-NULL column, text, FLOAT, DECIMAL, BIGINT)', async () => {
    const { columns } = await summarize(db, sources.basic);
    expect(columns.map((c) => c.column)).toEqual(Object.keys(ref.summary));
    for (const s of columns) {
      const r = ref.summary[s.column];
      for (const key of Object.keys(r)) close(s[key as keyof typeof s] as number | null, r[key], `${s.column}.${key}`);
    }
    expect(columns.find((c) => c.column === '志愿者比例')!.missing).toBe(5);
    expect(columns.find((c) => c.column === '全空')).toMatchObject({ count: 0, missing: 400, mean: null, sd: null, median: null });
  });

  it.each(['pearson', 'spearman'] as const)('%s correlation matrix, pairwise complete rows', async (method) => {
    const m = await correlate(db, sources.basic, method, ['年份', '常住人口', '财政支出', '社会组织数', '志愿者比例', '满意度', '偏移量', '治理指数']);
    const k = m.columns.length;
    expect(ref[method].length).toBe(k * k);
    ref[method].forEach((cell, at) => {
      const [i, j] = [Math.floor(at / k), at % k];
      close(m.r[i][j], cell.r, `${method} ${cell.x} × ${cell.y}`);
      expect(m.n[i][j], `n ${cell.x} × ${cell.y}`).toBe(cell.n);
    });
  });

  const regressions: [string, string, number][] = [
    ['basic', '治理指数 ~ 常住人口 + 财政支出 + 社会组织数 + 志愿者比例 + 年份', 0],
    ['basic', '治理指数 ~ 满意度 + 偏移量', 1],
    ['illcond', 'y ~ x1 + x2 + x3', 2],
    ['illcond', 'y ~ x1', 3],
  ];
  it.each(regressions)('regression on %s: %s', async (table, formula, at) => {
    const { y, xs } = parseFormula(formula);
    const fit = await regress(db, sources[table], y, xs);
    const r = ref.regressions[at];
    expect([fit.n, fit.dropped, fit.df]).toEqual([r.n, r.dropped, r.df]);
    for (const key of ['r2', 'adjR2', 'sigma'] as const) close(fit[key], r[key], key);
    expect(fit.coefficients.map((c) => c.term)).toEqual(r.coefficients.map((c) => c.term));
    fit.coefficients.forEach((c, i) => {
      for (const key of ['estimate', 'se', 't', 'p'] as const) close(c[key], r.coefficients[i][key], `${c.term}.${key}`);
    });
    expect(fit.sql).toHaveLength(3);
  });

  it('t-distribution p-values from df 1 to 10⁶', () => {
    for (const { t, df, p } of ref.tdist) close(tTwoSidedP(t, df), p, `t = ${t}, df = ${df}`);
  });

  it('trend: slope, intercept, R² and CAGR of a yearly series', async () => {
    const rows = (await db.query('SELECT 年份, 值 FROM trend ORDER BY 年份')).toArray().map((r) => r.toJSON() as { 年份: number; 值: number });
    const trend = linearTrend(trendPoints(rows.map((r) => String(r.年份)), rows.map((r) => r.值)))!;
    for (const key of ['slope', 'intercept', 'r2', 'cagr'] as const) close(trend[key], ref.trend[key], key);
    expect(linearTrend(trendPoints(['a', 'b', 'c'], [1, 2, 4]))).toMatchObject({ slope: 1.5, n: 3 });
    expect(linearTrend([{ x: 1, y: 3 }])).toBeNull();
    expect(linearTrend(trendPoints(['2019', '2020'], [-1, 2]))!.cagr).toBeNull();
  });
});

describe('regressions that cannot be estimated are refused in words', () => {
  const zh = translator('zh-CN');
  const refused = async (table: string, formula: string) => {
    const { y, xs } = parseFormula(formula);
    try {
      await regress(db, sources[table], y, xs);
    } catch (e) {
      if (e instanceof StatsError) return describeStatsError(e, zh);
      throw e;
    }
    throw new Error('not refused');
  };

  it('collinear regressors, naming the one the others explain', async () => {
    expect(await refused('collinear', 'y ~ a + b + c')).toBe('自变量“c”与其他自变量（a、b）共线（几乎可由它们线性表示），无法分别估计：请去掉其中一个');
    expect(await refused('collinear', 'y ~ a + 常数')).toBe('“常数”所有值都相同，无法估计回归');
  });

  it('n ≤ k, an all-NULL column, a text column, an unknown column, a bad formula', async () => {
    await db.exec('CREATE OR REPLACE TABLE tiny AS SELECT * FROM collinear LIMIT 3');
    sources.tiny = tableSource((await describeTable(db, 'tiny'))!);
    expect(await refused('tiny', 'y ~ a + b + 常数')).toBe('完整的行只有 3 行，少于或等于要估计的参数个数 4：请减少自变量或补充数据');
    expect(await refused('basic', '治理指数 ~ 年份 + 全空')).toBe('“全空”全部为空值，无法估计回归');
    expect(await refused('basic', '治理指数 ~ 地区')).toBe('“地区”不是数值列');
    expect(await refused('basic', '治理指数 ~ 人口')).toBe('没有列“人口”');
    expect(await refused('basic', '治理指数 ~ 年份 + 年份')).toBe('“年份”在公式中出现了两次');
    expect(() => parseFormula('y ~ a ~ b')).toThrow(StatsError);
    expect(() => parseFormula('y ~ a + ')).toThrow(StatsError);
    expect(parseFormula('"a ~ b" ~ "c + ""d""" + 人口')).toEqual({ y: 'a ~ b', xs: ['c + "d"', '人口'] });
  });
});
