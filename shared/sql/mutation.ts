import type { Table } from 'apache-arrow';
import { DbError, SQL_TOKEN, toDbError, type Db, type QueryOptions } from '../db';

/*
 * Does a console script change data? Cached chart results and rollups must never answer for data they were
 * not computed from, so only a script PROVEN read-only keeps them. Guessing from the text is not a proof
 * (comments, $$…$$, E'…', EXPLAIN ANALYZE, PREPARE/EXECUTE, CTEs with DML): the engine decides.
 *
 * runScript(db, sql) proves it in two steps, both by DuckDB itself:
 * 1. The engine's own lexer (Db.tokenize) splits the script into statements. Every statement must start
 *    with a reading keyword (SELECT, WITH, FROM, VALUES, TABLE, EXPLAIN, DESCRIBE, SHOW, SUMMARIZE, PIVOT…).
 *    This rules out transaction control (a COMMIT could end step 2's transaction) and everything that
 *    changes state outside transactions (ATTACH, SET, USE, PRAGMA, CALL, LOAD, CHECKPOINT…).
 * 2. The script then runs inside `BEGIN TRANSACTION READ ONLY`, where the engine refuses every write to a
 *    database (INSERT/UPDATE/DELETE behind WITH or EXPLAIN ANALYZE, nextval, CREATE … AS …). If it refuses
 *    one, the script is run again normally (nothing ran that wrote) and counts as a change.
 * Anything else — a statement of another kind, a lexer that stopped early, a failed or cancelled normal
 * run — counts as a change.
 */

/** Keywords that start statements which only read (the engine's transaction guards any write behind them). */
const READING_STARTS = new Set(['SELECT', 'WITH', 'VALUES', 'FROM', 'TABLE', 'EXPLAIN', 'DESCRIBE', 'SHOW', 'SUMMARIZE', 'PIVOT', 'UNPIVOT', 'PIVOT_WIDER', 'PIVOT_LONGER', '(']);

/** Opens the read-only transaction on a line of its own, so the engine's LINE n positions shift by exactly one. */
const READ_ONLY_BEGIN = 'BEGIN TRANSACTION READ ONLY;\n';
/** Appended before lexing: the lexer must reach it as two tokens, proving it read the whole script. */
const SENTINEL = '\n;\nsgw_end';

export type ScriptClass =
  /** Every statement starts with a reading keyword (proof completes when it runs read-only). */
  | { kind: 'reads'; statements: number }
  /** Only comments and whitespace. */
  | { kind: 'empty' }
  | { kind: 'may-change'; reason: 'statement' | 'lexer' };

const utf8 = new TextEncoder();

/** JavaScript string index of each UTF-8 byte offset at a character start (the lexer counts bytes). */
export function byteIndex(text: string): Map<number, number> {
  const map = new Map<number, number>();
  let bytes = 0;
  for (let i = 0; i < text.length; ) {
    map.set(bytes, i);
    const cp = text.codePointAt(i)!;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    i += cp >= 0x10000 ? 2 : 1;
  }
  map.set(bytes, text.length);
  return map;
}

/** Classifies a script by the engine's lexer, without running it. */
export async function classifyScript(db: Db, sql: string): Promise<ScriptClass> {
  const text = sql + SENTINEL;
  const { offsets, types } = await db.tokenize(text);
  const index = byteIndex(text);
  const end = utf8.encode(sql).length;
  const n = offsets.length;
  const reachedEnd =
    n >= 2 && offsets[n - 2] === end + 1 && types[n - 2] === SQL_TOKEN.operator && offsets[n - 1] === end + 3 && types[n - 1] === SQL_TOKEN.identifier;
  if (!reachedEnd) return { kind: 'may-change', reason: 'lexer' };
  let statements = 0;
  let atStart = true;
  for (let i = 0; i < n - 2; i++) {
    const at = index.get(offsets[i]);
    if (at === undefined) return { kind: 'may-change', reason: 'lexer' };
    if (types[i] === SQL_TOKEN.operator && text[at] === ';') {
      atStart = true;
      continue;
    }
    if (!atStart) continue;
    atStart = false;
    statements++;
    const word =
      types[i] === SQL_TOKEN.keyword ? /^[A-Za-z_]+/.exec(text.slice(at, at + 20))?.[0].toUpperCase() : types[i] === SQL_TOKEN.operator ? text[at] : undefined;
    if (!word || !READING_STARTS.has(word)) return { kind: 'may-change', reason: 'statement' };
  }
  return statements === 0 ? { kind: 'empty' } : { kind: 'reads', statements };
}

