import { documentTitle, type DatasetCatalog, type Lang, type LocalText } from '../model/catalog';
import type { CategoryChartSpec } from './category';

export interface SavedCategoryChart {
  title: LocalText;
  /** An aggregate query: the chart only ever receives aggregated rows. */
  sql: string;
  spec: CategoryChartSpec;
  unit?: string;
  /** Bundled tables the query reads; the chart's source line is built from their catalog entries. */
  tables: string[];
}

/** The chart the workbench opens with, over a bundled table. */
export const STARTER_CHART: SavedCategoryChart = {
  title: { zh: '上海注册社会组织数（按类型）', en: 'Registered social organisations in Shanghai, by type' },
  sql: `SELECT category AS 类型,
       sum(value) FILTER (WHERE year = 2013 AND month = 12) AS "2013年末",
       sum(value) FILTER (WHERE year = 2014 AND month = 6) AS "2014年6月末"
FROM sh_social_org
WHERE indicator = '注册社会组织数' AND category IS NOT NULL
GROUP BY category
ORDER BY "2014年6月末" DESC`,
  spec: { kind: 'bar', x: '类型', y: ['2013年末', '2014年6月末'] },
  unit: '家',
  tables: ['sh_social_org'],
};

/** "上海社会组织统计（2007—2014） · 《社会治理创新案例名称4篇》": dataset titles with the documents they come from. */
export function sourceLine(tables: string[], catalog: DatasetCatalog | null, lang: Lang): string {
  const entries = tables.map((name) => catalog?.datasets.find((d) => d.table === name));
  const sep = lang === 'en' ? '; ' : '、';
  return entries
    .map((e, i) => (e ? `${lang === 'en' ? e.title.en : e.title.zh} · ${e.sources.map((f) => documentTitle(catalog, f, lang, 'short')).join(sep)}` : tables[i]))
    .join(lang === 'en' ? ' | ' : '；');
}
