import { comparisonChartData } from '../../../shared/cases/comparison';
import type { Deck, Slide } from '../../../shared/cases/deck';
import { pickKpis } from '../../../shared/cases/kpi';
import { caseSourceLine } from '../../../shared/cases/source';
import type { CaseRecord } from '../../../shared/cases/model';
import { SLIDE_PICTURE_SIZE } from '../../../shared/charts/picture';
import { runChart } from '../../../shared/charts/run-chart';
import { forSlide } from '../../../shared/charts/slide-option';
import type { Db } from '../../../shared/db';
import type { TableInfo } from '../../../shared/db-catalog';
import { officeForm } from '../../../shared/export/chart-kinds';
import { buildDeckPptx, type PptxSlide } from '../../../shared/export/pptx';
import { safeFileName } from '../../../shared/export/file-name';
import { formatNumber } from '../../../shared/format/number';
import type { Translate } from '../../../shared/i18n';
import type { DatasetCatalog, Lang } from '../../../shared/model/catalog';
import { chartPng } from '../../charts/image-export';
import { screenOption } from '../../charts/screen-option';
import { coordinatorFor } from '../../db/coordinator';
import { rollupsFor } from '../../db/rollups';
import { runPivot } from '../../../shared/pivot/run-pivot';
import { pivotTable } from '../../../shared/pivot/table';
import { tableSource } from '../../../shared/sql/source';
import { pivotGone } from '../analysis';
import { caseMetaLine, loadCaseDetail } from '../cases';
import { KPIS_PER_SLIDE } from './SlideView';

interface Context {
  db: Db;
  /** The live table list: every chart runs with its table's columns and SQL types, as on screen. */
  tables: TableInfo[];
  cases: Map<string, CaseRecord>;
  catalog: DatasetCatalog | null;
  lang: Lang;
  t: Translate;
}

/** A chart slide: run exactly as the slide on screen runs it (same coordinator, types and rollup). */
async function chartSlide(s: Extract<Slide, { kind: 'spec-chart' }>, ctx: Context): Promise<PptxSlide> {
  const { t, lang } = ctx;
  const text = (body: string): PptxSlide => ({ kind: 'text', title: s.spec.title, body, notes: s.notes });
  const table = ctx.tables.find((x) => x.name === s.spec.table);
  if (!table) return text(t('chart.noTable', { table: s.spec.table }));
  const run = await runChart(coordinatorFor(ctx.db), s.spec, { table, catalog: ctx.catalog, lang, rollups: rollupsFor(ctx.db) });
  if (run.status === 'too-many') return text(t('chart.tooMany', { max: formatNumber(run.max, lang) }));
  if (run.status === 'empty') return text(t('chart.empty'));
  // Kinds PowerPoint has no chart for go in as the slide's on-screen picture (the same option, slide-sized).
  const picture = officeForm(run.data.kind) === 'picture' ? chartPng(forSlide(screenOption(run.data, lang)), 2, SLIDE_PICTURE_SIZE) : undefined;
  return { kind: 'chart', data: run.data, ...(picture ? { picture } : {}), notes: s.notes };
}

/** A pivot slide: run as on screen (same coordinator and rollup), written as a native table; a plain slide when it cannot run. */
async function pivotSlide(s: Extract<Slide, { kind: 'pivot' }>, ctx: Context): Promise<PptxSlide> {
  const { t, lang } = ctx;
  const title = s.spec.title || t('present.kind.pivot');
  const text = (body: string): PptxSlide => ({ kind: 'text', title, body, notes: s.notes });
  const gone = pivotGone(s.spec, ctx.tables, t);
  if (gone) return text(gone);
  const info = ctx.tables.find((x) => x.name === s.spec.table)!;
  const run = await runPivot(coordinatorFor(ctx.db), s.spec, tableSource(info), { rollup: await rollupsFor(ctx.db).get(info) });
  if (run.status === 'empty') return text(t('pivot.error.empty'));
  if (run.status === 'too-many') return text(t('pivot.error.tooMany', { max: formatNumber(run.max, lang) }));
  return { kind: 'pivot', title, table: pivotTable(run.grid, s.spec, lang), notes: s.notes };
}

/** Resolves one slide to plain data: the case's figures and the chart's aggregated rows, queried now. */
async function resolveSlide(s: Slide, ctx: Context): Promise<PptxSlide> {
  const { t, lang } = ctx;
  if (s.kind === 'text') return { kind: 'text', title: s.title, body: s.body, notes: s.notes };
  if (s.kind === 'spec-chart') return chartSlide(s, ctx);
  if (s.kind === 'pivot') return pivotSlide(s, ctx);
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
    ...(comparison ? { chart: comparisonChartData(comparison, lang), highlight: comparison.places.findIndex((p) => p.current) } : {}),
    source: caseSourceLine(c.source, ctx.catalog, lang),
    notes: s.notes,
  };
}

export async function deckToPptx(deck: Deck, ctx: Context): Promise<Uint8Array> {
  const slides: PptxSlide[] = [];
  for (const s of deck.slides) slides.push(await resolveSlide(s, ctx));
  return buildDeckPptx({ title: deck.title || ctx.t('present.deckTitleDefault'), slides, dataTableSuffix: ctx.t('export.slide.dataTable'), lang: ctx.lang });
}

/** "社会治理创新案例.pptx": the deck title without characters file systems refuse. */
export function pptxFileName(title: string): string {
  return safeFileName(title, 'pptx', 'deck');
}
