/**
 * A pivot as one worksheet of our OOXML writer (xlsx-package.ts), from the writer-neutral PivotTable
 * (shared/pivot/table.ts): typed cells with merged column headers and row labels, bold totals, number formats
 * (万/亿 as scaled formats, so each cell keeps its true number), frozen header rows and row-label columns, and
 * the print setup of every export (A4, one page wide, header rows repeated, page numbers). The pivot's own
 * workbook (pivot-xlsx.ts) and a dashboard's pivot cards (xlsx-chart.ts dashboardToXlsx) both write it.
 */
import { translator } from '../i18n';
import type { Lang } from '../model/catalog';
import type { ValueFormat } from '../model/pivot-spec';
import type { PivotCell, PivotTable } from '../pivot/table';
import { neutraliseFormula } from './csv';
import { columnName } from './ooxml';
import { colPx, footer, PORTRAIT_PX, textWidth, type LayoutContext } from './xlsx-layout';
import type { WorkbookSheet } from './xlsx-package';
import { DEFAULT_ROW_PT, type Cell } from './xlsx-sheet';

/** Excel number formats of the value formats. Excel scales only by thousands (a trailing comma), so 万 is the
 * number ÷ 1,000 with a literal point before its last digit (one decimal), 亿 ÷ 1,000,000 with two. */
export function excelNumberFormat(format: ValueFormat, lang: Lang, integers: boolean): string {
  const t = translator(lang);
  switch (format) {
    case 'integer':
      return '#,##0';
    case 'decimal':
      return '#,##0.00';
    case 'wan':
      return `0\\.0,"${t('pivot.unit.wan')}"`;
    case 'yi':
      return `0\\.00,,"${t('pivot.unit.yi')}"`;
    case 'percent':
      return '0.0%';
    case 'auto':
      return integers ? '#,##0' : '#,##0.00';
  }
}

/** A1 range of a cell and its spans (0-based row and column). */
const rangeOf = (row: number, col: number, c: PivotCell) => `${columnName(col)}${row + 1}:${columnName(col + (c.colSpan ?? 1) - 1)}${row + (c.rowSpan ?? 1)}`;

/** Header texts wrap onto a second line beyond this width (a long value name should not widen every column). */
const HEADER_WRAP = 14;

/** Column widths from the texts of single-column cells, CJK counted double; header texts wrap. */
function columnWidths(table: PivotTable, grid: PivotCell[][]): number[] {
  const width = (c: PivotCell | undefined, r: number) => {
    if (!c || c.kind === 'covered' || (c.colSpan ?? 1) > 1) return 0;
    const w = textWidth(c.text) + 2;
    return r < table.header.length && c.kind !== 'corner' ? Math.min(HEADER_WRAP, w) : w;
  };
  return Array.from({ length: table.rowHeaderCols + table.dataCols }, (_, x) => Math.min(40, Math.max(8, ...grid.map((row, r) => width(row[x], r)))));
}

/** The pivot's sheet, named `name`, its styles interned in the context's style sheet. */
export function pivotSheet(table: PivotTable, name: string, { styles, t, lang }: LayoutContext): WorkbookSheet {
  const header = styles.id({ font: 'header', fill: true, border: true, align: 'center', wrap: true });
  const rowKey = styles.id({ fill: true, border: true, align: 'left' });
  const totalKey = styles.id({ font: 'header', fill: true, border: true, align: 'left' });
  // One style per value (its format) and totals or not: interned once, not per cell (a pivot may have millions).
  const numberStyles = new Map<string, number>();
  const numberStyle = (c: PivotCell, x: number) => {
    const m = (x - table.rowHeaderCols) % table.values;
    const key = `${m}|${c.format ?? 'auto'}|${c.total ? 1 : 0}`;
    let id = numberStyles.get(key);
    if (id === undefined) numberStyles.set(key, (id = styles.id({ ...(c.total ? { font: 'header' as const } : {}), border: true, numFmt: excelNumberFormat(c.format ?? 'auto', lang, table.whole[m]) })));
    return id;
  };

  const rows: Cell[][] = [];
  if (table.title) rows.push([{ v: neutraliseFormula(table.title), s: styles.id({ font: 'title' }) }], []);
  const top = rows.length;
  const grid = [...table.header, ...table.body];
  const merges: string[] = [];
  const cells: Cell[][] = grid.map((row) => row.map(() => ({ v: Number.NaN })));
  grid.forEach((row, r) =>
    row.forEach((c, x) => {
      if (c.kind === 'covered') return;
      const s = r < table.header.length ? header : c.kind === 'row-key' ? (c.total ? totalKey : rowKey) : numberStyle(c, x);
      const v = c.kind === 'value' ? (c.value ?? Number.NaN) : neutraliseFormula(c.text);
      // The cells a merge covers stay empty but take its style, so the merged range is bordered all round.
      for (let dr = 0; dr < (c.rowSpan ?? 1); dr++) for (let dx = 0; dx < (c.colSpan ?? 1); dx++) cells[r + dr][x + dx] = { v: Number.NaN, s };
      cells[r][x] = { v, s };
      if ((c.colSpan ?? 1) > 1 || (c.rowSpan ?? 1) > 1) merges.push(rangeOf(top + r, x, c));
    }),
  );
  rows.push(...cells);
  const last = rows.length;
  if (table.notes.length) rows.push([], ...table.notes.map((n) => [{ v: neutraliseFormula(n), s: styles.id({ font: 'note' }) }]));
  const colWidths = columnWidths(table, grid);
  const wraps = (table.header.at(-1) ?? []).some((c, x) => c.kind !== 'covered' && textWidth(c.text) + 2 > colWidths[x]);
  const landscape = colWidths.reduce((w, c) => w + colPx(c), 0) > PORTRAIT_PX;
  const rowHeights: Record<number, number> = {};
  if (table.title) rowHeights[0] = 24;
  // The value names wrap onto a second line: give their row the height of two.
  if (wraps) rowHeights[top + table.header.length - 1] = 2 * DEFAULT_ROW_PT;
  return {
    model: {
      name,
      rows,
      rowHeights,
      colWidths,
      freezeRows: top + table.header.length,
      freezeCols: table.rowHeaderCols,
      merges,
      page: { landscape, fitToHeight: 0 as const, footer: footer(t) },
      printArea: `$A$1:$${columnName(colWidths.length - 1)}$${Math.max(last, rows.length)}`,
      printTitles: `$${top + 1}:$${top + table.header.length}`,
    },
  };
}
