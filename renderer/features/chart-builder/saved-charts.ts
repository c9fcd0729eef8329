import { upsertSavedChart, type SavedChartsFile } from '../../../shared/model/dashboard';
import type { ChartSpec } from '../../../shared/model/chart-spec';
import { useDocument, workspace } from '../../workspace';

/** Saved charts: a workspace document (a SavedChartsFile, version 1, the shape a project file embeds). */
export function useSavedCharts(): SavedChartsFile {
  return useDocument('savedCharts')[0];
}

/** Saves `spec` as chart `id` (a new one when absent), newest first; returns the new list. */
export function saveChart(spec: ChartSpec, id?: string): SavedChartsFile {
  return workspace.update('savedCharts', (file) => upsertSavedChart(file, { id: id ?? `c${Date.now().toString(36)}`, savedAt: new Date().toISOString(), spec }));
}

export function deleteSavedChart(id: string): SavedChartsFile {
  return workspace.update('savedCharts', (file) => ({ version: 1, charts: file.charts.filter((c) => c.id !== id) }));
}
