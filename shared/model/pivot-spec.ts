/**
 * A pivot table as plain, serialisable data (like ChartSpec for charts): which columns become rows and
 * columns, which values are aggregated how, filters, totals, sort and top-N. The 分析 screen edits one,
 * saved pivots, dashboard cards and slides store them, `parsePivotSpec` validates them at every boundary,
 * and shared/sql/pivot-sql.ts turns one into SQL.
 */
import { isReservedName } from '../reserved-names';
import { parseFilter, type Filter } from './chart-spec';

export const PIVOT_AGGS = ['sum', 'avg', 'count', 'count_distinct', 'min', 'max', 'median'] as const;
export type PivotAgg = (typeof PIVOT_AGGS)[number];

/** value: the aggregate; *_share: the aggregate divided by the row's / column's / grand total of the same aggregate. */
export const SHOW_AS = ['value', 'row_share', 'col_share', 'total_share'] as const;
export type ShowAs = (typeof SHOW_AS)[number];

/** Only additive aggregates have meaningful shares. */
export const SHARE_AGGS: readonly PivotAgg[] = ['sum', 'count'];

/** auto: grouped digits (integers as integers); wan/yi: ÷10⁴ with 万 / ÷10⁸ with 亿; percent: × 100 with %. */
export const VALUE_FORMATS = ['auto', 'integer', 'decimal', 'wan', 'yi', 'percent'] as const;
export type ValueFormat = (typeof VALUE_FORMATS)[number];

export interface PivotValue {
  /** Column to aggregate; null only for count (= count of rows). */
  column: string | null;
  agg: PivotAgg;
  show: ShowAs;
  format: ValueFormat;
  /** Display name; defaults to the column and aggregation (shared/pivot/labels.ts). */
  label?: string;
}

/** A column key: one text (or null for an empty value) per column dimension. */
export type PivotKey = (string | null)[];

export type PivotSort =
  | { by: 'label'; dir: 'asc' | 'desc' }
  /** By one value column: measure `value` under column key `col` (absent: the row total column). */
  | { by: 'value'; value: number; col?: PivotKey; dir: 'asc' | 'desc' };

export interface PivotSpec {
  version: 1;
  /** The table or view read (a relation with columns; see shared/sql/source.ts). */
  table: string;
  rows: string[];
  cols: string[];
  values: PivotValue[];
  filters: Filter[];
  /** Subtotals for every row and column level, and grand totals (GROUPING SETS). */
  totals: boolean;
  sort: PivotSort;
  /** Keep only the N values of the first row dimension with the largest first value. */
  topN?: number;
  /** Colour value cells by magnitude (per value, totals excluded). */
  heat: boolean;
  title: string;
}

export const MAX_ROW_DIMS = 4;
export const MAX_COL_DIMS = 3;
export const MAX_VALUES = 8;

export function newPivotSpec(table: string): PivotSpec {
  return {
    version: 1,
    table,
    rows: [],
    cols: [],
    values: [{ column: null, agg: 'count', show: 'value', format: 'auto' }],
    filters: [],
    totals: true,
    sort: { by: 'label', dir: 'asc' },
    heat: false,
    title: '',
  };
}

class PivotSpecError extends Error {}

