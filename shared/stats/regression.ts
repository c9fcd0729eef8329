/**
 * Ordinary least squares y ~ x1 + … + xk with an intercept, computed in three passes of the engine over the
 * complete rows (rows with a missing value in any variable are dropped and counted):
 *   1. counts and means;  2. the centred cross products — X'X and X'y in one pass;  3. the residual sum of
 *   squares, summed directly from the fitted coefficients (no cancellation when R² is near 1).
 * Centring removes the intercept's ill-conditioning (years ≈ 2000); X'X is scaled to a unit diagonal and
 * factored by Cholesky in JS. A column that is (numerically) a combination of the others is refused, naming
 * it. Standard errors from σ²·(X'X)⁻¹, t = b / se, p two-sided from the t distribution with n − k − 1 df.
 */
import type { ColumnInfo } from '../db-catalog';
import { crossProductsSql, regressionMeansSql, residualsSql } from '../sql/stats-sql';
import { isNumberColumn, type AnalysisSource } from '../sql/source';
import { tTwoSidedP } from './distributions';
import { StatsError } from './errors';
import { cholesky, choleskyInverse, choleskySolve, multiply } from './linalg';
import { firstRow, type StatsDb } from './stats-db';

export const INTERCEPT = '(Intercept)';

export interface Coefficient {
  term: string;
  estimate: number;
  se: number;
  t: number;
  p: number;
}

export interface Regression {
  y: string;
  xs: string[];
  /** Complete rows used, rows dropped for a missing value. */
  n: number;
  dropped: number;
  df: number;
  r2: number;
  adjR2: number;
  /** Residual standard error. */
  sigma: number;
  coefficients: Coefficient[];
  /** The engine's passes, in order (shown with the result, open in the console). */
  sql: string[];
}

/** Splits "Y ~ X1 + X2" (names may be double-quoted, "" for a quote) into the response and the regressors. */
export function parseFormula(formula: string): { y: string; xs: string[] } {
  const names: string[][] = [[]];
  let current = '';
  let quoted = false;
  const push = () => {
    names[names.length - 1].push(current.trim());
    current = '';
  };
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (quoted) {
      if (ch === '"' && formula[i + 1] === '"') {
        current += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else current += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === '~') {
      push();
      names.push([]);
    } else if (ch === '+') push();
    else current += ch;
  }
  push();
  if (quoted || names.length !== 2 || names[0].length !== 1 || names.flat().some((n) => n === '')) throw new StatsError('formula', { formula });
  return { y: names[0][0], xs: names[1] };
}

function columnsFor(source: AnalysisSource, names: string[]): ColumnInfo[] {
  return names.map((name) => {
    const c = source.columns.find((col) => col.name === name);
    if (!c) throw new StatsError('no-column', { column: name });
    if (!isNumberColumn(c)) throw new StatsError('not-number', { column: name });
    return c;
  });
}

export async function regress(db: StatsDb, source: AnalysisSource, y: string, xs: string[], signal?: AbortSignal): Promise<Regression> {
  const same = [y, ...xs].find((c, i, all) => all.indexOf(c) !== i);
  if (same !== undefined) throw new StatsError('same-column', { column: same });
  if (xs.length === 0) throw new StatsError('formula', { formula: `${y} ~` });
  const vars = columnsFor(source, [y, ...xs]);
  const k = xs.length;
  const p = k + 1;
  const sql = [regressionMeansSql(source, vars)];
  const first = await firstRow(db, sql[0], signal);
  const total = Number(first.total);
  const n = Number(first.n);
  if (n === 0) {
    const empty = await emptyColumn(db, source, vars, signal);
    throw empty ? new StatsError('all-missing', { column: empty }) : new StatsError('no-rows', {});
  }
  if (n <= p) throw new StatsError('too-few-rows', { n, p });
  const means = vars.map((_, i) => Number(first[`mean${i}`]));

  sql.push(crossProductsSql(source, vars, means));
  const cross = await firstRow(db, sql[1], signal);
  const s = (i: number, j: number) => Number(cross[`s${Math.min(i, j)}_${Math.max(i, j)}`]);
  const syy = s(0, 0);
  if (!(syy > 0)) throw new StatsError('constant', { column: y });
  const scale = xs.map((name, j) => {
    const v = s(j + 1, j + 1);
    if (!(v > 0)) throw new StatsError('constant', { column: name });
    return Math.sqrt(v);
  });
  // X'X scaled to a unit diagonal: its Cholesky pivots say how much of each column the earlier ones explain.
  const c = xs.map((_, i) => xs.map((_, j) => s(i + 1, j + 1) / (scale[i] * scale[j])));
  const chol = cholesky(c);
  if ('collinear' in chol) throw new StatsError('collinear', { column: xs[chol.collinear], others: xs.slice(0, chol.collinear).join('、') });
  const sxy = xs.map((_, j) => s(0, j + 1) / scale[j]);
  let w = choleskySolve(chol.l, sxy);
  // One step of refinement: the residual of the scaled normal equations, solved again.
  const r = multiply(c, w).map((v, i) => sxy[i] - v);
  const dw = choleskySolve(chol.l, r);
  w = w.map((v, i) => v + dw[i]);
  const slopes = w.map((v, j) => v / scale[j]);

  sql.push(residualsSql(source, vars, means, slopes));
  const rss = Number((await firstRow(db, sql[2], signal)).rss);
  const df = n - p;
  const sigma2 = rss / df;
  const inv = choleskyInverse(chol.l).map((row, i) => row.map((v, j) => v / (scale[i] * scale[j])));
  const xbar = means.slice(1);
  const intercept = means[0] - slopes.reduce((acc, b, j) => acc + b * xbar[j], 0);
  const interceptVar = sigma2 * (1 / n + xbar.reduce((acc, xi, i) => acc + xi * xbar.reduce((a2, xj, j) => a2 + inv[i][j] * xj, 0), 0));
  const coefficient = (term: string, estimate: number, variance: number): Coefficient => {
    const se = Math.sqrt(variance);
    const t = estimate / se;
    return { term, estimate, se, t, p: tTwoSidedP(t, df) };
  };
  const r2 = 1 - rss / syy;
  return {
    y,
    xs,
    n,
    dropped: total - n,
    df,
    r2,
    adjR2: 1 - ((1 - r2) * (n - 1)) / df,
    sigma: Math.sqrt(sigma2),
    coefficients: [coefficient(INTERCEPT, intercept, interceptVar), ...xs.map((x, j) => coefficient(x, slopes[j], sigma2 * inv[j][j]))],
    sql,
  };
}

/** The first variable without a single value (to name it when no row is complete). */
async function emptyColumn(db: StatsDb, source: AnalysisSource, vars: ColumnInfo[], signal?: AbortSignal): Promise<string | null> {
  for (const v of vars) {
    const row = await firstRow(db, regressionMeansSql(source, [v]), signal);
    if (Number(row.n) === 0) return v.name;
  }
  return null;
}
