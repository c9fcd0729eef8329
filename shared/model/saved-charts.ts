/**
 * What one can do to the saved charts (a SavedChartsFile), as pure functions over plain data; and how the
 * cards and slides that refer to a saved chart (by `savedId`) follow it. The renderer applies them to its
 * workspace documents (renderer/features/chart-builder/saved-charts.ts). The list logic is saved-list.ts's,
 * shared with saved pivots.
 */
import type { ChartSpec } from './chart-spec';
import type { SavedChart, SavedChartsFile } from './dashboard';
import { findSaved, followItem, lostItem, newSavedId, removeItem, renameItem, restoreItem, saveItem, type Follows } from './saved-list';

/** Anything that shows a saved chart: a dashboard card, a deck's chart slide. */
export type FollowsSavedChart = Follows<ChartSpec>;

const file = (charts: SavedChart[]): SavedChartsFile => ({ version: 1, charts });

export const findSavedChart = (f: SavedChartsFile, id: string | undefined): SavedChart | undefined => findSaved(f.charts, id);

/** A new id, not used in `file` (ids are short and readable in a project file: c<time><n>). */
export const newSavedChartId = (f: SavedChartsFile, now: number): string => newSavedId(f.charts, now, 'c');

/**
 * 保存图表: updates chart `id` when it exists, else saves `spec` as a new chart; newest first either way.
 * Returns the file and the chart as saved.
 */
export function saveChartSpec(f: SavedChartsFile, spec: ChartSpec, id: string | undefined, now: Date): { file: SavedChartsFile; chart: SavedChart } {
  const { items, item } = saveItem(f.charts, spec, id, now, 'c');
  return { file: file(items), chart: item };
}

/** 重命名: the chart's title (its spec's title); keeps its place and its time of saving. */
export const renameSavedChart = (f: SavedChartsFile, id: string, title: string): SavedChartsFile => file(renameItem(f.charts, id, title));

/** 复制 / 另存为: a copy of `spec` under `title` and a new id, placed first. */
export function copySavedChart(f: SavedChartsFile, spec: ChartSpec, title: string, now: Date): { file: SavedChartsFile; chart: SavedChart } {
  return saveChartSpec(f, { ...spec, title }, undefined, now);
}

/** 删除: the file without chart `id`, and what 撤销 needs to put it back where it was. */
export function removeSavedChart(f: SavedChartsFile, id: string): { file: SavedChartsFile; removed?: { chart: SavedChart; index: number } } {
  const { items, removed } = removeItem(f.charts, id);
  return { file: file(items), ...(removed ? { removed: { chart: removed.item, index: removed.index } } : {}) };
}

/** 撤销 a deletion: the chart back at its place (unless a chart with its id exists again). */
export function restoreSavedChart(f: SavedChartsFile, removed: { chart: SavedChart; index: number }): SavedChartsFile {
  const charts = restoreItem(f.charts, { item: removed.chart, index: removed.index });
  return charts === f.charts ? f : file(charts);
}

/**
 * The items that show `chart` take its new spec; the others are returned as they were (the same objects,
 * and the same array when nothing refers to it, so an unchanged document is not written again).
 */
export const followSavedChart = <T extends FollowsSavedChart>(items: T[], chart: SavedChart): T[] => followItem(items, chart);

/** A card or slide whose saved chart was deleted: it keeps showing its last spec and says so. */
export const lostSavedChart = (item: { spec: unknown; savedId?: string }, f: SavedChartsFile): boolean => lostItem(item, f.charts);
