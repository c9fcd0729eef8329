import { tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { newChartSpec, parseChartSpec, type ChartSpec } from '../model/chart-spec';
import { buildChartSql } from '../sql/chart-sql';
import { toChartData } from './chart-data';
import { buildChartOption } from './chart-option';
import { PALETTE } from './theme';

const yearly = tableFromArrays({
  年份: Int32Array.from([2010, 2011, 2012, 2014]),
  sum_数量: Float64Array.from([100, 110, 118, 140]),
});
const spec = (over: Partial<ChartSpec>): ChartSpec => ({ ...newChartSpec('t', '年份'), kind: 'line', sort: 'x_asc', measures: [{ column: '数量', agg: 'sum', transform: 'none' }], title: '数量', ...over });
const run = (s: ChartSpec) => toChartData(s, buildChartSql(s), yearly, null, 'zh-CN');

describe('trend line on line charts (ChartSpec.trend)', () => {
  it('fits each series over the years (a gap year counts as a gap), and draws it dashed in the series colour with slope, R² and CAGR', () => {
    const data = run(spec({ trend: true }));
    const trend = data.series[0].trend!;
    // Least squares over x = 2010, 2011, 2012, 2014 by hand: x̄ = 2011.75, ȳ = 117; Sxx = 8.75, Sxy = 87.
    expect(trend.slope).toBeCloseTo(87 / 8.75, 12);
    expect(trend.intercept).toBeCloseTo(117 - (87 / 8.75) * 2011.75, 8);
    expect(trend.cagr).toBeCloseTo(Math.pow(1.4, 1 / 4) - 1, 14);
    const option = buildChartOption(data, 'zh-CN');
    const series = option.series as { name: string; type: string; data: number[]; lineStyle?: { type: string; color: string }; endLabel?: { formatter: string } }[];
    expect(series.map((s) => s.name)).toEqual(['数量（求和）', '数量（求和）（线性趋势）']);
    expect(series[1].lineStyle).toEqual({ type: 'dashed', width: 1.5, color: PALETTE[0] });
    series[1].data.forEach((y, i) => expect(y).toBeCloseTo(trend.intercept + trend.slope * [2010, 2011, 2012, 2014][i], 9));
    expect(series[1].endLabel!.formatter).toBe(`斜率 +9.94/年，R² = ${trend.r2.toFixed(3)}，年均增长 8.8%`);
    expect(buildChartOption(data, 'en').series).toMatchObject([{}, { endLabel: { formatter: expect.stringMatching(/^slope \+9\.94\/yr, R² = 0\.\d{3}, CAGR 8\.8%$/) } }]);
  });

  it('is only for line charts, off by default, and parsed strictly', () => {
    expect(run(spec({})).series[0].trend).toBeUndefined();
    expect(run(spec({ kind: 'column', trend: true })).series[0].trend).toBeUndefined();
    expect((buildChartOption(run(spec({})), 'zh-CN').series as unknown[]).length).toBe(1);
    expect(parseChartSpec({ ...spec({}), trend: true }).trend).toBe(true);
    expect(parseChartSpec(spec({})).trend).toBeUndefined();
    expect(() => parseChartSpec({ ...spec({}), trend: 'yes' })).toThrow(/trend must be true or false/);
  });
});
