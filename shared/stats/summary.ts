/**
 * Per-column summary: count, missing, distinct for every column; for numeric ones also mean, standard
 * deviation (n − 1), min, quartiles (R's type 7, linear interpolation) and max. Two passes, as R does: the
 * first mean, then the mean's correction and the centred sum of squares around it.
 */
import type { ColumnInfo } from '../db-catalog';
import { spreadSql, summarySql } from '../sql/stats-sql';
import { isNumberColumn, type AnalysisSource } from '../sql/source';
import { StatsError } from './errors';
import { firstRow, numberOrNull, type StatsDb } from './stats-db';

export interface ColumnSummary {
  column: string;
  type: string;
  numeric: boolean;
  count: number;
  missing: number;
  distinct: number;
  /** Numeric columns with a value; null otherwise (sd needs two values). */
  mean: number | null;
  sd: number | null;
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
}

export function pickColumns(source: AnalysisSource, names?: readonly string[]): ColumnInfo[] {
  if (!names) return [...source.columns];
  return names.map((name) => source.columns.find((c) => c.name === name) ?? (() => { throw new StatsError('no-column', { column: name }); })());
}

export async function summarize(db: StatsDb, source: AnalysisSource, names?: readonly string[], signal?: AbortSignal): Promise<{ columns: ColumnSummary[]; sql: string[] }> {
  const columns = pickColumns(source, names);
  if (columns.length === 0) return { columns: [], sql: [] };
  const sql = [summarySql(source, columns)];
  const row = await firstRow(db, sql[0], signal);
  const out: ColumnSummary[] = columns.map((c, i) => {
    const numeric = isNumberColumn(c);
    const q = numeric && row[`q${i}`] ? Array.from((row[`q${i}`] as { toArray(): ArrayLike<number> }).toArray()) : [];
    return {
      column: c.name,
      type: c.type,
      numeric,
      count: Number(row[`c${i}`]),
      missing: Number(row[`m${i}`]),
      distinct: Number(row[`d${i}`]),
      mean: numeric ? numberOrNull(row[`mean${i}`]) : null,
      sd: null,
      min: numeric ? numberOrNull(row[`min${i}`]) : null,
      q1: numberOrNull(q[0]),
      median: numberOrNull(q[1]),
      q3: numberOrNull(q[2]),
      max: numeric ? numberOrNull(row[`max${i}`]) : null,
    };
  });
  const spread = out.flatMap((s, i) => (s.mean !== null && Number.isFinite(s.mean) ? [{ at: i, column: columns[i], mean: s.mean }] : []));
  if (spread.length) {
    sql.push(spreadSql(source, spread));
    const second = await firstRow(db, sql[1], signal);
    spread.forEach(({ at }, j) => {
      const s = out[at];
      const dm = Number(second[`dm${j}`]);
      // Σ(x − x̄)² = Σ(x − m)² − n·(x̄ − m)² for the first mean m and the corrected mean x̄ = m + dm.
      const ss = Number(second[`ss${j}`]) - s.count * dm * dm;
      s.mean = s.mean! + dm;
      s.sd = s.count > 1 ? Math.sqrt(Math.max(0, ss) / (s.count - 1)) : null;
    });
  }
  return { columns: out, sql };
}
