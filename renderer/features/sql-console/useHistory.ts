import { useCallback, useState } from 'react';
import { addToHistory, parseHistory, type HistoryEntry } from '../../../shared/model/history';

const KEY = 'sgw.sqlHistory';

function load(): HistoryEntry[] {
  try {
    return parseHistory(JSON.parse(localStorage.getItem(KEY) ?? '[]'));
  } catch {
    return [];
  }
}

/** Query history kept in the browser profile (per user, survives restarts). */
export function useHistory() {
  const [history, setHistory] = useState<HistoryEntry[]>(load);
  const save = (next: HistoryEntry[]) => {
    localStorage.setItem(KEY, JSON.stringify(next));
    return next;
  };
  const add = useCallback((entry: HistoryEntry) => setHistory((h) => save(addToHistory(h, entry))), []);
  const clear = useCallback(() => setHistory(save([])), []);
  return { history, add, clear };
}
