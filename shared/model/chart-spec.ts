/**
 * A chart as plain, serialisable data: what to aggregate from which table and how to draw it.
 * The chart builder edits one, dashboards and saved charts store them, `parseChartSpec` validates them at
 * every boundary (localStorage, project files), and shared/sql/chart-sql.ts turns one into SQL.
 */
import { isReservedName } from '../reserved-names';

export const AGGREGATIONS = ['sum', 'avg', 'count', 'count_distinct', 'min', 'max'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];

export const CHART_KINDS = ['column', 'bar', 'line', 'area', 'combo', 'pie', 'donut', 'treemap', 'scatter', 'heatmap', 'map', 'multiples'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

/** none: the aggregate; yoy: % change on the previous x; index: base x = 100 (both ordered by x, per series). */
export const TRANSFORMS = ['none', 'yoy', 'index'] as const;
export type Transform = (typeof TRANSFORMS)[number];

export const STACK_MODES = ['none', 'stacked', 'percent'] as const;
export type StackMode = (typeof STACK_MODES)[number];

export const SORTS = ['value_desc', 'value_asc', 'x_asc', 'x_desc'] as const;
export type SortOrder = (typeof SORTS)[number];

export interface Measure {
  /** Column to aggregate; null only for count (= count of rows). */
  column: string | null;
  agg: Aggregation;
  transform: Transform;
  /** Unit shown on the axis and in tooltips when the column metadata has none (e.g. 万人). */
  unit?: string;
  /** Display name; defaults to the column label and aggregation. */
  label?: string;
}

export type FilterValue = string | number;

export type Filter =
  | { column: string; op: 'in'; values: FilterValue[] }
  | { column: string; op: 'not_in'; values: FilterValue[] }
  | { column: string; op: 'range'; min?: number; max?: number }
  | { column: string; op: 'not_null' };

export interface Annotation {
  /** The x value (category or year) the note points at. */
  x: FilterValue;
  text: string;
  /** 'point': a marker on the value; 'line': a vertical line across the plot (e.g. a policy year). */
  style: 'point' | 'line';
}

export interface ChartSpec {
  version: 1;
  table: string;
  kind: ChartKind;
  /** The dimension: categories, regions or years. */
  x: string;
  /** Display name of the dimension; defaults to the column label from the catalog. */
  xLabel?: string;
  /** Optional second dimension: one series per value. */
  series?: string;
  /**
   * One measure per series (at most MAX_MEASURES); two for combo (bar + line on a second axis) and scatter
   * (x and y). The builder edits the first two; `sgw export --y a,b,c` may give more.
   */
  measures: Measure[];
  filters: Filter[];
  sort: SortOrder;
  /** Keep only the N x values with the largest first measure. */
  topN?: number;
  stack: StackMode;
  /** Base x for transform 'index' (default: the first x of each series). */
  indexBase?: FilterValue;
  title: string;
  subtitle?: string;
  annotations: Annotation[];
  /** Bundled tables whose provenance the source line cites (for views; default: the table itself; [] = none). */
  sources?: string[];
  /** The source line's text as written by the user (without 来源：); replaces the catalog's. */
  source?: string;
  /** For kind 'map': the name of a user-registered GeoJSON map; absent = the built-in province tile grid. */
  basemap?: string;
  /** Line charts: draw each series' least-squares line and show its slope, R² and CAGR (shared/stats/trend.ts). */
  trend?: boolean;
  /**
   * Total rows (合计, 全国 … in the dimension or series, from import provenance or by name) are left out of the
   * comparison unless this is true; runChart says which ones it left out (ChartData.totals).
   */
  keepTotals?: boolean;
}

export function newChartSpec(table: string, x: string): ChartSpec {
  return {
    version: 1,
    table,
    kind: 'column',
    x,
    measures: [{ column: null, agg: 'count', transform: 'none' }],
    filters: [],
    sort: 'value_desc',
    stack: 'none',
    title: '',
    annotations: [],
  };
}

/** The most measures a spec holds (one series each). */
export const MAX_MEASURES = 8;

/** Kinds that need two measures. */
export const TWO_MEASURE_KINDS: readonly ChartKind[] = ['combo', 'scatter'];

class SpecError extends Error {}

function fail(msg: string): never {
  throw new SpecError(`chart spec: ${msg}`);
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isName = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200;
const isValue = (v: unknown): v is FilterValue => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
const optNum = (v: unknown, where: string): number | undefined => {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(`${where} must be a number`);
  return v;
};
const optText = (v: unknown, where: string): string | undefined => {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v !== 'string') fail(`${where} must be text`);
  return v;
};
function oneOf<T extends string>(list: readonly T[], v: unknown, where: string, fallback?: T): T {
  if (v === undefined && fallback !== undefined) return fallback;
  if (!list.includes(v as T)) fail(`${where} must be one of ${list.join(', ')}`);
  return v as T;
}

function parseMeasure(m: unknown, i: number): Measure {
  const where = `measures[${i}]`;
  if (!isObj(m)) fail(`${where} is not an object`);
  const agg = oneOf(AGGREGATIONS, m.agg, `${where}.agg`);
  const column = m.column === null || m.column === undefined ? null : m.column;
  if (column !== null && !isName(column)) fail(`${where}.column must be a column name`);
  if (column === null && agg !== 'count') fail(`${where}.column is required for ${agg}`);
  const unit = optText(m.unit, `${where}.unit`);
  const label = optText(m.label, `${where}.label`);
  return { column, agg, transform: oneOf(TRANSFORMS, m.transform, `${where}.transform`, 'none'), ...(unit ? { unit } : {}), ...(label ? { label } : {}) };
}

export function parseFilter(f: unknown, i: number): Filter {
  const where = `filters[${i}]`;
  if (!isObj(f) || !isName(f.column)) fail(`${where} needs a column`);
  const column = f.column;
  switch (f.op) {
    case 'in':
    case 'not_in':
      if (!Array.isArray(f.values) || !f.values.every(isValue)) fail(`${where}.values must be a list of texts or numbers`);
      return { column, op: f.op, values: [...f.values] };
    case 'range': {
      const min = optNum(f.min, `${where}.min`);
      const max = optNum(f.max, `${where}.max`);
      return { column, op: 'range', ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
    }
    case 'not_null':
      return { column, op: 'not_null' };
    default:
      fail(`${where}.op must be in, not_in, range or not_null`);
  }
}

function parseAnnotation(a: unknown, i: number): Annotation {
  const where = `annotations[${i}]`;
  if (!isObj(a) || !isValue(a.x) || typeof a.text !== 'string') fail(`${where} needs x and text`);
  return { x: a.x, text: a.text, style: oneOf(['point', 'line'] as const, a.style, `${where}.style`, 'point') };
}

/** Validates untrusted JSON (storage, files) into a ChartSpec; throws an Error naming the bad field. */
export function parseChartSpec(json: unknown): ChartSpec {
  if (!isObj(json)) fail('not an object');
  if (json.version !== 1) fail(`unsupported version ${String(json.version)}`);
  if (!isName(json.table)) fail('table missing');
  if (isReservedName(json.table)) fail(`table ${json.table} is internal to the workbench`);
  if (!isName(json.x)) fail('x (dimension) missing');
  if (json.series !== undefined && json.series !== null && !isName(json.series)) fail('series must be a column name');
  const series = isName(json.series) ? json.series : undefined;
  if (series === json.x) fail('series must differ from x');
  const kind = oneOf(CHART_KINDS, json.kind, 'kind');
  if (!Array.isArray(json.measures) || json.measures.length === 0 || json.measures.length > MAX_MEASURES) fail(`measures must hold 1 to ${MAX_MEASURES} measures`);
  const measures = json.measures.map(parseMeasure);
  if (TWO_MEASURE_KINDS.includes(kind) && measures.length < 2) fail(`${kind} needs two measures`);
  const filters = Array.isArray(json.filters) ? json.filters.map(parseFilter) : json.filters === undefined ? [] : fail('filters must be a list');
  const annotations = Array.isArray(json.annotations) ? json.annotations.map(parseAnnotation) : [];
  const topN = optNum(json.topN, 'topN');
  if (topN !== undefined && (!Number.isInteger(topN) || topN < 1 || topN > 1000)) fail('topN must be a whole number from 1 to 1000');
  if (json.indexBase !== undefined && json.indexBase !== null && !isValue(json.indexBase)) fail('indexBase must be text or a number');
  if (typeof json.title !== 'string') fail('title must be text');
  const subtitle = optText(json.subtitle, 'subtitle');
  if (json.sources !== undefined && !(Array.isArray(json.sources) && json.sources.every(isName))) fail('sources must be a list of table names');
  const sources = Array.isArray(json.sources) ? { sources: [...(json.sources as string[])] } : {};
  const basemap = optText(json.basemap, 'basemap');
  if (json.trend !== undefined && typeof json.trend !== 'boolean') fail('trend must be true or false');
  const xLabel = optText(json.xLabel, 'xLabel');
  const source = optText(json.source, 'source');
  if (json.keepTotals !== undefined && typeof json.keepTotals !== 'boolean') fail('keepTotals must be true or false');
  return {
    version: 1,
    table: json.table,
    kind,
    x: json.x,
    ...(xLabel ? { xLabel } : {}),
    ...(series ? { series } : {}),
    measures,
    filters,
    sort: oneOf(SORTS, json.sort, 'sort', 'value_desc'),
    ...(topN !== undefined ? { topN } : {}),
    stack: oneOf(STACK_MODES, json.stack, 'stack', 'none'),
    ...(isValue(json.indexBase) ? { indexBase: json.indexBase } : {}),
    title: json.title,
    ...(subtitle ? { subtitle } : {}),
    annotations,
    ...sources,
    ...(source ? { source } : {}),
    ...(basemap ? { basemap } : {}),
    ...(json.trend === true ? { trend: true } : {}),
    ...(json.keepTotals === true ? { keepTotals: true } : {}),
  };
}

/** The columns a spec reads (for checking them against a table). */
export function specColumns(spec: ChartSpec): string[] {
  const cols = [spec.x, ...(spec.series ? [spec.series] : []), ...spec.measures.flatMap((m) => (m.column ? [m.column] : [])), ...spec.filters.map((f) => f.column)];
  return [...new Set(cols)];
}
