/**
 * A pivot card on a dashboard follows the dashboard's filters as its chart cards do: the region and year
 * filters (include or exclude) and the clicks on the charts of its group (a bar, a slice, a region: that
 * chart's x = the value clicked). They join the pivot's own filters, for the columns its table has. A pivot
 * card is never the source of a click, so every click of its group applies.
 */
import type { PivotSpec } from '../model/pivot-spec';
import { globalFilterList, type GlobalFilters } from '../sql/chart-sql';

export type DashboardFilters = GlobalFilters;

export function pivotUnderFilters(spec: PivotSpec, columns: readonly string[] | undefined, global: DashboardFilters): PivotSpec {
  const extra = globalFilterList({ columns, global });
  return extra.length ? { ...spec, filters: [...spec.filters, ...extra] } : spec;
}
