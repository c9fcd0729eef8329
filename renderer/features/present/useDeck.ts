import { useCallback } from 'react';
import type { Deck } from '../../../shared/cases/deck';
import { useDocument } from '../../workspace';

/** The presentation deck, a workspace document (an unreadable one is kept aside by the store). */
export function useDeck() {
  const [deck, setDeck] = useDocument('deck');
  const update = useCallback((change: (d: Deck) => Deck) => void setDeck(change), [setDeck]);
  return { deck, update };
}
