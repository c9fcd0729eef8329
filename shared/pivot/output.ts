/**
 * A pivot as flat text for `sgw pivot` (a contract, see README): CSV whose first row holds the column keys
 * and whose every other row starts with its row key(s); an aligned text table; JSON with keys, totals and
 * numbers. Totals are labelled 合计 (Total). CSV and JSON carry the numbers unformatted.
 */
import { toCsv } from '../export/csv';
import { renderTextTable } from '../format/text-table';
import { translator } from '../i18n';
import type { Lang } from '../model/catalog';
import type { PivotSpec } from '../model/pivot-spec';
import { cell, isTotal, type PivotGrid } from './grid';
import { entryLabel, entryText, formatValue, valueLabel, wholeValues } from './labels';

export interface FlatPivot {
  header: string[];
  rows: (string | number | null)[][];
}

/** One header row: the row dimensions' names, then one column per column key (× value when there are several). */
export function flatPivot(grid: PivotGrid, spec: PivotSpec, lang: Lang): FlatPivot {
  const t = translator(lang);
  const names = spec.values.map((v) => valueLabel(v, t));
  const colText = grid.cols.map((e) => entryText(e, grid.colDims.length, t));
  const header = [
    ...(grid.rowDims.length ? grid.rowDims : ['']),
    ...grid.cols.flatMap((_, c) => names.map((n) => (grid.colDims.length === 0 ? n : grid.values > 1 ? `${colText[c]} / ${n}` : colText[c]))),
  ];
  const rows = grid.rows.map((e, r) => [
    ...(grid.rowDims.length ? grid.rowDims.map((_, level) => (level < e.depth ? e.keys[level] : entryLabel(e, level, t))) : ['']),
    ...grid.cols.flatMap((_, c) => names.map((_n, m) => {
      const v = cell(grid, r, c, m);
      return Number.isNaN(v) ? null : v;
    })),
  ]);
  return { header, rows };
}

export function pivotCsv(grid: PivotGrid, spec: PivotSpec, lang: Lang): string {
  const { header, rows } = flatPivot(grid, spec, lang);
  return toCsv(header, rows.map((r) => r.map((x) => (x === null ? '' : String(x)))), { lineEnding: '\n' });
}

export function pivotText(grid: PivotGrid, spec: PivotSpec, lang: Lang): string {
  const t = translator(lang);
  const { header, rows } = flatPivot(grid, spec, lang);
  const keys = Math.max(1, grid.rowDims.length);
  const whole = wholeValues(grid);
  const text = rows.map((r) =>
    r.map((x, i) => {
      if (i < keys) return x === null ? t('pivot.blank') : String(x);
      const m = (i - keys) % grid.values;
      return x === null ? '' : formatValue(x as number, spec.values[m].format, lang, whole[m]);
    }),
  );
  return `${renderTextTable(header, text, header.map((_, i) => i >= keys))}\n`;
}

/** The JSON contract of `sgw pivot --format json`. */
export function pivotJson(grid: PivotGrid, spec: PivotSpec, lang: Lang, sql: string): string {
  const t = translator(lang);
  const body = {
    rows: grid.rowDims,
    cols: grid.colDims,
    values: spec.values.map((v) => ({ label: valueLabel(v, t), column: v.column, agg: v.agg, show: v.show })),
    columns: grid.cols.map((e) => ({ key: e.keys.slice(0, e.depth), total: isTotal(e, grid.colDims.length) })),
    data: grid.rows.map((e, r) => ({
      key: e.keys.slice(0, e.depth),
      total: isTotal(e, grid.rowDims.length),
      cells: grid.cols.map((_, c) => spec.values.map((_v, m) => {
        const x = cell(grid, r, c, m);
        return Number.isNaN(x) ? null : x;
      })),
    })),
    sql,
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
