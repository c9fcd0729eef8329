import { lazyView } from '../../lazy-view';

// The dashboards feature's public face (other features and the app import only this file).
export const DashboardView = lazyView(() => import('./DashboardView'), 'DashboardView');
export { useDashboards } from './dashboard-store';
