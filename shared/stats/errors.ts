import type { MessageKey, Translate } from '../i18n';

export type StatsErrorCode = 'no-column' | 'not-number' | 'formula' | 'no-rows' | 'all-missing' | 'too-few-rows' | 'constant' | 'collinear' | 'same-column';

/** A statistic that cannot be computed, with what to tell the user (describeStatsError). */
export class StatsError extends Error {
  constructor(
    readonly code: StatsErrorCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'StatsError';
  }
}

const KEYS: Record<StatsErrorCode, MessageKey> = {
  'no-column': 'stats.error.noColumn',
  'not-number': 'stats.error.notNumber',
  formula: 'stats.error.formula',
  'no-rows': 'stats.error.noRows',
  'all-missing': 'stats.error.allMissing',
  'too-few-rows': 'stats.error.tooFewRows',
  constant: 'stats.error.constant',
  collinear: 'stats.error.collinear',
  'same-column': 'stats.error.sameColumn',
};

export function describeStatsError(e: StatsError, t: Translate): string {
  return t(KEYS[e.code], e.params);
}
