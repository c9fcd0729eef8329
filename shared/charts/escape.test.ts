import { tableFromArrays } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { CHART_KINDS, newChartSpec, type ChartSpec } from '../model/chart-spec';
import { buildChartSql } from '../sql/chart-sql';
import { toChartData } from './chart-data';
import { buildChartOption } from './chart-option';
import { escapeHtml, tooltipHtml } from './option-common';

const HOSTILE = '<img src=x onerror=alert(1)>';
const SERIES = '<script>alert(2)</script>';
const UNIT = '<b onmouseover=alert(3)>人';

type Obj = Record<string, unknown>;
type Formatter = (p: unknown) => string;

/** Every function formatter of a tooltip in the option (chart-wide and per series). */
function tooltipFormatters(o: Obj): Formatter[] {
  const series = (Array.isArray(o.series) ? o.series : [o.series]) as Obj[];
  return [o.tooltip, ...series.map((s) => s?.tooltip)]
    .map((t) => (t as { formatter?: unknown } | undefined)?.formatter)
    .filter((f): f is Formatter => typeof f === 'function');
}

/** What ECharts would pass for each data item of each series: name, value (number or [x, y, v]), percent. */
function itemParams(o: Obj): unknown[] {
  const series = (Array.isArray(o.series) ? o.series : [o.series]) as Obj[];
  return series.flatMap((s) =>
    ((s?.data ?? []) as unknown[]).map((d, i) => {
      const item = (typeof d === 'object' && d !== null && !Array.isArray(d) ? d : { value: d }) as Obj;
      return { name: item.name ?? HOSTILE, value: item.value ?? [0, 0, 1], percent: 50, seriesName: s.name, dataIndex: i };
    }),
  );
}

describe('text from the data never enters a tooltip as HTML', () => {
  const table = tableFromArrays({ region: [HOSTILE, `${HOSTILE}2`, '北京市'], kind: [SERIES, SERIES, `${SERIES}b`], sum_value: Float64Array.from([3, 4, 5]), sum_other: Float64Array.from([1, 2, 3]) });

  it.each(CHART_KINDS)('%s', (kind) => {
    const two = kind === 'scatter';
    const spec: ChartSpec = {
      ...newChartSpec('t', 'region'),
      kind,
      title: HOSTILE,
      ...(two || kind === 'pie' || kind === 'donut' || kind === 'treemap' || kind === 'map' ? {} : { series: 'kind' }),
      measures: two
        ? [
            { column: 'value', agg: 'sum', transform: 'none', unit: UNIT },
            { column: 'other', agg: 'sum', transform: 'none', unit: UNIT },
          ]
        : [{ column: 'value', agg: 'sum', transform: 'none', unit: UNIT }],
    };
    const data = toChartData(spec, buildChartSql(spec), table, null, 'zh-CN');
    const option = buildChartOption(data, 'zh-CN') as Obj;
    const params = itemParams(option);
    for (const f of tooltipFormatters(option)) {
      for (const p of params) {
        const html = f(p);
        expect(html).not.toMatch(/<(?!br\/>)/);
        if (typeof (p as Obj).name === 'string' && ((p as Obj).name as string).includes('<')) expect(html).toContain(escapeHtml((p as Obj).name as string).slice(0, 10));
      }
    }
  });

  it('escapes every character HTML treats specially, and only joins lines with <br/>', () => {
    expect(tooltipHtml('a<b>&"\'', 'x')).toBe('a&#60;b&#62;&#38;&#34;&#39;<br/>x');
  });
});
