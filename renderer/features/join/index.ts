import { lazyView } from '../../lazy-view';

// The combined-tables feature's public face (other features and the app import only this file).
export const JoinView = lazyView(() => import('./JoinView'), 'JoinView');
export { listAfterRepair } from './repair';
