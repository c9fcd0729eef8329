export interface Timing {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export function summarize(runs: number[]): Timing {
  const sorted = [...runs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median: round(median), min: round(sorted[0]), max: round(sorted[sorted.length - 1]), runs: runs.map(round) };
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** Runs `fn` `reps` times (after `warmup` unmeasured runs) and returns the wall-clock timings in ms. */
export async function time(fn: () => Promise<unknown>, reps: number, warmup = 1): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const runs: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    await fn();
    runs.push(performance.now() - t0);
  }
  return summarize(runs);
}
