import { lazy, type ReactNode } from 'react';
import type { MessageKey } from '../shared/i18n';
import { WorkbenchView } from './features/workbench/WorkbenchView';

// The first screen ships in the main bundle; the others load when first shown (a smaller bundle starts faster).
const ImportView = lazy(() => import('./features/import/ImportView').then((m) => ({ default: m.ImportView })));
const CaseLibraryView = lazy(() => import('./features/cases/CaseLibraryView').then((m) => ({ default: m.CaseLibraryView })));
const ChartBuilderView = lazy(() => import('./features/chart-builder/ChartBuilderView').then((m) => ({ default: m.ChartBuilderView })));
const DashboardView = lazy(() => import('./features/dashboard/DashboardView').then((m) => ({ default: m.DashboardView })));
const PresentView = lazy(() => import('./features/present/PresentView').then((m) => ({ default: m.PresentView })));

export interface ViewDef {
  id: string;
  label: MessageKey;
  render(): ReactNode;
}

/** The app's screens, in tab order. Each feature adds its one entry here. */
export const VIEWS: ViewDef[] = [
  { id: 'workbench', label: 'nav.workbench', render: () => <WorkbenchView /> },
  { id: 'import', label: 'nav.import', render: () => <ImportView /> },
  { id: 'cases', label: 'nav.cases', render: () => <CaseLibraryView /> },
  { id: 'chart-builder', label: 'nav.chartBuilder', render: () => <ChartBuilderView /> },
  { id: 'dashboards', label: 'nav.dashboards', render: () => <DashboardView /> },
  { id: 'present', label: 'nav.present', render: () => <PresentView /> },
];
