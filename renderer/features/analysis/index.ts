import { lazyView } from '../../lazy-view';

// The 分析 screen's public face (the app imports only this file).
export const AnalysisView = lazyView(() => import('./AnalysisView'), 'AnalysisView');
