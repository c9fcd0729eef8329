import { ident } from '../db';
import type { ColumnInfo } from '../db-catalog';
import { fromSource, isNumberColumn, type AnalysisSource } from './source';

/**
 * The statistics' SQL (shared/stats): every pass over the data runs in the engine and returns one row of
 * sums, counts and quantiles; only k×k systems are solved in JS. A floating-point NaN counts as missing,
 * as in R (is.na(NaN) is TRUE), and numbers are read as DOUBLE.
 */

/** A column as a number: DOUBLE, NaN → NULL. */
export function numberExpr(c: ColumnInfo): string {
  const x = `${ident(c.name)}::DOUBLE`;
  return /^(FLOAT|DOUBLE|REAL)/i.test(c.type) ? `nullif(${x}, 'NaN'::DOUBLE)` : x;
}

/** A finite double as a DOUBLE literal that reads back as the same double (shortest round-trip digits). */
export function doubleLiteral(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`not a finite number: ${x}`);
  return `${x.toExponential()}`;
}

const where = (conditions: string[]) => (conditions.length ? `\nWHERE ${conditions.join(' AND ')}` : '');

/**
 * Per column: count, missing, distinct; for numbers also a first mean, min, quartiles (type 7 = R's
 * default: quantile_cont) and max. Aliases: c{i}, m{i}, d{i}, mean{i}, min{i}, q{i} (a list of three), max{i}.
 */
export function summarySql(source: AnalysisSource, columns: readonly ColumnInfo[]): string {
  const parts = columns.flatMap((c, i) => {
    const x = isNumberColumn(c) ? numberExpr(c) : ident(c.name);
    const common = [`count(${x})::DOUBLE AS c${i}`, `(count(*) - count(${x}))::DOUBLE AS m${i}`, `count(DISTINCT ${x})::DOUBLE AS d${i}`];
    if (!isNumberColumn(c)) return common;
    return [...common, `avg(${x}) AS mean${i}`, `min(${x}) AS min${i}`, `quantile_cont(${x}, [0.25, 0.5, 0.75]) AS q${i}`, `max(${x}) AS max${i}`];
  });
  return `SELECT ${parts.join(',\n  ')}\nFROM ${fromSource(source)}`;
}

/**
 * The second pass of the summary, around the first means (two passes, as R's mean and var do): the mean's
 * correction avg(x − m) and the centred sum of squares. Aliases: dm{i}, ss{i}.
 */
export function spreadSql(source: AnalysisSource, columns: readonly { column: ColumnInfo; mean: number }[]): string {
  const parts = columns.flatMap(({ column, mean }, i) => {
    const dx = `(${numberExpr(column)} - ${doubleLiteral(mean)})`;
    return [`avg(${dx}) AS dm${i}`, `sum(${dx} * ${dx}) AS ss${i}`];
  });
  return `SELECT ${parts.join(',\n  ')}\nFROM ${fromSource(source)}`;
}

/** Pearson, pass 1: each column's mean over its values (the centre of pass 2): mean{i}. */
export function columnMeansSql(source: AnalysisSource, columns: readonly ColumnInfo[]): string {
  return `SELECT ${columns.map((c, i) => `avg(${numberExpr(c)}) AS mean${i}`).join(', ')}\nFROM ${fromSource(source)}`;
}

/**
 * Pearson, pass 2: per pair i ≤ j over the rows where both have a value, around the column means: the count
 * n{i}_{j}, the sums x{i}_{j} and y{i}_{j}, and the sums of products xx, yy, xy (so a column near 10⁹ with a
 * spread of 1 keeps its digits, which one-pass corr() does not).
 */
