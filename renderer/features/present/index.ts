import { lazyView } from '../../lazy-view';

// The presentation feature's public face (other features and the app import only this file).
export const PresentView = lazyView(() => import('./PresentView'), 'PresentView');
export { isSpeakerWindow } from './speaker-link';
export { SpeakerWindow } from './SpeakerWindow';
