// Types for audit-exclusions.mjs (imported by the dataset tests).
import type { Exclusion } from '../audit.mjs';
export const REASONS: Record<string, string>;
export const EXCLUSIONS: Exclusion[];
export const STATEMENT_REASONS: string[];