function fail(msg: string): never {
  throw new PivotSpecError(`pivot spec: ${msg}`);
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isName = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200;

function oneOf<T extends string>(list: readonly T[], v: unknown, where: string, fallback?: T): T {
  if (v === undefined && fallback !== undefined) return fallback;
  if (!list.includes(v as T)) fail(`${where} must be one of ${list.join(', ')}`);
  return v as T;
}

function names(v: unknown, where: string, max: number): string[] {
  if (v === undefined) return [];
  if (!Array.isArray(v) || !v.every(isName)) fail(`${where} must be a list of column names`);
  if (v.length > max) fail(`${where} holds at most ${max} columns`);
  if (new Set(v).size !== v.length) fail(`${where} names a column twice`);
  return [...v];
}

function parseValue(v: unknown, i: number): PivotValue {
  const where = `values[${i}]`;
  if (!isObj(v)) fail(`${where} is not an object`);
  const agg = oneOf(PIVOT_AGGS, v.agg, `${where}.agg`);
  const column = v.column === null || v.column === undefined ? null : v.column;
  if (column !== null && !isName(column)) fail(`${where}.column must be a column name`);
  if (column === null && agg !== 'count') fail(`${where}.column is required for ${agg}`);
  const show = oneOf(SHOW_AS, v.show, `${where}.show`, 'value');
  if (show !== 'value' && !SHARE_AGGS.includes(agg)) fail(`${where}: shares are for sum and count only`);
  const format = oneOf(VALUE_FORMATS, v.format, `${where}.format`, show === 'value' ? 'auto' : 'percent');
  if (v.label !== undefined && typeof v.label !== 'string') fail(`${where}.label must be text`);
  return { column, agg, show, format, ...(typeof v.label === 'string' && v.label ? { label: v.label } : {}) };
}

function parseKey(v: unknown, where: string): PivotKey {
  if (!Array.isArray(v) || !v.every((x) => x === null || typeof x === 'string')) fail(`${where} must be a list of texts or nulls`);
  return [...(v as PivotKey)];
}

function parseSort(v: unknown, values: number, cols: number): PivotSort {
  if (v === undefined) return { by: 'label', dir: 'asc' };
  if (!isObj(v)) fail('sort is not an object');
  const dir = oneOf(['asc', 'desc'] as const, v.dir, 'sort.dir', 'asc');
  if (v.by === 'label') return { by: 'label', dir };
  if (v.by !== 'value') fail('sort.by must be label or value');
  if (typeof v.value !== 'number' || !Number.isInteger(v.value) || v.value < 0 || v.value >= values) fail('sort.value must point at a value');
  if (v.col === undefined) return { by: 'value', value: v.value, dir };
  const col = parseKey(v.col, 'sort.col');
  if (col.length !== cols) fail('sort.col must hold one key per column dimension');
  return { by: 'value', value: v.value, col, dir };
}

/** Validates untrusted JSON (storage, files, CLI) into a PivotSpec; throws an Error naming the bad field. */
export function parsePivotSpec(json: unknown): PivotSpec {
  if (!isObj(json)) fail('not an object');
  if (json.version !== 1) fail(`unsupported version ${String(json.version)}`);
  if (!isName(json.table)) fail('table missing');
  if (isReservedName(json.table)) fail(`table ${json.table} is internal to the workbench`);
  const rows = names(json.rows, 'rows', MAX_ROW_DIMS);
  const cols = names(json.cols, 'cols', MAX_COL_DIMS);
  const both = rows.find((r) => cols.includes(r));
  if (both !== undefined) fail(`${both} cannot be both a row and a column`);
  if (!Array.isArray(json.values) || json.values.length === 0 || json.values.length > MAX_VALUES) fail(`values must hold 1 to ${MAX_VALUES} values`);
  const values = json.values.map(parseValue);
  let filters: Filter[] = [];
  if (json.filters !== undefined) {
    if (!Array.isArray(json.filters)) fail('filters must be a list');
    try {
      filters = json.filters.map(parseFilter);
    } catch (e) {
      fail((e as Error).message.replace(/^chart spec: /, ''));
    }
  }
  const topN = json.topN;
  if (topN !== undefined && topN !== null && (typeof topN !== 'number' || !Number.isInteger(topN) || topN < 1 || topN > 100_000)) fail('topN must be a whole number from 1 to 100000');
  if (typeof topN === 'number' && rows.length === 0) fail('topN needs a row dimension');
  if (typeof json.title !== 'string') fail('title must be text');
  return {
    version: 1,
    table: json.table,
    rows,
    cols,
    values,
    filters,
    totals: json.totals === undefined ? true : json.totals === true ? true : json.totals === false ? false : fail('totals must be true or false'),
    sort: parseSort(json.sort, values.length, cols.length),
    ...(typeof topN === 'number' ? { topN } : {}),
    heat: json.heat === true,
    title: json.title,
  };
}

/** The columns a pivot reads (for checking them against its source). */
export function pivotColumns(spec: PivotSpec): string[] {
  return [...new Set([...spec.rows, ...spec.cols, ...spec.values.flatMap((v) => (v.column ? [v.column] : [])), ...spec.filters.map((f) => f.column)])];
}

/** Whether a spec needs every subtotal computed (shown, a share's denominator, or a sort key). */
export function needsTotals(spec: PivotSpec): boolean {
  return spec.totals || spec.sort.by === 'value' || spec.values.some((v) => v.show !== 'value');
}
