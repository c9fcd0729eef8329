import type { LocalText } from '../model/catalog';
import type { CategoryChartSpec } from './category';

export interface SavedCategoryChart {
  title: LocalText;
  /** An aggregate query: the chart only ever receives aggregated rows. */
  sql: string;
  spec: CategoryChartSpec;
  unit?: string;
  source: LocalText;
}

/** The chart the workbench opens with, over a bundled table. */
export const STARTER_CHART: SavedCategoryChart = {
  title: { zh: '上海社会组织登记数（按类型）', en: 'Registered social organisations in Shanghai, by type' },
  sql: `SELECT category AS 类型, sum(value) AS 数量
FROM sh_social_org
WHERE indicator = '登记数量' AND category <> '' AND year = 2013
GROUP BY category
ORDER BY 数量 DESC`,
  spec: { kind: 'bar', x: '类型', y: ['数量'] },
  unit: '个',
  source: { zh: '上海社会组织统计', en: 'Shanghai social organisation statistics' },
};
