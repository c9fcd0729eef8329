import { lazyView } from '../../lazy-view';

// The import feature's public face (other features and the app import only this file).
export const ImportView = lazyView(() => import('./ImportView'), 'ImportView');
export { installWindowDrop } from './file-drop';
