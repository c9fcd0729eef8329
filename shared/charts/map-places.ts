/**
 * What a province map does with rows it cannot draw as they are, said in words (ChartData.notes):
 * - places below province level (北京市海淀区) on the tile map are summed into their province when the measure
 *   adds up (sum, count), and left out with a note when it does not (an average, a growth rate);
 * - several years in a map's rows are never summed into one tile: runChart draws one map per year.
 * A registered GeoJSON basemap draws places at their own level, so none of this applies to it.
 */
import { translator } from '../i18n';
import type { Lang } from '../model/catalog';
import type { ChartSpec } from '../model/chart-spec';
import { yearColumn } from '../sql/chart-sql';
import type { ChartData } from './chart-data';
import { findProvince } from './province-grid';

/** Measures whose values add up across places (and would add up, wrongly, across years). */
const additive = (spec: ChartSpec) => {
  const m = spec.measures[0];
  return (m.agg === 'sum' || m.agg === 'count') && m.transform === 'none' && spec.stack !== 'percent';
};

/**
 * For a map without a series whose table has a year column (not the map's own dimension, not already one
 * year): the query that lists the years the map's rows span. Counting records (cases by province) across
 * years is what such a map means, so only measures of amounts (sum, average …) are split.
 */
export function mapYearsProbe(spec: ChartSpec, columns: readonly string[]): { column: string; spec: ChartSpec } | null {
  if (spec.kind !== 'map' || spec.series) return null;
  const m = spec.measures[0];
  if (m.agg === 'count' || m.agg === 'count_distinct') return null;
  const column = yearColumn(columns);
  if (!column || column === spec.x) return null;
  if (spec.filters.some((f) => f.column === column && f.op === 'in' && f.values.length === 1)) return null;
  return {
    column,
    spec: { ...spec, kind: 'column', x: column, measures: [{ column: null, agg: 'count', transform: 'none' }], sort: 'x_asc', annotations: [], topN: undefined, stack: 'none' },
  };
}

const MAX_NAMED = 3;

/** The tile map's categories folded into provinces (summed, or left out when the measure does not add up). */
export function foldPlaces(data: ChartData, spec: ChartSpec, lang: Lang): ChartData {
  const t = translator(lang);
  const below: string[] = [];
  const order: string[] = [];
  const members = new Map<string, number[]>();
  data.categories.forEach((c, i) => {
    const tile = findProvince(c);
    if (!tile) return;
    const atLevel = c.trim() === tile.name || c.trim() === tile.short;
    if (!atLevel) below.push(c);
    if (!members.has(tile.name)) {
      members.set(tile.name, []);
      order.push(tile.name);
    }
    members.get(tile.name)!.push(i);
  });
  if (below.length === 0) return data;
  const named = below.slice(0, MAX_NAMED).join('、') + (below.length > MAX_NAMED ? ' …' : '');
  if (!additive(spec)) {
    const keep = data.categories.map((c) => !below.includes(c));
    const pick = <T>(xs: T[]) => xs.filter((_, i) => keep[i]);
    const agg = t(`charts.agg.${spec.measures[0].agg}`);
    return {
      ...data,
      categories: pick(data.categories),
      keys: pick(data.keys),
      series: data.series.map((s) => ({ ...s, values: pick(s.values) })),
      notes: [...(data.notes ?? []), t('charts.placesHidden', { count: below.length, agg, places: named })],
    };
  }
  const sum = (values: (number | null)[], idx: number[]) =>
    idx.reduce<number | null>((a, i) => (values[i] === null ? a : (a ?? 0) + values[i]!), null);
  return {
    ...data,
    categories: order,
    // A province's own row keeps its key (a click filters on it); a folded province is named as the grid names it.
    keys: order.map((p) => {
      const idx = members.get(p)!;
      return idx.length === 1 ? data.keys[idx[0]] : p;
    }),
    series: data.series.map((s) => ({ ...s, values: order.map((p) => sum(s.values, members.get(p)!)) })),
    notes: [...(data.notes ?? []), t('charts.placesSummed', { count: below.length, places: named })],
  };
}
