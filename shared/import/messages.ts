import type { Translate } from '../i18n';
import { ImportError, type ImportMessage } from './types';

export function importMessage(m: ImportMessage, t: Translate): string {
  return t(m.key, m.params);
}

/** A failed import in the user's language: our own errors by key, anything else with its detail. */
export function describeImportError(e: unknown, t: Translate): string {
  if (e instanceof ImportError) return t(e.key, e.params);
  if (typeof e === 'object' && e !== null && 'key' in e && typeof (e as ImportError).key === 'string' && (e as ImportError).key.startsWith('import.')) {
    return t((e as ImportError).key, (e as ImportError).params);
  }
  return t('import.err.other', { detail: e instanceof Error ? e.message : String(e) });
}
