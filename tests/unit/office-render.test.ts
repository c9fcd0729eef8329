/**
 * Every Office export re-opened by an independent reader: LibreOffice renders the files to PDF and we count
 * pages and read what each page shows. The charts are the ready dashboards run on the real engine; pictures
 * are drawn by the CLI's renderer (resvg) from the on-screen option.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPng } from '../../electron/cli/svg-chart';
import { caseSourceLine, SEED_FILE_NAME } from '../../shared/cases/source';
import { buildChartOption } from '../../shared/charts/chart-option';
import type { ChartData } from '../../shared/charts/chart-data';
import { casesDashboard, shanghaiDashboard } from '../../shared/charts/ready-dashboards';
import { runChart } from '../../shared/charts/run-chart';
import type { Db } from '../../shared/db';
import { describeTable } from '../../shared/db-catalog';
import { needsPicture } from '../../shared/export/chart-kinds';
import { chartsToDocx } from '../../shared/export/docx';
import { buildDeckPptx } from '../../shared/export/pptx';
import { chartToXlsx, dashboardToXlsx, type XlsxChart } from '../../shared/export/xlsx-chart';
import { pivotToDocx } from '../../shared/export/pivot-docx';
import { pivotToXlsx } from '../../shared/export/pivot-xlsx';
import { pivotChartData } from '../../shared/pivot/pivot-chart';
import { runPivot } from '../../shared/pivot/run-pivot';
import { pivotTable } from '../../shared/pivot/table';
import { tableSource } from '../../shared/sql/source';
import { ORGS_PIVOT, ORGS_SQL } from '../fixtures/export/pivot';
import type { DatasetCatalog } from '../../shared/model/catalog';
import type { Dashboard } from '../../shared/model/dashboard';
import { openBundledDb } from '../fixtures/bundled-db';
import { COMBO, HEATMAP } from '../fixtures/export/charts';
import { renderWithLibreOffice, type RenderedPdf } from '../fixtures/export/libreoffice';

/** pdftotext puts spaces between CJK and Latin text ("名称 4 篇"): compare without white space. */
const squash = (s: string) => s.replace(/\s+/g, '');

const long: ChartData = {
  ...COMBO,
  title: '各省份数量与增长率',
  subtitle: undefined,
  categories: Array.from({ length: 34 }, (_, i) => `省份${i + 1}`),
  keys: Array.from({ length: 34 }, (_, i) => `省份${i + 1}`),
  series: [
    { ...COMBO.series[0], values: Array.from({ length: 34 }, (_, i) => 120000 * (i + 1)) },
    { ...COMBO.series[1], values: Array.from({ length: 34 }, (_, i) => i * 1.37) },
  ],
};

