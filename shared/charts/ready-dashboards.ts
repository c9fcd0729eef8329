import type { Lang } from '../model/catalog';
import type { ChartSpec, Filter, Measure } from '../model/chart-spec';
import type { ChartCard, Dashboard } from '../model/dashboard';

/*
 * The two dashboards that ship with the bundled data. Cards of one `group` cross-filter each other
 * (clicking 社会团体 should not empty the staff charts, whose categories are 专职/兼职).
 */
type ReadyCard = Required<Omit<ChartCard, 'savedId' | 'kind'>>;
/** A ready dashboard holds charts only (a user's may hold pivot cards too). */
export type ReadyDashboard = Omit<Dashboard, 'cards'> & { cards: ChartCard[] };

const inList = (column: string, ...values: (string | number)[]): Filter => ({ column, op: 'in', values });
const sum = (column: string, unit: string, label?: string): Measure => ({ column, agg: 'sum', transform: 'none', unit, ...(label ? { label } : {}) });
const rows = (unit?: string): Measure => ({ column: null, agg: 'count', transform: 'none', ...(unit ? { unit } : {}) });

function spec(table: string, x: string, rest: Partial<ChartSpec>): ChartSpec {
  return { version: 1, table, x, kind: 'column', measures: [rows()], filters: [], sort: 'value_desc', stack: 'none', title: '', annotations: [], ...rest };
}

const L = (lang: Lang, zh: string, en: string) => (lang === 'en' ? en : zh);

export function shanghaiDashboard(lang: Lang): ReadyDashboard {
  const staff = [inList('indicator', '社会组织从业人员构成占比')];
  const cards: ReadyCard[] = [
    {
      id: 'sh-types',
      size: 'small',
      group: 'org_type',
      spec: spec('sh_social_org', 'category', {
        kind: 'donut',
        measures: [sum('value', '家', L(lang, '注册社会组织数', 'Registered organisations'))],
        filters: [inList('indicator', '注册社会组织数'), inList('dimension', 'org_type'), inList('year', 2013), inList('month', 12)],
        title: L(lang, '注册社会组织构成（2013年末）', 'Registered organisations by type, end-2013'),
      }),
    },
    {
      id: 'sh-registrations',
      size: 'small',
      group: 'org_type',
      spec: spec('sh_social_org', 'category', {
        series: 'year',
        measures: [sum('value', '家', L(lang, '注册社会组织数', 'Registered organisations'))],
        filters: [inList('indicator', '注册社会组织数'), inList('dimension', 'org_type')],
        title: L(lang, '注册社会组织数：2013年末与2014年6月末', 'Registrations: end-2013 and mid-2014'),
        subtitle: L(lang, '按类型', 'By type'),
      }),
    },
    {
      id: 'sh-age',
      size: 'small',
      group: 'staff',
      spec: spec('sh_social_org', 'category', {
        kind: 'pie',
        sort: 'x_asc',
        measures: [sum('value', '%', L(lang, '占比', 'Share'))],
        filters: [...staff, inList('dimension', 'age')],
        title: L(lang, '从业人员年龄结构（2013）', 'Staff by age, 2013'),
      }),
    },
    {
      id: 'sh-staff',
      size: 'medium',
      group: 'staff',
      spec: spec('sh_social_org', 'year', {
        series: 'category',
        sort: 'x_asc',
        measures: [sum('value', '万人', L(lang, '从业人员', 'Staff'))],
        filters: [inList('indicator', '社会组织从业人员'), inList('dimension', 'staff_type')],
        title: L(lang, '从业人员变化（2007→2013）：专职与兼职', 'Staff 2007→2013: full- and part-time'),
        annotations: [{ x: 2013, text: L(lang, '专职占 71.4%', 'Full-time 71.4 %'), style: 'point' }],
      }),
    },
    {
      id: 'sh-education',
      size: 'medium',
      group: 'staff',
      spec: spec('sh_social_org', 'category', {
        kind: 'bar',
        series: 'year',
        sort: 'x_asc',
        measures: [sum('value', '%', L(lang, '占比', 'Share'))],
        filters: [...staff, inList('dimension', 'education')],
        title: L(lang, '从业人员学历结构（2002 与 2013）', 'Staff by education, 2002 and 2013'),
      }),
    },
    {
      id: 'sh-finance',
      size: 'large',
      group: 'finance',
      spec: spec('sh_finance', 'metric', {
        kind: 'combo',
        // The view's column is named metric: the table head and the exports say 指标.
        xLabel: L(lang, '指标', 'Indicator'),
        sort: 'x_asc',
        measures: [sum('value_2013', '亿元', L(lang, '2013年', '2013')), sum('growth_pct', '%', L(lang, '同比增长', 'Growth on 2012'))],
        filters: [inList('unit', '亿元')],
        sources: ['sh_social_org'],
        title: L(lang, '财务状况：2013年规模与同比增长', 'Finances: 2013 level and growth'),
      }),
    },
  ];
  return ready('shanghai', L(lang, '上海社会组织', 'Shanghai social organisations'), cards);
}

export function casesDashboard(lang: Lang): ReadyDashboard {
  const cards: ReadyCard[] = [
    {
      id: 'cases-map',
      size: 'large',
      group: 'cases',
      spec: spec('cases', 'province', {
        kind: 'map',
        measures: [rows(L(lang, '个', ''))],
        title: L(lang, '各省份社会治理创新案例数', 'Cases by province'),
        subtitle: L(lang, '点击省份联动筛选', 'Click a province to filter the other charts'),
      }),
    },
    {
      id: 'cases-theme',
      size: 'medium',
      group: 'cases',
      spec: spec('cases', 'theme', { kind: 'bar', title: L(lang, '按主题', 'By theme') }),
    },
    {
      id: 'cases-year',
      size: 'medium',
      group: 'cases',
      spec: spec('cases', 'year', {
        sort: 'x_asc',
        title: L(lang, '按年份（有年份的案例）', 'By year (cases with a year)'),
        annotations: [{ x: 2012, text: L(lang, '全国案例评选启动', 'National award begins'), style: 'line' }],
      }),
    },
    {
      id: 'cases-province-theme',
      size: 'medium',
      group: 'cases',
      spec: spec('cases', 'province', {
        series: 'theme',
        stack: 'stacked',
        topN: 8,
        title: L(lang, '案例最多的 8 个省份（按主题）', 'Top 8 provinces, by theme'),
      }),
    },
    {
      id: 'cases-population',
      size: 'medium',
      group: 'cases',
      spec: spec('case_figures', 'region', {
        kind: 'bar',
        measures: [sum('value_norm', '人', L(lang, '人口', 'Population'))],
        filters: [inList('indicator', '人口', '总人口')],
        sources: ['case_indicators', 'cases'],
        title: L(lang, '同一指标跨地区比较：案例所在地人口', 'One indicator across places: population'),
      }),
    },
  ];
  return ready('cases', L(lang, '社会治理创新案例', 'Social governance innovation cases'), cards);
}

function ready(id: string, title: string, cards: ReadyCard[]): ReadyDashboard {
  return { version: 1, id, title, cards };
}

export const READY_DASHBOARDS = [shanghaiDashboard, casesDashboard];
