/** Names and number texts of a pivot, in the UI language: value labels, keys, totals, 万/亿/% formats. */
import { formatter } from '../format/number';
import { translator, type Translate } from '../i18n';
import type { Lang } from '../model/catalog';
import type { PivotSpec, PivotValue, ValueFormat } from '../model/pivot-spec';
import { isNumberColumn, type AnalysisSource } from '../sql/source';
import type { AxisEntry, PivotGrid } from './grid';

export function valueLabel(v: PivotValue, t: Translate): string {
  if (v.label) return v.label;
  const base = v.column === null ? t('pivot.rows') : t(`pivot.agg.${v.agg}`, { column: v.column });
  return v.show === 'value' ? base : t(`pivot.show.${v.show}`, { value: base });
}

/** A key as shown: the value, （空） for an empty one. */
export function keyText(key: string | null, t: Translate): string {
  return key === null ? t('pivot.blank') : key;
}

/**
 * The label of an entry at dimension `level`: its key while it is a member there, 合计 at the level its
 * total starts, nothing below that.
 */
export function entryLabel(e: AxisEntry, level: number, t: Translate): string {
  if (level < e.depth) return keyText(e.keys[level], t);
  return level === e.depth ? t('pivot.total') : '';
}

/** An entry's keys as one text ('上海市 / 2019', '上海市 / 合计', '合计'). */
export function entryText(e: AxisEntry, dims: number, t: Translate): string {
  const parts = Array.from({ length: Math.min(dims, e.depth + 1) }, (_, i) => entryLabel(e, i, t));
  return parts.join(' / ');
}

/**
 * Per value of the grid: whether every cell, totals included, holds a whole number. The 'auto' format picks its
 * decimals once per value from this — all 0 or all 2 — so a total (3,077.50) reads like its cells (771.63), and
 * the Excel export's number format makes the same choice (shared/export/pivot-sheet.ts).
 */
export function wholeValues(grid: PivotGrid): boolean[] {
  return grid.cells.map((cells) => cells.every((x) => !Number.isFinite(x) || Number.isInteger(x)));
}

/** A cell's number as text in its format; '' for an empty cell. `whole`: its value's wholeValues entry. */
export function formatValue(n: number, format: ValueFormat, lang: Lang, whole: boolean): string {
  if (!Number.isFinite(n)) return Number.isNaN(n) ? '' : String(n);
  const t = translator(lang);
  switch (format) {
    case 'integer':
      return formatter(lang, 0).format(Math.round(n));
    case 'decimal':
      return formatter(lang, 2, 2).format(n);
    // One decimal in 万, two in 亿: what Excel's scaled formats can show too (shared/export/pivot-xlsx.ts).
    case 'wan':
      return `${formatter(lang, 1, 1).format(n / 1e4)}${t('pivot.unit.wan')}`;
    case 'yi':
      return `${formatter(lang, 2, 2).format(n / 1e8)}${t('pivot.unit.yi')}`;
    case 'percent':
      return `${formatter(lang, 1, 1).format(n * 100)}%`;
    case 'auto':
      return whole ? formatter(lang, 0).format(n) : formatter(lang, 2, 2).format(n);
  }
}

/** The first thing wrong with a pivot over this source, in words; null when it can run. */
export function checkPivot(spec: PivotSpec, source: AnalysisSource, t: Translate, table = spec.table): string | null {
  const byName = new Map(source.columns.map((c) => [c.name, c]));
  const used = [...spec.rows, ...spec.cols, ...spec.values.flatMap((v) => (v.column ? [v.column] : [])), ...spec.filters.map((f) => f.column)];
  const missing = used.find((c) => !byName.has(c));
  if (missing !== undefined) return t('pivot.error.noColumn', { table, column: missing });
  if (spec.values.length === 0) return t('pivot.error.noValues');
  for (const v of spec.values) {
    if (v.column === null || v.agg === 'count' || v.agg === 'count_distinct') continue;
    if (!isNumberColumn(byName.get(v.column)!)) return t('pivot.error.notNumber', { column: v.column, agg: t(`pivot.aggName.${v.agg}`) });
  }
  return null;
}
