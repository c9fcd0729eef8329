/**
 * Every exported file says its text is in the export's language: the native charts' <c:lang> and their text
 * runs (a:rPr / a:endParaRPr lang) are en-US in an English file and zh-CN in a Chinese one — in Excel,
 * Word (the chart parts and their embedded workbooks) and PowerPoint. Read back by unzipping the file.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BAR, COMBO, PIE, SCATTER } from '../../tests/fixtures/export/charts';
import type { Lang } from '../model/catalog';
import { dashboardToDocx } from './dashboard-docx';
import { chartsToDocx } from './docx';
import { buildDeckPptx } from './pptx';
import { chartToXlsx, dashboardToXlsx } from './xlsx-chart';

const CHARTS = [COMBO, BAR, PIE, SCATTER];
const TAGS: Record<Lang, string> = { 'zh-CN': 'zh-CN', en: 'en-US' };

/** Every XML part of a zip, embedded packages (Word's chart workbooks) opened too. */
function xmlParts(zip: Uint8Array, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(unzipSync(zip))) {
    if (/\.(xlsx|docx)$/.test(name)) Object.assign(out, xmlParts(bytes, `${prefix}${name}!`));
    else if (/\.(xml|rels)$/.test(name)) out[prefix + name] = strFromU8(bytes);
  }
  return out;
}

/** The language tags of a part: the chart's <c:lang val> and every DrawingML run's lang attribute. */
const tags = (xml: string) => [...xml.matchAll(/<c:lang val="([^"]*)"|<a:(?:rPr|endParaRPr|defRPr)\b[^>]*?\blang="([^"]*)"/g)].map((m) => m[1] ?? m[2]);
const chartParts = (parts: Record<string, string>) => Object.keys(parts).filter((n) => /charts\/chart\d+\.xml$/.test(n));

const FILES: { name: string; charts: number; make: (lang: Lang) => Promise<Uint8Array> | Uint8Array }[] = [
  { name: 'xlsx chart', charts: 1, make: (lang) => chartToXlsx({ data: COMBO }, { lang }) },
  { name: 'xlsx dashboard', charts: CHARTS.length, make: (lang) => dashboardToXlsx(CHARTS.map((data) => ({ data })), { lang, title: 'd' }) },
  { name: 'docx charts', charts: CHARTS.length, make: (lang) => chartsToDocx({ title: 't', figures: CHARTS.map((data) => ({ data })) }, { lang }) },
  { name: 'docx dashboard', charts: CHARTS.length, make: (lang) => dashboardToDocx({ title: 'd', cards: CHARTS.map((data) => ({ data })) }, { lang }) },
  { name: 'pptx', charts: CHARTS.length, make: (lang) => buildDeckPptx({ title: 't', lang, slides: CHARTS.map((data) => ({ kind: 'chart' as const, data, notes: '' })) }) },
];

describe.each(['en', 'zh-CN'] as const)('exports in %s', (lang) => {
  it.each(FILES)('$name: every chart says it is in the export’s language', async ({ make, charts: count }) => {
    const parts = xmlParts(await make(lang));
    const charts = chartParts(parts);
    expect(charts.length).toBe(count);
    for (const name of charts) {
      const found = tags(parts[name]);
      expect(found.length, name).toBeGreaterThan(0);
      expect(new Set(found), name).toEqual(new Set([TAGS[lang]]));
    }
    // Nor does any other part of the file say another language (an English file never says zh-CN).
    for (const [name, xml] of Object.entries(parts)) expect(tags(xml).filter((t) => t !== TAGS[lang]), name).toEqual([]);
  });
});
