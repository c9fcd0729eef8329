import { parseSavedCharts, upsertSavedChart, type SavedChartsFile } from '../../../shared/model/dashboard';
import type { ChartSpec } from '../../../shared/model/chart-spec';

/** Saved charts live in localStorage as a SavedChartsFile (version 1), the shape a project file embeds. */
export const SAVED_CHARTS_KEY = 'sgw.savedCharts';

const EMPTY: SavedChartsFile = { version: 1, charts: [] };

export function loadSavedCharts(): SavedChartsFile {
  const raw = localStorage.getItem(SAVED_CHARTS_KEY);
  if (!raw) return EMPTY;
  try {
    return parseSavedCharts(JSON.parse(raw));
  } catch {
    // A damaged list is kept aside rather than overwritten, so nothing is lost.
    localStorage.setItem(`${SAVED_CHARTS_KEY}.damaged`, raw);
    return EMPTY;
  }
}

export function saveChart(spec: ChartSpec, id?: string): SavedChartsFile {
  const file = upsertSavedChart(loadSavedCharts(), { id: id ?? `c${Date.now().toString(36)}`, savedAt: new Date().toISOString(), spec });
  localStorage.setItem(SAVED_CHARTS_KEY, JSON.stringify(file));
  return file;
}

export function deleteSavedChart(id: string): SavedChartsFile {
  const prev = loadSavedCharts();
  const file: SavedChartsFile = { version: 1, charts: prev.charts.filter((c) => c.id !== id) };
  localStorage.setItem(SAVED_CHARTS_KEY, JSON.stringify(file));
  return file;
}
