import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../electron/cli/node-db';
import type { Db } from '../db';
import { loadBundledDatasets } from '../datasets/load';
import { buildChartOption } from '../charts/chart-option';
import { ACCENT_COLOUR, MUTED_COLOUR } from '../charts/theme';
import { comparisonAccent, comparisonChartData, comparisonsFromTable, shortRegion } from './comparison';
import { caseFacets, filterCases, matchScore, normalizeText } from './filter';
import { formatIndicatorValue, pickKpis } from './kpi';
import { CASES_SQL, caseIndicatorsSql, comparisonSql } from '../sql/cases-sql';
import { LEVELS, THEMES, casesFromTable, indicatorsFromTable, placeName, themeColour, type CaseRecord } from './model';
import { buildCaseMapOption, casesByProvince, labelColourOn } from './province-map';
import { buildTimelineOption, timelinePoints } from './timeline';

const datasets = path.resolve(__dirname, '../../datasets');

describe('case library on the bundled data', () => {
  let db: Db;
  let cases: CaseRecord[];
  beforeAll(async () => {
    db = await openNodeDb();
    await loadBundledDatasets(db, async (p) => new Uint8Array(await readFile(path.join(datasets, p))));
    cases = casesFromTable(await db.query(CASES_SQL));
  });
  afterAll(() => db.close());

  it('loads every case with its fields', () => {
    expect(cases).toHaveLength(82);
    const haidian = cases.find((c) => c.id === 'haidian-grid')!;
    expect(haidian).toMatchObject({ title: '海淀区网格化服务管理体系', province: '北京市', district: '海淀区', level: '区县级', year: 2012, theme: '网络治理' });
    expect(placeName(haidian)).toBe('北京市 · 海淀区');
    expect(new Set(cases.map((c) => c.theme))).toEqual(new Set(THEMES));
    expect(cases.find((c) => c.id === 'liaoning-minxinwang')!.tags).toContain('互联网+纪委');
  });

  it('filters by theme, province, level and year range', () => {
    const net = filterCases(cases, { theme: '网络治理' });
    expect(net.length).toBe(13);
    expect(net.every((c) => c.theme === '网络治理')).toBe(true);
    expect(filterCases(cases, { province: '北京市', level: '区县级' }).map((c) => c.id).sort()).toEqual(
      cases.filter((c) => c.province === '北京市' && c.level === '区县级').map((c) => c.id).sort(),
    );
    const range = filterCases(cases, { yearFrom: 2009, yearTo: 2011 });
    expect(range.length).toBeGreaterThan(0);
    expect(range.every((c) => c.year !== null && c.year <= 2011 && (c.yearEnd ?? c.year) >= 2009)).toBe(true);
    // A case spanning 2014–2015 is in a 2015-only range.
    expect(filterCases(cases, { yearFrom: 2015, yearTo: 2015 }).map((c) => c.id)).toContain('wenzhou-shanghui-zhineng');
  });

  it('searches Chinese text in titles, places, summaries and tags', () => {
    expect(normalizeText('“枫桥 经验”')).toBe('枫桥经验');
    expect(filterCases(cases, { search: '枫桥经验' })[0].id).toBe('fengqiao-jingyan');
    // A tag only.
    expect(filterCases(cases, { search: '互联网+纪委' }).map((c) => c.id)).toContain('liaoning-minxinwang');
    // Place + topic, not contiguous in any field: per-character match, title substring first.
    const hits = filterCases(cases, { search: '海淀 网格' });
    expect(hits[0].id).toBe('haidian-grid');
    const grid = filterCases(cases, { search: '网格', theme: '网络治理' });
    expect(grid.length).toBeGreaterThanOrEqual(4);
    expect(grid.every((c) => matchScore(c, '网格') >= 2)).toBe(true);
    expect(filterCases(cases, { search: '不存在的词语ZZZ' })).toEqual([]);
  });

  it('sorts by year (undated last), province and title', () => {
    const byYear = filterCases(cases, {}, 'year');
    expect(byYear[0].id).toBe('liaoning-minxinwang');
    expect(byYear.at(-1)!.year).toBeNull();
    const years = byYear.filter((c) => c.year !== null).map((c) => c.year!);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    const byProvince = filterCases(cases, {}, 'province');
    const collator = new Intl.Collator('zh-CN');
    const provinces = byProvince.map((c) => c.province).filter(Boolean);
    expect(provinces).toEqual([...provinces].sort(collator.compare));
    const titles = filterCases(cases, {}, 'title').map((c) => normalizeText(c.title));
    expect(titles).toEqual([...titles].sort(collator.compare));
    expect(titles.indexOf('枫桥经验')).toBeGreaterThan(10);
  });

  it('offers facets from the data', () => {
    const f = caseFacets(cases, LEVELS);
    expect(f.provinces).toContain('四川省');
    expect(f.provinces).not.toContain('');
    expect(f.levels[0]).toBe('全国');
    expect(f.years[0]).toBe(2004);
  });

  it('builds KPI tiles with 万/亿 and approximations, breakdowns as parts', async () => {
    const haidian = indicatorsFromTable(await db.query(caseIndicatorsSql('haidian-shehui-tizhi')));
    const kpis = pickKpis(haidian, 'zh-CN');
    const byLabel = Object.fromEntries(kpis.map((k) => [k.label, k.value]));
    expect(byLabel['常住人口']).toBe('340.2万人');
    expect(byLabel['流动人口']).toBe('约145万人');
    expect(byLabel['面积']).toBe('430.77平方公里');
    expect(byLabel['社区数占北京全市比重']).toBe('20%');
    const grid = pickKpis(indicatorsFromTable(await db.query(caseIndicatorsSql('haidian-grid'))), 'zh-CN');
    const staff = grid.find((k) => k.label === '下沉到三级网格的工作力量')!;
    expect(staff.value).toBe('1.39万人');
    expect(staff.parts.map((p) => p.category)).toEqual(['委办局', '街镇科室', '协管力量', '社区整合']);
    expect(staff.indicator.quote).toContain(staff.indicator.valueText);
    expect(formatIndicatorValue({ valueNorm: 4_400_000, unitNorm: '平方米', approx: 'more_than', valueText: '440余万平方米' }, 'en')).toBe('over 4.4M 平方米');
    expect(formatIndicatorValue({ valueNorm: null, unitNorm: '', approx: '', valueText: '第一名' }, 'zh-CN')).toBe('第一名');
  });

  it('compares a place with other places on population, area and communities', async () => {
    const haidian = cases.find((c) => c.id === 'haidian-grid')!;
    const comps = comparisonsFromTable(await db.query(comparisonSql(haidian.adcode)), 'zh-CN');
    expect(comps.map((c) => c.key)).toEqual(['population', 'area', 'communities']);
    const pop = comps[0];
    expect(pop.unit).toBe('人');
    const current = pop.places.filter((p) => p.current);
    expect(current).toEqual([{ region: '北京市海淀区', value: 3402000, current: true }]);
    expect(pop.places.map((p) => shortRegion(p.region))).toEqual(expect.arrayContaining(['海淀区', '成华区', '镇安县', '六安市', '东莞市']));
    const area = comps[1];
    expect(area.places.find((p) => p.region === '四川省成都市成华区')!.value).toBe(108);
    // ChartData of kind bar, one series, drawn by the common option builder: the case's place orange, the rest grey.
    const data = comparisonChartData(pop, 'zh-CN');
    expect(data).toMatchObject({ kind: 'bar', title: '人口', categoryLabel: '地区', unit: '人', source: '' });
    expect(data.series).toHaveLength(1);
    expect(data.series[0].values).toEqual(pop.places.map((p) => p.value));
    expect(data.categories).toEqual(pop.places.map((p) => shortRegion(p.region)));
    expect(comparisonAccent(pop)).toBe('北京市海淀区');
    const option = buildChartOption(data, 'zh-CN', { accent: comparisonAccent(pop) }) as { series: { type: string; data: { value: number; itemStyle: { color: string } }[] }[]; yAxis: { data: string[] } };
    const i = pop.places.findIndex((p) => p.current);
    expect(option.series[0].type).toBe('bar');
    expect(option.yAxis.data).toEqual(data.categories);
    expect(option.series[0].data[i]).toEqual({ value: 3402000, itemStyle: { color: ACCENT_COLOUR } });
    expect(option.series[0].data.filter((d) => d.itemStyle.color === ACCENT_COLOUR)).toHaveLength(1);
    expect(option.series[0].data.filter((d) => d.itemStyle.color === MUTED_COLOUR)).toHaveLength(pop.places.length - 1);
    // A place with no comparable figures.
    const none = comparisonsFromTable(await db.query(comparisonSql('999999')), 'zh-CN');
    expect(none).toEqual([]);
  });

  it('puts dated cases on a 2004–2020 timeline by theme', () => {
    const { points, undated } = timelinePoints(cases);
    expect(points.length + undated).toBe(82);
    expect(points.length).toBe(cases.filter((c) => c.year !== null).length);
    const minxin = points.find((p) => p.id === 'liaoning-minxinwang')!;
    expect(minxin).toMatchObject({ year: 2004, y: THEMES.indexOf('网络治理') });
    // Same year and theme: spread apart, still near their row.
    const pair = points.filter((p) => p.year === 2014 && p.theme === '网络治理');
    expect(new Set(pair.map((p) => p.y)).size).toBe(pair.length);
    expect(pair.every((p) => Math.abs(p.y - THEMES.indexOf('网络治理')) <= 0.3)).toBe(true);
    const option = buildTimelineOption(points, 'zh-CN') as { series: { data: { id: string }[]; itemStyle: { color: string } }[] };
    expect(option.series).toHaveLength(6);
    expect(option.series[0].itemStyle.color).toBe(themeColour('网络治理'));
    expect(option.series.flatMap((s) => s.data.map((d) => d.id)).sort()).toEqual(points.map((p) => p.id).sort());
  });
});

