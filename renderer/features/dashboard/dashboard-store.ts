import { useMemo } from 'react';
import type { Dashboard } from '../../../shared/model/dashboard';
import { useDocument, workspace } from '../../workspace';

/** Edited and own dashboards by id: a workspace document (stored as {version: 1, dashboards}). */
export function useDashboards(): Record<string, Dashboard> {
  const [list] = useDocument('dashboards');
  return useMemo(() => Object.fromEntries(list.map((d) => [d.id, d])), [list]);
}

export function storeDashboards(all: Record<string, Dashboard>): void {
  workspace.set('dashboards', Object.values(all));
}

/** An id for a dashboard the user creates (ready dashboards have fixed ids). */
export function newDashboardId(): string {
  return `own-${Date.now().toString(36)}`;
}
