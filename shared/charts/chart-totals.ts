/**
 * Totals kept out of comparisons: a 合计 or 全国 row in a chart's dimension or series dwarfs the parts it sums.
 * runChart finds them in the rows a chart returns (from the table's import provenance when it has one, else
 * by name: shared/import/totals.ts) and runs the chart again without them unless the spec keeps them.
 */
import type { Table } from 'apache-arrow';
import { totalValues, type HasTotals } from '../import/totals';
import type { ChartSpec } from '../model/chart-spec';
import type { ChartQuery } from '../sql/chart-sql';

export interface TotalsFound {
  column: string;
  /** The values exactly as in the data (a stray space kept), so a NOT IN filter matches them. */
  values: string[];
}

/** What the chart did with the totals it found, for the notice and the notes line. */
export interface ChartTotals {
  kept: boolean;
  found: TotalsFound[];
}

/**
 * Total values of the dimension and series among the result rows. A value the user's own include filter
 * names (筛选 合计 on purpose) is not one to leave out.
 */
export function totalsInRows(spec: ChartSpec, query: ChartQuery, rows: Table, prov: HasTotals | null | undefined): TotalsFound[] {
  const pairs: [string, string][] = [[spec.x, query.x], ...(spec.series && query.series ? [[spec.series, query.series] as [string, string]] : [])];
  return pairs.flatMap(([column, resultColumn]) => {
    const present = [...new Set(Array.from(rows.getChild(resultColumn) as Iterable<unknown>).filter((v): v is string => typeof v === 'string'))];
    const totals = new Set(totalValues(prov, column, present));
    const asked = new Set(spec.filters.flatMap((f) => (f.op === 'in' && f.column === column ? f.values.map(String) : [])));
    // Sorted: the rows' order depends on the values, and the notice should not change with them.
    const values = present.filter((v) => totals.has(v.trim()) && !asked.has(v)).sort();
    return values.length ? [{ column, values }] : [];
  });
}

/** The spec with the found totals filtered out (an exclude filter per column). */
export function withoutTotals(spec: ChartSpec, found: TotalsFound[]): ChartSpec {
  return { ...spec, filters: [...spec.filters, ...found.map((f) => ({ column: f.column, op: 'not_in' as const, values: f.values }))] };
}

/** Totals found in several passes, per column, each value once. */
export function mergeFound(a: TotalsFound[], b: TotalsFound[]): TotalsFound[] {
  const out = new Map(a.map((f) => [f.column, [...f.values]]));
  for (const f of b) out.set(f.column, [...new Set([...(out.get(f.column) ?? []), ...f.values])].sort());
  return [...out].map(([column, values]) => ({ column, values }));
}

/** The values as one list for a notice: 合计、全国. */
export const totalsText = (t: ChartTotals, sep = '、') => [...new Set(t.found.flatMap((f) => f.values.map((v) => v.trim())))].join(sep);
