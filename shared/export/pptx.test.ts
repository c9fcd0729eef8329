import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ChartData } from '../charts/chart-data';
import { AREA, COMBO, DONUT, HEATMAP, MAP, MULTIPLES, PERCENT, SCATTER, TREEMAP } from '../../tests/fixtures/export/charts';
import { SEED_FILE_NAME } from '../cases/source';
import { buildDeckPptx, type PptxDeck } from './pptx';

const bars = (name: string, values: (number | null)[]) => ({ name, values, axis: 'left' as const, type: 'bar' as const });
const chart = (over: Partial<ChartData>): ChartData => ({ kind: 'column', title: 't', categoryLabel: 'x', categories: [], keys: [], series: [], source: '', stack: 'none', annotations: [], ...over });

const deck: PptxDeck = {
  title: '社会治理创新案例',
  slides: [
    { kind: 'text', title: '第一讲：网格化治理', body: '北京海淀与成都成华的比较', notes: '开场，约 3 分钟' },
    {
      kind: 'case',
      title: '海淀区网格化服务管理体系',
      meta: '北京市 · 海淀区 · 2012 · 网络治理',
      summary: '海淀区划分三级网格，力量下沉到网格。',
      kpis: [
        { label: '三级网格数', value: '643个' },
        { label: '下沉到三级网格的工作力量', value: '1.39万人' },
      ],
      chart: chart({ kind: 'bar', title: '人口', categoryLabel: '地区', categories: ['东莞市', '海淀区', '成华区'], keys: ['东莞市', '海淀区', '成华区'], series: [{ ...bars('人口', [10000000, 3402000, 1130000]), unit: '人' }], unit: '人' }),
      highlight: 1,
      source: '来源：《社会治理创新案例名称4篇》（嘉兴“三社互动”、玄武、上海社会组织、海淀等案例汇编）',
      notes: '',
    },
    {
      kind: 'chart',
      data: chart({
        kind: 'column',
        title: '上海注册社会组织数（按类型）',
        categoryLabel: '类型',
        categories: ['民办非企业单位', '社会团体', '基金会'],
        keys: ['民办非企业单位', '社会团体', '基金会'],
        series: [bars('2013年末', [7666, 3789, 152]), bars('2014年6月末', [7905, 3853, 166])],
        unit: '家',
        source: '来源：上海社会组织统计',
      }),
      notes: '注意基金会数量很少',
    },
  ],
};

