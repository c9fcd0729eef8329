// The SQL console's public face (other features and the app import only this file).
export { SqlConsole } from './SqlConsole';
export { ProvenanceDialog } from './ProvenanceDialog';
