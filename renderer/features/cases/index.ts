import { lazyView } from '../../lazy-view';

// The case library's public face (other features and the app import only this file).
export const CaseLibraryView = lazyView(() => import('./CaseLibraryView'), 'CaseLibraryView');
export { loadCaseDetail, useCaseDetail, useCases } from './useCaseData';
export { caseMetaLine, ComparisonChart, KpiTiles } from './CaseFacts';
