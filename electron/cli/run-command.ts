/**
 * How every `sgw` command that opens the engine ends: one place turns a Failure into its message on stderr
 * and its exit code, and closes the database whatever happened.
 */
import type { Db } from '../../shared/db';
import { describeDbError } from '../../shared/db-errors';
import type { Translate } from '../../shared/i18n';

export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
}

/** A failure with its exit code and the message to print. */
export class Failure extends Error {
  constructor(
    readonly code: 1 | 2,
    message: string,
  ) {
    super(message);
  }
}

/** An engine error in plain words (the headline and the engine's detail), exit code 1. */
export function dbFailure(e: unknown, t: Translate): Failure {
  const d = describeDbError(e, t);
  return new Failure(1, `${d.title}\n${d.detail}`);
}

/**
 * Opens (`open`: checks that need no engine, then the engine), runs `body`, returns the exit code. A failure
 * to open is a usage error (2) unless it is a Failure with its own code; in `body` a Failure gives its code,
 * and `explain` may turn other errors into one (anything left is a bug and is thrown). The database is closed.
 */
export async function runCommand<O extends { db: Db }>(
  io: CommandIo,
  open: () => Promise<O>,
  body: (opened: O) => Promise<void>,
  explain?: (e: unknown) => Failure | undefined,
): Promise<number> {
  let opened: O;
  try {
    opened = await open();
  } catch (e) {
    io.err(`${(e as Error).message}\n`);
    return e instanceof Failure ? e.code : 2;
  }
  try {
    await body(opened);
    return 0;
  } catch (e) {
    const failure = e instanceof Failure ? e : explain?.(e);
    if (!failure) throw e;
    io.err(`${failure.message}\n`);
    return failure.code;
  } finally {
    await opened.db.close();
  }
}
