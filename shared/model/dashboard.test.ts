import { describe, expect, it } from 'vitest';
import { newChartSpec } from './chart-spec';
import { addCard, cardGroup, moveCard, parseDashboard, parseSavedCharts, removeCard, resizeCard, upsertSavedChart, type Dashboard } from './dashboard';

const card = (id: string) => ({ id, size: 'medium' as const, spec: { ...newChartSpec('cases', 'province'), title: id } });
const dash: Dashboard = { version: 1, id: 'd', title: '看板', cards: [card('a'), card('b'), card('c')] };

describe('dashboard model', () => {
  it('adds, removes, resizes and moves cards without touching the original', () => {
    expect(addCard(dash, card('d')).cards.map((c) => c.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(removeCard(dash, 'b').cards.map((c) => c.id)).toEqual(['a', 'c']);
    expect(resizeCard(dash, 'a', 'large').cards[0].size).toBe('large');
    expect(moveCard(dash, 'a', 1).cards.map((c) => c.id)).toEqual(['b', 'a', 'c']);
    expect(moveCard(dash, 'c', -5).cards.map((c) => c.id)).toEqual(['c', 'a', 'b']);
    expect(moveCard(dash, 'zz', 1)).toBe(dash);
    expect(dash.cards.map((c) => c.id)).toEqual(['a', 'b', 'c']);
  });

  it('parses dashboards and names the bad card', () => {
    expect(parseDashboard(JSON.parse(JSON.stringify(dash)))).toEqual(dash);
    const bad = { ...dash, cards: [card('a'), { id: 'x', spec: { version: 1 } }] };
    expect(() => parseDashboard(bad)).toThrow(/cards\[1\].*table missing/);
    expect(() => parseDashboard({ ...dash, cards: [card('a'), card('a')] })).toThrow(/duplicate/);
  });

  it('groups cards by table unless told otherwise', () => {
    expect(cardGroup(card('a'))).toBe('cases');
    expect(cardGroup({ ...card('a'), group: 'staff' })).toBe('staff');
  });

  it('keeps saved charts newest first, replacing by id', () => {
    let file = parseSavedCharts({ version: 1, charts: [] });
    file = upsertSavedChart(file, { id: '1', savedAt: 't1', spec: card('a').spec });
    file = upsertSavedChart(file, { id: '2', savedAt: 't2', spec: card('b').spec });
    file = upsertSavedChart(file, { id: '1', savedAt: 't3', spec: card('c').spec });
    expect(file.charts.map((c) => [c.id, c.spec.title])).toEqual([
      ['1', 'c'],
      ['2', 'b'],
    ]);
    expect(parseSavedCharts(JSON.parse(JSON.stringify(file)))).toEqual(file);
    expect(() => parseSavedCharts({ version: 1, charts: [{ id: 'z', spec: {} }] })).toThrow(/saved charts\[0\]/);
  });
});
