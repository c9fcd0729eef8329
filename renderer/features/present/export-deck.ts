import { exportChartFromComparison } from '../../../shared/cases/comparison';
import type { Deck, Slide } from '../../../shared/cases/deck';
import { pickKpis } from '../../../shared/cases/kpi';
import type { CaseRecord } from '../../../shared/cases/model';
import { sourceLine } from '../../../shared/charts/starter-chart';
import type { Db } from '../../../shared/db';
import { exportChartFromTable } from '../../../shared/export/chart-data';
import { buildDeckPptx, type PptxSlide } from '../../../shared/export/pptx';
import { safeFileName } from '../../../shared/export/file-name';
import { toExportChart } from '../../../shared/export/from-chart-data';
import { toChartData } from '../../../shared/charts/chart-data';
import { buildChartSql, MAX_CHART_ROWS, runnableChartSql } from '../../../shared/sql/chart-sql';
import type { Translate } from '../../../shared/i18n';
import type { DatasetCatalog, Lang } from '../../../shared/model/catalog';
import { caseMetaLine } from '../cases/CaseFacts';
import { loadCaseDetail } from '../cases/useCaseData';
import { KPIS_PER_SLIDE } from './SlideView';

interface Context {
  db: Db;
  cases: Map<string, CaseRecord>;
  catalog: DatasetCatalog | null;
  lang: Lang;
  t: Translate;
}

/** Resolves one slide to plain data: the case's figures and the chart's aggregated rows, queried now. */
async function resolveSlide(s: Slide, ctx: Context): Promise<PptxSlide> {
  const { t, lang } = ctx;
  if (s.kind === 'text') return { kind: 'text', title: s.title, body: s.body, notes: s.notes };
  if (s.kind === 'chart') {
    const title = lang === 'en' ? s.chart.title.en : s.chart.title.zh;
    const table = await ctx.db.query(s.chart.sql);
    const source = t('chart.source', { source: sourceLine(s.chart.tables, ctx.catalog, lang) });
    const kind = s.chart.spec.kind === 'line' ? 'line' : s.chart.spec.horizontal ? 'bar' : 'column';
    const chart = exportChartFromTable(table, { kind, x: s.chart.spec.x, y: s.chart.spec.y, stacked: s.chart.spec.stacked, title, unit: s.chart.unit, source });
    return { kind: 'chart', chart, notes: s.notes };
  }
  if (s.kind === 'spec-chart') {
    const query = buildChartSql(s.spec);
    const rows = await ctx.db.query(runnableChartSql(query));
    if (rows.numRows > MAX_CHART_ROWS) return { kind: 'text', title: s.spec.title, body: t('chart.tooMany', { max: MAX_CHART_ROWS }), notes: s.notes };
    const data = toChartData(s.spec, query, rows, ctx.catalog, lang);
    return { kind: 'chart', chart: toExportChart(data), notes: s.notes };
  }
  const c = ctx.cases.get(s.caseId);
  if (!c) return { kind: 'text', title: s.title, body: t('present.caseMissing', { id: s.caseId }), notes: s.notes };
  const detail = await loadCaseDetail(ctx.db, c, lang);
  const comparison = detail.comparisons[0];
  return {
    kind: 'case',
    title: c.title,
    meta: caseMetaLine(c, lang, t),
    summary: c.summary,
    kpis: pickKpis(detail.indicators, lang, KPIS_PER_SLIDE).map((k) => ({ label: k.label, value: k.value })),
    ...(comparison ? { chart: exportChartFromComparison(comparison), highlight: comparison.places.findIndex((p) => p.current) } : {}),
    source: t('chart.source', { source: c.source }),
    notes: s.notes,
  };
}

export async function deckToPptx(deck: Deck, ctx: Context): Promise<Uint8Array> {
  const slides: PptxSlide[] = [];
  for (const s of deck.slides) slides.push(await resolveSlide(s, ctx));
  return buildDeckPptx({ title: deck.title || ctx.t('present.deckTitleDefault'), slides });
}

/** "社会治理创新案例.pptx": the deck title without characters file systems refuse. */
export function pptxFileName(title: string): string {
  return safeFileName(title, 'pptx', 'deck');
}
