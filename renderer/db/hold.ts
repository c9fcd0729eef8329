import type { Db } from '../../shared/db';

/**
 * A Db whose calls wait while `hold(work)` is in force: start-up hands the app its engine once the first
 * chart's tables are in (shared/datasets/load.ts) and holds every later call until the other bundled
 * tables are loaded too, so nothing the app asks meanwhile (the console, another table) finds one missing
 * and nothing queues ahead of the starter query, which is handed over before the hold begins.
 */
export function holdable(db: Db): { db: Db; hold(work: Promise<unknown>): void } {
  let held: Promise<unknown> | null = null;
  const inTurn = <T>(call: () => Promise<T>): Promise<T> => (held ? held.then(call, call) : call());
  return {
    db: {
      query: (sql, opts) => inTurn(() => db.query(sql, opts)),
      queryArrow: (sql, opts) => inTurn(() => db.queryArrow(sql, opts)),
      exec: (sql) => inTurn(() => db.exec(sql)),
      insertArrow: (name, ipc) => inTurn(() => db.insertArrow(name, ipc)),
      registerFile: (name, bytes) => inTurn(() => db.registerFile(name, bytes)),
      dropFile: (name) => inTurn(() => db.dropFile(name)),
      tokenize: (sql) => db.tokenize(sql),
      close: () => inTurn(() => db.close()),
    },
    hold(work) {
      const mine = work.then(
        () => undefined,
        () => undefined,
      );
      held = mine;
      void mine.then(() => held === mine && (held = null));
    },
  };
}
