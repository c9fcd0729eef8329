import type { Db } from '../../shared/db';
import type { FileBlob } from '../../shared/import/byte-source';

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
    db: inTurnDb(db, inTurn),
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

/** `db` with every call that reaches the engine started by `turn` (the lexer needs no turn; close neither). */
export function inTurnDb(db: Db, turn: <T>(start: () => Promise<T>) => Promise<T>): Db {
  return {
    query: (sql, opts) => turn(() => db.query(sql, opts)),
    queryArrow: (sql, opts) => turn(() => db.queryArrow(sql, opts)),
    exec: (sql) => turn(() => db.exec(sql)),
    insertArrow: (name, ipc, append) => turn(() => db.insertArrow(name, ipc, append)),
    registerFile: (name, bytes) => turn(() => db.registerFile(name, bytes)),
    ...(db.registerSlice ? { registerSlice: (name: string, file: FileBlob, from: number, to: number) => turn(() => db.registerSlice!(name, file, from, to)) } : {}),
    dropFile: (name) => turn(() => db.dropFile(name)),
    tokenize: (sql) => db.tokenize(sql),
    close: () => db.close(),
  };
}
