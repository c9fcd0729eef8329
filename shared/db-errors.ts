import { toDbError } from './db';
import type { MessageKey, Translate } from './i18n';

export interface DbErrorDescription {
  /** A plain-words headline in the user's language. */
  title: string;
  /** The engine's own message, trimmed of its type prefix, with the position hint it gives. */
  detail: string;
  kind: string;
}

/** Describes any error a query raised so a person can act on it. */
export function describeDbError(e: unknown, t: Translate): DbErrorDescription {
  const err = toDbError(e);
  const detail = err.kind === 'cancelled' ? '' : err.message.replace(/^[A-Za-z ]+Error:\s*/, '').trim();
  return { title: t(`sql.errorTitle.${err.kind}` as MessageKey), detail, kind: err.kind };
}
