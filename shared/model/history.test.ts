import { describe, expect, it } from 'vitest';
import { addToHistory, parseHistory } from './history';

describe('query history', () => {
  it('puts the newest first and moves a repeated query to the top', () => {
    let h = addToHistory([], { sql: 'SELECT 1', at: 1, ok: true });
    h = addToHistory(h, { sql: 'SELECT 2', at: 2, ok: false });
    h = addToHistory(h, { sql: ' SELECT 1 ', at: 3, ok: true, rows: 1 });
    expect(h).toEqual([
      { sql: 'SELECT 1', at: 3, ok: true, rows: 1 },
      { sql: 'SELECT 2', at: 2, ok: false },
    ]);
  });
  it('ignores blank queries and keeps at most the limit', () => {
    expect(addToHistory([], { sql: '   ', at: 1, ok: true })).toEqual([]);
    let h: ReturnType<typeof addToHistory> = [];
    for (let i = 0; i < 5; i++) h = addToHistory(h, { sql: `SELECT ${i}`, at: i, ok: true }, 3);
    expect(h.map((e) => e.sql)).toEqual(['SELECT 4', 'SELECT 3', 'SELECT 2']);
  });
  it('drops malformed stored entries', () => {
    expect(parseHistory('x')).toEqual([]);
    expect(parseHistory([{ sql: 'a', at: 1, ok: true, rows: 'x' }, { sql: 2 }, null])).toEqual([{ sql: 'a', at: 1, ok: true }]);
  });
});
