import type { ChartData, ChartDataSeries } from '../../../shared/charts/chart-data';
import type { ChartKind } from '../../../shared/model/chart-spec';
import { CHART_KINDS } from '../../../shared/model/chart-spec';

const REGIONS = ['北京市', '天津市', '河北省', '山西省', '上海市', '江苏省', '浙江省', '安徽省', '福建省', '江西省', '山东省', '广东省'];
const YEARS = ['2009', '2010', '2011', '2012', '2013', '2014'];

function series(names: string[], n: number, type: ChartDataSeries['type'], unit = '万人'): ChartDataSeries[] {
  return names.map((name, s) => ({ name, values: Array.from({ length: n }, (_, i) => Math.round((1200 + s * 317 + i * 91 + ((i * 7 + s * 3) % 5) * 120) * 10) / 10), axis: 'left' as const, type, unit }));
}

const TYPE: Record<ChartKind, ChartDataSeries['type']> = {
  column: 'bar', bar: 'bar', line: 'line', area: 'area', combo: 'bar', pie: 'pie', donut: 'pie', treemap: 'treemap', scatter: 'scatter', heatmap: 'heatmap', map: 'map', multiples: 'bar',
};

/** One chart per kind × legend shown/hidden (one or many series) × with/without subtitle. */
export function layoutCases(): { name: string; data: ChartData }[] {
  const out: { name: string; data: ChartData }[] = [];
  for (const kind of CHART_KINDS) {
    for (const many of [false, true]) {
      for (const sub of [false, true]) {
        const byYear = kind === 'line' || kind === 'area' || kind === 'multiples';
        const categories = byYear ? YEARS : REGIONS;
        let s: ChartDataSeries[];
        if (kind === 'combo') s = [...series(['社会组织数'], categories.length, 'bar', '家'), { ...series(['同比增长'], categories.length, 'line', '%')[0], axis: 'right' }];
        else if (kind === 'scatter') s = [...series(['人口'], categories.length, 'scatter', '万人'), ...series(['社区数'], categories.length, 'scatter', '个')];
        else s = series(many ? (byYear ? REGIONS : YEARS.slice(0, 4)) : ['社会组织从业人员'], categories.length, TYPE[kind]);
        out.push({
          name: `${kind}${many ? '-legend' : ''}${sub ? '-sub' : ''}`,
          data: {
            kind,
            title: '各地区社会组织从业人员（2009—2014年，按地区与年份）',
            ...(sub ? { subtitle: '单位：万人；不含合计行' } : {}),
            categoryLabel: byYear ? '年份' : '地区',
            categories,
            keys: categories,
            series: s,
            unit: s[0].unit,
            source: '来源：上海社会组织统计（2007—2014） · 《社会治理创新案例名称4篇》',
            notes: ['已排除合计行：合计'],
            stack: 'none',
            annotations: [],
          },
        });
      }
    }
  }
  return out;
}
