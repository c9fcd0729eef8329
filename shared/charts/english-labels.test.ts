import { tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { CHART_KINDS, newChartSpec, type ChartSpec } from '../model/chart-spec';
import { buildChartSql } from '../sql/chart-sql';
import { toChartData } from './chart-data';
import { buildChartOption } from './chart-option';

type Obj = Record<string, unknown>;

/** Every text in the option plus what each tooltip formatter makes of one data item per series. */
function texts(o: Obj): string[] {
  const out: string[] = [];
  JSON.stringify(o, (_k, v: unknown) => (typeof v === 'string' && out.push(v), v));
  const series = (Array.isArray(o.series) ? o.series : [o.series]) as Obj[];
  const formatters = [o.tooltip, ...series.map((s) => s?.tooltip)]
    .map((t) => (t as { formatter?: unknown } | undefined)?.formatter)
    .filter((f): f is (p: unknown) => string => typeof f === 'function');
  for (const f of formatters) for (const s of series) out.push(f({ name: 'Beijing', value: [1, 2, 3], percent: 40, seriesName: s?.name, dataIndex: 0 }));
  return out;
}

describe('English charts carry no Chinese punctuation in labels, axis names or tooltips', () => {
  const table = tableFromArrays({ region: ['Beijing', 'Shanghai'], kind: ['a', 'b'], sum_value: Float64Array.from([3, 4]), sum_other: Float64Array.from([1, 2]) });

  it.each(CHART_KINDS)('%s', (kind) => {
    const two = kind === 'scatter';
    const spec: ChartSpec = {
      ...newChartSpec('t', 'region'),
      kind,
      title: '',
      ...(two || kind === 'pie' || kind === 'donut' || kind === 'treemap' || kind === 'map' ? {} : { series: 'kind' }),
      measures: (two ? ['value', 'other'] : ['value']).map((column) => ({ column, agg: 'sum' as const, transform: 'none' as const, unit: 'orgs' })),
    };
    const option = buildChartOption(toChartData(spec, buildChartSql(spec), table, null, 'en'), 'en') as Obj;
    const all = texts(option);
    expect(all.length).toBeGreaterThan(0);
    expect(all.filter((t) => /[（）]/.test(t))).toEqual([]);
  });
});
