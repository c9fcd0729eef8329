/**
 * `sgw export`'s chart as a ChartSpec: built from the --sql/--x/--y flags over a view of the query, or read
 * from a --spec file. Either way it then runs through runChart like every chart in the app.
 */
import type { Table } from 'apache-arrow';
import type { ChartData } from '../../shared/charts/chart-data';
import { CHART_KINDS, TWO_MEASURE_KINDS, type ChartKind, type ChartSpec, type FilterValue } from '../../shared/model/chart-spec';
import type { Translate } from '../../shared/i18n';

/** The view `--sql` becomes in the CLI's throwaway database (the reserved __sgw prefix: never a user table). */
export const QUERY_VIEW = '__sgw_export';

export class ExportUsageError extends Error {}

export interface ChartFlags {
  chart?: string;
  x: string;
  y: string;
  series?: string;
  title?: string;
  subtitle?: string;
  unit?: string;
  source?: string;
}

/** "来源：国家统计局" and "国家统计局" both mean the source 国家统计局 (the chart adds the prefix). */
const bareSource = (s: string) => s.replace(/^\s*(来源[：:]|Source:)\s*/i, '').trim();

/**
 * The flags as a spec over QUERY_VIEW: one summed measure per --y column, named after the column, so one row
 * per x (and series) gives its own value and duplicates add up as a pivot table would. Sorted by x; the
 * caller restores the query's own row order (inQueryOrder).
 */
export function specFromFlags(f: ChartFlags, t: Translate): ChartSpec {
  const kind = (f.chart ?? 'column') as ChartKind;
  if (!CHART_KINDS.includes(kind)) throw new ExportUsageError(t('cli.export.badChart', { value: f.chart ?? '', values: CHART_KINDS.join(', ') }));
  const ys = f.y.split(',').map((s) => s.trim()).filter(Boolean);
  if (ys.length === 0) throw new ExportUsageError(t('cli.missingFlag', { flag: '--y' }));
  if (f.series && ys.length !== 1) throw new ExportUsageError(t('cli.export.seriesOneY'));
  if (TWO_MEASURE_KINDS.includes(kind) && ys.length < 2) throw new ExportUsageError(t('cli.export.twoMeasures', { kind }));
  const source = f.source === undefined ? '' : bareSource(f.source);
  return {
    version: 1,
    table: QUERY_VIEW,
    kind,
    x: f.x,
    ...(f.series ? { series: f.series } : {}),
    measures: ys.map((column) => ({ column, agg: 'sum', transform: 'none', label: column, ...(f.unit ? { unit: f.unit } : {}) })),
    filters: [],
    sort: 'x_asc',
    stack: 'none',
    title: f.title ?? `${ys.join('、')} · ${f.x}`,
    ...(f.subtitle ? { subtitle: f.subtitle } : {}),
    annotations: [],
    // A hand-written query cites nothing unless --source says so (the view's name is no source).
    sources: [],
    ...(source ? { source } : {}),
  };
}

/** The distinct values of `column` in the order rows first bring them. */
function firstSeen(table: Table, column: string): string[] {
  return [...new Set(Array.from(table.getChild(column)! as Iterable<unknown>, (v) => String(typeof v === 'bigint' ? Number(v) : v)))];
}

/**
 * Categories (and pivoted series) in the order the query's rows bring them, as the export has always drawn a
 * hand-written query: its ORDER BY is the author's choice. Numbers are untouched; only positions move.
 */
export function inQueryOrder(data: ChartData, rows: Table, x: string, series?: string): ChartData {
  const rank = (order: string[]) => (key: FilterValue | string) => {
    const i = order.indexOf(String(key));
    return i < 0 ? order.length : i;
  };
  const byX = rank(firstSeen(rows, x));
  const perm = data.keys.map((_, i) => i).sort((a, b) => byX(data.keys[a]) - byX(data.keys[b]) || a - b);
  const pick = <T,>(xs: T[]) => perm.map((i) => xs[i]);
  const reordered = data.series.map((s) => ({ ...s, values: pick(s.values) }));
  const bySeries = series ? rank(firstSeen(rows, series)) : null;
  return {
    ...data,
    categories: pick(data.categories),
    keys: pick(data.keys),
    series: bySeries ? reordered.map((s, i) => [s, i] as const).sort(([a, i], [b, j]) => bySeries(a.name) - bySeries(b.name) || i - j).map(([s]) => s) : reordered,
  };
}