describe('province tile map of cases', () => {
  const c = (id: string, province: string, theme: string): CaseRecord =>
    ({ id, title: id, province, city: '', district: '', level: '', adcode: '', year: null, yearEnd: null, yearBasis: '', theme, tags: [], summary: '', source: '', quote: '', note: '' });

  it('counts cases per province and colours a tile by its main theme', () => {
    const tiles = casesByProvince([c('a', '浙江省', '公益与社工治理'), c('b', '浙江省', '公益与社工治理'), c('d', '浙江省', '网络治理'), c('e', '', '公益与社工治理'), c('f', '北京市', '综合治理')]);
    const zj = tiles.find((t) => t.name === '浙江省')!;
    expect(zj).toMatchObject({ count: 3, mainTheme: '公益与社工治理' });
    expect(zj.byTheme[THEMES.indexOf('网络治理')]).toBe(1);
    expect(tiles.find((t) => t.name === '西藏自治区')).toMatchObject({ count: 0, mainTheme: '' });
    expect(tiles.reduce((n, t) => n + t.count, 0)).toBe(4);
    const option = buildCaseMapOption(tiles, 'zh-CN', true) as { series: { data: { itemStyle: { color: string }; label: { formatter: string } }[] }[]; tooltip: { formatter(p: unknown): string } };
    const zjDatum = option.series[0].data[tiles.indexOf(zj)];
    expect(zjDatum.itemStyle.color).toBe(themeColour('公益与社工治理'));
    expect(zjDatum.label.formatter).toBe('浙江\n3');
    expect(option.tooltip.formatter({ data: { tile: zj } })).toContain('data-province="浙江省"');
  });

  it('picks readable label colours', () => {
    expect(labelColourOn('#0072B2')).toBe('#ffffff');
    expect(labelColourOn('#E69F00')).toBe('#1f2933');
    expect(labelColourOn('#F0E442')).toBe('#1f2933');
  });
});
