/**
 * A dashboard's pivot card as one sheet of the dashboard workbook (our OOXML writer): its title, the pivot as a
 * formatted range from the writer-neutral PivotTable (shared/pivot/table.ts) — header rows bold and shaded,
 * totals bold, numbers typed in the value's Excel format (万/亿/%), a merged key written in its first cell —
 * the filters in force under it, the header frozen and repeated on every printed page.
 */
import type { PivotTable } from '../pivot/table';
import { neutraliseFormula } from './csv';
import { columnName } from './ooxml';
import { excelNumberFormat } from './pivot-xlsx';
import type { WorkbookSheet } from './xlsx-package';
import type { Cell } from './xlsx-sheet';
import { textWidth, type LayoutContext } from './xlsx-layout';

export function pivotSheet(p: PivotTable, name: string, { styles, t, lang }: LayoutContext): WorkbookSheet {
  const header = styles.id({ font: 'header', fill: true, border: true, align: 'center' });
  const key = styles.id({ border: true });
  const keyTotal = styles.id({ font: 'header', border: true });
  const value = (format: NonNullable<PivotTable['body'][number][number]['format']>, total: boolean, integers: boolean) =>
    styles.id({ font: total ? 'header' : 'body', border: true, align: 'right', numFmt: excelNumberFormat(format, lang, integers) });
  const title = p.title || t('pivot.sheet');
  const top: Cell[][] = [[{ v: neutraliseFormula(title), s: styles.id({ font: 'title' }) }], []];
  const head = p.header.map((row) => row.map((c): Cell => ({ v: c.kind === 'covered' ? '' : neutraliseFormula(c.text), s: header })));
  const body = p.body.map((row) =>
    row.map((c): Cell => {
      if (c.kind !== 'value') return { v: c.kind === 'covered' ? '' : neutraliseFormula(c.text), s: c.total ? keyTotal : key };
      if (c.value === null || c.value === undefined || !Number.isFinite(c.value)) return { v: '', s: key };
      return { v: c.value, s: value(c.format ?? 'auto', !!c.total, Number.isInteger(c.value)) };
    }),
  );
  const notes = p.notes.map((n) => [{ v: neutraliseFormula(n), s: styles.id({ font: 'note' }) }]);
  const rows = [...top, ...head, ...body, ...(notes.length ? [[], ...notes] : [])];
  const cols = p.rowHeaderCols + p.dataCols;
  const colWidths = Array.from({ length: cols }, (_, x) => Math.min(40, Math.max(8, ...[...p.header, ...p.body].map((r) => (r[x] && r[x].kind !== 'covered' && (r[x].colSpan ?? 1) === 1 ? textWidth(r[x].text) + 2 : 0)))));
  const firstHead = top.length + 1;
  const lastHead = top.length + p.header.length;
  return {
    model: {
      name,
      rows,
      rowHeights: { 0: 24 },
      colWidths,
      freezeRows: lastHead,
      page: { landscape: cols > 8, fitToHeight: 0, footer: `&L&A&R${t('export.sheet.page')}` },
      printArea: `$A$1:$${columnName(cols - 1)}$${rows.length}`,
      printTitles: `$${firstHead}:$${lastHead}`,
    },
  };
}
