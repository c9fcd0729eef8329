/** Edits of a PivotSpec made by the 数据透视表 form (pure: the form calls them, tests check them). */
import type { ColumnInfo } from '../../../shared/db-catalog';
import { MAX_COL_DIMS, MAX_ROW_DIMS, MAX_VALUES, SHARE_AGGS, type PivotAgg, type PivotKey, type PivotSpec, type PivotValue } from '../../../shared/model/pivot-spec';
import { isNumberColumn } from '../../../shared/sql/source';

export type Zone = 'rows' | 'cols' | 'values';

/**
 * A sort by a value column stays while it still points at one: a column key needs the same column fields,
 * and the value must still be there (`removed`: the index of a value just removed).
 */
function relaid(spec: PivotSpec, before: PivotSpec, removed?: number): PivotSpec {
  const { sort } = spec;
  if (sort.by !== 'value') return spec;
  const colsChanged = sort.col !== undefined && JSON.stringify(spec.cols) !== JSON.stringify(before.cols);
  if (colsChanged || sort.value === removed) return { ...spec, sort: { by: 'label', dir: 'asc' } };
  return removed !== undefined && sort.value > removed ? { ...spec, sort: { ...sort, value: sort.value - 1 } } : spec;
}

/** A new value: numbers are summed, other columns counted; null = the row count. */
export function newValue(column: ColumnInfo | null): PivotValue {
  const agg: PivotAgg = column && isNumberColumn(column) ? 'sum' : 'count';
  return { column: column?.name ?? null, agg, show: 'value', format: 'auto' };
}

/** Puts a column into rows or columns (moving it out of the other), or adds it as a value. */
export function addToZone(spec: PivotSpec, zone: Zone, column: ColumnInfo | null): PivotSpec {
  if (zone === 'values') return spec.values.length >= MAX_VALUES ? spec : { ...spec, values: [...spec.values, newValue(column)] };
  if (!column) return spec;
  const other = zone === 'rows' ? 'cols' : 'rows';
  const max = zone === 'rows' ? MAX_ROW_DIMS : MAX_COL_DIMS;
  if (spec[zone].includes(column.name) || spec[zone].length >= max) return spec;
  const next = { ...spec, [zone]: [...spec[zone], column.name], [other]: spec[other].filter((c) => c !== column.name) };
  return relaid(next, spec);
}

export function removeFromZone(spec: PivotSpec, zone: Zone, index: number): PivotSpec {
  if (zone === 'values') return spec.values.length <= 1 ? spec : relaid({ ...spec, values: spec.values.filter((_, i) => i !== index) }, spec, index);
  const next = { ...spec, [zone]: spec[zone].filter((_, i) => i !== index) };
  // 前N项 picks values of the first row field: without one it has nothing to pick.
  if (next.rows.length === 0) delete next.topN;
  return relaid(next, spec);
}

/** Changes one value; a share stays only on sum and count, and shares default to the percent format. */
export function editValue(spec: PivotSpec, index: number, change: Partial<PivotValue>): PivotSpec {
  const values = spec.values.map((v, i) => {
    if (i !== index) return v;
    const next = { ...v, ...change };
    if (!SHARE_AGGS.includes(next.agg)) next.show = 'value';
    if (change.show && change.show !== 'value' && !change.format) next.format = 'percent';
    if (change.show === 'value' && v.format === 'percent' && !change.format) next.format = 'auto';
    return next;
  });
  return { ...spec, values };
}

/** The row order picked in the form: by label, or by the first value's row total. */
export type RowOrder = 'labelAsc' | 'labelDesc' | 'valueDesc' | 'valueAsc';
export const ROW_ORDERS: readonly RowOrder[] = ['labelAsc', 'labelDesc', 'valueDesc', 'valueAsc'];

export function rowOrder(spec: PivotSpec): RowOrder | null {
  const { sort } = spec;
  if (sort.by === 'label') return sort.dir === 'asc' ? 'labelAsc' : 'labelDesc';
  return sort.value === 0 && sort.col === undefined ? (sort.dir === 'desc' ? 'valueDesc' : 'valueAsc') : null;
}

export function withRowOrder(spec: PivotSpec, order: RowOrder): PivotSpec {
  const sort: PivotSpec['sort'] = order === 'labelAsc' || order === 'labelDesc' ? { by: 'label', dir: order === 'labelAsc' ? 'asc' : 'desc' } : { by: 'value', value: 0, dir: order === 'valueDesc' ? 'desc' : 'asc' };
  return { ...spec, sort };
}

/** A click on a value header: sort by that column (absent: the row total column), descending first, then ascending. */
export function sortByColumn(spec: PivotSpec, value: number, col?: PivotKey): PivotSpec {
  const same = spec.sort.by === 'value' && spec.sort.value === value && JSON.stringify(spec.sort.col ?? null) === JSON.stringify(col ?? null);
  const dir = same && spec.sort.dir === 'desc' ? 'asc' : 'desc';
  return { ...spec, sort: { by: 'value', value, ...(col ? { col } : {}), dir } };
}
