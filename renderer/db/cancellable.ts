import { cancelledError } from '../../shared/db';

export interface CancellableSteps<C, T> {
  /** Checks that need the engine before a connection is taken (the offline guard's lexing). */
  prepare(): Promise<void>;
  connect(): Promise<C>;
  /** Runs on the connection; `stopped()` turns true once the caller has given up. */
  run(conn: C, stopped: () => boolean): Promise<T>;
  /** Asks the engine to stop what runs on the connection (best effort). */
  cancel(conn: C): void;
  close(conn: C): void;
}

/**
 * One query on its own connection that a signal can cancel at any moment: while it is being prepared,
 * while the connection opens, or while the engine runs it. The listener is in place before the first
 * await — a cancel that came during the connect used to be lost, and the query ran to its end.
 * The caller's promise rejects at once on abort; the connection closes when the run has settled.
 */
export function runCancellable<C, T>(sql: string, signal: AbortSignal | undefined, steps: CancellableSteps<C, T>): Promise<T> {
  if (signal?.aborted) return Promise.reject(cancelledError(sql));
  let conn: C | undefined;
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => {
      if (conn !== undefined) steps.cancel(conn);
      reject(cancelledError(sql));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  aborted.catch(() => undefined);
  const stopped = () => signal?.aborted === true;
  const run = (async () => {
    await steps.prepare();
    if (stopped()) throw cancelledError(sql);
    conn = await steps.connect();
    if (stopped()) throw cancelledError(sql);
    return steps.run(conn, stopped);
  })();
  const settled = run.catch(() => undefined).finally(() => conn !== undefined && steps.close(conn));
  void settled;
  return Promise.race([run, aborted]).finally(() => {
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  });
}
