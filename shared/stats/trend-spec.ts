/**
 * The 统计 panel's trend: one numeric measure summed per year (over one place, or over every place but the
 * totals), drawn as a line chart with its least-squares line — a ChartSpec, so it runs and draws through the
 * one chart path (shared/charts/run-chart.ts), and its slope, R² and CAGR are the ones the line's label
 * shows (shared/stats/trend.ts). CAGR is refused, with the reason, when it would mislead.
 */
import type { ChartSpec, Filter } from '../model/chart-spec';
import { trendPoints, yearly } from './trend';

export interface TrendAsk {
  table: string;
  measure: string;
  year: string;
  /** The column of places, and the place asked for; no place = every place summed. */
  region?: string;
  place?: string;
  /** The region column's total rows (全国, 合计 …): left out when every place is summed, so nothing counts twice. */
  totals?: readonly string[];
  title: string;
}

export function trendSpec(ask: TrendAsk): ChartSpec {
  const filters: Filter[] = [];
  if (ask.region && ask.place !== undefined) filters.push({ column: ask.region, op: 'in', values: [ask.place] });
  else if (ask.region && ask.totals?.length) filters.push({ column: ask.region, op: 'not_in', values: [...ask.totals] });
  return {
    version: 1,
    table: ask.table,
    kind: 'line',
    x: ask.year,
    measures: [{ column: ask.measure, agg: 'sum', transform: 'none' }],
    filters,
    sort: 'x_asc',
    stack: 'none',
    title: ask.title,
    annotations: [],
    trend: true,
  };
}

/** Why a CAGR would mislead: a first or last value ≤ 0, or x that are not years increasing step by step. */
export type CagrProblem = 'non-positive' | 'not-increasing';

/** The problem with a CAGR over these points in their drawn order (values without a number left out), or null. */
export function cagrProblem(categories: readonly string[], values: readonly (number | null)[]): CagrProblem | null {
  if (!yearly(categories)) return 'not-increasing';
  const pts = trendPoints(categories, values).filter((p) => Number.isFinite(p.y));
  if (pts.some((p, i) => i > 0 && !(p.x > pts[i - 1].x))) return 'not-increasing';
  if (pts.length < 2) return 'not-increasing';
  return pts[0].y <= 0 || pts[pts.length - 1].y <= 0 ? 'non-positive' : null;
}
