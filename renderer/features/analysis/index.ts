import { lazyView } from '../../lazy-view';

// The 分析 screen's public face (the app and the dashboard and present features import only this file).
export const AnalysisView = lazyView(() => import('./AnalysisView'), 'AnalysisView');
/** A kept pivot on a dashboard card or a slide. */
export { PivotView } from './PivotView';
export { useSavedPivots } from './saved-pivots';
export { pivotGone } from './pivot-gone';
export { PivotTableHtml } from './PivotTableHtml';
