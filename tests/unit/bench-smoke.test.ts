import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBench } from '../../bench/run';
import { renderReport } from '../../bench/report';
import { generateCsv, seededRandom } from '../../bench/generate';

describe('benchmark smoke run (60,000 rows: enough for the rollup to pay) so `npm run bench` never rots', () => {
  it('generates reproducible data', async () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
    const dir = await mkdtemp(path.join(tmpdir(), 'sgw-bench-'));
    expect(path.basename(await generateCsv(dir, 100))).toBe('cube-100.csv');
  });

  it('measures every operation on both engines and writes a report', async () => {
    const results = await runBench({ sizes: [60_000], reps: 1, browser: false, out: '' });
    const [size] = results.sizes;
    expect(size.rows).toBe(60_000);
    for (const op of ['csvImport', 'csvImportPipeline', 'parquetImport', 'groupByRegionYear', 'topN', 'yoyGrowth', 'pivot', 'dashboardRefresh', 'rollupBuild', 'dashboardRefreshRollup', 'chartRender', 'chartFirstRollup', 'pivotRegionYear', 'pivotRegionYearRollup', 'regression5']) {
      expect(size.ours[op]?.runs.length, op).toBeGreaterThan(0);
    }
    for (const op of ['csvImport', 'parquetImport', 'groupByRegionYear', 'dashboardRefresh', 'dashboardRefreshRollup', 'pivotRegionYear', 'pivotRegionYearRollup', 'regression5']) expect(size.native[op]?.median, op).toBeGreaterThanOrEqual(0);
    expect(size.project?.bytes).toBeGreaterThan(0);
    const { markdown, svg } = renderReport(results);
    expect(markdown).toContain('| GROUP BY region × year |');
    expect(markdown).toContain('| Dashboard filter change, 4 charts over the rollup (app path) |');
    expect(markdown).toContain('| Pivot region × year with totals over 1M rows | < 300 ms |');
    expect(svg).toMatch(/^<svg/);
  }, 300_000);
});
