import { toDbError } from './db';
import type { MessageKey, Translate } from './i18n';

export interface DbErrorDescription {
  /** A plain-words headline in the user's language. */
  title: string;
  /** The engine's own message, trimmed of its type prefix, with the position hint it gives. */
  detail: string;
  kind: string;
}

const OFFLINE_FUNCTIONS: Record<string, MessageKey> = {
  json: 'sql.offline.json',
  parquet: 'sql.offline.parquet',
  icu: 'sql.offline.icu',
  excel: 'sql.offline.excel',
  httpfs: 'sql.offline.httpfs',
};

/**
 * Text no person should read: JavaScript's own errors (TypeError, "Cannot read properties of undefined",
 * "Maximum call stack size exceeded"), stack frames and raw JSON. The engine's messages start with
 * "<Kind> Error:" and are shown in words.
 */
export function isInternalText(message: string): boolean {
  return (
    /\b(TypeError|RangeError|ReferenceError|SyntaxError|InternalError)\b|\bundefined\b|\bnull is not\b|Cannot read propert|is not a function|Maximum call stack|Invalid array length|out of bounds|\bat \S+ \(|^\s*[{[]/.test(message)
  );
}

/** The engine's advice ("Please try installing… SET autoload_known_extensions=1") cannot be followed offline. */
function extensionName(message: string): string | undefined {
  return /exists in the (\w+) extension/i.exec(message)?.[1] ?? /not available offline: ([\w.-]+)/i.exec(message)?.[1] ?? /required extension '(\w+)'/i.exec(message)?.[1];
}

/** Describes any error a query raised so a person can act on it. */
export function describeDbError(e: unknown, t: Translate): DbErrorDescription {
  const err = toDbError(e);
  const title = t(`sql.errorTitle.${err.kind}` as MessageKey);
  if (err.kind === 'cancelled') return { title, detail: '', kind: err.kind };
  if (err.kind === 'offline') {
    const extension = extensionName(err.message) ?? '';
    const known = OFFLINE_FUNCTIONS[extension.toLowerCase()];
    const functions = known ? t(known) : t('sql.offline.other', { extension });
    return { title, detail: t('sql.offline.detail', { extension, functions }), kind: err.kind };
  }
  const engineText = /^[A-Za-z ]+Error:\s*/.test(err.message);
  const detail = err.message.replace(/^[A-Za-z ]+Error:\s*/, '').trim();
  if (!engineText && isInternalText(err.message)) return { title, detail: t('sql.internalDetail'), kind: err.kind };
  return { title, detail, kind: err.kind };
}
