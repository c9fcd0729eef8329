import type { EChartsOption } from 'echarts';
import type { Lang } from '../model/catalog';
import type { FilterValue } from '../model/chart-spec';
import { buildCartesianOption, buildScatterOption } from './cartesian-option';
import type { ChartData } from './chart-data';
import { buildPieOption, buildTreemapOption } from './composition-option';
import { buildGeoMapOption, buildHeatmapOption, buildSmallMultiplesOption } from './matrix-option';
import { buildProvinceMapOption } from './province-map-option';
import type { OptionSettings } from './option-common';

export type { OptionSettings };

/** The ECharts option for any chart kind. Pure: data in, option out. */
export function buildChartOption(data: ChartData, lang: Lang, settings: OptionSettings = {}): EChartsOption {
  switch (data.kind) {
    case 'pie':
    case 'donut':
      return buildPieOption(data, lang, settings);
    case 'treemap':
      return buildTreemapOption(data, lang);
    case 'scatter':
      return buildScatterOption(data, lang);
    case 'heatmap':
      return buildHeatmapOption(data, lang);
    case 'map':
      return data.basemap ? buildGeoMapOption(data, lang, settings) : buildProvinceMapOption(data, lang, settings);
    case 'multiples':
      return buildSmallMultiplesOption(data, lang);
    default:
      return buildCartesianOption(data, lang, settings);
  }
}

/** What ECharts reports on a click (the parts we use). */
export interface ChartClick {
  name?: string;
  dataIndex?: number;
  componentType?: string;
}

/**
 * The x value (category, region, year) a click on a bar, slice, cell or tile stands for, for
 * cross-filtering; undefined for clicks on anything else (a grey map tile, an axis).
 */
export function clickedKey(data: ChartData, click: ChartClick): FilterValue | undefined {
  if (click.componentType !== undefined && click.componentType !== 'series') return undefined;
  const byName = click.name !== undefined ? data.categories.indexOf(click.name) : -1;
  if (byName >= 0) return data.keys[byName];
  const cartesian = !['pie', 'donut', 'treemap', 'map', 'heatmap', 'scatter'].includes(data.kind);
  if (cartesian && click.dataIndex !== undefined && click.dataIndex < data.keys.length) return data.keys[click.dataIndex];
  return undefined;
}
