import type { Table } from 'apache-arrow';
import { cancelledError, type Db } from '../../shared/db';
import { dataChanges } from './data-changes';
import { perDb } from './per-db';

export interface CoordinatedQueryOptions {
  signal?: AbortSignal;
  /** 'high' (a chart on screen) jumps ahead of 'low' (off screen) in the queue. */
  priority?: 'high' | 'low';
}

interface Entry {
  sql: string;
  priority: 'high' | 'low';
  waiters: number;
  controller: AbortController;
  started: boolean;
  /** The cache generation it was asked in: a result from before a data change is never cached. */
  generation: number;
  promise: Promise<Table>;
  start(): void;
}

/**
 * Sits between charts and the database: results are cached by SQL text (LRU), identical queries in
 * flight are merged into one, a query nobody waits for any more is cancelled (or never started), and at
 * most `concurrency` queries run at once, visible charts first.
 */
export class QueryCoordinator {
  private readonly cache = new Map<string, Table>();
  private readonly inflight = new Map<string, Entry>();
  private readonly queue: Entry[] = [];
  private running = 0;
  private generation = 0;
  /** Queries actually sent to the database (for tests and diagnostics). */
  sent = 0;

  constructor(
    private readonly db: Db,
    private readonly opts: { maxEntries?: number; concurrency?: number } = {},
  ) {}

  query(sql: string, opts: CoordinatedQueryOptions = {}): Promise<Table> {
    const { signal } = opts;
    if (signal?.aborted) return Promise.reject(cancelledError(sql));
    const hit = this.cache.get(sql);
    if (hit) {
      // Refresh its place in the LRU order.
      this.cache.delete(sql);
      this.cache.set(sql, hit);
      return Promise.resolve(hit);
    }
    let entry = this.inflight.get(sql);
    if (!entry) entry = this.enqueue(sql, opts.priority ?? 'high');
    else if (opts.priority === 'high' && entry.priority === 'low' && !entry.started) {
      entry.priority = 'high';
      this.queue.splice(this.queue.indexOf(entry), 1);
      this.insert(entry);
    }
    return this.wait(entry, signal);
  }

  /**
   * The data changed: forget cached results, and let no later request join a query that is already
   * running (it may read the old data; its own waiters still get it, nobody else).
   */
  invalidate(): void {
    this.generation++;
    this.cache.clear();
    this.inflight.clear();
  }

  private enqueue(sql: string, priority: 'high' | 'low'): Entry {
    const controller = new AbortController();
    let resolve!: (t: Table) => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise<Table>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // Waiters attach their own handlers; this keeps an abandoned entry's rejection from going unhandled.
    promise.catch(() => undefined);
    const entry: Entry = {
      sql,
      priority,
      waiters: 0,
      controller,
      started: false,
      generation: this.generation,
      promise,
      start: () => {
        entry.started = true;
        entry.generation = this.generation;
        this.running++;
        this.sent++;
        this.db
          .query(sql, { signal: controller.signal })
          .then(
            (table) => {
              if (entry.generation === this.generation) this.remember(sql, table);
              resolve(table);
            },
            (e: unknown) => reject(e),
          )
          .finally(() => {
            this.running--;
            if (this.inflight.get(sql) === entry) this.inflight.delete(sql);
            this.pump();
          });
      },
    };
    this.inflight.set(sql, entry);
    this.insert(entry);
    this.pump();
    return entry;
  }

  private insert(entry: Entry): void {
    if (entry.priority === 'high') {
      const firstLow = this.queue.findIndex((e) => e.priority === 'low');
      this.queue.splice(firstLow < 0 ? this.queue.length : firstLow, 0, entry);
    } else this.queue.push(entry);
  }

  private pump(): void {
    const limit = this.opts.concurrency ?? 2;
    while (this.running < limit && this.queue.length > 0) this.queue.shift()!.start();
  }

  private wait(entry: Entry, signal?: AbortSignal): Promise<Table> {
    entry.waiters++;
    return new Promise<Table>((resolve, reject) => {
      let done = false;
      const onAbort = () => {
        if (done) return;
        done = true;
        reject(cancelledError(entry.sql));
        if (--entry.waiters === 0) this.abandon(entry);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      entry.promise.then(
        (t) => {
          if (done) return;
          done = true;
          signal?.removeEventListener('abort', onAbort);
          resolve(t);
        },
        (e: unknown) => {
          if (done) return;
          done = true;
          signal?.removeEventListener('abort', onAbort);
          reject(e);
        },
      );
    });
  }

  /** Nobody wants this result any more: drop it from the queue, or cancel it in the engine. */
  private abandon(entry: Entry): void {
    if (this.inflight.get(entry.sql) === entry) this.inflight.delete(entry.sql);
    if (!entry.started) {
      const i = this.queue.indexOf(entry);
      if (i >= 0) this.queue.splice(i, 1);
    } else entry.controller.abort();
  }

  private remember(sql: string, table: Table): void {
    this.cache.set(sql, table);
    const max = this.opts.maxEntries ?? 200;
    while (this.cache.size > max) this.cache.delete(this.cache.keys().next().value!);
  }
}

/** One coordinator per database, shared by every chart, emptied by every data change (data-changes.ts). */
export const coordinatorFor = perDb((db) => {
  const coordinator = new QueryCoordinator(db);
  dataChanges(db).onInvalidate(() => coordinator.invalidate());
  return coordinator;
});
