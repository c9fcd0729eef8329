import type { ChartData } from '../../../shared/charts/chart-data';
import { matchFeatureNames } from '../../../shared/charts/geojson';
import { findProvince } from '../../../shared/charts/province-grid';
import type { FilterValue } from '../../../shared/model/chart-spec';

/** One x value a chart shows, as the keyboard cross-filter lists it. */
export interface CrossFilterChoice {
  /** The raw x value: exactly what a mouse click on its bar, slice or tile reports. */
  key: FilterValue;
  label: string;
}

/** Kinds that draw only the first series (a value missing there is not on screen). */
const FIRST_SERIES_ONLY = new Set(['pie', 'donut', 'treemap', 'map']);
/** Kinds that draw parts of a whole: parts that are not positive are left out. */
const PARTS = new Set(['pie', 'donut', 'treemap']);

/** For maps: whether each category has a shape to click (a tile of the grid, or a feature of the basemap). */
function placed(data: ChartData, basemapFeatures: string[] | undefined): boolean[] | undefined {
  if (data.kind !== 'map') return undefined;
  if (data.basemap) return matchFeatureNames(data.categories, basemapFeatures ?? []).map(Boolean);
  // The tile map draws the first category that falls on a tile.
  const tiles = new Set<string>();
  return data.categories.map((c) => {
    const tile = findProvince(c)?.name;
    if (!tile || tiles.has(tile)) return false;
    tiles.add(tile);
    return true;
  });
}

/**
 * The x values a chart currently shows, in its order: the same values a click on the chart can pick
 * (categories without any drawn value, or off the map, are left out).
 */
export function crossFilterChoices(data: ChartData, basemapFeatures?: string[]): CrossFilterChoice[] {
  const onMap = placed(data, basemapFeatures);
  const drawn = FIRST_SERIES_ONLY.has(data.kind) ? data.series.slice(0, 1) : data.series;
  const shows = (v: number | null) => v !== null && (!PARTS.has(data.kind) || v > 0);
  const empty = (i: number) => !drawn.some((s) => shows(s.values[i]));
  return data.keys.flatMap((key, i) => (onMap?.[i] === false || empty(i) ? [] : [{ key, label: data.categories[i] }]));
}

const PAGE = 10;

/** The option a navigation key moves to in a list of `count` (no wrapping, as in a native listbox); undefined for other keys. */
export function moveActive(key: string, active: number, count: number): number | undefined {
  const last = count - 1;
  switch (key) {
    case 'ArrowDown':
      return Math.min(active + 1, last);
    case 'ArrowUp':
      return Math.max(active - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return last;
    case 'PageDown':
      return Math.min(active + PAGE, last);
    case 'PageUp':
      return Math.max(active - PAGE, 0);
    default:
      return undefined;
  }
}

/** Type-ahead: the next label (after `active`, wrapping) that starts with the typed text, or -1. */
export function typeAhead(labels: string[], active: number, typed: string): number {
  const q = typed.toLocaleLowerCase();
  for (let step = 1; step <= labels.length; step++) {
    const i = (active + step) % labels.length;
    if (labels[i].toLocaleLowerCase().startsWith(q)) return i;
  }
  return -1;
}
