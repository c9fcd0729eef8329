import { registerChartActions } from '../../charts/chart-actions';
import { ExportMenu } from './ExportMenu';

// The export menu on the chart builder toolbar, every dashboard card and the starter chart: pictures come
// from the option the screen renders.
registerChartActions((target) => <ExportMenu chart={target.data} option={target.option} />);
