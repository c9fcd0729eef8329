import { describe, expect, it } from 'vitest';
import { parseDeck, serializeDeck, type Deck } from '../cases/deck';
import { SAMPLE_PIVOT } from '../../tests/fixtures/projects/sample-workspace';
import { parseDashboard, type Dashboard } from './dashboard';
import { parsePivotSpec, type PivotSpec } from './pivot-spec';
import { followSavedPivot, lostSavedPivot, parseSavedPivots, removeSavedPivot, renameSavedPivot, restoreSavedPivot, savePivotSpec, type SavedPivotsFile } from './saved-pivots';

const empty: SavedPivotsFile = { version: 1, pivots: [] };
const t1 = new Date('2026-12-01T08:00:00Z');
const t2 = new Date('2026-12-01T09:00:00Z');
const spec = (title: string): PivotSpec => ({ ...SAMPLE_PIVOT, title });

describe('the pivot spec parser', () => {
  it('keeps every field of a valid spec as it is (a JSON round trip is the identity)', () => {
    expect(parsePivotSpec(JSON.parse(JSON.stringify(SAMPLE_PIVOT)))).toEqual(SAMPLE_PIVOT);
  });

  it('refuses, naming the field, every spec that could not be run or is aimed at internals', () => {
    const bad: [string, (s: Record<string, unknown>) => void, RegExp][] = [
      ['version', (s) => (s.version = 2), /version/],
      ['reserved table', (s) => (s.table = '__sgw_rollup_x'), /internal/],
      ['agg', (s) => (s.values = [{ column: '值', agg: 'variance' }]), /agg/],
      ['share of a median', (s) => (s.values = [{ column: '值', agg: 'median', show: 'row_share' }]), /shares/],
      ['no values', (s) => (s.values = []), /values/],
      ['row and column', (s) => (s.cols = ['地区']), /both/],
      ['twice', (s) => (s.rows = ['地区', '地区']), /twice/],
      ['sort', (s) => (s.sort = { by: 'value', value: 5, dir: 'asc' }), /sort.value/],
      ['topN', (s) => (s.topN = 0), /topN/],
      ['filter', (s) => (s.filters = [{ column: '地区', op: 'like', values: [] }]), /op|filter/],
      ['title', (s) => (s.title = 3), /title/],
    ];
    for (const [what, mutate, message] of bad) {
      const s = structuredClone(SAMPLE_PIVOT) as unknown as Record<string, unknown>;
      mutate(s);
      expect(() => parsePivotSpec(s), what).toThrow(message);
    }
  });
});

describe('saved pivots', () => {
  it('saves a new pivot the first time and updates it afterwards; ids are distinct within a millisecond', () => {
    const a = savePivotSpec(empty, spec('甲'), undefined, t1);
    const b = savePivotSpec(a.file, spec('乙'), undefined, t1);
    expect(a.pivot.id).not.toBe(b.pivot.id);
    const updated = savePivotSpec(b.file, { ...spec('甲'), totals: false }, a.pivot.id, t2);
    expect(updated.file.pivots.map((p) => [p.id, p.spec.title, p.spec.totals, p.savedAt])).toEqual([
      [a.pivot.id, '甲', false, t2.toISOString()],
      [b.pivot.id, '乙', true, t1.toISOString()],
    ]);
    expect(parseSavedPivots(JSON.parse(JSON.stringify(updated.file)))).toEqual(updated.file);
  });

  it('renames in place, deletes and puts back where it was; refuses damaged lists', () => {
    let file = savePivotSpec(empty, spec('甲'), undefined, t1).file;
    file = savePivotSpec(file, spec('乙'), undefined, t2).file;
    const [first, second] = file.pivots;
    file = renameSavedPivot(file, second.id, '甲改');
    expect(file.pivots.map((p) => p.spec.title)).toEqual(['乙', '甲改']);
    const { file: without, removed } = removeSavedPivot(file, first.id);
    expect(without.pivots.map((p) => p.id)).toEqual([second.id]);
    expect(restoreSavedPivot(without, removed!).pivots.map((p) => p.id)).toEqual([first.id, second.id]);
    expect(() => parseSavedPivots({ version: 1, pivots: [file.pivots[0], file.pivots[0]] })).toThrow(/duplicate/);
    expect(() => parseSavedPivots({ version: 1, pivots: [{ ...file.pivots[0], spec: { ...SAMPLE_PIVOT, values: [] } }] })).toThrow(/saved pivots\[0\]/);
    expect(() => parseSavedPivots({ version: 2, pivots: [] })).toThrow(/version 1/);
  });

  it('cards and slides that show a pivot follow its saves; after deleting it they keep their last version and say so', () => {
    const saved = savePivotSpec(empty, spec('甲'), undefined, t1);
    const dashboard: Dashboard = parseDashboard({
      version: 1,
      id: 'd',
      title: 'd',
      cards: [
        { id: 'k1', kind: 'pivot', spec: spec('甲'), size: 'small', savedId: saved.pivot.id },
        { id: 'k2', kind: 'pivot', spec: spec('别的'), size: 'small' },
      ],
    });
    const next = savePivotSpec(saved.file, spec('甲（新）'), saved.pivot.id, t2);
    const cards = followSavedPivot(dashboard.cards.filter((c) => c.kind === 'pivot'), next.pivot);
    expect(cards.map((c) => c.spec.title)).toEqual(['甲（新）', '别的']);
    expect(followSavedPivot(cards, next.pivot)).toBe(cards);
    expect(lostSavedPivot(cards[0], next.file)).toBe(false);
    expect(lostSavedPivot(cards[0], removeSavedPivot(next.file, saved.pivot.id).file)).toBe(true);
    expect(lostSavedPivot(cards[1], empty)).toBe(false);
  });

  it('parses pivot cards and pivot slides through the pivot parser and refuses unknown kinds', () => {
    const card = { id: 'k', kind: 'pivot', spec: SAMPLE_PIVOT, size: 'large', savedId: 'p1' };
    expect(parseDashboard({ version: 1, id: 'd', title: '', cards: [card] }).cards).toEqual([card]);
    expect(() => parseDashboard({ version: 1, id: 'd', title: '', cards: [{ ...card, spec: { ...SAMPLE_PIVOT, rows: 'x' } }] })).toThrow(/cards\[0\]/);
    expect(() => parseDashboard({ version: 1, id: 'd', title: '', cards: [{ ...card, kind: 'map' }] })).toThrow(/unknown card kind/);
    const deck: Deck = { version: 1, title: '', slides: [{ id: 's1', kind: 'pivot', notes: '', spec: SAMPLE_PIVOT, savedId: 'p1' }] };
    expect(parseDeck(serializeDeck(deck))).toEqual(deck);
    expect(() => parseDeck(JSON.stringify({ ...deck, slides: [{ ...deck.slides[0], spec: { ...SAMPLE_PIVOT, version: 3 } }] }))).toThrow(/slide 1/);
  });
});
