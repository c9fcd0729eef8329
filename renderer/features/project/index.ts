// The project feature's public face (other features and the app import only this file).
export { ProjectMenu } from './ProjectMenu';
export { RestorePrompt } from './RestorePrompt';
export { useProject } from './useProject';
export { builtInNames } from './workspace-io';
