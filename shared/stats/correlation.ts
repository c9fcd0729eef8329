/**
 * Correlation matrix of numeric columns, each pair over the rows where both have a value (pairwise
 * complete, as R's use = "pairwise.complete.obs"): Pearson from centred sums in two passes of the engine;
 * Spearman as the correlation of average ranks within the pair's rows (the engine's corr() on ranks, which
 * are small numbers). A constant column has no correlation (null).
 */
import { columnMeansSql, pearsonSql, spearmanSql } from '../sql/stats-sql';
import { isNumberColumn, type AnalysisSource } from '../sql/source';
import { StatsError } from './errors';
import { firstRow, numberOrNull, type StatsDb } from './stats-db';
import { pickColumns } from './summary';

export type CorrelationMethod = 'pearson' | 'spearman';

export interface CorrelationMatrix {
  method: CorrelationMethod;
  columns: string[];
  /** r[i][j]; the diagonal is 1, or null for a constant column. */
  r: (number | null)[][];
  /** Rows both columns have a value in. */
  n: number[][];
  sql: string[];
}

/** The numeric columns of a source (what the matrix uses by default). */
export function numericColumns(source: AnalysisSource): string[] {
  return source.columns.filter(isNumberColumn).map((c) => c.name);
}

export async function correlate(db: StatsDb, source: AnalysisSource, method: CorrelationMethod, names = numericColumns(source), signal?: AbortSignal): Promise<CorrelationMatrix> {
  const columns = pickColumns(source, names);
  const bad = columns.find((c) => !isNumberColumn(c));
  if (bad) throw new StatsError('not-number', { column: bad.name });
  const k = columns.length;
  const r: (number | null)[][] = Array.from({ length: k }, () => new Array<number | null>(k).fill(null));
  const n: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  if (k === 0) return { method, columns: [], r, n, sql: [] };
  const set = (i: number, j: number, value: unknown, count: unknown) => {
    r[i][j] = r[j][i] = numberOrNull(value);
    n[i][j] = n[j][i] = Number(count ?? 0);
  };
  const sql: string[] = [];
  if (method === 'pearson') {
    sql.push(columnMeansSql(source, columns));
    const first = await firstRow(db, sql[0], signal);
    // A column without values is centred anywhere: its pairs have no rows.
    const means = columns.map((_, i) => numberOrNull(first[`mean${i}`]) ?? 0);
    sql.push(pearsonSql(source, columns, means));
    const row = await firstRow(db, sql[1], signal);
    for (let i = 0; i < k; i++) for (let j = i; j < k; j++) set(i, j, pearson(row, `${i}_${j}`), row[`n${i}_${j}`]);
  } else {
    sql.push(spearmanSql(source, columns));
    for (const row of (await db.query(sql[0], signal ? { signal } : undefined)).toArray()) {
      const o = row.toJSON() as Record<string, unknown>;
      set(Number(o.i), Number(o.j), o.r, o.n);
    }
  }
  return { method, columns: names, r, n, sql };
}

/** r from a pair's centred sums: (Σxy − Σx·Σy/n) / √((Σxx − Σx²/n)(Σyy − Σy²/n)); null without spread. */
function pearson(row: Record<string, unknown>, id: string): number | null {
  const n = Number(row[`n${id}`]);
  if (!(n > 1)) return null;
  const [x, y, xx, yy, xy] = ['x', 'y', 'xx', 'yy', 'xy'].map((k) => Number(row[`${k}${id}`]));
  const sxx = xx - (x * x) / n;
  const syy = yy - (y * y) / n;
  if (!(sxx > 0 && syy > 0)) return null;
  return Math.max(-1, Math.min(1, (xy - (x * y) / n) / Math.sqrt(sxx * syy)));
}
