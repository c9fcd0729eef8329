import type { EChartsOption } from 'echarts';
import type { ChartData } from '../../shared/charts/chart-data';
import { buildChartOption, type OptionSettings } from '../../shared/charts/chart-option';
import type { Lang } from '../../shared/model/catalog';
import { geoMapFeatures } from './geo-maps';

/**
 * The option the screen renders for `data`: buildChartOption plus what only the renderer knows (the feature
 * names of a registered GeoJSON basemap). Pictures of a chart are drawn from this same object.
 */
export function screenOption(data: ChartData, lang: Lang, settings: Omit<OptionSettings, 'basemapFeatures'> = {}): EChartsOption {
  return buildChartOption(data, lang, { ...settings, basemapFeatures: geoMapFeatures(data.basemap) });
}
