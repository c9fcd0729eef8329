import type { ChartSpec } from '../../shared/model/chart-spec';
import type { PivotSpec } from '../../shared/model/pivot-spec';
import { followItem } from '../../shared/model/saved-list';
import type { WorkspaceStore } from './store';

type Loose = { id: string; spec: unknown; savedId?: string };
type Followed = { kind: 'chart'; item: { id: string; spec: ChartSpec } } | { kind: 'pivot'; item: { id: string; spec: PivotSpec } };

/**
 * Dashboard cards and deck slides that show a saved chart or pivot (by `savedId`) take its new version.
 * Cards and slides of the other kind are never touched (a chart and a pivot may share no id, but a card of
 * one kind must never take the other's spec). Unchanged documents are not written again.
 */
export function followSaved(store: WorkspaceStore, { kind, item }: Followed): void {
  const cardIs = (c: { kind?: string }) => (kind === 'pivot' ? c.kind === 'pivot' : c.kind === undefined);
  const slideIs = (s: { kind: string }) => s.kind === (kind === 'pivot' ? 'pivot' : 'spec-chart');
  // Both kinds follow the same way; the kind test above keeps each spec with its own kind.
  const follow = <T>(mine: T[]): T[] => followItem(mine as unknown as Loose[], item as Loose) as unknown as T[];
  const merge = <T extends { id: string }>(all: T[], mine: T[], followed: T[]): T[] => {
    if (followed === mine) return all;
    const byId = new Map(followed.map((x) => [x.id, x]));
    return all.map((x) => byId.get(x.id) ?? x);
  };
  store.update('dashboards', (list) => {
    const next = list.map((d) => {
      const mine = d.cards.filter(cardIs);
      const cards = merge(d.cards, mine, follow(mine));
      return cards === d.cards ? d : { ...d, cards };
    });
    return next.some((d, i) => d !== list[i]) ? next : list;
  });
  store.update('deck', (deck) => {
    const mine = deck.slides.filter(slideIs);
    const slides = merge(deck.slides, mine, follow(mine));
    return slides === deck.slides ? deck : { ...deck, slides };
  });
}
