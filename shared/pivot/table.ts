/**
 * A pivot grid as a plain table of cells — the one shape every document writer takes (Excel, Word, slides):
 * header rows with merged column keys, row keys merged down their group, totals marked, each value cell with
 * its number, format and heat. Every row holds exactly `rowHeaderCols + dataCols` cells; a cell covered by a
 * merge above or to the left is { kind: 'covered' }.
 */
import { translator } from '../i18n';
import type { Lang } from '../model/catalog';
import type { PivotSpec, ValueFormat } from '../model/pivot-spec';
import { cell, isTotal, type AxisEntry, type PivotGrid } from './grid';
import { entryLabel, formatValue, valueLabel, wholeValues } from './labels';

export type PivotCellKind = 'corner' | 'col-key' | 'value-name' | 'row-key' | 'value' | 'covered';

export interface PivotCell {
  kind: PivotCellKind;
  text: string;
  /** Value cells: the number (null when empty). */
  value?: number | null;
  format?: ValueFormat;
  /** A total row or column (bold). */
  total?: boolean;
  colSpan?: number;
  rowSpan?: number;
  /** 0…1 within its value's range (value cells of plain rows and columns, when heat colouring is on). */
  heat?: number;
}

export interface PivotTable {
  title: string;
  header: PivotCell[][];
  body: PivotCell[][];
  rowHeaderCols: number;
  dataCols: number;
  /** Values per column key: data column x shows value (x − rowHeaderCols) mod values. */
  values: number;
  /** Per value: every cell a whole number (its 'auto' format shows no decimals, else two; labels.ts wholeValues). */
  whole: boolean[];
  /** Lines under the table (filters in force). */
  notes: string[];
}

const covered: PivotCell = { kind: 'covered', text: '' };

/** Cells of the table, header rows included (a Word table has a limit, shared/export/limits.ts). */
export const pivotCellCount = (t: PivotTable) => (t.header.length + t.body.length) * (t.rowHeaderCols + t.dataCols);

/** Column keys: one header row per column dimension, then a row naming the values. */
export function headerRows(grid: PivotGrid, spec: PivotSpec, lang: Lang): PivotCell[][] {
  const t = translator(lang);
  const nc = grid.colDims.length;
  const k = grid.values;
  const names = spec.values.map((v) => valueLabel(v, t));
  const corner = Math.max(1, grid.rowDims.length);
  const rows: PivotCell[][] = [];
  for (let level = 0; level < nc; level++) {
    const row: PivotCell[] = [{ kind: 'corner', text: grid.colDims[level], colSpan: corner }, ...Array(corner - 1).fill(covered)];
    grid.cols.forEach((e, c) => {
      const startsTotal = level === e.depth;
      const inTotal = level > e.depth;
      const prev = grid.cols[c - 1];
      const sameGroup = prev && !inTotal && !startsTotal && level < prev.depth && prev.keys.slice(0, level + 1).every((x, i) => x === e.keys[i]);
      if (inTotal || sameGroup) {
        row.push(...Array(k).fill(covered));
        return;
      }
      let span = 1;
      if (!startsTotal) while (grid.cols[c + span] && level < grid.cols[c + span].depth && grid.cols[c + span].keys.slice(0, level + 1).every((x, i) => x === e.keys[i])) span++;
      row.push({ kind: 'col-key', text: entryLabel(e, level, t), colSpan: span * k, ...(startsTotal ? { rowSpan: nc - level, total: true } : {}) }, ...Array(span * k - 1).fill(covered));
    });
    rows.push(row);
  }
  const last: PivotCell[] = grid.rowDims.length ? grid.rowDims.map((d) => ({ kind: 'corner', text: d })) : [{ kind: 'corner', text: '' }];
  grid.cols.forEach((e) => names.forEach((n) => last.push({ kind: 'value-name', text: n, ...(isTotal(e, nc) ? { total: true } : {}) })));
  rows.push(last);
  return rows;
}

/** Per value: the range of its plain cells (totals would swamp the colours). */
export function heatRanges(grid: PivotGrid): [number, number][] {
  return Array.from({ length: grid.values }, (_, m) => {
    let lo = Infinity;
    let hi = -Infinity;
    grid.rows.forEach((re, r) => {
      if (isTotal(re, grid.rowDims.length)) return;
      grid.cols.forEach((ce, c) => {
        if (isTotal(ce, grid.colDims.length)) return;
        const v = cell(grid, r, c, m);
        if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
      });
    });
    return [lo, hi];
  });
}

const samePrefix = (a: AxisEntry, b: AxisEntry, level: number) => level < a.depth && level < b.depth && a.keys.slice(0, level + 1).every((x, i) => x === b.keys[i]);

export function pivotTable(grid: PivotGrid, spec: PivotSpec, lang: Lang, notes: string[] = []): PivotTable {
  const t = translator(lang);
  const nr = grid.rowDims.length;
  const nc = grid.colDims.length;
  const heat = spec.heat ? heatRanges(grid) : null;
  const whole = wholeValues(grid);
  const body = grid.rows.map((e, r) => {
    const row: PivotCell[] = [];
    const total = isTotal(e, nr);
    for (let level = 0; level < Math.max(1, nr); level++) {
      if (nr === 0) {
        row.push({ kind: 'row-key', text: '' });
        continue;
      }
      if (level > e.depth) continue; // inside the total label's span
      if (level === e.depth) {
        row.push({ kind: 'row-key', text: t('pivot.total'), total: true, colSpan: nr - level }, ...Array(nr - level - 1).fill(covered));
        continue;
      }
      if (r > 0 && samePrefix(grid.rows[r - 1], e, level)) {
        row.push(covered);
        continue;
      }
      let span = 1;
      while (grid.rows[r + span] && samePrefix(grid.rows[r + span], e, level)) span++;
      row.push({ kind: 'row-key', text: entryLabel(e, level, t), ...(span > 1 ? { rowSpan: span } : {}) });
    }
    grid.cols.forEach((ce, c) => {
      const colTotal = isTotal(ce, nc);
      spec.values.forEach((v, m) => {
        const x = cell(grid, r, c, m);
        const empty = Number.isNaN(x);
        const range = heat?.[m];
        const h = range && !total && !colTotal && !empty && range[1] > range[0] ? (x - range[0]) / (range[1] - range[0]) : range && !total && !colTotal && !empty ? 0.5 : undefined;
        row.push({ kind: 'value', text: formatValue(x, v.format, lang, whole[m]), value: empty ? null : x, format: v.format, ...(total || colTotal ? { total: true } : {}), ...(h !== undefined ? { heat: h } : {}) });
      });
    });
    return row;
  });
  return { title: spec.title, header: headerRows(grid, spec, lang), body, rowHeaderCols: Math.max(1, nr), dataCols: grid.cols.length * grid.values, values: grid.values, whole, notes };
}
