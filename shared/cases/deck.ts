import { LEGACY_STARTER_TITLES, starterChartSpec } from '../charts/starter-chart';
import { translator } from '../i18n';
import type { Lang } from '../model/catalog';
import { parseChartSpec, type ChartSpec } from '../model/chart-spec';
import { parsePivotSpec, type PivotSpec } from '../model/pivot-spec';

/**
 * A presentation deck as stored (the renderer's workspace store; projects) — a stable JSON shape, version 1:
 * { version: 1, title, slides: [{ id, kind: 'case' | 'text' | 'spec-chart' | 'pivot', notes, … }] }.
 * Older decks may hold slides of kind 'chart' (a fixed SQL chart, before ChartSpec was the only chart
 * model): parseDeck migrates them (see migrateLegacyChart), so they are never met past the parser.
 */
export const DECK_VERSION = 1;

interface SlideBase {
  id: string;
  /** Speaker notes, shown in the presenter view and written to the pptx notes page. */
  notes: string;
}
export interface CaseSlide extends SlideBase {
  kind: 'case';
  caseId: string;
  /** Title when added, shown while the case loads and if it disappears from the data. */
  title: string;
}
export interface TextSlide extends SlideBase {
  kind: 'text';
  title: string;
  body: string;
}
/** A chart from the chart builder or a dashboard card: its spec, queried live when shown. */
export interface SpecChartSlide extends SlideBase {
  kind: 'spec-chart';
  spec: ChartSpec;
  /** The saved chart it shows, as on a dashboard card (see DashboardCard.savedId). */
  savedId?: string;
}
/** A pivot table (分析 → 添加到演示), queried live when shown; a native table in the pptx. */
export interface PivotSlide extends SlideBase {
  kind: 'pivot';
  spec: PivotSpec;
  /** The saved pivot it shows (see SavedPivotsFile), followed like a saved chart. */
  savedId?: string;
}
export type Slide = CaseSlide | TextSlide | SpecChartSlide | PivotSlide;

export interface Deck {
  version: typeof DECK_VERSION;
  title: string;
  slides: Slide[];
}

export function emptyDeck(title = ''): Deck {
  return { version: DECK_VERSION, title, slides: [] };
}

export class DeckError extends Error {}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
function text(o: Obj, key: string, where: string, optional = false): string {
  const v = o[key];
  if (v === undefined && optional) return '';
  if (typeof v !== 'string') throw new DeckError(`${where}: "${key}" must be text`);
  return v;
}

/**
 * A legacy 'chart' slide: the starter chart's becomes a live chart slide with the starter ChartSpec; any other
 * becomes a text slide that names the chart and says to add it again (its SQL cannot be drawn any more).
 * Never dropped, never an error: whatever its content, the slide keeps its place, id and notes.
 */
function migrateLegacyChart(v: Obj, base: SlideBase, lang: Lang): Slide {
  const chart = isObj(v.chart) ? v.chart : {};
  const titles = isObj(chart.title) ? chart.title : {};
  const zh = typeof titles.zh === 'string' ? titles.zh : '';
  const en = typeof titles.en === 'string' ? titles.en : '';
  if (LEGACY_STARTER_TITLES.includes(zh) || LEGACY_STARTER_TITLES.includes(en)) return { ...base, kind: 'spec-chart', spec: starterChartSpec(lang) };
  const t = translator(lang);
  const title = (lang === 'en' ? en || zh : zh || en) || t('present.legacyUntitled');
  return { ...base, kind: 'text', title, body: t('present.legacyChart', { title }) };
}

