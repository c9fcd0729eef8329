// The catalog feature's public face (other features and the app import only this file).
export { CatalogPanel } from './CatalogPanel';
export { ReplaceDependents } from './DependentList';
