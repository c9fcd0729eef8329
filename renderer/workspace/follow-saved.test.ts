import { describe, expect, it } from 'vitest';
import { newChartSpec } from '../../shared/model/chart-spec';
import type { Dashboard } from '../../shared/model/dashboard';
import { SAMPLE_PIVOT } from '../../tests/fixtures/projects/sample-workspace';
import { STORAGE_KEYS } from './documents';
import { followSaved } from './follow-saved';
import { WorkspaceStore } from './store';

function store(initial: Record<string, string>) {
  const map = new Map(Object.entries(initial));
  return new WorkspaceStore({ getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) });
}

describe('cards and slides follow their saved chart or pivot, each kind only its own', () => {
  const chart = { ...newChartSpec('cases', 'province'), title: '图' };
  // A chart and a pivot with the same id must still never swap specs.
  const dashboard: Dashboard = {
    version: 1,
    id: 'own-1',
    title: '我的',
    cards: [
      { id: 'k1', spec: chart, size: 'medium', savedId: 'x' },
      { id: 'k2', kind: 'pivot', spec: SAMPLE_PIVOT, size: 'large', savedId: 'x' },
      { id: 'k3', kind: 'pivot', spec: SAMPLE_PIVOT, size: 'large' },
    ],
  };
  const deck = { version: 1, title: '', slides: [{ id: 's1', kind: 'spec-chart', notes: '', spec: chart, savedId: 'x' }, { id: 's2', kind: 'pivot', notes: '', spec: SAMPLE_PIVOT, savedId: 'x' }] };
  const initial = { [STORAGE_KEYS.dashboards]: JSON.stringify({ version: 1, dashboards: [dashboard] }), [STORAGE_KEYS.deck]: JSON.stringify(deck) };

  it('a saved pivot’s new spec reaches its pivot cards and slides, not the chart ones nor unlinked pivots', () => {
    const s = store(initial);
    const next = { ...SAMPLE_PIVOT, title: '新标题', totals: false };
    followSaved(s, { kind: 'pivot', item: { id: 'x', spec: next } });
    expect(s.get('dashboards')[0].cards.map((c) => c.spec.title)).toEqual(['图', '新标题', SAMPLE_PIVOT.title]);
    expect(s.get('deck').slides.map((sl) => (sl.kind === 'text' || sl.kind === 'case' ? '' : sl.spec.title))).toEqual(['图', '新标题']);
    // Following the same version again writes nothing (no change counted, so no unsaved work appears).
    const before = s.version;
    followSaved(s, { kind: 'pivot', item: { id: 'x', spec: next } });
    expect(s.version).toBe(before);
  });

  it('a saved chart’s new spec reaches its chart card and slide only', () => {
    const s = store(initial);
    followSaved(s, { kind: 'chart', item: { id: 'x', spec: { ...chart, title: '图二' } } });
    expect(s.get('dashboards')[0].cards.map((c) => c.spec.title)).toEqual(['图二', SAMPLE_PIVOT.title, SAMPLE_PIVOT.title]);
    expect(s.get('deck').slides.map((sl) => (sl.kind === 'text' || sl.kind === 'case' ? '' : sl.spec.title))).toEqual(['图二', SAMPLE_PIVOT.title]);
  });
});
