import { describe, expect, it } from 'vitest';
import { newChartSpec, parseChartSpec, specColumns, type ChartSpec } from './chart-spec';

const full: ChartSpec = {
  version: 1,
  table: 'cases',
  kind: 'combo',
  x: 'year',
  measures: [
    { column: null, agg: 'count', transform: 'none', unit: '个' },
    { column: null, agg: 'count', transform: 'yoy' },
  ],
  filters: [
    { column: 'province', op: 'in', values: ['浙江省'] },
    { column: 'year', op: 'range', min: 2010 },
    { column: 'theme', op: 'not_null' },
  ],
  sort: 'x_asc',
  topN: 10,
  stack: 'none',
  indexBase: 2012,
  title: '案例数',
  subtitle: '按年份',
  annotations: [{ x: 2012, text: '首届评选', style: 'line' }],
  sources: ['cases'],
  xLabel: '年份（公历）',
  source: '国家统计局',
};

describe('parseChartSpec', () => {
  it('round-trips a full spec through JSON', () => {
    expect(parseChartSpec(JSON.parse(JSON.stringify(full)))).toEqual(full);
  });

  it('fills defaults for optional fields', () => {
    const s = parseChartSpec({ version: 1, table: 't', kind: 'pie', x: 'a', measures: [{ column: null, agg: 'count' }], title: '' });
    expect(s).toEqual({ ...newChartSpec('t', 'a'), kind: 'pie' });
  });

  it.each([
    [{ ...full, version: 2 }, /version/],
    [{ ...full, kind: 'radar' }, /kind/],
    [{ ...full, measures: [] }, /measures/],
    [{ ...full, measures: [full.measures[0]] }, /combo needs two measures/],
    [{ ...full, measures: [{ column: null, agg: 'sum' }, full.measures[1]] }, /column is required for sum/],
    [{ ...full, filters: [{ column: 'a', op: 'like', values: [] }] }, /filters\[0\]\.op/],
    [{ ...full, filters: [{ column: 'a', op: 'in', values: [{}] }] }, /filters\[0\]\.values/],
    [{ ...full, topN: 0 }, /topN/],
    [{ ...full, series: 'year' }, /series must differ/],
    [{ ...full, title: 3 }, /title/],
    [{ ...full, sources: [''] }, /sources/],
    [{ ...full, xLabel: 5 }, /xLabel/],
    [{ ...full, source: ['x'] }, /source must be text/],
    [{ ...full, kind: 'column', measures: Array.from({ length: 9 }, () => full.measures[0]) }, /measures must hold 1 to 8/],
  ])('rejects bad input with the field named (%#)', (bad, msg) => {
    expect(() => parseChartSpec(bad)).toThrow(msg);
  });

  it('keeps an explicit empty source list (cite nothing) and up to 8 measures', () => {
    expect(parseChartSpec({ ...full, sources: [] }).sources).toEqual([]);
    const eight = Array.from({ length: 8 }, (_, i) => ({ column: `c${i}`, agg: 'sum' as const, transform: 'none' as const }));
    expect(parseChartSpec({ ...full, kind: 'column', measures: eight }).measures).toHaveLength(8);
  });

  it('lists the columns a spec reads', () => {
    expect(specColumns(full)).toEqual(['year', 'province', 'theme']);
  });
});
