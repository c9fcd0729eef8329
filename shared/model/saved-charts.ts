/**
 * What one can do to the saved charts (a SavedChartsFile), as pure functions over plain data; and how the
 * cards and slides that refer to a saved chart (by `savedId`) follow it. The renderer applies them to its
 * workspace documents (renderer/features/chart-builder/saved-charts.ts).
 */
import type { ChartSpec } from './chart-spec';
import { upsertSavedChart, type SavedChart, type SavedChartsFile } from './dashboard';

/** Anything that shows a saved chart: a dashboard card, a deck's chart slide. */
export interface FollowsSavedChart {
  spec: ChartSpec;
  savedId?: string;
}

export const findSavedChart = (file: SavedChartsFile, id: string | undefined): SavedChart | undefined =>
  id === undefined ? undefined : file.charts.find((c) => c.id === id);

/** A new id, not used in `file` (ids are short and readable in a project file: c<time><n>). */
export function newSavedChartId(file: SavedChartsFile, now: number): string {
  const used = new Set(file.charts.map((c) => c.id));
  for (let n = 0; ; n++) {
    const id = `c${now.toString(36)}${n ? `-${n}` : ''}`;
    if (!used.has(id)) return id;
  }
}

/**
 * 保存图表: updates chart `id` when it exists, else saves `spec` as a new chart; newest first either way.
 * Returns the file and the chart as saved.
 */
export function saveChartSpec(file: SavedChartsFile, spec: ChartSpec, id: string | undefined, now: Date): { file: SavedChartsFile; chart: SavedChart } {
  const chart: SavedChart = { id: id && findSavedChart(file, id) ? id : newSavedChartId(file, now.getTime()), savedAt: now.toISOString(), spec };
  return { file: upsertSavedChart(file, chart), chart };
}

/** 重命名: the chart's title (its spec's title); keeps its place and its time of saving. */
export function renameSavedChart(file: SavedChartsFile, id: string, title: string): SavedChartsFile {
  return { version: 1, charts: file.charts.map((c) => (c.id === id ? { ...c, spec: { ...c.spec, title } } : c)) };
}

/** 复制 / 另存为: a copy of `spec` under `title` and a new id, placed first. */
export function copySavedChart(file: SavedChartsFile, spec: ChartSpec, title: string, now: Date): { file: SavedChartsFile; chart: SavedChart } {
  return saveChartSpec(file, { ...spec, title }, undefined, now);
}

/** 删除: the file without chart `id`, and what 撤销 needs to put it back where it was. */
export function removeSavedChart(file: SavedChartsFile, id: string): { file: SavedChartsFile; removed?: { chart: SavedChart; index: number } } {
  const index = file.charts.findIndex((c) => c.id === id);
  if (index < 0) return { file };
  return { file: { version: 1, charts: file.charts.filter((c) => c.id !== id) }, removed: { chart: file.charts[index], index } };
}

/** 撤销 a deletion: the chart back at its place (unless a chart with its id exists again). */
export function restoreSavedChart(file: SavedChartsFile, removed: { chart: SavedChart; index: number }): SavedChartsFile {
  if (findSavedChart(file, removed.chart.id)) return file;
  const charts = [...file.charts];
  charts.splice(Math.min(removed.index, charts.length), 0, removed.chart);
  return { version: 1, charts };
}

/**
 * The items that show `chart` take its new spec; the others are returned as they were (the same objects,
 * and the same array when nothing refers to it, so an unchanged document is not written again).
 */
export function followSavedChart<T extends FollowsSavedChart>(items: T[], chart: SavedChart): T[] {
  if (!items.some((i) => i.savedId === chart.id && i.spec !== chart.spec)) return items;
  return items.map((i) => (i.savedId === chart.id ? { ...i, spec: chart.spec } : i));
}

/** A card or slide whose saved chart was deleted: it keeps showing its last spec and says so. */
export const lostSavedChart = (item: FollowsSavedChart, file: SavedChartsFile): boolean => item.savedId !== undefined && !findSavedChart(file, item.savedId);
