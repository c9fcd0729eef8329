import { registerChartActions } from '../../charts/chart-actions';
import { ExportMenu } from './ExportMenu';

/**
 * Puts the export menu on the chart builder toolbar, every dashboard card and the starter chart (once, at
 * start-up): pictures come from the option the screen renders.
 */
export function registerChartExport(): void {
  registerChartActions((target) => <ExportMenu chart={target.data} option={target.option} />);
}
