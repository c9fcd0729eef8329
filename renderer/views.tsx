import type { ReactNode } from 'react';
import type { MessageKey } from '../shared/i18n';
import { CaseLibraryView } from './features/cases';
import { ChartBuilderView } from './features/chart-builder';
import { DashboardView } from './features/dashboard';
import { ImportView } from './features/import';
import { PresentView } from './features/present';
import { WorkbenchView } from './features/workbench';

// The first screen ships in the main bundle; the others are React.lazy in their feature's index and load
// when first shown (a smaller bundle starts faster).

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
