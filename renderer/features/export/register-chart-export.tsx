import { toExportChart } from '../../../shared/export/from-chart-data';
import { registerChartActions } from '../../charts/chart-actions';
import { ExportMenu } from './ExportMenu';

// The export menu on the chart builder toolbar and on every dashboard card.
registerChartActions((target) => <ExportMenu chart={toExportChart(target.data)} />);
