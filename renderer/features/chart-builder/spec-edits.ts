import type { TableInfo } from '../../../shared/db-catalog';
import { NUMERIC_TYPE } from '../../../shared/sql/chart-sql';
import { TWO_MEASURE_KINDS, newChartSpec, type ChartKind, type ChartSpec, type Measure } from '../../../shared/model/chart-spec';


export function isNumericColumn(table: TableInfo | undefined, column: string | null): boolean {
  return !!column && NUMERIC_TYPE.test(table?.columns.find((c) => c.name === column)?.type ?? '');
}

/** A sensible first chart for a table: count of rows by its place, theme or first text column. */
export function specForTable(table: TableInfo): ChartSpec {
  const names = table.columns.map((c) => c.name);
  const x =
    ['province', 'region', 'theme', 'category', 'indicator', 'year'].find((c) => names.includes(c)) ??
    table.columns.find((c) => /VARCHAR/i.test(c.type))?.name ??
    names[0];
  return newChartSpec(table.name, x);
}

const TIME_KINDS: readonly ChartKind[] = ['line', 'area', 'heatmap', 'multiples'];

/** Switches the chart kind, adding or dropping the second measure and picking a fitting sort. */
export function withKind(spec: ChartSpec, kind: ChartKind): ChartSpec {
  let measures = spec.measures;
  if (TWO_MEASURE_KINDS.includes(kind) && measures.length < 2) {
    const second: Measure = kind === 'combo' ? { ...measures[0], transform: 'yoy', unit: undefined } : { ...measures[0] };
    measures = [measures[0], second];
  } else if (!TWO_MEASURE_KINDS.includes(kind)) measures = measures.slice(0, 1);
  const sort = TIME_KINDS.includes(kind) || kind === 'combo' ? 'x_asc' : spec.sort;
  return { ...spec, kind, measures, sort };
}

/** Aggregations a column allows: text columns can only be counted. */
export function aggregationsFor(numeric: boolean) {
  return numeric ? (['sum', 'avg', 'count', 'count_distinct', 'min', 'max'] as const) : (['count', 'count_distinct'] as const);
}
