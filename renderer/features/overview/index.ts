// The overview feature's public face (other features and the app import only this file).
export { StarterChart } from './StarterChart';
