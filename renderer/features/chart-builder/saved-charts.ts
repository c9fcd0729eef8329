import type { ChartSpec } from '../../../shared/model/chart-spec';
import type { SavedChart, SavedChartsFile } from '../../../shared/model/dashboard';
import { copySavedChart, removeSavedChart, renameSavedChart, restoreSavedChart, saveChartSpec } from '../../../shared/model/saved-charts';
import { followSaved, useDocument, workspace } from '../../workspace';

/** Saved charts: a workspace document (a SavedChartsFile, version 1, the shape a project file embeds). */
export function useSavedCharts(): SavedChartsFile {
  return useDocument('savedCharts')[0];
}

/** Dashboard cards and deck slides that show `chart` take its new version (they refer to it by id). */
function follow(chart: SavedChart | undefined): void {
  if (chart) followSaved({ kind: 'chart', item: chart });
}

/** Saves `spec` as chart `id` (a new one when absent or gone); returns the chart as saved. */
export function saveChart(spec: ChartSpec, id?: string): SavedChart {
  const { file, chart } = saveChartSpec(workspace.get('savedCharts'), spec, id, new Date());
  workspace.set('savedCharts', file);
  follow(chart);
  return chart;
}

/** 另存为 / 复制: a new chart with `spec` under `title`. */
export function saveChartCopy(spec: ChartSpec, title: string): SavedChart {
  const { file, chart } = copySavedChart(workspace.get('savedCharts'), spec, title, new Date());
  workspace.set('savedCharts', file);
  return chart;
}

/** 重命名: the chart and everything that shows it take the new title. */
export function renameChart(id: string, title: string): void {
  const file = workspace.update('savedCharts', (f) => renameSavedChart(f, id, title));
  follow(file.charts.find((c) => c.id === id));
  // The draft that is this chart keeps being it (保存图表 updates a chart only under its own title).
  workspace.update('chartDraft', (d) => (d && d.savedId === id ? { ...d, spec: { ...d.spec, title } } : d));
}

/** Deletes chart `id`; returns its undo (cards and slides that showed it keep its last version meanwhile). */
export function deleteSavedChart(id: string): () => void {
  const { file, removed } = removeSavedChart(workspace.get('savedCharts'), id);
  workspace.set('savedCharts', file);
  return () => {
    if (removed) workspace.update('savedCharts', (f) => restoreSavedChart(f, removed));
  };
}
