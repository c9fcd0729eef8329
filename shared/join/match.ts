/**
 * Which region names of one table stand for which of the other: the same text first, then the same key
 * (./region-names.ts), and the user's corrections above both. Pure: the distinct names come from the engine
 * (shared/join/preview.ts), the pairs go back into the view's SQL (shared/sql/join-sql.ts).
 */
import { regionKey } from './region-names';

export type MatchHow = 'exact' | 'normalized' | 'manual';

export interface RegionPair {
  left: string;
  right: string;
  how: MatchHow;
}

/** A user correction: this left name stands for that right name, or (null) for none. */
export interface Correction {
  left: string;
  right: string | null;
}

export interface RegionMatching {
  pairs: RegionPair[];
  /** Left names with no partner; `candidates` are right names sharing its key when there are several (ambiguous). */
  leftUnmatched: { value: string; candidates: string[]; reason: 'none' | 'ambiguous' | 'user' | 'gone' }[];
  /** Right names no left name stands for. */
  rightUnmatched: string[];
}

/**
 * Matches the distinct names of both sides. Each left name gets at most one right name (so no left row is
 * repeated by the matching itself); several left names may share one right name (上海 and 上海市 written
 * both ways on the left). A correction naming a right name that is not there (any more) leaves the left
 * name unmatched, with reason 'gone'.
 */
export function matchRegions(left: readonly string[], right: readonly string[], corrections: readonly Correction[] = []): RegionMatching {
  const rightSet = new Set(right);
  const byKey = new Map<string, string[]>();
  for (const r of right) {
    const k = regionKey(r);
    byKey.set(k, [...(byKey.get(k) ?? []), r]);
  }
  const fixed = new Map(corrections.map((c) => [c.left, c.right]));
  const pairs: RegionPair[] = [];
  const leftUnmatched: RegionMatching['leftUnmatched'] = [];
  for (const l of left) {
    if (fixed.has(l)) {
      const r = fixed.get(l);
      if (r === null || r === undefined) leftUnmatched.push({ value: l, candidates: [], reason: 'user' });
      else if (rightSet.has(r)) pairs.push({ left: l, right: r, how: 'manual' });
      else leftUnmatched.push({ value: l, candidates: [], reason: 'gone' });
      continue;
    }
    if (rightSet.has(l)) {
      pairs.push({ left: l, right: l, how: 'exact' });
      continue;
    }
    const candidates = byKey.get(regionKey(l)) ?? [];
    if (candidates.length === 1) pairs.push({ left: l, right: candidates[0], how: 'normalized' });
    else leftUnmatched.push({ value: l, candidates, reason: candidates.length ? 'ambiguous' : 'none' });
  }
  const used = new Set(pairs.map((p) => p.right));
  return { pairs, leftUnmatched, rightUnmatched: right.filter((r) => !used.has(r)) };
}
