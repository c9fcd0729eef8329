import type { Lang } from '../model/catalog';
import type { ChartSpec } from '../model/chart-spec';

const L = (lang: Lang, zh: string, en: string) => (lang === 'en' ? en : zh);

/**
 * The chart the workbench opens with: registered social organisations in Shanghai by type, end-2013 against
 * end-June 2014. A plain ChartSpec over the bundled view sh_registrations_wide (one row per type, one column
 * per date), drawn, run and exported like every other chart.
 */
export function starterChartSpec(lang: Lang): ChartSpec {
  const measure = (column: string, label: string) => ({ column, agg: 'sum' as const, transform: 'none' as const, unit: '家', label });
  return {
    version: 1,
    table: 'sh_registrations_wide',
    kind: 'column',
    x: 'org_type',
    xLabel: L(lang, '类型', 'Type'),
    measures: [measure('end_2013', L(lang, '2013年末', 'End-2013')), measure('mid_2014', L(lang, '2014年6月末', 'End-June 2014'))],
    // The view has a 合计 row beside the three types.
    filters: [{ column: 'org_type', op: 'not_in', values: ['合计'] }],
    sort: 'value_desc',
    stack: 'none',
    title: L(lang, '上海注册社会组织数（按类型）', 'Registered social organisations in Shanghai, by type'),
    annotations: [],
    sources: ['sh_social_org'],
  };
}

/** Titles the starter chart had as a SavedCategoryChart (decks saved before ChartSpec was the only model). */
export const LEGACY_STARTER_TITLES = ['上海注册社会组织数（按类型）', 'Registered social organisations in Shanghai, by type'];
