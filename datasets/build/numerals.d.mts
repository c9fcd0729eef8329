// Types for numerals.mjs (imported by the dataset tests).
export const CN_NUMERAL: string;
export const PREFIXES: [string, number][];
export function chineseNumber(s: string): number | null;
export function prefixMultiplier(unit: string): number;
export function approxOf(text: string): 'less_than' | 'nearly' | 'more_than' | 'about' | null;
export function readNumber(text: string): { value: number; unit: string } | null;
export function fiveYearPlan(n: number): [number, number];
export interface ParsedValue {
  value: number | null;
  unit: string;
  low: number | null;
  high: number | null;
  month?: number | null;
  approx: string | null;
}
export function parseValueText(text: string): ParsedValue | null;