describe('exports rendered by LibreOffice', () => {
  let db: Db;
  let catalog: DatasetCatalog;
  let pdfs: Record<string, RenderedPdf>;
  let cleanup: () => Promise<void>;
  const cards: Record<string, XlsxChart[]> = {};

  async function chartsOf(dashboard: Dashboard): Promise<XlsxChart[]> {
    const out: XlsxChart[] = [];
    for (const card of dashboard.cards) {
      const run = await runChart(db, card.spec, { table: (await describeTable(db, card.spec.table))!, catalog, lang: 'zh-CN' });
      if (run.status !== 'ready') throw new Error(`${card.id}: ${run.status}`);
      out.push({ data: run.data, ...(needsPicture(run.data.kind) ? { picture: renderPng(buildChartOption(run.data, 'zh-CN'), 960, 540, 2) } : {}) });
    }
    return out;
  }

  beforeAll(async () => {
    ({ db, catalog } = await openBundledDb());
    cards.shanghai = await chartsOf(shanghaiDashboard('zh-CN'));
    cards.cases = await chartsOf(casesDashboard('zh-CN'));
    const source = caseSourceLine('003_6abf6539eaf24928.txt', catalog, 'zh-CN');
    await db.exec(ORGS_SQL);
    const pivot = await runPivot(db, ORGS_PIVOT, tableSource((await describeTable(db, 'orgs'))!));
    if (pivot.status !== 'ready') throw new Error(pivot.status);
    const pivotTab = pivotTable(pivot.grid, ORGS_PIVOT, 'zh-CN', ['筛选：无']);
    const rendered = await renderWithLibreOffice({
      'shanghai.xlsx': dashboardToXlsx(cards.shanghai, { title: '上海社会组织', lines: ['导出于 2025-01-01'] }),
      'cases.xlsx': dashboardToXlsx(cards.cases, { title: '社会治理创新案例' }),
      'combo.xlsx': chartToXlsx({ data: COMBO }),
      'long.xlsx': chartToXlsx({ data: long }),
      'heatmap.xlsx': chartToXlsx({ data: HEATMAP }),
      'pivot-book.xlsx': pivotToXlsx(pivotTab, { lang: 'zh-CN', chart: pivotChartData(pivot.grid, ORGS_PIVOT, 'zh-CN') }),
      'pivot-word.docx': pivotToDocx(pivotTab, { lang: 'zh-CN' }),
      'report.docx': chartsToDocx({ title: '上海社会组织', figures: [...cards.shanghai, { data: HEATMAP }] }),
      'deck.pptx': await buildDeckPptx({
        title: '演示',
        slides: [
          { kind: 'case', title: '嘉兴“三社互动”', meta: '浙江省 · 嘉兴市', summary: '……', kpis: [{ label: '市委每年实地督察次数', value: '1〜2次' }], source, notes: '' },
          ...cards.cases.map((c) => ({ kind: 'chart' as const, ...c, notes: '' })),
          { kind: 'chart', data: HEATMAP, notes: '' },
        ],
        dataTableSuffix: '（数据表）',
      }),
    });
    ({ pdfs, cleanup } = rendered);
  }, 240_000);
  afterAll(async () => {
    await cleanup?.();
    await db?.close();
  });

  it('prints a dashboard workbook on one page per card plus its index', async () => {
    expect(cards.shanghai.length).toBe(6);
    expect(pdfs['shanghai.xlsx'].pages).toBe(1 + 6);
    expect(pdfs['cases.xlsx'].pages).toBe(1 + cards.cases.length);
    // Each card's page holds its title twice: the sheet's title row and the chart's own title.
    for (let i = 0; i < cards.shanghai.length; i++) {
      const text = squash(await pdfs['shanghai.xlsx'].page(i + 2));
      expect(text.split(squash(cards.shanghai[i].data.title)).length - 1, cards.shanghai[i].data.title).toBeGreaterThanOrEqual(2);
      expect(text).toContain(`第${i + 2}页，共7页`);
    }
    const index = await pdfs['shanghai.xlsx'].page(1);
    expect(index).toContain('上海社会组织');
    expect(index).toContain('导出于 2025-01-01');
  });

  it('shows the numbers in the measure’s format: grouped counts, percentages, 万', async () => {
    const combo = await pdfs['combo.xlsx'].page(1);
    expect(pdfs['combo.xlsx'].pages).toBe(1);
    for (const shown of ['6,300', '4,000', '5.0%', '2.6%']) expect(combo).toContain(shown);
    expect(combo).not.toContain('0.0256');
    const table = await pdfs['long.xlsx'].page(1);
    for (const shown of ['12.0万', '408.0万', '45.2%']) expect(table).toContain(shown);
  });

  it('prints a long table on its page(s) and its chart whole on a page of its own', async () => {
    expect(pdfs['long.xlsx'].pages).toBe(2);
    const chartPage = await pdfs['long.xlsx'].page(2);
    expect(chartPage).toContain('各省份数量与增长率');
    expect(chartPage).not.toContain('省份1 ');
  });

  it('prints a heatmap as its table', async () => {
    expect(pdfs['heatmap.xlsx'].pages).toBe(1);
    const text = await pdfs['heatmap.xlsx'].page(1);
    expect(text).toMatch(/浙江省\s+3\s+4/);
  });

  it('renders the Word report with its native charts, captions, sources and tables', async () => {
    const pages = await Promise.all(Array.from({ length: pdfs['report.docx'].pages }, (_, i) => pdfs['report.docx'].page(i + 1)));
    const all = squash(pages.join(''));
    cards.shanghai.forEach((c, i) => {
      expect(all).toContain(squash(`图${i + 1}\u3000${c.data.title}`));
      expect(all).toContain(squash(c.data.source));
    });
    // Six data tables and the heatmap's table.
    expect(all).toContain(squash(`表7\u3000${HEATMAP.title}`));
    // The page number in each page's footer.
    pages.forEach((p, i) => expect(p.trim().split('\n').at(-1)!.trim()).toBe(String(i + 1)));
  });

  it('renders the deck: a slide per chart, picture kinds followed by their data table, and no file names', async () => {
    const pictures = cards.cases.filter((c) => needsPicture(c.data.kind)).length;
    expect(pdfs['deck.pptx'].pages).toBe(1 + cards.cases.length + pictures + 1);
    for (let n = 1; n <= pdfs['deck.pptx'].pages; n++) expect(await pdfs['deck.pptx'].page(n)).not.toMatch(SEED_FILE_NAME);
    expect(squash(await pdfs['deck.pptx'].page(1))).toContain('来源：《社会治理创新案例名称4篇》');
    expect(squash(await pdfs['deck.pptx'].page(1))).toContain('1〜2次');
  });

  it('prints the pivot workbook: the table on one landscape page with its merged headers and formats, its chart sheet on the next', async () => {
    expect(pdfs['pivot-book.xlsx'].pages).toBe(2);
    const table = await pdfs['pivot-book.xlsx'].page(1);
    for (const shown of ['经费（按地区、类型和年份）', '年份', '2019', '合计', '上海', '31000.0万', '100.0%', '61.5%', '筛选：无', '第 1 页，共 2 页']) expect(table, shown).toContain(shown);
    const chart = await pdfs['pivot-book.xlsx'].page(2);
    expect(chart).toContain('经费（按地区、类型和年份）');
    expect(chart).toContain('上海 / 社会团体');
  });

  it('renders the pivot’s Word table on one page with its numbers in the chosen formats', async () => {
    expect(pdfs['pivot-word.docx'].pages).toBe(1);
    const text = squash(await pdfs['pivot-word.docx'].page(1));
    for (const shown of ['表1', '经费（按地区、类型和年份）', '31,000.0万', '61.5%', '合计', '筛选：无']) expect(text, shown).toContain(squash(shown));
  });
});
