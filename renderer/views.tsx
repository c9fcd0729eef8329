import type { ReactNode } from 'react';
import type { MessageKey } from '../shared/i18n';
import { WorkbenchView } from './features/workbench/WorkbenchView';
import { CaseLibraryView } from './features/cases/CaseLibraryView';
import { PresentView } from './features/present/PresentView';
import { ChartBuilderView } from './features/chart-builder/ChartBuilderView';
import { DashboardView } from './features/dashboard/DashboardView';
import { ImportView } from './features/import/ImportView';

export interface ViewProps {
  /** SQL pushed to the console from another screen. */
  incomingSql?: { sql: string; nonce: number };
}

export interface ViewDef {
  id: string;
  label: MessageKey;
  render(props: ViewProps): ReactNode;
}

/** The app's screens, in tab order. Each feature adds its one entry here. */
export const VIEWS: ViewDef[] = [
  { id: 'workbench', label: 'nav.workbench', render: (p) => <WorkbenchView incoming={p.incomingSql} /> },
  { id: 'import', label: 'nav.import', render: () => <ImportView /> },
  { id: 'cases', label: 'nav.cases', render: () => <CaseLibraryView /> },
  { id: 'chart-builder', label: 'nav.chartBuilder', render: () => <ChartBuilderView /> },
  { id: 'dashboards', label: 'nav.dashboards', render: () => <DashboardView /> },
  { id: 'present', label: 'nav.present', render: () => <PresentView /> },
];
