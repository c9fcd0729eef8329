/**
 * A series header carries its unit in the export's language, in every writer: "数量（家）" in Chinese,
 * "Count (orgs)" in English — never Chinese full-width brackets in an English file.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ChartData } from '../charts/chart-data';
import { COMBO, HEATMAP, SCATTER } from '../../tests/fixtures/export/charts';
import { inspectXlsx } from '../../tests/fixtures/export/inspect-xlsx';
import type { Lang } from '../model/catalog';
import { chartsToDocx } from './docx';
import { buildDeckPptx } from './pptx';
import { chartToCsv } from './table-export';
import { chartToXlsx } from './xlsx-chart';

/** Two series with different units, so every writer puts the unit in the header. */
const named = (data: ChartData, names: [string, string], units: [string, string]): ChartData => ({
  ...data,
  unit: undefined,
  series: data.series.map((s, i) => ({ ...s, name: names[i], unit: units[i] })),
});
const CASES: { lang: Lang; names: [string, string]; units: [string, string]; headers: [string, string] }[] = [
  { lang: 'zh-CN', names: ['数量', '增长率'], units: ['家', '%'], headers: ['数量（家）', '增长率（%）'] },
  { lang: 'en', names: ['Count', 'Growth'], units: ['orgs', '%'], headers: ['Count (orgs)', 'Growth (%)'] },
];
/** The text of every paragraph of an Office XML part (PowerPoint splits a cell's text into runs at spaces). */
const runs = (xml: string) =>
  [...xml.matchAll(/<(a|w):p[ >][\s\S]*?<\/\1:p>/g)].map((p) => [...p[0].matchAll(/<(?:a|w):t(?: [^>]*)?>([^<]*)<\/(?:a|w):t>/g)].map((m) => m[1]).join(''));

describe.each(CASES)('series headers in $lang', ({ lang, names, units, headers }) => {
  const combo = named(COMBO, names, units);

  it('xlsx: the header row of the data table and the scatter chart axis titles', () => {
    const x = inspectXlsx(chartToXlsx({ data: combo }, { lang }));
    const ws = x.workbook.Sheets[x.workbook.SheetNames[0]];
    const cells = Object.values(ws).map((c) => (c as { v?: unknown }).v);
    for (const h of headers) expect(cells).toContain(h);
    const scatter = unzipSync(chartToXlsx({ data: named(SCATTER, names, units) }, { lang }));
    const chart = strFromU8(scatter[Object.keys(scatter).find((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))!]);
    expect(runs(chart)).toEqual(expect.arrayContaining(headers));
  });

  it('docx: the header cells of the chart data table', () => {
    const doc = strFromU8(unzipSync(chartsToDocx({ title: 't', figures: [{ data: combo }] }, { lang }))['word/document.xml']);
    expect(runs(doc)).toEqual(expect.arrayContaining(headers));
  });

  it('pptx: the header cells of a table slide and the scatter chart axis titles', async () => {
    const files = unzipSync(await buildDeckPptx({ title: 't', lang, slides: [{ kind: 'chart', data: named(HEATMAP, names, units), notes: '' }] }));
    expect(runs(strFromU8(files['ppt/slides/slide1.xml']))).toEqual(expect.arrayContaining(headers));
    const deck = unzipSync(await buildDeckPptx({ title: 't', lang, slides: [{ kind: 'chart', data: named(SCATTER, names, units), notes: '' }] }));
    const chart = strFromU8(deck[Object.keys(deck).find((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f))!]);
    expect(runs(chart)).toEqual(expect.arrayContaining(headers));
  });

  it('csv: the header line', () => {
    const first = new TextDecoder().decode(chartToCsv(combo, lang)).split('\r\n')[0];
    expect(first).toBe([combo.categoryLabel, ...headers].join(','));
  });
});
