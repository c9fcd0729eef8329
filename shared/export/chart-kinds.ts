import type { ChartKind } from '../model/chart-spec';

/**
 * What each chart kind becomes in Excel and PowerPoint. These have native, editable counterparts; heatmap,
 * map, treemap and small multiples have none, so they go out as the on-screen picture plus the data table,
 * never silently as another kind of chart.
 */
export const NATIVE_KINDS: readonly ChartKind[] = ['column', 'bar', 'line', 'area', 'combo', 'pie', 'donut', 'scatter'];

export type OfficeForm = 'native' | 'picture';

export function officeForm(kind: ChartKind): OfficeForm {
  return NATIVE_KINDS.includes(kind) ? 'native' : 'picture';
}
