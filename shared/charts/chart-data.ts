import type { Table } from 'apache-arrow';
import type { ColumnInfo, TableOrigin } from '../db-catalog';
import { translator } from '../i18n';
import { documentTitle, type DatasetCatalog, type Lang } from '../model/catalog';
import type { Annotation, ChartKind, ChartSpec, FilterValue, Measure, StackMode } from '../model/chart-spec';
import type { ChartQuery } from '../sql/chart-sql';
import { linearTrend, trendPoints, type Trend } from '../stats/trend';
import type { ChartTotals } from './chart-totals';
import { paren } from '../format/paren';

export type SeriesType = 'bar' | 'line' | 'area' | 'pie' | 'treemap' | 'scatter' | 'heatmap' | 'map';

export interface ChartDataSeries {
  name: string;
  /** One value per category (null = no data). */
  values: (number | null)[];
  axis: 'left' | 'right';
  type: SeriesType;
  unit?: string;
  /** Line charts with `trend`: the series' least-squares line (x = the year, or the position). */
  trend?: Trend;
}

/**
 * The one drawn and exported chart shape: categories along x, one row of numbers per series, plus the texts
 * around the chart. buildChartOption draws it (screen and pictures); the xlsx, pptx and CSV writers read it.
 * Small: built from aggregated rows by toChartData (shared/charts/run-chart.ts runs the query).
 */
export interface ChartData {
  kind: ChartKind;
  title: string;
  subtitle?: string;
  /** Label of the dimension (x), from the column metadata. */
  categoryLabel: string;
  /** Display text of each x value. */
  categories: string[];
  /** The raw x values (numbers stay numbers), for cross-filtering on click. */
  keys: FilterValue[];
  series: ChartDataSeries[];
  /** Unit of the left value axis. */
  unit?: string;
  /** Localised source line ("来源：…"); empty when the chart cites nothing. */
  source: string;
  stack: StackMode;
  annotations: Annotation[];
  /** For maps: the registered GeoJSON map to draw on (absent = the province tile grid). */
  basemap?: string;
  /** Total rows found in the dimension or series, and whether the chart kept them (runChart). */
  totals?: ChartTotals;
  /** What the chart left out or folded together, in words: drawn after the source line and exported with it. */
  notes?: string[];
}

/** The line under a chart: the source, then the notes. Pictures and exports use this one line. */
export function sourceAndNotes(data: Pick<ChartData, 'source' | 'notes'>): string {
  return [data.source, ...(data.notes ?? [])].filter(Boolean).join(' · ');
}

const TYPE_BY_KIND: Record<ChartKind, SeriesType> = {
  column: 'bar',
  bar: 'bar',
  line: 'line',
  area: 'area',
  combo: 'bar',
  pie: 'pie',
  donut: 'pie',
  treemap: 'treemap',
  scatter: 'scatter',
  heatmap: 'heatmap',
  map: 'map',
  multiples: 'bar',
};

/** Throws when the query result lacks columns the chart reads (a bug, not a user error). */
export function checkColumns(table: Table, columns: string[]): void {
  const names = new Set(table.schema.fields.map((f) => f.name));
  const missing = columns.filter((c) => !names.has(c));
  if (missing.length > 0) throw new Error(`columns not in the result: ${missing.join(', ')}`);
}

/** "上海社会组织统计（2007—2014） · 《社会治理创新案例名称4篇》": dataset titles with the documents they come from. */
export function sourceLine(tables: string[], catalog: DatasetCatalog | null, lang: Lang): string {
  const entries = tables.map((name) => catalog?.datasets.find((d) => d.table === name));
  const sep = lang === 'en' ? '; ' : '、';
  return entries
    .map((e, i) => (e ? `${lang === 'en' ? e.title.en : e.title.zh} · ${e.sources.map((f) => documentTitle(catalog, f, lang, 'short')).join(sep)}` : tables[i]))
    .join(lang === 'en' ? ' | ' : '；');
}

/** What a chart over an imported table cites: the workbook's own 资料来源 line, else its file and sheet. */
export function originSource(origin: TableOrigin): string {
  return origin.source ?? (origin.sheet ? `${origin.fileName} · ${origin.sheet}` : origin.fileName);
}

/**
 * The source a chart cites when the user has written none (without 来源：): the catalog's titles for bundled
 * tables; for an imported table (`origin`, its provenance) the workbook's source line or its file and sheet;
 * '' for `sources: []`.
 */
export function defaultSourceText(spec: ChartSpec, catalog: DatasetCatalog | null, lang: Lang, origin?: TableOrigin): string {
  const tables = spec.sources ?? [spec.table];
  const bundled = (name: string) => catalog?.datasets.some((d) => d.table === name);
  if (origin && tables.length === 1 && tables[0] === spec.table && !bundled(spec.table)) return originSource(origin);
  return tables.length ? sourceLine(tables, catalog, lang) : '';
}

/** The chart's source line: the user's text (ChartSpec.source), else defaultSourceText. */
export function specSourceLine(spec: ChartSpec, catalog: DatasetCatalog | null, lang: Lang, origin?: TableOrigin): string {
  const text = spec.source || defaultSourceText(spec, catalog, lang, origin);
  return text ? translator(lang)('chart.source', { source: text }) : '';
}

function columnMeta(catalog: DatasetCatalog | null, table: string, column: string | null) {
  if (!column) return undefined;
  return catalog?.datasets.find((d) => d.table === table)?.columns.find((c) => c.name === column);
}

