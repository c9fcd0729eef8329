import type { EChartsOption } from 'echarts';
import type { ChartData } from '../../../shared/charts/chart-data';
import type { PivotTable } from '../../../shared/pivot/table';

/**
 * A card as drawn: a chart's data and the option on screen (the picture of kinds Office has no chart for),
 * or a pivot as the writer-neutral table every export writes as a real table.
 */
export type DrawnCard = { kind: 'chart'; data: ChartData; option: EChartsOption } | { kind: 'pivot'; table: PivotTable };
