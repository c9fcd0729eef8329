import type { Table } from 'apache-arrow';
import type { Db, QueryOptions } from '../../shared/db';
import { listTables, type TableInfo } from '../../shared/db-catalog';
import { mayChangeData, runScript } from '../../shared/sql/mutation';
import { inTurnDb } from './hold';

/**
 * Whether the text of a statement sent with Db.query (the SQL console's scripts) leaves room for a write.
 * When it does, the engine decides (runScript in trackWrites): only a proven read-only run skips DataChanges.
 */
export function queryMayWrite(sql: string): boolean {
  return mayChangeData(sql);
}

type Listener = () => void;

/**
 * "The data changed", owned in one place per database. Every write bumps `epoch` when it starts and
 * again when it ends (so anything read while it ran counts as old), and at each bump the caches and
 * rollups registered with onInvalidate are dropped at once. Subscribers (the app's table list, screens
 * that hold query results) hear once, after a run of writes has finished.
 */
export class DataChanges {
  epoch = 0;
  private writing = 0;
  private scheduled = false;
  private readonly invalidators = new Set<Listener>();
  private readonly listeners = new Set<Listener>();
  /** The epoch each table-list entry was read at (see listTablesLive). */
  private readonly listed = new WeakMap<TableInfo, number>();

  stamp(tables: readonly TableInfo[], epoch: number): void {
    for (const t of tables) this.listed.set(t, epoch);
  }

  /**
   * Whether `info` describes the data as it is now: false for an entry of a table list read before the
   * latest write (the refreshed list is on its way). Entries not from listTablesLive count as current.
   */
  isCurrent(info: TableInfo): boolean {
    const at = this.listed.get(info);
    return at === undefined || at === this.epoch;
  }

  /** Runs synchronously at every bump: for caches that must never answer for older data. */
  onInvalidate(drop: Listener): () => void {
    this.invalidators.add(drop);
    return () => this.invalidators.delete(drop);
  }

  /** Told once after writes have finished (not in the middle of a project open or an import). */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Something changed the data all at once (a committed project open): drop and tell, as after a write. */
  changed(): void {
    this.bump();
    this.schedule();
  }

  async around<T>(write: () => Promise<T>): Promise<T> {
    this.bump();
    this.writing++;
    try {
      return await write();
    } finally {
      this.writing--;
      this.bump();
      this.schedule();
    }
  }

  private bump(): void {
    this.epoch++;
    this.invalidators.forEach((drop) => drop());
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => {
      this.scheduled = false;
      // A write still running reschedules when it ends.
      if (this.writing === 0) this.listeners.forEach((l) => l());
    }, 0);
  }
}

const tracked = new WeakMap<Db, { raw: Db; changes: DataChanges }>();

/**
 * The app's Db: the same engine, but exec, insertArrow and every query that may write go through
 * DataChanges. Project open, import commit and console scripts all write through it, so no caller has
 * to tell the caches that the data changed.
 */
export function trackWrites(raw: Db): Db {
  const changes = new DataChanges();
  // The engine takes work in the order it is handed over. A script the engine must lex first (runScript)
  // is handed over one round trip later, so whatever comes after it waits until it has been: a save
  // right after a DROP must see the table gone.
  let lexing: Promise<void> | null = null;
  const inTurn = <T>(start: () => Promise<T>): Promise<T> => (lexing ? lexing.then(start) : start());
  const script = (sql: string, opts?: QueryOptions): Promise<Table> => {
    const before = lexing;
    let sent!: () => void;
    const handedOver = new Promise<void>((r) => (sent = r));
    const turn = before ? before.then(() => handedOver) : handedOver;
    lexing = turn;
    void turn.then(() => lexing === turn && (lexing = null));
    const run = () => runScript(raw, sql, { ...opts, aroundWrite: (write) => changes.around(write), onSent: () => sent() }).finally(() => sent());
    return before ? before.then(run) : run();
  };
  // The same engine in the same order, without DataChanges: for the app's own bookkeeping (rawDb).
  const ordered = inTurnDb(raw, inTurn);
  const db: Db = {
    ...ordered,
    query: (sql, opts) => (queryMayWrite(sql) ? script(sql, opts) : ordered.query(sql, opts)),
    // Meant for reading (project save); should it ever be handed a write, the caches still hear of it.
    queryArrow: (sql, opts) => (queryMayWrite(sql) ? inTurn(() => changes.around(() => raw.queryArrow(sql, opts))) : ordered.queryArrow(sql, opts)),
    exec: (sql) => inTurn(() => changes.around(() => raw.exec(sql))),
    insertArrow: (name, ipc, append) => inTurn(() => changes.around(() => raw.insertArrow(name, ipc, append))),
  };
  tracked.set(db, { raw: ordered, changes });
  return db;
}

/** The table list, each entry stamped with the epoch it was read at, so a list a write overtook is known stale. */
export async function listTablesLive(db: Db, bundled?: TableInfo[]): Promise<TableInfo[]> {
  const changes = dataChanges(db);
  const epoch = changes.epoch;
  // Nothing written since the engine loaded the bundled datasets: their known list is the list.
  const tables = bundled && epoch === 0 ? bundled : await listTables(db);
  changes.stamp(tables, epoch);
  return tables;
}

const untracked = new WeakMap<Db, DataChanges>();

/** The data changes of a Db made by trackWrites (a Db that was not has its own, which never changes). */
export function dataChanges(db: Db): DataChanges {
  const t = tracked.get(db);
  if (t) return t.changes;
  let c = untracked.get(db);
  if (!c) untracked.set(db, (c = new DataChanges()));
  return c;
}

/**
 * The engine underneath, without DataChanges: for the app's own bookkeeping (rollup tables, project
 * snapshots), which changes no user data. It keeps the order of the tracked Db (see trackWrites).
 */
export function rawDb(db: Db): Db {
  return tracked.get(db)?.raw ?? db;
}
