import { tableFromArrays, type Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { cancelledError, DbError, type Db, type QueryOptions } from '../../shared/db';
import { coordinatorFor, QueryCoordinator } from './coordinator';
import { dataChanges, trackWrites } from './data-changes';

/** A Db whose queries finish only when the test says so. */
function fakeDb() {
  const calls: { sql: string; signal?: AbortSignal; finish(): void; fail(e: unknown): void }[] = [];
  const db = {
    query(sql: string, opts?: QueryOptions) {
      return new Promise<Table>((resolve, reject) => {
        opts?.signal?.addEventListener('abort', () => reject(cancelledError(sql)));
        calls.push({ sql, signal: opts?.signal, finish: () => resolve(tableFromArrays({ sql: [sql] })), fail: reject });
      });
    },
  } as unknown as Db;
  return { db, calls };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('QueryCoordinator', () => {
  it('merges identical queries in flight and serves repeats from the cache', async () => {
    const { db, calls } = fakeDb();
    const c = new QueryCoordinator(db);
    const a = c.query('SELECT 1');
    const b = c.query('SELECT 1');
    expect(calls).toHaveLength(1);
    calls[0].finish();
    const [ta, tb] = await Promise.all([a, b]);
    expect(ta).toBe(tb);
    await expect(c.query('SELECT 1')).resolves.toBe(ta);
    expect(c.sent).toBe(1);
  });

  it('cancels a query in the engine when every waiter has given up', async () => {
    const { db, calls } = fakeDb();
    const c = new QueryCoordinator(db);
    const one = new AbortController();
    const two = new AbortController();
    const p1 = c.query('SELECT slow', { signal: one.signal });
    const p2 = c.query('SELECT slow', { signal: two.signal });
    one.abort();
    await expect(p1).rejects.toMatchObject({ kind: 'cancelled' });
    expect(calls[0].signal?.aborted).toBe(false);
    two.abort();
    await expect(p2).rejects.toBeInstanceOf(DbError);
    expect(calls[0].signal?.aborted).toBe(true);
    // A later request for the same SQL runs afresh.
    const p3 = c.query('SELECT slow');
    await tick();
    expect(calls).toHaveLength(2);
    calls[1].finish();
    await expect(p3).resolves.toBeDefined();
  });

  it('runs at most `concurrency` queries, on-screen (high) ones first, and never starts abandoned ones', async () => {
    const { db, calls } = fakeDb();
    const c = new QueryCoordinator(db, { concurrency: 1 });
    const first = c.query('q1');
    const offscreen = c.query('low', { priority: 'low' });
    const stale = new AbortController();
    const dropped = c.query('stale', { signal: stale.signal });
    const visible = c.query('high');
    stale.abort();
    await expect(dropped).rejects.toMatchObject({ kind: 'cancelled' });
    expect(calls.map((x) => x.sql)).toEqual(['q1']);
    calls[0].finish();
    await first;
    await tick();
    expect(calls.map((x) => x.sql)).toEqual(['q1', 'high']);
    calls[1].finish();
    await visible;
    await tick();
    expect(calls.map((x) => x.sql)).toEqual(['q1', 'high', 'low']);
    calls[2].finish();
    await offscreen;
  });

  it('passes errors on and does not cache them', async () => {
    const { db, calls } = fakeDb();
    const c = new QueryCoordinator(db);
    const p = c.query('bad');
    calls[0].fail(new DbError('syntax', 'Parser Error'));
    await expect(p).rejects.toMatchObject({ kind: 'syntax' });
    void c.query('bad');
    expect(calls).toHaveLength(2);
  });

  it('evicts the least recently used result beyond maxEntries', async () => {
    const { db, calls } = fakeDb();
    const c = new QueryCoordinator(db, { maxEntries: 2 });
    for (const sql of ['a', 'b']) {
      const p = c.query(sql);
      calls.at(-1)!.finish();
      await p;
    }
    await c.query('a'); // a is now the most recent
    const p = c.query('c');
    calls.at(-1)!.finish();
    await p;
    await c.query('a');
    expect(c.sent).toBe(3);
    void c.query('b');
    expect(c.sent).toBe(4);
  });

  it('after a data change forgets its cache and lets no new request join a query that was running', async () => {
    const { db, calls } = fakeDb();
    const c = new QueryCoordinator(db, { concurrency: 4 });
    const cached = c.query('q');
    calls[0].finish();
    await cached;
    const old = c.query('r');
    c.invalidate();
    void c.query('q');
    expect(c.sent).toBe(3);
    const fresh = c.query('r');
    expect(calls.map((x) => x.sql)).toEqual(['q', 'r', 'q', 'r']);
    calls[3].finish();
    const freshTable = await fresh;
    calls[1].finish();
    // The old result went to its own waiter only, and was not cached over the fresh one.
    expect(await old).not.toBe(freshTable);
    await expect(c.query('r')).resolves.toBe(freshTable);
    expect(c.sent).toBe(4);
  });

  it('caches nothing that was running while a write went through the tracked Db', async () => {
    const { db, calls } = fakeDb();
    let finishWrite!: () => void;
    (db as { exec: Db['exec'] }).exec = () => new Promise<void>((r) => (finishWrite = r));
    const app = trackWrites(db);
    const c = coordinatorFor(app);
    const write = app.exec('DELETE FROM t');
    const during = c.query('SELECT v FROM t');
    calls[0].finish();
    await during;
    finishWrite();
    await write;
    void c.query('SELECT v FROM t');
    expect(c.sent).toBe(2);
    // Reads do not count as writes; console scripts that may write do.
    const epoch = dataChanges(app).epoch;
    void app.query('SELECT 1');
    expect(dataChanges(app).epoch).toBe(epoch);
    void app.query('/* x */ insert into t values (1)').catch(() => undefined);
    // The engine is asked first (runScript); the write is marked before it is sent.
    await tick();
    expect(dataChanges(app).epoch).toBeGreaterThan(epoch);
    expect(calls.at(-1)?.sql).toBe('/* x */ insert into t values (1)');
  });
});