export function pearsonSql(source: AnalysisSource, columns: readonly ColumnInfo[], means: readonly number[]): string {
  const d = columns.map((c, i) => `(${numberExpr(c)} - ${doubleLiteral(means[i])})`);
  const parts: string[] = [];
  columns.forEach((a, i) =>
    columns.forEach((b, j) => {
      if (j < i) return;
      const both = `FILTER (WHERE ${numberExpr(a)} IS NOT NULL AND ${numberExpr(b)} IS NOT NULL)`;
      const id = `${i}_${j}`;
      parts.push(
        `(count(*) ${both})::DOUBLE AS n${id}`,
        `sum(${d[i]}) ${both} AS x${id}`,
        `sum(${d[j]}) ${both} AS y${id}`,
        `sum(${d[i]} * ${d[i]}) ${both} AS xx${id}`,
        `sum(${d[j]} * ${d[j]}) ${both} AS yy${id}`,
        `sum(${d[i]} * ${d[j]}) ${both} AS xy${id}`,
      );
    }),
  );
  return `SELECT ${parts.join(',\n  ')}\nFROM ${fromSource(source)}`;
}

/**
 * Spearman correlations: per pair, the Pearson correlation of the ranks within that pair's complete rows,
 * ties given their average rank (R's rank()). Rows: i, j (i ≤ j), r, n.
 */
export function spearmanSql(source: AnalysisSource, columns: readonly ColumnInfo[]): string {
  const avgRank = (x: string) => `(rank() OVER (ORDER BY ${x}) + count(*) OVER () + 1 - rank() OVER (ORDER BY ${x} DESC)) / 2.0`;
  const pairs: string[] = [];
  columns.forEach((a, i) =>
    columns.forEach((b, j) => {
      if (j < i) return;
      const [x, y] = [numberExpr(a), numberExpr(b)];
      pairs.push(`SELECT ${i} AS i, ${j} AS j, corr(rx, ry) AS r, count(*)::DOUBLE AS n FROM (
  SELECT ${avgRank('x')} AS rx, ${avgRank('y')} AS ry
  FROM (SELECT ${x} AS x, ${y} AS y FROM ${fromSource(source)}) AS p
  WHERE x IS NOT NULL AND y IS NOT NULL
) AS ranked`);
    }),
  );
  return pairs.join('\nUNION ALL\n');
}

/** Regression, pass 1: rows in all (total) and complete (n), and the complete rows' means mean{i} (y first, then the x's). */
export function regressionMeansSql(source: AnalysisSource, vars: readonly ColumnInfo[]): string {
  const complete = vars.map((v) => `${numberExpr(v)} IS NOT NULL`).join(' AND ');
  const means = vars.map((v, i) => `avg(${numberExpr(v)}) FILTER (WHERE ${complete}) AS mean${i}`);
  return `SELECT count(*)::DOUBLE AS total, (count(*) FILTER (WHERE ${complete}))::DOUBLE AS n, ${means.join(', ')}\nFROM ${fromSource(source)}`;
}

const centred = (vars: readonly ColumnInfo[], means: readonly number[]) => vars.map((v, i) => `(${numberExpr(v)} - ${doubleLiteral(means[i])})`);
const completeRows = (vars: readonly ColumnInfo[]) => vars.map((v) => `${numberExpr(v)} IS NOT NULL`);

/** Pass 2: the centred cross products of the complete rows, s{i}_{j} for i ≤ j (index 0 = y): X'X and X'y in one pass. */
export function crossProductsSql(source: AnalysisSource, vars: readonly ColumnInfo[], means: readonly number[]): string {
  const c = centred(vars, means);
  const parts: string[] = [];
  c.forEach((a, i) => c.forEach((b, j) => j >= i && parts.push(`sum(${a} * ${b}) AS s${i}_${j}`)));
  return `SELECT ${parts.join(', ')}\nFROM ${fromSource(source)}${where(completeRows(vars))}`;
}

/** Pass 3: the residual sum of squares of the fit y − ȳ = Σ b_j (x_j − x̄_j), summed directly (no cancellation): rss. */
export function residualsSql(source: AnalysisSource, vars: readonly ColumnInfo[], means: readonly number[], slopes: readonly number[]): string {
  const [y, ...xs] = centred(vars, means);
  const fit = xs.map((x, j) => `${doubleLiteral(slopes[j])} * ${x}`).join(' + ');
  const r = `(${y} - (${fit || '0'}))`;
  return `SELECT sum(${r} * ${r}) AS rss\nFROM ${fromSource(source)}${where(completeRows(vars))}`;
}
