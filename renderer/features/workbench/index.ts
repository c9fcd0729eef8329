// The workbench screen (in the start-up bundle: it is the first screen shown).
export { WorkbenchView } from './WorkbenchView';
