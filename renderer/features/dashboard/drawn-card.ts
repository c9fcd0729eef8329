import type { EChartsOption } from 'echarts';
import type { ChartData } from '../../../shared/charts/chart-data';

/** A card as drawn: its data and the option on screen (the picture of kinds Office has no chart for). */
export interface DrawnCard {
  data: ChartData;
  option: EChartsOption;
}
