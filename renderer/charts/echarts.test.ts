import { tableFromArrays, type Table } from 'apache-arrow';
import type { EChartsOption } from 'echarts';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { toChartData } from '../../shared/charts/chart-data';
import { buildChartOption } from '../../shared/charts/chart-option';
import { parseGeoJson } from '../../shared/charts/geojson';
import { pictureOption } from '../../shared/charts/picture';
import { forSlide } from '../../shared/charts/slide-option';
import { newChartSpec, type ChartKind, type ChartSpec } from '../../shared/model/chart-spec';
import { buildChartSql } from '../../shared/sql/chart-sql';
// Only the app's registration: the whole library is imported further down, after the pictures drawn with it.
import { echarts } from './echarts';

// Data with what breaks charts: Chinese names, a missing value, negative and fractional numbers, 万-sized values.
const byProvince = tableFromArrays({
  province: ['浙江省', '上海市', '北京市', '广西壮族自治区', '（全国性）'],
  count_rows: Float64Array.from([16, 22, 7, 2, 1]),
});
const staff = tableFromArrays({
  year: Int32Array.from([2007, 2007, 2013, 2013, 2016, 2016]),
  category: ['专职', '兼职', '专职', '兼职', '专职', '兼职'],
  sum_value: [4.4, 8.1, 14.31, null, 25_000.5, -3.2],
});
const pairs = tableFromArrays({ province: ['浙江省', '上海市', '江苏省'], sum_a: Float64Array.from([1.5, 2, 3]), sum_b: Float64Array.from([10, 30, 20]) });
const staffSpec: Partial<ChartSpec> = { x: 'year', series: 'category', measures: [{ column: 'value', agg: 'sum', transform: 'none', unit: '万人' }] };
const two: Partial<ChartSpec> = { measures: [{ column: 'a', agg: 'sum', transform: 'none' }, { column: 'b', agg: 'sum', transform: 'none' }] };

function option(kind: ChartKind, over: Partial<ChartSpec> = {}, table: Table = byProvince, basemapFeatures?: string[]): EChartsOption {
  const spec: ChartSpec = { ...newChartSpec('cases', 'province'), kind, title: '案例数', ...over };
  return buildChartOption(toChartData(spec, buildChartSql(spec), table, null, 'zh-CN'), 'zh-CN', { basemapFeatures });
}

/** Every chart kind the app offers, and the parts its builders add (legend, stacks, marks, trend, scales). */
function allOptions(): Record<string, EChartsOption> {
  const o: Record<string, EChartsOption> = {
    column: option('column'),
    'column, highlighted': buildChartOption(toChartData({ ...newChartSpec('cases', 'province'), kind: 'column', title: 't' }, buildChartSql({ ...newChartSpec('cases', 'province'), kind: 'column', title: 't' }), byProvince, null, 'zh-CN'), 'zh-CN', { highlight: '上海市' }),
    'bar, stacked with legend': option('bar', { ...staffSpec, stack: 'stacked' }, staff),
    'column, 100 %': option('column', { ...staffSpec, stack: 'percent' }, staff),
    'line with annotations': option('line', { ...staffSpec, annotations: [{ x: 2013, text: '专职超过兼职', style: 'point' }, { x: 2007, text: '统计起点', style: 'line' }] }, staff),
    'line with trend': option('line', { x: 'year', sort: 'x_asc', measures: [{ column: 'value', agg: 'sum', transform: 'none' }], trend: true }, tableFromArrays({ year: Int32Array.from([2010, 2011, 2012, 2014]), sum_value: Float64Array.from([100, 110, 118, 140]) })),
    area: option('area', staffSpec, staff),
    combo: option(
      'combo',
      { x: 'year', measures: [{ column: null, agg: 'count', transform: 'none' }, { column: null, agg: 'count', transform: 'yoy' }] },
      tableFromArrays({ year: Int32Array.from([2013, 2014]), count_rows: Float64Array.from([5, 6]), count_rows_yoy: [null, 20] }),
    ),
    pie: option('pie'),
    donut: option('donut'),
    treemap: option('treemap'),
    scatter: option('scatter', two, pairs),
    heatmap: option('heatmap', staffSpec, staff),
    'map (province tiles)': option('map'),
    'small multiples': option('multiples', staffSpec, staff),
  };
  o['map (GeoJSON basemap)'] = option('map', { basemap: '长三角示意' }, tableFromArrays({ province: ['江苏省', '上海市'], count_rows: Float64Array.from([3, 5]) }), ['江苏省', '上海市', '浙江省']);
  // The slide and picture forms the app draws too (presentations, PNG/SVG exports).
  o['slide of a column chart'] = forSlide(o.column);
  o['picture of a heatmap'] = pictureOption(o.heatmap);
  return o;
}

const drawn = new Map<string, string>();
const errors = vi.spyOn(console, 'error');
const warnings = vi.spyOn(console, 'warn');
afterEach(() => {
  errors.mockClear();
  warnings.mockClear();
});

function svg(lib: Pick<typeof echarts, 'init'>, o: EChartsOption): string {
  const chart = lib.init(null, undefined, { renderer: 'svg', ssr: true, width: 960, height: 540 });
  try {
    chart.setOption(o);
    // Ids and class names carry process-wide serial numbers (zr12-cls-147): numbered here by first use.
    const ids = new Map<string, number>();
    return chart.renderToSVGString().replace(/\bzr\d*-[a-z-]*\d+\b/g, (id) => `id${ids.get(id) ?? ids.set(id, ids.size).size - 1}`);
  } finally {
    chart.dispose();
  }
}

const square = (name: string, x: number, y: number) => ({ type: 'Feature', properties: { name }, geometry: { type: 'Polygon', coordinates: [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]] } });
beforeAll(() => {
  const geo = parseGeoJson(JSON.stringify({ type: 'FeatureCollection', features: [square('江苏省', 118, 32), square('上海市', 121, 31), square('浙江省', 119, 29)] }));
  echarts.registerMap('长三角示意', geo as unknown as Parameters<typeof echarts.registerMap>[1]);
});

describe("the renderer's ECharts (echarts/core with the parts the app uses)", () => {
  it('is not the whole library in this test: a part the app does not use is refused', () => {
    // Without this, a whole ECharts loaded earlier in the same process would make the comparison below empty.
    svg(echarts, { radar: { indicator: [{ name: 'a' }] }, series: [{ type: 'radar', data: [{ value: [1] }] }] });
    expect(errors.mock.calls.flat().join('\n')).toMatch(/is used but not imported/);
  });

  it('draws every chart kind without a missing part', () => {
    for (const [name, o] of Object.entries(allOptions())) {
      const picture = svg(echarts, o);
      expect(errors.mock.calls, name).toEqual([]);
      expect(warnings.mock.calls, name).toEqual([]);
      expect(picture.length, name).toBeGreaterThan(2000);
      drawn.set(name, picture);
    }
    expect(drawn.size).toBe(18);
  });

  it('draws the very same picture as the whole library, kind by kind', async () => {
    const whole = await import('echarts');
    for (const [name, o] of Object.entries(allOptions())) expect(svg(whole, o), name).toBe(drawn.get(name));
  });
});
