import type { Table } from 'apache-arrow';
import type { EChartsOption } from 'echarts';
import { formatCompact, formatNumber } from '../format/number';
import type { Lang } from '../model/catalog';
import { CJK_FONT_STACK, PALETTE } from './theme';

export interface CategoryChartSpec {
  kind: 'bar' | 'line';
  /** Column holding the categories (x axis, or y axis when horizontal). */
  x: string;
  /** Numeric columns, one series each. */
  y: string[];
  horizontal?: boolean;
  stacked?: boolean;
}

export interface ChartMeta {
  title: string;
  subtitle?: string;
  /** Unit of the measure, shown on the value axis and in tooltips. */
  unit?: string;
  /** Source line under the chart, already localised (e.g. "来源：…"). */
  source?: string;
  lang: Lang;
}

/** Throws when the spec names columns the query result does not have. */
export function checkColumns(table: Table, columns: string[]): void {
  const names = new Set(table.schema.fields.map((f) => f.name));
  const missing = columns.filter((c) => !names.has(c));
  if (missing.length > 0) throw new Error(`columns not in the result: ${missing.join(', ')}`);
}

/**
 * Bar/column or line chart over an aggregated result. Data goes in as an ECharts dataset (columns as
 * arrays), so the builder never loops over rows.
 */
export function buildCategoryOption(table: Table, spec: CategoryChartSpec, meta: ChartMeta): EChartsOption {
  checkColumns(table, [spec.x, ...spec.y]);
  const source: Record<string, (string | number | null)[]> = {};
  for (const col of [spec.x, ...spec.y]) {
    const values = table.getChild(col)!.toArray() as ArrayLike<unknown>;
    source[col] = Array.from(values, (v) => (typeof v === 'bigint' ? Number(v) : (v as string | number | null)));
  }
  const valueAxis = {
    type: 'value' as const,
    name: meta.unit ?? '',
    axisLabel: { formatter: (v: number) => formatCompact(v, meta.lang) },
  };
  const categoryAxis = { type: 'category' as const, axisLabel: { interval: 0, hideOverlap: true } };
  return {
    color: PALETTE,
    textStyle: { fontFamily: CJK_FONT_STACK },
    title: { text: meta.title, subtext: meta.subtitle, left: 'left' },
    legend: spec.y.length > 1 ? { top: 44, left: 'left' } : undefined,
    grid: { left: 12, right: 24, top: spec.y.length > 1 ? 96 : 76, bottom: meta.source ? 40 : 16, containLabel: true },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) => (typeof v === 'number' ? `${formatNumber(v, meta.lang)}${meta.unit ? ` ${meta.unit}` : ''}` : String(v)),
    },
    // ECharts accepts column-oriented sources ({ column: values[] }); its types only describe row arrays.
    dataset: { source: source as unknown as (string | number | null)[][], dimensions: [spec.x, ...spec.y] },
    xAxis: spec.horizontal ? valueAxis : categoryAxis,
    yAxis: spec.horizontal ? { ...categoryAxis, inverse: true } : valueAxis,
    series: spec.y.map((y) => ({
      type: spec.kind,
      name: y,
      encode: spec.horizontal ? { x: y, y: spec.x } : { x: spec.x, y },
      stack: spec.stacked ? 'total' : undefined,
      label: spec.y.length === 1 ? { show: true, position: spec.horizontal ? 'right' : 'top', formatter: labelFormatter(y, meta.lang) } : undefined,
      barMaxWidth: 48,
    })),
    graphic: meta.source
      ? [{ type: 'text', left: 8, bottom: 6, style: { text: meta.source, fill: '#666', fontSize: 11, fontFamily: CJK_FONT_STACK } }]
      : undefined,
  };
}

function labelFormatter(column: string, lang: Lang) {
  return (p: { value?: unknown }) => {
    const row = p.value as Record<string, unknown> | unknown[] | undefined;
    const v = Array.isArray(row) ? undefined : row?.[column];
    return typeof v === 'number' ? formatCompact(v, lang) : '';
  };
}
