/**
 * Dashboards and saved charts as plain JSON (version 1). The renderer keeps them in localStorage; a
 * project file can embed the same shapes. Parsers validate untrusted input and drop nothing silently:
 * a bad entry throws with its position.
 */
import { parseChartSpec, type ChartSpec } from './chart-spec';
import { parsePivotSpec, type PivotSpec } from './pivot-spec';

export const CARD_SIZES = ['small', 'medium', 'large'] as const;
export type CardSize = (typeof CARD_SIZES)[number];

export interface ChartCard {
  id: string;
  /** Chart cards carry no kind (the shape of every card before pivots). */
  kind?: never;
  spec: ChartSpec;
  size: CardSize;
  /** Cards of one group cross-filter each other (default: cards on the same table). */
  group?: string;
  /**
   * The saved chart this card shows (added from the saved-charts list): saving that chart again updates
   * `spec`; after it is deleted, `spec` is its last version and the card says the original is gone.
   */
  savedId?: string;
}

/** A pivot table on a dashboard: read-only and compact; `savedId` links it to a saved pivot (保存透视表). */
export interface PivotCard {
  id: string;
  kind: 'pivot';
  spec: PivotSpec;
  size: CardSize;
  savedId?: string;
}

export type DashboardCard = ChartCard | PivotCard;

export const isPivotCard = (c: DashboardCard): c is PivotCard => c.kind === 'pivot';

export interface Dashboard {
  version: 1;
  id: string;
  title: string;
  cards: DashboardCard[];
}

export interface SavedChart {
  id: string;
  /** ISO time of the last save. */
  savedAt: string;
  spec: ChartSpec;
}

export interface SavedChartsFile {
  version: 1;
  charts: SavedChart[];
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 100;

function within<T>(where: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw new Error(`${where}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function parseDashboard(json: unknown): Dashboard {
  if (!isObj(json) || json.version !== 1) throw new Error('dashboard: not a version 1 dashboard');
  if (!isId(json.id)) throw new Error('dashboard: id missing');
  if (typeof json.title !== 'string') throw new Error('dashboard: title must be text');
  if (!Array.isArray(json.cards)) throw new Error('dashboard: cards must be a list');
  const ids = new Set<string>();
  const cards = json.cards.map((c, i) =>
    within(`dashboard.cards[${i}]`, () => {
      if (!isObj(c) || !isId(c.id)) throw new Error('id missing');
      if (ids.has(c.id)) throw new Error(`duplicate id ${c.id}`);
      ids.add(c.id);
      const size = CARD_SIZES.includes(c.size as CardSize) ? (c.size as CardSize) : 'medium';
      if (c.savedId !== undefined && !isId(c.savedId)) throw new Error('savedId must be an id');
      const savedId = c.savedId !== undefined ? { savedId: c.savedId as string } : {};
      if (c.kind === 'pivot') return { id: c.id, kind: 'pivot' as const, spec: parsePivotSpec(c.spec), size, ...savedId };
      if (c.kind !== undefined) throw new Error(`unknown card kind ${JSON.stringify(c.kind)}`);
      const group = typeof c.group === 'string' && c.group ? { group: c.group } : {};
      return { id: c.id, spec: parseChartSpec(c.spec), size, ...group, ...savedId };
    }),
  );
  return { version: 1, id: json.id, title: json.title, cards };
}

export function parseSavedCharts(json: unknown): SavedChartsFile {
  if (!isObj(json) || json.version !== 1 || !Array.isArray(json.charts)) throw new Error('saved charts: not a version 1 list');
  const charts = json.charts.map((c, i) =>
    within(`saved charts[${i}]`, () => {
      if (!isObj(c) || !isId(c.id)) throw new Error('id missing');
      return { id: c.id, savedAt: typeof c.savedAt === 'string' ? c.savedAt : '', spec: parseChartSpec(c.spec) };
    }),
  );
  return { version: 1, charts };
}

/**
 * A chart file as `sgw export --spec` reads it: a bare ChartSpec, or one record of the app's saved charts
 * ({ id, savedAt, spec }, what 保存图表 stores and a project embeds). Throws naming the bad field.
 */
export function chartSpecFromFile(json: unknown): ChartSpec {
  const record = isObj(json) && json.version === undefined && isObj(json.spec);
  return parseChartSpec(record ? (json as { spec: unknown }).spec : json);
}

/** Adds or replaces (same id) a saved chart, newest first. */
export function upsertSavedChart(file: SavedChartsFile, chart: SavedChart): SavedChartsFile {
  return { version: 1, charts: [chart, ...file.charts.filter((c) => c.id !== chart.id)] };
}

export function addCard(d: Dashboard, card: DashboardCard): Dashboard {
  return { ...d, cards: [...d.cards, card] };
}

export function removeCard(d: Dashboard, id: string): Dashboard {
  return { ...d, cards: d.cards.filter((c) => c.id !== id) };
}

export function resizeCard(d: Dashboard, id: string, size: CardSize): Dashboard {
  return { ...d, cards: d.cards.map((c) => (c.id === id ? { ...c, size } : c)) };
}

/** Cards of one group cross-filter each other; a pivot card is in its table's group (it follows, never leads). */
export function cardGroup(card: DashboardCard): string {
  return isPivotCard(card) ? card.spec.table : (card.group ?? card.spec.table);
}

/** Moves a card by `delta` places (clamped); also used for drag and drop (delta = target − source). */
export function moveCard(d: Dashboard, id: string, delta: number): Dashboard {
  const from = d.cards.findIndex((c) => c.id === id);
  if (from < 0) return d;
  const to = Math.max(0, Math.min(d.cards.length - 1, from + delta));
  const cards = [...d.cards];
  const [card] = cards.splice(from, 1);
  cards.splice(to, 0, card);
  return { ...d, cards };
}
