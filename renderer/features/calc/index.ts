import { lazyView } from '../../lazy-view';

// The calculated-fields feature's public face (other features and the app import only this file).
export const CalcFieldsView = lazyView(() => import('./CalcFieldsView'), 'CalcFieldsView');
export { useCalcTables } from './use-calc-tables';