export interface ScriptOptions extends QueryOptions {
  /**
   * Wraps every run that may write (a script not proven read-only, or one the engine refused to run
   * read-only): renderer/db's DataChanges.around, which drops caches and rollups before and after it. It
   * also wraps failed and cancelled runs. A script proven read-only never goes through it.
   */
  aroundWrite?<T>(run: () => Promise<T>): Promise<T>;
  /** Called as soon as the script has been handed to Db.query (after the engine lexed it). */
  onSent?(): void;
}

/**
 * The engine refused a write because the transaction is read-only (or another transaction-state refusal).
 * The browser build reports some errors as JSON ({"exception_type":"TransactionContext",…}), hence no anchor.
 */
const refusedInReadOnly = (e: DbError) => /TransactionContext/i.test(e.message);

/**
 * An engine error message as if the script had run without our first line: `LINE n:` one less, and the
 * JSON form's "position" (a character offset) without our prefix. Newlines may be escaped (\n) in JSON.
 */
export function withoutBeginLine(message: string): string {
  return message
    .replace(/(^|\n|\\n)LINE (\d+):/g, (_, pre: string, n: string) => `${pre}LINE ${Math.max(1, Number(n) - 1)}:`)
    .replace(/"position":"(\d+)"/g, (_, p: string) => `"position":"${Math.max(0, Number(p) - READ_ONLY_BEGIN.length)}"`);
}

/**
 * Runs a script and returns (or throws) what Db.query does; every run that may write goes through
 * `aroundWrite`. Db.query's own connection ends the read-only transaction with the call.
 */
export async function runScript(db: Db, sql: string, opts: ScriptOptions = {}): Promise<Table> {
  const { aroundWrite = (run) => run(), onSent, ...queryOptions } = opts;
  const verdict = await classifyScript(db, sql).catch((): ScriptClass => ({ kind: 'may-change', reason: 'lexer' }));
  const send = (text: string) => {
    const result = db.query(text, queryOptions);
    onSent?.();
    return result;
  };
  if (verdict.kind === 'empty') return send(sql);
  if (verdict.kind === 'reads') {
    try {
      return await send(READ_ONLY_BEGIN + sql);
    } catch (e) {
      const error = toDbError(e, sql);
      if (!refusedInReadOnly(error)) throw error.kind === 'cancelled' ? error : new DbError(error.kind, withoutBeginLine(error.message), sql);
      // It tried to write (and nothing was written): run it for real, as a change.
    }
  }
  return aroundWrite(() => send(sql));
}

/**
 * Words without which no statement can change tables, data, settings or the catalog: INSERT, UPDATE,
 * DELETE, MERGE, CREATE, DROP, ALTER, COPY, TRUNCATE, ATTACH, DETACH, USE, IMPORT, EXPORT, LOAD, INSTALL,
 * PREPARE/EXECUTE, CALL, PRAGMA, SET/RESET, VACUUM, ANALYZE, CHECKPOINT, COMMENT, transactions, nextval.
 */
const CHANGING_WORDS = /(?<![A-Za-z_])(insert|update|delete|merge|upsert|create|drop|alter|copy|truncate|attach|detach|use|import|export|load|install|prepare|execute|deallocate|call|pragma|set|reset|vacuum|analyze|checkpoint|comment|begin|start|commit|rollback|abort|nextval|setval)(?![A-Za-z0-9_])/i;

/**
 * Whether the text of `sql` leaves room for a change, without asking the engine: yes whenever one of the
 * words above appears anywhere — inside strings and comments too, since deciding what is a string would be
 * guessing. No such word means no statement of DuckDB's grammar that changes anything can be in it; a yes
 * is only "maybe" (SELECT 'drop' counts), and runScript lets the engine decide.
 */
export function mayChangeData(sql: string): boolean {
  return CHANGING_WORDS.test(sql);
}