export function columnLabel(catalog: DatasetCatalog | null, table: string, column: string, lang: Lang): string {
  const meta = columnMeta(catalog, table, column);
  return meta ? (lang === 'en' ? meta.label.en : meta.label.zh) : column;
}

/** The unit a measure's numbers are in, after aggregation and transforms; `columns` may know units the catalog does not. */
export function measureUnit(spec: ChartSpec, m: Measure, catalog: DatasetCatalog | null, lang: Lang, columns: readonly ColumnInfo[] = []): string | undefined {
  const t = translator(lang);
  if (m.transform === 'yoy' || (spec.stack === 'percent' && spec.series && m.transform === 'none')) return '%';
  if (m.transform === 'index') return undefined;
  if (m.agg === 'count' || m.agg === 'count_distinct') return m.unit ?? t('charts.unit.count');
  return m.unit ?? columnMeta(catalog, spec.table, m.column)?.unit ?? columns.find((c) => c.name === m.column)?.unit;
}

export function measureLabel(spec: ChartSpec, m: Measure, catalog: DatasetCatalog | null, lang: Lang): string {
  const t = translator(lang);
  const base =
    m.label ??
    (m.column === null ? t('charts.measure.rows') : `${columnLabel(catalog, spec.table, m.column, lang)}${paren(t(`charts.agg.${m.agg}`), lang)}`);
  if (m.transform === 'yoy') return `${base} ${t('charts.transform.yoyShort')}`;
  if (m.transform === 'index') return `${base} ${t('charts.transform.indexShort')}`;
  return base;
}

function toNumber(v: unknown): number | null {
  const n = typeof v === 'bigint' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : null;
}

/** Iterating (not toArray()) keeps nulls: toArray() of a numeric column yields 0 for a null. */
function column(table: Table, name: string): unknown[] {
  return Array.from(table.getChild(name)! as Iterable<unknown>);
}

/**
 * Turns the result of buildChartSql(spec) into ChartData: one series per measure, or, with a series
 * dimension, the long rows pivoted into one series per series value (first measure only).
 */
export function toChartData(
  spec: ChartSpec,
  query: ChartQuery,
  table: Table,
  catalog: DatasetCatalog | null,
  lang: Lang,
  columns: readonly ColumnInfo[] = [],
  origin?: TableOrigin,
): ChartData {
  checkColumns(table, [query.x, ...(query.series ? [query.series] : []), ...query.measures]);
  const rawX = column(table, query.x).map((v) => (typeof v === 'bigint' ? Number(v) : v));
  const keys: FilterValue[] = [];
  const index = new Map<string, number>();
  const xPos = rawX.map((v) => {
    const k = String(v);
    if (!index.has(k)) {
      index.set(k, keys.length);
      keys.push(typeof v === 'number' ? v : k);
    }
    return index.get(k)!;
  });
  const type = TYPE_BY_KIND[spec.kind];
  const units = spec.measures.map((m) => measureUnit(spec, m, catalog, lang, columns));

  let series: ChartDataSeries[];
  if (query.series) {
    const names = column(table, query.series).map(String);
    const ys = column(table, query.measures[0]).map(toNumber);
    const rawNames = column(table, query.series);
    // Years as series (2013, 2014) read best in time order, whatever order the rows came in.
    const order = rawNames.every((v) => typeof v === 'number' || typeof v === 'bigint')
      ? [...new Set(rawNames.map(Number))].sort((a, b) => a - b).map(String)
      : [...new Set(names)];
    const rows = order.map((): (number | null)[] => keys.map(() => null));
    names.forEach((n, r) => {
      rows[order.indexOf(n)][xPos[r]] = ys[r];
    });
    series = order.map((name, i) => ({ name, values: rows[i], axis: 'left', type, ...(units[0] ? { unit: units[0] } : {}) }));
  } else {
    series = spec.measures.map((m, i) => {
      const values = keys.map((): number | null => null);
      column(table, query.measures[i]).forEach((v, r) => (values[xPos[r]] = toNumber(v)));
      const combo = spec.kind === 'combo' && i > 0;
      return {
        name: measureLabel(spec, m, catalog, lang),
        values,
        axis: combo ? 'right' : 'left',
        type: combo ? 'line' : type,
        ...(units[i] ? { unit: units[i] } : {}),
      };
    });
  }
  if (spec.trend && spec.kind === 'line') {
    const categories = keys.map(String);
    series = series.map((s) => {
      const trend = linearTrend(trendPoints(categories, s.values));
      return trend ? { ...s, trend } : s;
    });
  }
  return {
    kind: spec.kind,
    title: spec.title || defaultTitle(spec, catalog, lang),
    ...(spec.subtitle ? { subtitle: spec.subtitle } : {}),
    categoryLabel: spec.xLabel ?? columnLabel(catalog, spec.table, spec.x, lang),
    categories: keys.map(String),
    keys,
    series,
    ...(units[0] ? { unit: units[0] } : {}),
    source: specSourceLine(spec, catalog, lang, origin),
    stack: spec.stack,
    annotations: spec.annotations,
    ...(spec.kind === 'map' && spec.basemap ? { basemap: spec.basemap } : {}),
  };
}

/** "数值（求和） · 按类别": used when the user has not typed a title. */
export function defaultTitle(spec: ChartSpec, catalog: DatasetCatalog | null, lang: Lang): string {
  const t = translator(lang);
  return t('charts.defaultTitle', {
    measure: measureLabel(spec, spec.measures[0], catalog, lang),
    x: spec.xLabel ?? columnLabel(catalog, spec.table, spec.x, lang),
  });
}
