import { parseDashboard, type Dashboard } from '../../../shared/model/dashboard';

/** Edited dashboards (layout, added charts) live in localStorage as {version: 1, dashboards: Dashboard[]}. */
export const DASHBOARDS_KEY = 'sgw.dashboards';

export function loadDashboards(): Record<string, Dashboard> {
  const raw = localStorage.getItem(DASHBOARDS_KEY);
  if (!raw) return {};
  try {
    const json = JSON.parse(raw) as { version?: unknown; dashboards?: unknown };
    if (json.version !== 1 || !Array.isArray(json.dashboards)) throw new Error('not version 1');
    return Object.fromEntries(json.dashboards.map((d) => parseDashboard(d)).map((d) => [d.id, d]));
  } catch {
    // Kept aside, never overwritten silently.
    localStorage.setItem(`${DASHBOARDS_KEY}.damaged`, raw);
    return {};
  }
}

export function storeDashboards(all: Record<string, Dashboard>): void {
  localStorage.setItem(DASHBOARDS_KEY, JSON.stringify({ version: 1, dashboards: Object.values(all) }));
}

/** An id for a dashboard the user creates (ready dashboards have fixed ids). */
export function newDashboardId(): string {
  return `own-${Date.now().toString(36)}`;
}
