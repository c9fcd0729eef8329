import { newChartSpec, type ChartSpec } from '../shared/model/chart-spec';
import { buildChartSql, type GlobalFilters } from '../shared/sql/chart-sql';
import type { Rollup } from '../shared/sql/rollup';
import { REGIONS, TYPES } from './generate';

const COLUMNS = ['地区', '年份', '类型', '指标', '机构名称', '数值'];
const COLUMN_TYPES = { 地区: 'VARCHAR', 年份: 'INTEGER', 类型: 'VARCHAR', 指标: 'VARCHAR', 机构名称: 'VARCHAR', 数值: 'DOUBLE' };

const card = (id: string, over: Partial<ChartSpec>): { id: string; spec: ChartSpec } => ({
  id,
  spec: { ...newChartSpec('cube', '类型'), measures: [{ column: '数值', agg: 'sum', transform: 'none' }], ...over },
});

/** The 4-chart dashboard of the benchmark, as the app stores it: composition, trend, region × year, indicators. */
export const BENCH_DASHBOARD = [
  card('type', { kind: 'pie', x: '类型' }),
  card('trend', { kind: 'line', x: '年份', sort: 'x_asc', measures: [{ column: '数值', agg: 'sum', transform: 'yoy' }] }),
  card('heat', { kind: 'heatmap', x: '地区', series: '年份', sort: 'x_asc' }),
  card('indicator', { kind: 'bar', x: '指标', measures: [{ column: '数值', agg: 'avg', transform: 'none' }] }),
];

/** The filters after the n-th change: other regions and years each time, every other time a click on a type. */
export function benchFilters(n: number): GlobalFilters {
  const start = (n * 7) % REGIONS.length;
  return {
    regions: [0, 1, 2, 3, 4].map((k) => REGIONS[(start + k * 3) % REGIONS.length]),
    years: { from: 2008 + (n % 5), to: 2020 },
    cross: n % 2 ? [{ sourceId: 'type', column: '类型', values: [TYPES[n % TYPES.length]] }] : [],
  };
}

/** The SQL the app sends after the n-th filter change: over the rollup when given, else over the table. */
export function dashboardSql(n: number, rollup?: Rollup): string[] {
  return BENCH_DASHBOARD.map(({ id, spec }) => {
    const q = buildChartSql(spec, { columns: COLUMNS, columnTypes: COLUMN_TYPES, global: benchFilters(n), chartId: id, rollup });
    if (rollup && !q.rollupSql) throw new Error(`bench dashboard card ${id} is not covered by the rollup`);
    return rollup ? q.rollupSql! : q.sql;
  });
}
