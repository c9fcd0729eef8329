import { isInternalText } from '../db-errors';
import type { Translate } from '../i18n';
import { ImportError, type ImportMessage } from './types';

export function importMessage(m: ImportMessage, t: Translate): string {
  return t(m.key, m.params);
}

/**
 * A reader's own words (hyparquet, SheetJS, JSON.parse) may be kept as a detail; JavaScript's internal
 * text ("Cannot read properties of undefined", RangeError, stack frames) never reaches a person.
 */
function plainParams(params: ImportError['params'], t: Translate): ImportError['params'] {
  if (!params || typeof params.detail !== 'string' || !isInternalText(params.detail)) return params;
  return { ...params, detail: t('import.err.internal') };
}

/** A failed import in the user's language: our own errors by key, anything else in plain words. */
export function describeImportError(e: unknown, t: Translate): string {
  if (e instanceof ImportError) return t(e.key, plainParams(e.params, t));
  if (typeof e === 'object' && e !== null && 'key' in e && typeof (e as ImportError).key === 'string' && (e as ImportError).key.startsWith('import.')) {
    return t((e as ImportError).key, plainParams((e as ImportError).params, t));
  }
  const detail = e instanceof Error ? e.message : String(e);
  if (e instanceof RangeError || e instanceof TypeError || isInternalText(detail)) return t('import.err.internal');
  return t('import.err.other', { detail });
}
