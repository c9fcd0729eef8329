import { lazyView } from '../../lazy-view';

// The chart builder's public face (other features and the app import only this file).
export const ChartBuilderView = lazyView(() => import('./ChartBuilderView'), 'ChartBuilderView');
export { useChartData, type ChartState } from './use-chart-data';
export { useSavedCharts } from './saved-charts';
export { TitleEditor } from './TitleEditor';
export { UndoNotice } from './UndoNotice';
