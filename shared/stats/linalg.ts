/**
 * Small dense linear algebra for the regression: Cholesky factors of a k×k symmetric positive definite
 * matrix with unit diagonal (X'X scaled to a correlation-like matrix), solves and the inverse.
 */

export type Matrix = number[][];

/**
 * Below this squared pivot a column is (numerically) a linear combination of the columns before it: with a
 * unit diagonal, the pivot² is 1 − R² of that column regressed on the earlier ones.
 */
export const COLLINEAR_PIVOT = 1e-9;

/** L with A = L·Lᵀ, or the index of the first column whose pivot² falls below COLLINEAR_PIVOT. */
export function cholesky(a: Matrix): { l: Matrix } | { collinear: number } {
  const k = a.length;
  const l: Matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let j = 0; j < k; j++) {
    let d = a[j][j];
    for (let m = 0; m < j; m++) d -= l[j][m] * l[j][m];
    if (!(d > COLLINEAR_PIVOT * a[j][j])) return { collinear: j };
    l[j][j] = Math.sqrt(d);
    for (let i = j + 1; i < k; i++) {
      let s = a[i][j];
      for (let m = 0; m < j; m++) s -= l[i][m] * l[j][m];
      l[i][j] = s / l[j][j];
    }
  }
  return { l };
}

/** Solves L·Lᵀ·x = b. */
export function choleskySolve(l: Matrix, b: readonly number[]): number[] {
  const k = l.length;
  const z = new Array<number>(k);
  for (let i = 0; i < k; i++) {
    let s = b[i];
    for (let m = 0; m < i; m++) s -= l[i][m] * z[m];
    z[i] = s / l[i][i];
  }
  const x = new Array<number>(k);
  for (let i = k - 1; i >= 0; i--) {
    let s = z[i];
    for (let m = i + 1; m < k; m++) s -= l[m][i] * x[m];
    x[i] = s / l[i][i];
  }
  return x;
}

/** (L·Lᵀ)⁻¹, column by column. */
export function choleskyInverse(l: Matrix): Matrix {
  const k = l.length;
  const cols = Array.from({ length: k }, (_, j) => choleskySolve(l, Array.from({ length: k }, (_, i) => (i === j ? 1 : 0))));
  return Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => cols[j][i]));
}

export function multiply(a: Matrix, x: readonly number[]): number[] {
  return a.map((row) => row.reduce((s, v, j) => s + v * x[j], 0));
}
