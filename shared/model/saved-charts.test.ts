import { describe, expect, it } from 'vitest';
import { parseDeck, serializeDeck, type Deck } from '../cases/deck';
import { newChartSpec, type ChartSpec } from './chart-spec';
import { parseDashboard, parseSavedCharts, type SavedChartsFile } from './dashboard';
import { copySavedChart, followSavedChart, lostSavedChart, removeSavedChart, renameSavedChart, restoreSavedChart, saveChartSpec } from './saved-charts';

const spec = (title: string, x = 'province'): ChartSpec => ({ ...newChartSpec('cases', x), title });
const empty: SavedChartsFile = { version: 1, charts: [] };
const t1 = new Date('2026-12-01T08:00:00Z');
const t2 = new Date('2026-12-01T09:00:00Z');

describe('saved charts you can manage', () => {
  it('saves a new chart the first time and updates that same chart afterwards; two saves of two charts are two charts', () => {
    const first = saveChartSpec(empty, spec('各省案例'), undefined, t1);
    const second = saveChartSpec(first.file, spec('各主题案例', 'theme'), undefined, t1);
    expect(second.chart.id).not.toBe(first.chart.id);
    expect(second.file.charts.map((c) => c.spec.title)).toEqual(['各主题案例', '各省案例']);
    const updated = saveChartSpec(second.file, { ...spec('各省案例'), kind: 'line' }, first.chart.id, t2);
    expect(updated.chart.id).toBe(first.chart.id);
    expect(updated.file.charts.map((c) => [c.id, c.spec.title, c.spec.kind, c.savedAt])).toEqual([
      [first.chart.id, '各省案例', 'line', t2.toISOString()],
      [second.chart.id, '各主题案例', 'column', t1.toISOString()],
    ]);
    // An id that is gone (deleted meanwhile) saves a new chart rather than nothing.
    const gone = saveChartSpec(empty, spec('x'), 'c-deleted', t1);
    expect(gone.chart.id).not.toBe('c-deleted');
    expect(gone.file.charts).toHaveLength(1);
  });

  it('gives two charts saved in the same millisecond different ids', () => {
    const a = saveChartSpec(empty, spec('甲'), undefined, t1);
    const b = saveChartSpec(a.file, spec('乙'), undefined, t1);
    const c = copySavedChart(b.file, spec('甲'), '甲（副本）', t1);
    expect(new Set([a.chart.id, b.chart.id, c.chart.id]).size).toBe(3);
  });

  it('renames in place, copies under a new title, deletes and puts back where it was', () => {
    let file = saveChartSpec(empty, spec('甲'), undefined, t1).file;
    file = saveChartSpec(file, spec('乙'), undefined, t1).file;
    file = saveChartSpec(file, spec('丙'), undefined, t1).file;
    const [c, b, a] = file.charts;
    const renamed = renameSavedChart(file, b.id, '乙：改名');
    expect(renamed.charts.map((x) => [x.id, x.spec.title, x.savedAt])).toEqual([
      [c.id, '丙', c.savedAt],
      [b.id, '乙：改名', b.savedAt],
      [a.id, '甲', a.savedAt],
    ]);
    const copy = copySavedChart(renamed, b.spec, '乙（副本）', t2);
    expect(copy.file.charts.map((x) => x.spec.title)).toEqual(['乙（副本）', '丙', '乙：改名', '甲']);
    expect(copy.chart.spec).toEqual({ ...b.spec, title: '乙（副本）' });
    const { file: without, removed } = removeSavedChart(renamed, b.id);
    expect(without.charts.map((x) => x.id)).toEqual([c.id, a.id]);
    expect(restoreSavedChart(without, removed!)).toEqual(renamed);
    expect(removeSavedChart(without, 'nope')).toEqual({ file: without });
    expect(parseSavedCharts(JSON.parse(JSON.stringify(copy.file)))).toEqual(copy.file);
  });

  it('moves every card and slide that shows the chart to its new version, and nothing else', () => {
    const v1 = saveChartSpec(empty, spec('甲'), undefined, t1);
    const v2 = saveChartSpec(v1.file, { ...spec('甲'), kind: 'line' }, v1.chart.id, t2);
    const linked = { id: 'k1', size: 'medium' as const, spec: v1.chart.spec, savedId: v1.chart.id };
    const own = { id: 'k2', size: 'medium' as const, spec: spec('自己的') };
    const other = { id: 'k3', size: 'medium' as const, spec: spec('乙'), savedId: 'c-other' };
    const cards = [linked, own, other];
    const followed = followSavedChart(cards, v2.chart);
    expect(followed.map((c) => c.spec.kind)).toEqual(['line', 'column', 'column']);
    expect(followed[1]).toBe(own);
    expect(followed[2]).toBe(other);
    // Nothing refers to it: the very same list (no needless write).
    expect(followSavedChart([own, other], v2.chart)).toEqual([own, other]);
    const same = [own, other];
    expect(followSavedChart(same, v2.chart)).toBe(same);
    // After deletion the card keeps its last spec and is marked lost; a card of its own never is.
    const { file: without } = removeSavedChart(v2.file, v1.chart.id);
    expect(lostSavedChart(followed[0], without)).toBe(true);
    expect(followed[0].spec.kind).toBe('line');
    expect(lostSavedChart(followed[0], v2.file)).toBe(false);
    expect(lostSavedChart(own, without)).toBe(false);
  });

  it('keeps the links through the dashboard and deck parsers, and refuses a bad one', () => {
    const dash = { version: 1 as const, id: 'd', title: '看板', cards: [{ id: 'k1', size: 'large' as const, spec: spec('甲'), savedId: 'c1' }] };
    expect(parseDashboard(JSON.parse(JSON.stringify(dash)))).toEqual(dash);
    expect(() => parseDashboard({ ...dash, cards: [{ ...dash.cards[0], savedId: 7 }] })).toThrow(/cards\[0\].*savedId/);
    const deck: Deck = { version: 1, title: '汇报', slides: [{ id: 's1', kind: 'spec-chart', notes: '', spec: spec('甲'), savedId: 'c1' }] };
    expect(parseDeck(serializeDeck(deck))).toEqual(deck);
    expect(() => parseDeck(JSON.stringify({ ...deck, slides: [{ ...deck.slides[0], savedId: 7 }] }))).toThrow(/savedId/);
  });
});
