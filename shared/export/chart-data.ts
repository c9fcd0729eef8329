import type { Table } from 'apache-arrow';
import { checkColumns } from '../charts/category';

export type ExportChartKind = 'column' | 'bar' | 'line' | 'pie' | 'combo';

export interface ExportSeries {
  name: string;
  values: (number | null)[];
  unit?: string;
  /** Only for combo charts: how this series is drawn (default bar). */
  type?: 'bar' | 'line';
  /** Only for combo charts: plot this series against a second value axis on the right. */
  secondaryAxis?: boolean;
}

/**
 * The neutral shape every exporter (xlsx, png, svg, csv) starts from: categories down the side, one
 * column of numbers per series. The chart builder converts its own specs into this.
 */
export interface ExportChart {
  kind: ExportChartKind;
  stacked?: boolean;
  title: string;
  subtitle?: string;
  categoryLabel: string;
  categories: string[];
  series: ExportSeries[];
  /** Unit of the (primary) value axis. */
  unit?: string;
  /** Localised source line, e.g. "来源：…". */
  source?: string;
  notes?: string[];
}

export interface TableChartSpec {
  kind: ExportChartKind;
  /** Category column. */
  x: string;
  /** Value columns; with `series` exactly one. */
  y: string[];
  /** Long-format results: one series per distinct value of this column (pivoted). */
  series?: string;
  stacked?: boolean;
  title: string;
  subtitle?: string;
  unit?: string;
  source?: string;
  notes?: string[];
}

function toNumber(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  const n = typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : Number.NaN;
  return Number.isFinite(n) ? n : null;
}

const label = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** An ExportChart from an aggregated query result (wide: x + y columns; long: x + series + one y). */
export function exportChartFromTable(table: Table, spec: TableChartSpec): ExportChart {
  if (spec.y.length === 0) throw new Error('at least one value column is needed');
  if (spec.series && spec.y.length !== 1) throw new Error('with a series column, give exactly one value column');
  checkColumns(table, [spec.x, ...spec.y, ...(spec.series ? [spec.series] : [])]);
  // Iterate the vectors (not toArray()): only iteration turns null slots into null.
  const xs = Array.from(table.getChild(spec.x)! as Iterable<unknown>, label);
  const base = {
    kind: spec.kind,
    stacked: spec.stacked,
    title: spec.title,
    subtitle: spec.subtitle,
    categoryLabel: spec.x,
    unit: spec.unit,
    source: spec.source,
    notes: spec.notes,
  };
  const combo = (i: number): Partial<ExportSeries> =>
    spec.kind === 'combo' && i > 0 ? { type: 'line', secondaryAxis: true } : spec.kind === 'combo' ? { type: 'bar' } : {};

  if (!spec.series) {
    const series = spec.y.map((y, i) => ({
      name: y,
      values: Array.from(table.getChild(y)! as Iterable<unknown>, toNumber),
      ...combo(i),
    }));
    return { ...base, categories: xs, series };
  }

  const names = Array.from(table.getChild(spec.series)! as Iterable<unknown>, label);
  const ys = Array.from(table.getChild(spec.y[0])! as Iterable<unknown>, toNumber);
  const categories = [...new Set(xs)];
  const seriesNames = [...new Set(names)];
  const catIndex = new Map(categories.map((c, i) => [c, i]));
  const values = seriesNames.map(() => categories.map((): number | null => null));
  const serIndex = new Map(seriesNames.map((s, i) => [s, i]));
  for (let r = 0; r < xs.length; r++) {
    const row = values[serIndex.get(names[r])!];
    const c = catIndex.get(xs[r])!;
    // Several rows for the same cell are summed, as a pivot table would.
    row[c] = ys[r] === null ? row[c] : (row[c] ?? 0) + ys[r]!;
  }
  return { ...base, categories, series: seriesNames.map((name, i) => ({ name, values: values[i], ...combo(i) })) };
}