function parseSlide(v: unknown, i: number, lang: Lang): Slide {
  const where = `slide ${i + 1}`;
  if (!isObj(v)) throw new DeckError(`${where}: not an object`);
  const base = { id: text(v, 'id', where), notes: text(v, 'notes', where, true) };
  switch (v.kind) {
    case 'case':
      return { ...base, kind: 'case', caseId: text(v, 'caseId', where), title: text(v, 'title', where, true) };
    case 'text':
      return { ...base, kind: 'text', title: text(v, 'title', where, true), body: text(v, 'body', where, true) };
    case 'chart':
      return migrateLegacyChart(v, base, lang);
    case 'spec-chart':
    case 'pivot':
      try {
        const savedId = v.savedId === undefined ? {} : { savedId: text(v, 'savedId', where) };
        if (v.kind === 'pivot') return { ...base, kind: 'pivot', spec: parsePivotSpec(v.spec), ...savedId };
        return { ...base, kind: 'spec-chart', spec: parseChartSpec(v.spec), ...savedId };
      } catch (e) {
        throw new DeckError(`${where}: ${e instanceof Error ? e.message : String(e)}`);
      }
    default:
      throw new DeckError(`${where}: unknown kind ${JSON.stringify(v.kind)}`);
  }
}

/**
 * Validates untrusted JSON (localStorage, a file) into a Deck; throws DeckError saying what is wrong.
 * `lang` is the language legacy chart slides are migrated in (their titles and notices).
 */
export function parseDeck(json: string, lang: Lang = 'zh-CN'): Deck {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new DeckError('not valid JSON');
  }
  if (!isObj(raw)) throw new DeckError('not an object');
  if (raw.version !== DECK_VERSION) throw new DeckError(`unsupported version ${JSON.stringify(raw.version)}`);
  if (!Array.isArray(raw.slides)) throw new DeckError('"slides" must be a list');
  const slides = raw.slides.map((v, i) => parseSlide(v, i, lang));
  const ids = new Set(slides.map((s) => s.id));
  if (ids.size !== slides.length) throw new DeckError('slide ids must be unique');
  return { version: DECK_VERSION, title: typeof raw.title === 'string' ? raw.title : '', slides };
}

export function serializeDeck(deck: Deck): string {
  return JSON.stringify(deck);
}

/** "s1", "s2" …: the next id not used in the deck. */
export function nextSlideId(deck: Deck): string {
  const used = deck.slides.map((s) => Number(/^s(\d+)$/.exec(s.id)?.[1] ?? 0));
  return `s${Math.max(0, ...used) + 1}`;
}

type NewSlide = Omit<CaseSlide, 'id'> | Omit<TextSlide, 'id'> | Omit<SpecChartSlide, 'id'> | Omit<PivotSlide, 'id'>;

export function addSlide(deck: Deck, slide: NewSlide): Deck {
  return { ...deck, slides: [...deck.slides, { ...slide, id: nextSlideId(deck) } as Slide] };
}

/** Several slides at once (e.g. every card of a dashboard), in order. */
export function addSlides(deck: Deck, slides: NewSlide[]): Deck {
  return slides.reduce(addSlide, deck);
}

export function removeSlide(deck: Deck, id: string): Deck {
  return { ...deck, slides: deck.slides.filter((s) => s.id !== id) };
}

/** Moves the slide at `from` to index `to` (clamped); used by drag and drop and by 上移/下移. */
export function moveSlide(deck: Deck, from: number, to: number): Deck {
  const target = Math.max(0, Math.min(deck.slides.length - 1, to));
  if (from < 0 || from >= deck.slides.length || from === target) return deck;
  const slides = [...deck.slides];
  const [s] = slides.splice(from, 1);
  slides.splice(target, 0, s);
  return { ...deck, slides };
}

export function updateSlide(deck: Deck, id: string, patch: Partial<Pick<TextSlide, 'title' | 'body' | 'notes'>>): Deck {
  return { ...deck, slides: deck.slides.map((s) => (s.id === id ? ({ ...s, ...patch } as Slide) : s)) };
}

export function hasCase(deck: Deck, caseId: string): boolean {
  return deck.slides.some((s) => s.kind === 'case' && s.caseId === caseId);
}
