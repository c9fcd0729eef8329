/**
 * A pivot card on a dashboard follows the dashboard's region and year filters (include or exclude) as its
 * chart cards do: they join the pivot's own filters, for the columns its table has. Cross filters (a click
 * on a chart) name that chart's x and stay with the charts.
 */
import type { PivotSpec } from '../model/pivot-spec';
import { globalFilterList, type GlobalFilters } from '../sql/chart-sql';

export type DashboardFilters = Omit<GlobalFilters, 'cross'>;

export function pivotUnderFilters(spec: PivotSpec, columns: readonly string[] | undefined, global: DashboardFilters): PivotSpec {
  const extra = globalFilterList({ columns, global: { ...global, cross: [] } });
  return extra.length ? { ...spec, filters: [...spec.filters, ...extra] } : spec;
}
