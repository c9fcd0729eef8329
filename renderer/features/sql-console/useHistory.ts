import { useCallback } from 'react';
import { addToHistory, type HistoryEntry } from '../../../shared/model/history';
import { useDocument } from '../../workspace';

/** Query history, a workspace document (kept in the profile, carried by projects). */
export function useHistory() {
  const [history, setHistory] = useDocument('sqlHistory');
  const add = useCallback((entry: HistoryEntry) => setHistory((h) => addToHistory(h, entry)), [setHistory]);
  const clear = useCallback(() => setHistory([]), [setHistory]);
  return { history, add, clear };
}
