import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildDeckPptx, inWan, type PptxDeck } from './pptx';

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
      chart: { kind: 'bar', title: '人口', categoryLabel: '地区', categories: ['东莞市', '海淀区', '成华区'], series: [{ name: '人口', values: [10000000, 3402000, 1130000] }], unit: '人' },
      highlight: 1,
      source: '来源：003_6abf6539eaf24928.txt',
      notes: '',
    },
    {
      kind: 'chart',
      chart: {
        kind: 'column',
        title: '上海注册社会组织数（按类型）',
        categoryLabel: '类型',
        categories: ['民办非企业单位', '社会团体', '基金会'],
        series: [
          { name: '2013年末', values: [7666, 3789, 152] },
          { name: '2014年6月末', values: [7905, 3853, 166] },
        ],
        unit: '家',
        source: '来源：上海社会组织统计',
      },
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
    // Shown in 万人, in the on-screen order (PowerPoint draws bars bottom-up, so the data is reversed).
    expect(caseChart).toContain('<c:v>340.2</c:v>');
    expect(caseChart).toContain('万人');
    const values = [...caseChart.matchAll(/<c:v>([\d.]+)<\/c:v>/g)].map((m) => Number(m[1]));
    expect(values).toEqual([113, 340.2, 1000]);
    // Only 海淀区 (the middle bar) in the accent colour.
    const colours = [...caseChart.matchAll(/<c:dPt>[\s\S]*?srgbClr val="(\w+)"/g)].map((m) => m[1]);
    expect(colours).toEqual(['9AA5B1', 'D55E00', '9AA5B1']);
    const orgChart = xml.find((x) => x.includes('民办非企业单位'))!;
    expect(orgChart).toContain('<c:barDir val="col"/>');
    for (const v of [7666, 3789, 152, 7905, 3853, 166]) expect(orgChart).toContain(`<c:v>${v}</c:v>`);
    expect(orgChart).toContain('2014年6月末');
    // Text, fonts and notes.
    const slide2 = strFromU8(files['ppt/slides/slide2.xml']);
    expect(slide2).toContain('1.39万人');
    expect(slide2).toContain('Microsoft YaHei');
    const notes = names.filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n)).map((n) => strFromU8(files[n]));
    expect(notes.some((n) => n.includes('开场，约 3 分钟'))).toBe(true);
    expect(strFromU8(files['[Content_Types].xml'])).toContain('drawingml.chart+xml');
  });

  it('keeps small values as they are and scales large ones to 万', () => {
    const chart = { kind: 'column' as const, title: 't', categoryLabel: 'x', categories: ['a', 'b'], series: [{ name: 's', values: [7666, null] }], unit: '家' };
    expect(inWan(chart)).toBe(chart);
    expect(inWan({ ...chart, series: [{ name: 's', values: [123456, null] }] })).toMatchObject({ unit: '万家', series: [{ values: [12.35, null] }] });
  });

  it('writes an empty deck as a valid file with no slides', async () => {
    const files = unzipSync(await buildDeckPptx({ title: '空', slides: [] }));
    expect(Object.keys(files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))).toHaveLength(0);
  });
});