describe('deck → pptx', () => {
  it('writes one slide per deck slide with native charts holding the series values', async () => {
    const bytes = await buildDeckPptx(deck);
    expect(bytes).toBeInstanceOf(Uint8Array);
    const files = unzipSync(bytes);
    const names = Object.keys(files);
    expect(names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))).toHaveLength(3);
    const charts = names.filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n)).sort();
    expect(charts).toHaveLength(2);
    const xml = charts.map((n) => strFromU8(files[n]));
    const caseChart = xml.find((x) => x.includes('海淀区'))!;
    expect(caseChart).toContain('<c:barDir val="bar"/>');
    // The full numbers, shown in 万 by the number format, in the on-screen order (PowerPoint draws bars
    // bottom-up, so the data is reversed).
    const values = [...caseChart.matchAll(/<c:v>([\d.]+)<\/c:v>/g)].map((m) => Number(m[1]));
    expect(values).toEqual([1130000, 3402000, 10000000]);
    expect(caseChart).toContain('<c:numFmt formatCode="0\\.0,&quot;万&quot;" sourceLinked="0"/>');
    // Only 海淀区 (the middle bar) in the accent colour.
    const colours = [...caseChart.matchAll(/<c:dPt>[\s\S]*?srgbClr val="(\w+)"/g)].map((m) => m[1]);
    expect(colours).toEqual(['9AA5B1', 'D55E00', '9AA5B1']);
    const orgChart = xml.find((x) => x.includes('民办非企业单位'))!;
    expect(orgChart).toContain('<c:barDir val="col"/>');
    for (const v of [7666, 3789, 152, 7905, 3853, 166]) expect(orgChart).toContain(`<c:v>${v}</c:v>`);
    expect(orgChart).toContain('2014年6月末');
    // Value axes start at 0, as on screen.
    for (const x of xml) expect(x).toMatch(/<c:valAx>[\s\S]*?<c:min val="0"\/>[\s\S]*?<\/c:valAx>/);
    // Text, fonts and notes.
    const slide2 = strFromU8(files['ppt/slides/slide2.xml']);
    expect(slide2).toContain('1.39万人');
    expect(slide2).toContain('Microsoft YaHei');
    const notes = names.filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n)).map((n) => strFromU8(files[n]));
    expect(notes.some((n) => n.includes('开场，约 3 分钟'))).toBe(true);
    expect(strFromU8(files['[Content_Types].xml'])).toContain('drawingml.chart+xml');
  });

  it('writes no seed file name anywhere: slides, notes, charts and their workbooks', async () => {
    const files = unzipSync(await buildDeckPptx(deck));
    for (const [name, bytes] of Object.entries(files)) {
      const text = name.endsWith('.xlsx') ? Object.values(unzipSync(bytes)).map((b) => strFromU8(b)).join('') : strFromU8(bytes);
      expect(text, name).not.toMatch(SEED_FILE_NAME);
    }
    expect(strFromU8(files['ppt/slides/slide2.xml'])).toContain('《社会治理创新案例名称4篇》');
  });

  it('writes percent numbers as fractions shown 4.4%, on both axes of a combo in their own format', async () => {
    const files = unzipSync(await buildDeckPptx({ title: 'combo', slides: [{ kind: 'chart', data: COMBO, notes: '' }] }));
    const xml = strFromU8(files[Object.keys(files).find((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))!]);
    expect(xml).toMatch(/<c:lineChart>[\s\S]*<c:v>0.05<\/c:v>[\s\S]*<c:v>0.0256<\/c:v>[\s\S]*<\/c:lineChart>/);
    expect(xml).toMatch(/<c:barChart>[\s\S]*<c:v>6300<\/c:v>[\s\S]*<\/c:barChart>/);
    const axes = [...xml.matchAll(/<c:valAx>[\s\S]*?<c:numFmt formatCode="([^"]+)"/g)].map((m) => m[1]);
    expect(axes).toEqual(['#,##0', '0.0%']);
  });

  it('writes area, doughnut, scatter, 100 % stacked and two-axis combos as native charts', async () => {
    const files = unzipSync(await buildDeckPptx({ title: 'kinds', slides: [AREA, DONUT, SCATTER, PERCENT, COMBO].map((data) => ({ kind: 'chart' as const, data, notes: '' })) }));
    const xml = Object.keys(files).filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n)).sort((a, b) => Number(/(\d+)\.xml/.exec(a)![1]) - Number(/(\d+)\.xml/.exec(b)![1])).map((n) => strFromU8(files[n]));
    expect(xml).toHaveLength(5);
    const [area, donut, scatter, percent, combo] = xml;
    expect(area).toContain('<c:areaChart><c:grouping val="stacked"/>');
    expect(donut).toContain('<c:doughnutChart>');
    expect(donut).toContain('<c:holeSize val="60"/>');
    expect(scatter).toContain('<c:scatterChart>');
    expect(scatter).toMatch(/<c:xVal>[\s\S]*<c:v>6300<\/c:v>[\s\S]*<\/c:xVal>/);
    expect(percent).toContain('<c:grouping val="percentStacked"/>');
    expect(combo).toContain('<c:barChart>');
    expect(combo).toContain('<c:lineChart>');
    expect(combo.match(/<c:valAx>/g)).toHaveLength(2);
    for (const x of xml) expect(x).not.toContain('<c:pieChart>');
    // A missing value is no cached point at all (a gap), never an empty one a reader may take for 0.
    expect(combo).not.toContain('<c:v></c:v>');
    expect(combo).toMatch(/<c:ptCount val="3"\/><c:pt idx="0"><c:v>0.05<\/c:v><\/c:pt><c:pt idx="1"><c:v>0.0256<\/c:v><\/c:pt>\s*<\/c:numCache>/);
  });

  it.each([MAP, TREEMAP, MULTIPLES])('$kind: the on-screen picture, then its data table — never a chart of another kind', async (data) => {
    const png = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
    const files = unzipSync(await buildDeckPptx({ title: 'p', slides: [{ kind: 'chart', data, picture: png, notes: '讲解' }], dataTableSuffix: '（数据表）' }));
    const names = Object.keys(files);
    expect(names.filter((n) => /^ppt\/charts\/.+\.xml$/.test(n))).toEqual([]);
    const media = names.filter((n) => /^ppt\/media\/.*\.png$/.test(n));
    expect(media).toHaveLength(1);
    expect(files[media[0]]).toEqual(png);
    expect(names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))).toHaveLength(2);
    const table = strFromU8(files['ppt/slides/slide2.xml']);
    expect(table).toContain(`${data.title}（数据表）`);
    expect(table).toContain('<a:tbl>');
    for (const c of data.categories) expect(table).toContain(c);
    expect(table).toContain(`<a:t>${data.series[0].values[0]}</a:t>`);
    expect(strFromU8(files['ppt/slides/slide1.xml'])).toContain(`descr="${data.title}"`);
  });

  it('heatmap: one slide with a table shaded as on screen — no picture, no chart, no labels to collide', async () => {
    const files = unzipSync(await buildDeckPptx({ title: 'h', slides: [{ kind: 'chart', data: HEATMAP, notes: '' }] }));
    const names = Object.keys(files);
    expect(names.filter((n) => /^ppt\/charts\/.+\.xml$/.test(n) || /^ppt\/media\/.+/.test(n))).toEqual([]);
    expect(names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))).toHaveLength(1);
    const slide = strFromU8(files['ppt/slides/slide1.xml']);
    expect(slide).toContain('<a:tbl>');
    expect(slide).toContain('单位：个');
    // 1…4, from the minimum as on screen: the cell of 4 in the darkest stop with white text, 1 in the lightest.
    // A cell's fill follows its four borders in a:tcPr.
    const cellFill = (v: number) => new RegExp(`<a:t>${v}</a:t>[\\s\\S]*?</a:lnB><a:solidFill><a:srgbClr val="(\\w+)"`).exec(slide)?.[1];
    expect([cellFill(4), cellFill(1)]).toEqual(['08306B', 'C6DBEF']);
    expect(slide).toMatch(/<a:solidFill><a:srgbClr val="FFFFFF"\/><\/a:solidFill>[^]*?<a:t>4<\/a:t>/);
  });

  it('refuses a picture kind without its picture', async () => {
    await expect(buildDeckPptx({ title: 'p', slides: [{ kind: 'chart', data: MAP, notes: '' }] })).rejects.toThrow(/picture/);
  });

  it('a Chinese deck says zh-CN on every run and paragraph end of every part (slides, notes, charts, masters); an English one en-US', async () => {
    const png = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
    const pivot = { title: '透视', header: [[{ kind: 'corner' as const, text: '地区' }, { kind: 'value-name' as const, text: '数量 求和' }]], body: [[{ kind: 'row-key' as const, text: '北京' }, { kind: 'value' as const, text: '1', value: 1 }]], rowHeaderCols: 1, dataCols: 1, values: 1, whole: [true], notes: [] };
    const slides = [...deck.slides, { kind: 'chart' as const, data: HEATMAP, notes: '' }, { kind: 'chart' as const, data: MAP, picture: png, notes: '地图' }, { kind: 'pivot' as const, title: '透视', table: pivot, notes: '透视讲解' }];
    const tags = async (lang: 'zh-CN' | 'en') => {
      const files = unzipSync(await buildDeckPptx({ ...deck, slides, lang }));
      const parts = Object.entries(files).filter(([n]) => /^ppt\/.*\.xml$/.test(n));
      // Every part that carries a language at all; each of its lang= values (altLang= is the alternate).
      return Object.fromEntries(parts.map(([n, b]) => [n, [...new Set([...strFromU8(b).matchAll(/\slang="([^"]*)"/g)].map((m) => m[1]))]]).filter(([, v]) => v.length > 0));
    };
    const zh = await tags('zh-CN');
    const names = Object.keys(zh);
    for (const kind of ['slides/slide', 'notesSlides/notesSlide', 'charts/chart', 'slideMasters/slideMaster', 'notesMasters/notesMaster']) {
      expect(names.some((n) => n.startsWith(`ppt/${kind}`)), kind).toBe(true);
    }
    for (const [n, langs] of Object.entries(zh)) expect(langs, n).toEqual(['zh-CN']);
    for (const [n, langs] of Object.entries(await tags('en'))) expect(langs, n).toEqual(['en-US']);
  });

  it('writes an empty deck as a valid file with no slides', async () => {
    const files = unzipSync(await buildDeckPptx({ title: '空', slides: [] }));
    expect(Object.keys(files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))).toHaveLength(0);
  });
});
