import type { Table } from 'apache-arrow';
import type { ChartData } from '../charts/chart-data';
import { tableRows } from '../format/cell';
import { translator } from '../i18n';
import type { Lang } from '../model/catalog';

/**
 * Indicators that mean the same thing across places, though the documents name them differently
 * (人口/总人口/常住人口, 面积/辖区面积/市域总面积 …): matched on indicator_en, totals only (the query is
 * comparisonSql in shared/sql/cases-sql.ts).
 */
export const COMPARABLE_MEASURES = [
  { key: 'population', zh: '人口', en: 'Population', indicatorEn: ['Population', 'Resident population'] },
  { key: 'area', zh: '面积', en: 'Area', indicatorEn: ['Area'] },
  { key: 'communities', zh: '社区数', en: 'Communities', indicatorEn: ['Communities'] },
] as const;

export interface PlaceValue {
  region: string;
  value: number;
  /** True for the place of the case being viewed. */
  current: boolean;
}

export interface Comparison {
  key: string;
  label: string;
  unit: string;
  places: PlaceValue[];
}

/** Measures the current place has and at least one other place shares, in COMPARABLE_MEASURES order. */
export function comparisonsFromTable(table: Table, lang: Lang): Comparison[] {
  const rows = tableRows(table);
  return COMPARABLE_MEASURES.flatMap((m) => {
    const mine = rows.filter((r) => r.measure === m.key);
    const units = new Set(mine.map((r) => String(r.unit)));
    if (units.size !== 1 || mine.length < 2 || !mine.some((r) => r.current === true)) return [];
    return [
      {
        key: m.key,
        label: lang === 'en' ? m.en : m.zh,
        unit: [...units][0],
        places: mine.map((r) => ({ region: String(r.region), value: Number(r.value), current: r.current === true })),
      },
    ];
  });
}

/** "四川省成都市成华区" → "成华区": the last administrative unit keeps the bars readable. */
export function shortRegion(region: string): string {
  const m = region.match(/(?:省|自治区|市)([^省市]+(?:区|县|市))$/);
  if (m) return m[1];
  const city = region.match(/([^省]+市)$/);
  return city ? city[1] : region;
}

/**
 * The comparison as ChartData: horizontal bars of one series, drawn by buildChartOption on the case page and
 * slides (with `accent: comparisonAccent(c)` painting the case's own place orange, the others grey) and
 * written as a native bar chart in the pptx. Keys are the full place names; the bars show the short ones.
 */
export function comparisonChartData(c: Comparison, lang: Lang): ChartData {
  const t = translator(lang);
  return {
    kind: 'bar',
    title: c.label,
    categoryLabel: t('cases.placeLabel'),
    categories: c.places.map((p) => shortRegion(p.region)),
    keys: c.places.map((p) => p.region),
    series: [{ name: c.label, values: c.places.map((p) => p.value), axis: 'left', type: 'bar', ...(c.unit ? { unit: c.unit } : {}) }],
    ...(c.unit ? { unit: c.unit } : {}),
    source: '',
    stack: 'none',
    annotations: [],
  };
}

/** The key of the case's own place (for OptionSettings.accent), if it is in the comparison. */
export function comparisonAccent(c: Comparison): string | undefined {
  return c.places.find((p) => p.current)?.region;
}
