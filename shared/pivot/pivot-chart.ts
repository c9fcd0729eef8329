import type { ChartData } from '../charts/chart-data';
import { translator } from '../i18n';
import type { Lang } from '../model/catalog';
import type { PivotSpec } from '../model/pivot-spec';
import { MAX_CHART_ROWS } from '../sql/chart-sql';
import { cell, isTotal, type PivotGrid } from './grid';
import { entryText, valueLabel } from './labels';

/** A chart has at most this many series; a pivot with more columns gets no chart. */
export const MAX_PIVOT_CHART_SERIES = 40;

/**
 * The pivot as a clustered column chart (the native chart of its Excel export): one category per row
 * (totals left out), one series per column key of the first value — or, without column fields, one series
 * per value. Null when it would be too big to read (as charts: more than MAX_CHART_ROWS points).
 */
export function pivotChartData(grid: PivotGrid, spec: PivotSpec, lang: Lang): ChartData | null {
  const t = translator(lang);
  const rows = grid.rows.flatMap((e, r) => (isTotal(e, grid.rowDims.length) ? [] : [r]));
  const cols = grid.cols.flatMap((e, c) => (isTotal(e, grid.colDims.length) ? [] : [c]));
  const seriesCount = grid.colDims.length === 0 ? spec.values.length : cols.length;
  // Decided before any cell is read: the screen asks for every new grid, and a big one gets no chart.
  if (rows.length === 0 || seriesCount === 0 || seriesCount > MAX_PIVOT_CHART_SERIES || rows.length * seriesCount > MAX_CHART_ROWS) return null;
  const series =
    grid.colDims.length === 0
      ? spec.values.map((v, m) => ({ name: valueLabel(v, t), values: rows.map((r) => cell(grid, r, 0, m)) }))
      : cols.map((c) => ({ name: entryText(grid.cols[c], grid.colDims.length, t), values: rows.map((r) => cell(grid, r, c, 0)) }));
  const categories = rows.map((r) => entryText(grid.rows[r], grid.rowDims.length, t) || valueLabel(spec.values[0], t));
  return {
    kind: 'column',
    title: spec.title || valueLabel(spec.values[0], t),
    categoryLabel: grid.rowDims.join(' / '),
    categories,
    keys: categories,
    series: series.map((s) => ({ name: s.name, values: s.values.map((v) => (Number.isNaN(v) ? null : v)), axis: 'left', type: 'bar' })),
    source: '',
    stack: 'none',
    annotations: [],
  };
}
