/**
 * What depends on a table, for the delete dialog (「以下内容依赖此表：…」): calculated fields, combined tables
 * (and, through their views, whatever depends on those), saved charts, saved pivots, dashboard cards, chart
 * and pivot slides and the drafts of the pivot and the chart builder. Pure: the documents in, the list (or the documents without
 * them) out.
 */
import type { Deck } from '../../../shared/cases/deck';
import type { CalcFieldsFile } from '../../../shared/model/calc-field';
import type { Dashboard, SavedChartsFile } from '../../../shared/model/dashboard';
import type { JoinsFile } from '../../../shared/model/join';
import type { SavedPivotsFile } from '../../../shared/model/saved-pivots';
import type { ChartDraft, PivotDraft } from '../../workspace';

export interface DependentDocs {
  calcFields: CalcFieldsFile;
  joins: JoinsFile;
  savedCharts: SavedChartsFile;
  savedPivots: SavedPivotsFile;
  dashboards: Dashboard[];
  deck: Deck;
  pivotDraft: PivotDraft | null;
  chartDraft: ChartDraft | null;
}

export type DependentKind = 'field' | 'join' | 'chart' | 'savedPivot' | 'card' | 'slide' | 'pivot' | 'draft';

export interface Dependent {
  kind: DependentKind;
  /** What the user calls it: a field's or view's name, a chart's title (empty when it has none). */
  name: string;
  /** The table or combined table it reads. */
  table: string;
  /** For a card, its dashboard's title. */
  where?: string;
}

const lower = (s: string) => s.toLowerCase();

/** The table and every combined table that reads it, directly or through another combined table. */
export function affectedTables(table: string, joins: JoinsFile): string[] {
  const out = [table];
  for (let i = 0; i < out.length; i++) {
    const gone = lower(out[i]);
    for (const j of joins.joins) {
      const reads = [j.left.table, j.right.table].some((s) => lower(s) === gone);
      if (reads && !out.some((n) => lower(n) === lower(j.name))) out.push(j.name);
    }
  }
  return out;
}

/** Everything that reads `table` or a combined table over it, in the order the dialog lists them. */
export function dependentsOf(table: string, docs: DependentDocs): Dependent[] {
  const gone = new Set(affectedTables(table, docs.joins).map(lower));
  const hit = (name: string) => gone.has(lower(name));
  // Charts and pivots alike (a dashboard card or a slide may be either): by title and table.
  const chart = (kind: DependentKind, spec: { title: string; table: string }, where?: string): Dependent => ({ kind, name: spec.title, table: spec.table, ...(where !== undefined ? { where } : {}) });
  return [
    ...docs.calcFields.fields.filter((f) => hit(f.table)).map((f): Dependent => ({ kind: 'field', name: f.name, table: f.table })),
    ...docs.joins.joins.filter((j) => hit(j.name)).map((j): Dependent => ({ kind: 'join', name: j.name, table: hit(j.left.table) ? j.left.table : j.right.table })),
    ...docs.savedCharts.charts.filter((c) => hit(c.spec.table)).map((c) => chart('chart', c.spec)),
    ...docs.savedPivots.pivots.filter((p) => hit(p.spec.table)).map((p) => chart('savedPivot', p.spec)),
    ...docs.dashboards.flatMap((d) => d.cards.filter((c) => hit(c.spec.table)).map((c) => chart('card', c.spec, d.title))),
    ...docs.deck.slides.flatMap((s) => ((s.kind === 'spec-chart' || s.kind === 'pivot') && hit(s.spec.table) ? [chart('slide', s.spec)] : [])),
    ...(docs.pivotDraft && hit(docs.pivotDraft.spec.table) ? [{ kind: 'pivot' as const, name: '', table: docs.pivotDraft.spec.table }] : []),
    ...(docs.chartDraft && hit(docs.chartDraft.spec.table) ? [chart('draft', docs.chartDraft.spec)] : []),
  ];
}

/**
 * The documents without what depends on `table`. `keep`: only the combined tables go (their views cannot
 * exist without the table: a view over a missing table breaks the engine's table list), the rest stays and
 * says it is broken (找不到数据表 …) until a table of that name is back.
 */
export function withoutDependents(table: string, docs: DependentDocs, keep: boolean): DependentDocs {
  const gone = new Set(affectedTables(table, docs.joins).map(lower));
  const views = new Set([...gone].filter((n) => n !== lower(table)));
  const joins = { ...docs.joins, joins: docs.joins.joins.filter((j) => !views.has(lower(j.name))) };
  if (keep) return { ...docs, joins };
  const hit = (name: string) => gone.has(lower(name));
  return {
    calcFields: { ...docs.calcFields, fields: docs.calcFields.fields.filter((f) => !hit(f.table)) },
    joins,
    savedCharts: { ...docs.savedCharts, charts: docs.savedCharts.charts.filter((c) => !hit(c.spec.table)) },
    savedPivots: { ...docs.savedPivots, pivots: docs.savedPivots.pivots.filter((p) => !hit(p.spec.table)) },
    dashboards: docs.dashboards.map((d) => (d.cards.some((c) => hit(c.spec.table)) ? { ...d, cards: d.cards.filter((c) => !hit(c.spec.table)) } : d)),
    deck: docs.deck.slides.some((s) => (s.kind === 'spec-chart' || s.kind === 'pivot') && hit(s.spec.table)) ? { ...docs.deck, slides: docs.deck.slides.filter((s) => !((s.kind === 'spec-chart' || s.kind === 'pivot') && hit(s.spec.table))) } : docs.deck,
    pivotDraft: docs.pivotDraft && hit(docs.pivotDraft.spec.table) ? null : docs.pivotDraft,
    chartDraft: docs.chartDraft && hit(docs.chartDraft.spec.table) ? null : docs.chartDraft,
  };
}
