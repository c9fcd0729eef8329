import { describe, expect, it } from 'vitest';
import { GeoJsonError, matchFeatureNames, parseGeoJson } from './geojson';

const square = (x: number) => [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]];
const map = (features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

describe('parseGeoJson', () => {
  it('accepts named polygons and multipolygons, reading common name keys', () => {
    const m = parseGeoJson(
      map([
        { type: 'Feature', properties: { name: '浙江省' }, geometry: { type: 'Polygon', coordinates: square(0) } },
        { type: 'Feature', properties: { NAME: '江苏省', adcode: 320000 }, geometry: { type: 'MultiPolygon', coordinates: [square(1)] } },
      ]),
    );
    expect(m.features.map((f) => f.properties.name)).toEqual(['浙江省', '江苏省']);
    expect(m.features[1].properties.adcode).toBe(320000);
  });

  it('refuses what cannot be drawn as regions, with a reason', () => {
    const reason = (text: string) => {
      try {
        parseGeoJson(text);
        return 'ok';
      } catch (e) {
        return e instanceof GeoJsonError ? e.message : 'other';
      }
    };
    expect(reason('{oops')).toBe('not-json');
    expect(reason(JSON.stringify({ type: 'Feature' }))).toBe('not-feature-collection');
    expect(reason(map([]))).toBe('not-feature-collection');
    expect(reason(map([{ type: 'Feature', properties: { name: 'a' }, geometry: { type: 'Point', coordinates: [0, 0] } }]))).toBe('bad-geometry');
    expect(reason(map([{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: square(0) } }]))).toBe('unnamed-feature');
  });
});

describe('matchFeatureNames', () => {
  it('matches exact names first, then without administrative suffixes', () => {
    expect(matchFeatureNames(['浙江省', '江苏', '上海市', '火星'], ['浙江省', '江苏省', '上海'])).toEqual(['浙江省', '江苏省', '上海', undefined]);
    expect(matchFeatureNames(['海淀区', '成华区'], ['海淀', '成华区'])).toEqual(['海淀', '成华区']);
  });
});

describe('buildChartOption on a registered basemap', () => {
  it('draws a map series on the basemap, tying features to categories', async () => {
    const { buildChartOption } = await import('./chart-option');
    const option = buildChartOption(
      {
        kind: 'map',
        basemap: '我的省界',
        title: '案例数',
        categoryLabel: '省份',
        categories: ['浙江省', '江苏', '火星'],
        keys: ['浙江省', '江苏', '火星'],
        series: [{ name: '案例数', values: [14, 10, 1], axis: 'left', type: 'map' }],
        source: '来源：测试',
        stack: 'none',
        annotations: [],
      },
      'zh-CN',
      { basemapFeatures: ['浙江省', '江苏省'] },
    );
    const [series] = option.series as { type: string; map: string; nameMap: Record<string, string>; data: { name: string; value: number }[] }[];
    expect(series.type).toBe('map');
    expect(series.map).toBe('我的省界');
    expect(series.nameMap).toEqual({ 浙江省: '浙江省', 江苏省: '江苏' });
    expect(series.data.map((d) => [d.name, d.value])).toEqual([
      ['浙江省', 14],
      ['江苏', 10],
      ['火星', 1],
    ]);
    expect(option.visualMap).not.toHaveProperty('dimension');
  });
});
