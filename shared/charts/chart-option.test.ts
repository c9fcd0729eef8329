import { tableFromArrays, type Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { newChartSpec, type ChartKind, type ChartSpec } from '../model/chart-spec';
import { buildChartSql } from '../sql/chart-sql';
import { toChartData, type ChartData } from './chart-data';
import { buildChartOption, clickedKey } from './chart-option';
import { MAX_PANELS, multiplesLayout, sharedScale } from './matrix-option';
import { PROVINCE_GRID, findProvince } from './province-grid';
import { PALETTE } from './theme';

const byProvince = tableFromArrays({
  province: ['浙江省', '上海市', '北京市', '广西壮族自治区', '（全国性）'],
  count_rows: Float64Array.from([16, 22, 7, 2, 1]),
});

function data(kind: ChartKind, over: Partial<ChartSpec> = {}, table: Table = byProvince): ChartData {
  const spec: ChartSpec = { ...newChartSpec('cases', 'province'), kind, title: '案例数', ...over };
  return toChartData(spec, buildChartSql(spec), table, null, 'zh-CN');
}

const staff = tableFromArrays({
  year: Int32Array.from([2007, 2007, 2013, 2013]),
  category: ['专职', '兼职', '专职', '兼职'],
  sum_value: Float64Array.from([4.4, 8.1, 14.31, 5.72]),
});
const staffSpec: Partial<ChartSpec> = { x: 'year', series: 'category', measures: [{ column: 'value', agg: 'sum', transform: 'none', unit: '万人' }] };

type Obj = Record<string, unknown>;
const arr = (v: unknown) => (Array.isArray(v) ? v : [v]) as Obj[];

describe('buildChartOption', () => {
  it('draws columns with the palette, unit on the axis, 万 ticks, tooltips with unit and the source line', () => {
    const o = buildChartOption(data('column'), 'zh-CN');
    expect(o.color).toEqual(PALETTE);
    expect(o.xAxis).toMatchObject({ type: 'category', data: ['浙江省', '上海市', '北京市', '广西壮族自治区', '（全国性）'] });
    const y = o.yAxis as { name: string; axisLabel: { formatter: (v: number) => string } };
    expect(y.name).toBe('个');
    expect(y.axisLabel.formatter(25000)).toBe('2.5万');
    const s = arr(o.series)[0] as { type: string; data: number[]; tooltip: { valueFormatter: (v: number) => string } };
    expect(s).toMatchObject({ type: 'bar', data: [16, 22, 7, 2, 1] });
    expect(s.tooltip.valueFormatter(12345)).toBe('12,345 个');
    expect(arr(o.graphic)[0]).toMatchObject({ style: { text: '来源：cases' } });
    expect(o.title).toMatchObject({ text: '案例数' });
  });

  it('swaps axes for horizontal bars and stacks series; 100 % stacking caps the axis at 100', () => {
    const bar = buildChartOption(data('bar', { ...staffSpec, stack: 'stacked' }, staff), 'zh-CN');
    expect(bar.xAxis).toMatchObject({ type: 'value', name: '万人' });
    expect(bar.yAxis).toMatchObject({ type: 'category', inverse: true, data: ['2007', '2013'] });
    expect(arr(bar.series).map((s) => [s.name, s.stack])).toEqual([
      ['专职', 'total'],
      ['兼职', 'total'],
    ]);
    expect(bar.legend).toBeDefined();
    const pct = buildChartOption(data('column', { ...staffSpec, stack: 'percent' }, staff), 'zh-CN');
    expect(pct.yAxis).toMatchObject({ max: 100, name: '%' });
  });

  it('draws area over years and a bar + line combo on two value axes', () => {
    const area = buildChartOption(data('area', staffSpec, staff), 'zh-CN');
    expect(arr(area.series)[0]).toMatchObject({ type: 'line', areaStyle: {} });
    const combo = data('combo', {
      x: 'year',
      measures: [
        { column: null, agg: 'count', transform: 'none' },
        { column: null, agg: 'count', transform: 'yoy' },
      ],
    }, tableFromArrays({ year: Int32Array.from([2013, 2014]), count_rows: Float64Array.from([5, 6]), count_rows_yoy: [null, 20] }));
    const o = buildChartOption(combo, 'zh-CN');
    expect(arr(o.yAxis).map((a) => a.name)).toEqual(['个', '%']);
    expect(arr(o.series).map((s) => [s.type, s.yAxisIndex])).toEqual([
      ['bar', 0],
      ['line', 1],
    ]);
  });

  it('marks annotated points and years', () => {
    const o = buildChartOption(
      data('line', { ...staffSpec, annotations: [{ x: 2013, text: '专职超过兼职', style: 'point' }, { x: 2007, text: '统计起点', style: 'line' }] }, staff),
      'zh-CN',
    );
    const first = arr(o.series)[0] as { markPoint: { data: Obj[] }; markLine: { data: Obj[] } };
    expect(first.markPoint.data).toEqual([{ name: '专职超过兼职', coord: ['2013', 14.31], value: '专职超过兼职' }]);
    expect(first.markLine.data).toEqual([{ name: '统计起点', xAxis: '2007' }]);
  });

  it('draws pie, donut and treemap from the first series, leaving out empty parts', () => {
    const pie = arr(buildChartOption(data('pie'), 'zh-CN').series)[0];
    expect(pie).toMatchObject({ type: 'pie', radius: [0, '64%'] });
    expect((pie.data as Obj[]).map((d) => d.name)).toEqual(['浙江省', '上海市', '北京市', '广西壮族自治区', '（全国性）']);
    expect(arr(buildChartOption(data('donut'), 'zh-CN').series)[0]).toMatchObject({ radius: ['38%', '64%'] });
    const tree = arr(buildChartOption(data('treemap'), 'zh-CN').series)[0];
    expect(tree).toMatchObject({ type: 'treemap', breadcrumb: { show: false } });
    expect((tree.data as Obj[])[0]).toMatchObject({ name: '浙江省', value: 16, itemStyle: { color: PALETTE[0] } });
  });

  it('labels stated shares (unit %) as stated instead of re-normalising them', () => {
    const t = tableFromArrays({ province: ['甲', '乙'], sum_share: Float64Array.from([34.9, 65.3]) });
    const d = data('pie', { measures: [{ column: 'share', agg: 'sum', transform: 'none', unit: '%' }] }, t);
    expect(arr(buildChartOption(d, 'zh-CN').series)[0]).toMatchObject({ label: { formatter: '{b}\n{c}%' } });
    expect(arr(buildChartOption(data('pie'), 'zh-CN').series)[0]).toMatchObject({ label: { formatter: '{b}\n{d}%' } });
  });

  it('draws a scatter of two measures with one labelled point per category', () => {
    const t = tableFromArrays({ province: ['甲', '乙'], sum_a: Float64Array.from([1, 2]), sum_b: Float64Array.from([30, 40]) });
    const d = data('scatter', { measures: [{ column: 'a', agg: 'sum', transform: 'none' }, { column: 'b', agg: 'sum', transform: 'none' }] }, t);
    const s = arr(buildChartOption(d, 'zh-CN').series)[0];
    expect(s.data).toEqual([
      { name: '甲', value: [1, 30] },
      { name: '乙', value: [2, 40] },
    ]);
  });

  it('draws a region × year heatmap with a sequential colour scale', () => {
    const o = buildChartOption(data('heatmap', staffSpec, staff), 'zh-CN');
    expect(o.yAxis).toMatchObject({ data: ['专职', '兼职'] });
    expect(arr(o.series)[0].data).toEqual([
      { name: '2007', value: [0, 0, 4.4] },
      { name: '2013', value: [1, 0, 14.31] },
      { name: '2007', value: [0, 1, 8.1] },
      { name: '2013', value: [1, 1, 5.72] },
    ]);
    // From the data's minimum, not 0: 4.4 is the lightest colour.
    expect(o.visualMap).toMatchObject({ min: 4.4, max: 14.31, dimension: 2 });
  });

  it('puts every province on the tile map, greys those without data and skips places off the grid', () => {
    const o = buildChartOption(data('map'), 'zh-CN');
    type Tile = { name: string; value: number[]; label: { formatter: string } };
    const [withData, empty] = arr(o.series).map((s) => s.data as Tile[]);
    expect(withData.length + empty.length).toBe(34);
    const zj = withData.find((t) => t.name === '浙江省')!;
    expect(zj.value).toEqual([6, 4, 16]);
    expect(zj.label.formatter).toBe('浙江\n16');
    expect(empty.find((t) => t.name === '河南省')!.label.formatter).toBe('河南');
    expect(withData.some((t) => t.name === '河南省')).toBe(false);
    expect([...withData, ...empty].some((t) => t.name === '（全国性）')).toBe(false);
    // The colour scale runs from the smallest value shown to the largest; no-data tiles have their own grey.
    const values = withData.map((t) => t.value[2]);
    expect(arr(o.visualMap)[0]).toMatchObject({ min: Math.min(...values), max: 22, seriesIndex: [0] });
    expect(arr(o.visualMap)[1]).toMatchObject({ show: false, seriesIndex: [1], inRange: { color: ['#e9ecef', '#e9ecef'] } });
  });

  it('lays small multiples out on shared scales, one panel per series', () => {
    const o = buildChartOption(data('multiples', staffSpec, staff), 'zh-CN');
    expect(arr(o.grid)).toHaveLength(2);
    expect(arr(o.yAxis).map((a) => [a.min, a.max, a.interval])).toEqual([
      [0, 15, 5],
      [0, 15, 5],
    ]);
    expect(arr(o.series).map((s) => [s.type, s.xAxisIndex, s.name])).toEqual([
      ['line', 0, '专职'],
      ['line', 1, '兼职'],
    ]);
  });

  it('draws all 31 provinces as panels on a balanced grid with one shared scale', () => {
    const o = buildChartOption(provincePanels(31), 'zh-CN');
    expect(arr(o.grid)).toHaveLength(31);
    expect(arr(o.series)).toHaveLength(31);
    expect(multiplesLayout(31)).toMatchObject({ cols: 8, rows: 4, dense: true });
    expect(new Set(arr(o.yAxis).map((a) => `${a.min}–${a.max}/${a.interval}`))).toEqual(new Set(['0–40/20']));
    // The chart title plus one smaller title per panel; no note when every panel fits.
    const titles = arr(o.title);
    expect(titles).toHaveLength(32);
    expect(titles[1]).toMatchObject({ text: '省份1', textStyle: { fontSize: 10 } });
    expect(titles[0].subtext).toBeUndefined();
    // Only the outer panels show axis labels; the inner ones keep their space so the plots line up.
    expect((arr(o.yAxis)[8].axisLabel as Obj).color).toBeUndefined();
    expect((arr(o.yAxis)[9].axisLabel as Obj).color).toBe('transparent');
    expect((arr(o.xAxis)[30].axisLabel as Obj).color).toBeUndefined();
    expect((arr(o.xAxis)[0].axisLabel as Obj).color).toBe('transparent');
  });

  it('gives the panels one scale on round, equal steps that holds every value', () => {
    // [lowest, highest] → [min, max, interval]; 0–3 once read 0, 2, 3 (the 1 dropped).
    const cases: [number, number, number, number, number][] = [
      [0, 3, 0, 3, 1],
      [0, 21, 0, 30, 10],
      [0, 14.31, 0, 15, 5],
      [-4, 9, -5, 10, 5],
      [0, 0.07, 0, 0.075, 0.025],
      [0, 1.2e8, 0, 1.5e8, 5e7],
      [5, 5, 5, 6, 1],
    ];
    for (const [lo, hi, min, max, interval] of cases) {
      const s = sharedScale(lo, hi);
      expect([s.min, s.max, s.interval].map((v) => Number(v.toPrecision(12))), `${lo}..${hi}`).toEqual([min, max, interval]);
      expect(s.min).toBeLessThanOrEqual(lo);
      expect(s.max).toBeGreaterThanOrEqual(hi);
      expect(Math.round((s.max - s.min) / s.interval)).toBeLessThanOrEqual(4);
    }
  });

  it('caps small multiples at MAX_PANELS and says so in the subtitle', () => {
    const o = buildChartOption(provincePanels(40, '按省份'), 'zh-CN');
    expect(arr(o.grid)).toHaveLength(MAX_PANELS);
    expect(MAX_PANELS).toBeGreaterThanOrEqual(36);
    expect(arr(o.title)[0].subtext).toBe(`按省份 · 仅显示前 ${MAX_PANELS} 个，共 40 个`);
    const en = buildChartOption(provincePanels(40), 'en');
    expect(arr(en.title)[0].subtext).toBe(`Showing the first ${MAX_PANELS} of 40`);
    // Grid cells stay inside the chart: rows from the top of the plot area down to the source line.
    const tops = arr(o.grid).map((g) => parseFloat(String(g.top)) + parseFloat(String(g.height)));
    expect(Math.max(...tops)).toBeLessThanOrEqual(94);
  });
});

/** Years × n provinces as series (ChartData built directly: the shape small multiples draw). */
function provincePanels(n: number, subtitle?: string): ChartData {
  return {
    ...data('multiples', staffSpec, staff),
    ...(subtitle ? { subtitle } : {}),
    series: Array.from({ length: n }, (_, i) => ({ name: `省份${i + 1}`, values: [i, i + 1], axis: 'left' as const, type: 'line' as const })),
  };
}

describe('province grid', () => {
  it('has the 34 province-level units on distinct cells', () => {
    expect(PROVINCE_GRID).toHaveLength(34);
    expect(new Set(PROVINCE_GRID.map((p) => `${p.col},${p.row}`)).size).toBe(34);
    expect(new Set(PROVINCE_GRID.map((p) => p.name)).size).toBe(34);
  });
  it('finds a tile by full name, short name or a place inside it', () => {
    expect(findProvince('浙江省')?.short).toBe('浙江');
    expect(findProvince('内蒙古')?.name).toBe('内蒙古自治区');
    expect(findProvince('浙江省温州市')?.name).toBe('浙江省');
    expect(findProvince('（全国性）')).toBeUndefined();
  });
});

describe('clickedKey', () => {
  it('maps a click on a bar, slice or tile back to the raw x value', () => {
    const years = data('column', staffSpec, staff);
    expect(clickedKey(years, { componentType: 'series', name: '2013', dataIndex: 1 })).toBe(2013);
    expect(clickedKey(years, { componentType: 'series', dataIndex: 0 })).toBe(2007);
    const map = data('map');
    expect(clickedKey(map, { componentType: 'series', name: '浙江省', dataIndex: 26 })).toBe('浙江省');
    expect(clickedKey(map, { componentType: 'series', name: '河南省', dataIndex: 13 })).toBeUndefined();
    expect(clickedKey(map, { componentType: 'xAxis', name: '浙江省' })).toBeUndefined();
  });
});

describe('highlight of a cross-filter pick', () => {
  it('fades the other bars, slices and tiles', () => {
    const bars = arr(buildChartOption(data('column'), 'zh-CN', { highlight: '上海市' }).series)[0].data as unknown[];
    expect(bars[1]).toBe(22);
    expect(bars[0]).toEqual({ value: 16, itemStyle: { opacity: 0.3 } });
    const slices = arr(buildChartOption(data('pie'), 'zh-CN', { highlight: '上海市' }).series)[0].data as Obj[];
    expect(slices.map((x) => x.itemStyle)).toEqual([{ opacity: 0.3 }, undefined, { opacity: 0.3 }, { opacity: 0.3 }, { opacity: 0.3 }]);
    const tiles = arr(buildChartOption(data('map'), 'zh-CN', { highlight: '上海市' }).series)[0].data as Obj[];
    expect(tiles.find((x) => x.name === '上海市')!.itemStyle).toBeUndefined();
    expect(tiles.find((x) => x.name === '浙江省')!.itemStyle).toEqual({ opacity: 0.35 });
  });
});
