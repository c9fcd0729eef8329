/** What layout detection found, in words (the preview and `sgw import` say the same). */
import type { Translate } from '../i18n';
import type { ParsedTable } from './types';

export type Describable = Pick<ParsedTable, 'columns' | 'layout' | 'headerRow' | 'headerRows' | 'yearColumns' | 'source' | 'totals'>;

const roleColumn = (t: Describable, role: string) => t.columns.find((c) => c.role === role)?.name;

export function describeLayout(t: Describable, tr: Translate): string[] {
  const out: string[] = [];
  const l = t.layout;
  if (l?.titleRows) out.push(tr('import.layout.titleRows', { count: l.titleRows }));
  if (t.headerRow !== undefined && t.headerRows !== undefined) {
    const from = t.headerRow;
    if (t.headerRows === 0) out.push(tr('import.layout.noHeader'));
    else if (t.headerRows === 1) out.push(tr('import.layout.header1', { row: from }));
    else out.push(tr('import.layout.header', { from, to: from + t.headerRows - 1, count: t.headerRows }));
  }
  if (!l) return out;
  if (l.unitRow) out.push(tr('import.layout.unitRow', { row: l.unitRow }));
  if (l.dataEnd >= l.dataStart) out.push(tr('import.layout.data', { from: l.dataStart, to: l.dataEnd }));
  if (l.labelColumn && l.labelName) out.push(tr('import.layout.label', { column: l.labelColumn, name: l.labelName }));
  const parent = roleColumn(t, 'parent');
  if (parent) out.push(tr(l.indent === 'excel' ? 'import.layout.parentExcel' : 'import.layout.parentSpaces', { column: parent }));
  const part = roleColumn(t, 'part');
  if (part) out.push(tr('import.layout.parts', { column: part }));
  const unit = roleColumn(t, 'unit');
  if (unit) out.push(tr('import.layout.rowUnits', { column: unit }));
  if (l.spacerColumns.length) out.push(tr('import.layout.spacers', { columns: l.spacerColumns.join('、') }));
  if (t.yearColumns > 0) out.push(tr('import.layout.years', { count: t.yearColumns }));
  if (t.source) out.push(tr('import.layout.source', { source: t.source }));
  return out;
}

/** The totals found, one line per column holding total rows plus one for total columns; empty when none. */
export function describeTotals(t: Pick<ParsedTable, 'totals'>, tr: Translate): string[] {
  return [
    ...t.totals.rows.map((r) => tr('import.totals.rows', { column: r.column, values: r.values.join('、') })),
    ...(t.totals.columns.length ? [tr('import.totals.columns', { columns: t.totals.columns.join('、') })] : []),
  ];
}
