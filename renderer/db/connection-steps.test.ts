import type { AsyncDuckDB, AsyncDuckDBConnection } from '@duckdb/duckdb-wasm';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openAsyncEngine } from '../../tests/fixtures/async-engine';
import { runCancellable } from './cancellable';
import { arrowQuerySteps, querySteps } from './connection-steps';

// Db.queryArrow as worker-db.ts runs it, on the real asynchronous engine (AsyncDuckDB over its worker),
// cancelled at each moment: while the offline guard runs, while the connection opens, while the engine
// runs the statement, and between two fetched batches.
let engine: AsyncDuckDB;
beforeAll(async () => {
  engine = await openAsyncEngine();
});
afterAll(async () => {
  await engine.terminate();
});

const ROWS = 100_000; // ≈49 batches of 2,048 rows
const MANY = `SELECT i::BIGINT AS i, (i * 0.5)::DOUBLE AS half, '第' || i AS label FROM range(${ROWS}) t(i)`;
const SLOW = 'SELECT sum(a * b) AS s FROM range(1000000000) t(a), range(3) u(b)';

function gate() {
  let open = () => {};
  const opened = new Promise<void>((r) => (open = r));
  return { open, opened };
}

/** The engine with a log of what each query's connection did; `before` runs ahead of each engine call. */
function traced(before: Partial<Record<'startPendingQuery' | 'pollPendingQuery' | 'fetchQueryResults', (n: number) => void | Promise<void>>> = {}) {
  const log: string[] = [];
  const counts = { startPendingQuery: 0, pollPendingQuery: 0, fetchQueryResults: 0, cancelPendingQuery: 0 };
  const outcomes: string[] = [];
  let connected = gate();
  connected.open();
  const methods = ['startPendingQuery', 'pollPendingQuery', 'fetchQueryResults', 'cancelPendingQuery'] as const;
  const saved = methods.map((m) => [m, engine[m]] as const);
  for (const m of methods) {
    const original = engine[m].bind(engine) as (...a: unknown[]) => Promise<unknown>;
    (engine as unknown as Record<string, unknown>)[m] = async (...args: unknown[]) => {
      counts[m]++;
      if (m !== 'cancelPendingQuery') await before[m]?.(counts[m]);
      try {
        return await original(...args);
      } catch (e) {
        outcomes.push(`${m}: ${(e as Error).message}`);
        throw e;
      }
    };
  }
  const db = {
    async connect(): Promise<AsyncDuckDBConnection> {
      log.push('connect');
      await connected.opened;
      const conn = await engine.connect();
      const close = conn.close.bind(conn);
      conn.close = async () => {
        log.push('close');
        await close();
      };
      return conn;
    },
  };
  return {
    db,
    log,
    counts,
    outcomes,
    holdConnect: () => (connected = gate()),
    releaseConnect: () => connected.open(),
    restore: () => saved.forEach(([m, f]) => ((engine as unknown as Record<string, unknown>)[m] = f)),
  };
}

const rowsOf = (pieces: Uint8Array[]) => tableFromIPC(pieces).numRows;
const noPrepare = async () => {};

describe('Db.queryArrow on the asynchronous engine (renderer/db/connection-steps.ts)', () => {
  it('answers the whole result in its pieces and closes the connection', async () => {
    const t = traced();
    const pieces = await runCancellable(MANY, new AbortController().signal, arrowQuerySteps(t.db, MANY, noPrepare));
    const table = tableFromIPC(pieces);
    expect(table.numRows).toBe(ROWS);
    expect(table.getChild('label')?.get(ROWS - 1)).toBe(`第${ROWS - 1}`);
    expect(t.counts.fetchQueryResults).toBeGreaterThan(10);
    await vi.waitFor(() => expect(t.log).toEqual(['connect', 'close']));
    t.restore();
  });

  it('a cancel during the offline guard rejects at once and never opens a connection', async () => {
    const t = traced();
    const ac = new AbortController();
    const g = gate();
    const p = runCancellable(MANY, ac.signal, arrowQuerySteps(t.db, MANY, () => g.opened));
    ac.abort();
    await expect(p).rejects.toMatchObject({ kind: 'cancelled' });
    g.open();
    await new Promise((r) => setTimeout(r, 50));
    expect(t.log).toEqual([]);
    expect(t.counts.startPendingQuery).toBe(0);
    t.restore();
  });

  it('a cancel while the connection opens rejects at once; the query is never sent and the connection closes', async () => {
    const t = traced();
    t.holdConnect();
    const ac = new AbortController();
    const p = runCancellable(MANY, ac.signal, arrowQuerySteps(t.db, MANY, noPrepare));
    await vi.waitFor(() => expect(t.log).toEqual(['connect']));
    ac.abort();
    await expect(p).rejects.toMatchObject({ kind: 'cancelled' });
    t.releaseConnect();
    await vi.waitFor(() => expect(t.log).toEqual(['connect', 'close']));
    expect(t.counts.startPendingQuery).toBe(0);
    t.restore();
  });

  it('a cancel while the engine runs the statement stops the engine, and the engine answers the next query', async () => {
    const ac = new AbortController();
    // The first poll means the statement is still running in the engine: cancel right then.
    const t = traced({ pollPendingQuery: (n) => void (n === 1 && ac.abort()) });
    const p = runCancellable(SLOW, ac.signal, arrowQuerySteps(t.db, SLOW, noPrepare));
    await expect(p).rejects.toMatchObject({ kind: 'cancelled' });
    await vi.waitFor(() => expect(t.log).toEqual(['connect', 'close']));
    expect(t.counts.cancelPendingQuery).toBe(1);
    expect(t.outcomes).toEqual(['pollPendingQuery: query was canceled']);
    expect(t.counts.fetchQueryResults).toBe(0);
    t.restore();
    expect(rowsOf(await runCancellable(MANY, undefined, arrowQuerySteps(engine, MANY, noPrepare)))).toBe(ROWS);
  });

  it('a cancel between two fetched batches fetches nothing more', async () => {
    const ac = new AbortController();
    const t = traced({ fetchQueryResults: (n) => void (n === 3 && ac.abort()) });
    const p = runCancellable(MANY, ac.signal, arrowQuerySteps(t.db, MANY, noPrepare));
    await expect(p).rejects.toMatchObject({ kind: 'cancelled' });
    await vi.waitFor(() => expect(t.log).toEqual(['connect', 'close']));
    expect(t.counts.fetchQueryResults).toBe(3);
    t.restore();
    expect(rowsOf(await runCancellable(MANY, undefined, arrowQuerySteps(engine, MANY, noPrepare)))).toBe(ROWS);
  });

  // (Its answer is an Arrow Table built from the engine's batches: in Node the engine's CommonJS build has
  // an apache-arrow copy of its own, so that is checked in the browser, by the e2e tests.)
  it('Db.query takes the same steps: a cancel while the engine runs stops it', async () => {
    const ac = new AbortController();
    const t = traced({ pollPendingQuery: (n) => void (n === 1 && ac.abort()) });
    await expect(runCancellable(SLOW, ac.signal, querySteps(t.db, SLOW, noPrepare))).rejects.toMatchObject({ kind: 'cancelled' });
    await vi.waitFor(() => expect(t.log).toEqual(['connect', 'close']));
    expect(t.outcomes).toEqual(['pollPendingQuery: query was canceled']);
    t.restore();
  });
});
