import { useCallback, useState } from 'react';
import { DECK_STORAGE_KEY, emptyDeck, parseDeck, serializeDeck, type Deck } from '../../../shared/cases/deck';

const BROKEN_KEY = `${DECK_STORAGE_KEY}.broken`;

/** The saved deck; an unreadable one is moved aside (never deleted) and a blank deck starts. */
function readDeck(): { deck: Deck; broken?: string } {
  const raw = localStorage.getItem(DECK_STORAGE_KEY);
  if (!raw) return { deck: emptyDeck() };
  try {
    return { deck: parseDeck(raw) };
  } catch (e) {
    localStorage.setItem(BROKEN_KEY, raw);
    localStorage.removeItem(DECK_STORAGE_KEY);
    return { deck: emptyDeck(), broken: e instanceof Error ? e.message : String(e) };
  }
}

export function useDeck() {
  const [state, setState] = useState(readDeck);
  const update = useCallback((change: (d: Deck) => Deck) => {
    setState((s) => {
      const deck = change(s.deck);
      localStorage.setItem(DECK_STORAGE_KEY, serializeDeck(deck));
      return { deck, broken: s.broken };
    });
  }, []);
  return { deck: state.deck, broken: state.broken, update };
}
