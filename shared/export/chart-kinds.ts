import type { ChartKind } from '../model/chart-spec';

/**
 * What each chart kind becomes in Excel, Word and PowerPoint — the one list; the export menu names it.
 * - native: an editable Office chart over the numbers (column/bar, line, area, combo, pie, doughnut, scatter);
 * - colour-table: a heatmap is a table whose cells are coloured by value — in Excel a live colour scale
 *   (conditional formatting), in Word and PowerPoint cells shaded with the screen's colours;
 * - picture: the on-screen picture plus the data table (tile map, treemap, small multiples): Office has no
 *   such chart, and we never silently draw another kind.
 */
export const NATIVE_KINDS: readonly ChartKind[] = ['column', 'bar', 'line', 'area', 'combo', 'pie', 'donut', 'scatter'];

export type OfficeForm = 'native' | 'colour-table' | 'picture';

export function officeForm(kind: ChartKind): OfficeForm {
  if (NATIVE_KINDS.includes(kind)) return 'native';
  return kind === 'heatmap' ? 'colour-table' : 'picture';
}

/** Whether an export of this kind needs the chart's on-screen picture (PNG). */
export function needsPicture(kind: ChartKind): boolean {
  return officeForm(kind) === 'picture';
}
