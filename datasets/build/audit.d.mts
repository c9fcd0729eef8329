// Types for audit.mjs (imported by the dataset tests).
export interface Expression {
  source: string;
  line: number;
  start: number;
  end: number;
  text: string;
  status: 'bundled' | 'dated' | 'labelled' | 'excluded' | 'missing';
  by: number | string | null;
  exclusion?: Exclusion;
}
export interface Exclusion {
  source: string;
  reason: string;
  detail?: string;
  quote?: string;
  value?: string;
  re?: RegExp;
  lines?: [number, number];
}
export interface StatementRow {
  id: number;
  source: string;
  quote: string;
  value_text: string;
  year: number | null;
  month: number | null;
  period_start: number | null;
  period_end: number | null;
  indicator: string | null;
  category: string | null;
  unit: string | null;
}
export interface AuditResult {
  expressions: Expression[];
  stale: Exclusion[];
}
export interface AuditSummary {
  found: number;
  bundled: number;
  dated: number;
  labelled: number;
  excluded: number;
  missing: number;
  statements: number;
  bySeed: Record<string, Record<string, number>>;
  byReason: Record<string, number>;
}
export function scanExpressions(text: string): { start: number; end: number; text: string }[];
export function statementSpans(statements: StatementRow[], seeds: Record<string, string>): { row: StatementRow; quoteStart: number; quoteEnd: number; start: number; end: number }[];
export function audit(seeds: Record<string, string>, statements: StatementRow[], exclusions: Exclusion[]): AuditResult;
export function summarise(result: AuditResult): AuditSummary;
export function renderReport(summary: AuditSummary, result: AuditResult, exclusions: Exclusion[], legend: { reasons: Record<string, string>; statements: string[] }, seeds: Record<string, string>): string;
