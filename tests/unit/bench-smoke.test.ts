import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareRollups, runBench } from '../../bench/run';
import { nativeEngine, wasmEngine } from '../../bench/engines';
import { listTables } from '../../shared/db-catalog';
import { buildRollup } from '../../shared/sql/rollup';
import { renderReport } from '../../bench/report';
import { compareQueryAnswers, sameRows } from '../../bench/answers';
import { QUERIES } from '../../bench/queries';
import { encodedCopies, generateCsv, seededRandom } from '../../bench/generate';
import { decodeText } from '../../shared/import/encoding';
import { compareCubeTables } from '../../bench/csv-import';

describe('benchmark smoke run (60,000 rows: enough for the rollup to pay) so `npm run bench` never rots', () => {
  it('generates reproducible data', async () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
    const dir = await mkdtemp(path.join(tmpdir(), 'sgw-bench-'));
    const csv = await generateCsv(dir, 100);
    expect(path.basename(csv)).toBe('cube-100.csv');
    // The same table in GB18030 and UTF-16LE: the same text once decoded (as the importer detects them).
    const copies = await encodedCopies(csv);
    const text = await readFile(csv, 'utf8');
    expect(decodeText(await readFile(copies.gb18030))).toMatchObject({ text, encoding: 'gb18030' });
    expect(decodeText(await readFile(copies.utf16le))).toMatchObject({ text, encoding: 'utf-16le', bom: true });
  });

  it('measures every operation on both engines and writes a report', async () => {
    const results = await runBench({ sizes: [60_000], reps: 1, browser: false, out: '' });
    const [size] = results.sizes;
    expect(size.rows).toBe(60_000);
    for (const op of ['csvImport', 'csvImportPipeline', 'csvImportGb18030', 'csvImportUtf16le', 'parquetImport', 'parquetImportCold', 'parquetImportColdThread', 'parquetRead', 'parquetInsertFloor', 'parquetCopyFloor', 'groupByRegionYear', 'topN', 'yoyGrowth', 'pivot', 'dashboardRefresh', 'rollupBuildCold', 'rollupBuild', 'dashboardRefreshRollup', 'chartRender', 'chartFirst', 'chartRollupReady', 'chartRollup', 'pivotRegionYear', 'pivotRegionYearRollup', 'regression5']) {
      expect(size.ours[op]?.runs.length, op).toBeGreaterThan(0);
    }
    for (const op of ['csvImport', 'parquetImport', 'groupByRegionYear', 'dashboardRefresh', 'rollupBuildCold', 'rollupBuild', 'dashboardRefreshRollup', 'pivotRegionYear', 'pivotRegionYearRollup', 'regression5']) expect(size.native[op]?.median, op).toBeGreaterThanOrEqual(0);
    // Both engines built the same rollup, compared row by row and part by part.
    expect(size.rollupRowsCompared).toBeGreaterThan(0);
    expect(size.project?.bytes).toBeGreaterThan(0);
    // The Parquet and CSV tables, the chart (over the table, rollup = table), the 4 queries and the 4 dashboard
    // cards (over the table, over the rollup, rollup = table).
    expect(size.answersCompared).toBe(2 + 2 + 4 + 3 * 4);
    const { markdown, svg } = renderReport(results);
    expect(markdown).toContain('| GROUP BY region × year |');
    expect(markdown).toMatch(/\| GB18030 import \/ the wasm engine's own read_csv of the UTF-8 file .*\| \d+\.\d\d× \|/);
    expect(markdown).toContain('| Dashboard filter change, 4 charts over the rollup (app path) |');
    expect(markdown).toContain('| Pivot region × year with totals over 1M rows | < 300 ms |');
    expect(svg).toMatch(/^<svg/);
  }, 300_000);

  it('reports the pivot scroll frames measured in the browser as a target row and a line (the e2e test asserts no time)', () => {
    const t = (runs: number[]) => ({ median: runs[1], min: runs[0], max: runs[2], runs });
    const results = {
      date: '2026-12-02T00:00:00.000Z',
      machine: { cpus: 2, cpuModel: 'test', memoryGb: 24, node: 'v22', platform: 'linux' },
      versions: { duckdbWasm: '1', duckdbNative: '1' },
      reps: 3,
      sizes: [],
      pivotScroll: { down: t([16.6, 16.7, 33.3]), downRight: t([16.7, 16.7, 50]), downP95: 66.7, downRightP95: 50.1, maxCells: 336 },
    };
    const { markdown } = renderReport(results);
    expect(markdown).toContain('| Scrolling the 10,000 × 200 pivot (down and right), median frame | < 50 ms | 17 ms | met |');
    expect(markdown).toContain('median frame 16.7 ms (16.6–33.3 over 3 passes of 200 frames), p95 66.7 ms; down and 90 px right together 16.7 ms (16.7–50 over 3 passes of 200 frames), p95 50.1 ms; at most 336 grid cells in the DOM.');
  });

  it('fails when the engines answer differently, beyond 1e-10 relative', () => {
    const a = [{ 地区: '北京市', 合计: 1.5 }, { 地区: '上海市', 合计: 2 }];
    expect(() => sameRows('q', a, [a[1], a[0]])).not.toThrow();
    expect(() => sameRows('q', a, [a[0], { 地区: '上海市', 合计: 2 * (1 + 1e-12) }])).not.toThrow();
    expect(() => sameRows('q', a, [a[0], { 地区: '上海市', 合计: 2 * (1 + 1e-9) }])).toThrow(/q differs between the engines/);
    expect(() => sameRows('q', a, [a[0], { 地区: '上海', 合计: 2 }])).toThrow(/differs/);
    expect(() => sameRows('q', a, [a[0]])).toThrow(/2 rows vs 1/);
  });

  it('compares a growth rate as the ratio it is (the engines add the sums in different orders)', () => {
    const answers = (同比: number) => ({ queries: { ...Object.fromEntries(Object.keys(QUERIES).map((k) => [k, []])), yoyGrowth: [{ 地区: '北京市', 同比 }] }, dashboard: [] });
    // Seen at 10M rows: 1e-10 apart as growth rates, 5e-15 apart as ratios.
    expect(() => compareQueryAnswers(1, answers(4.9305474740357624e-5), answers(4.93054747352506e-5))).not.toThrow();
    expect(() => compareQueryAnswers(1, answers(0.05), answers(0.0500001))).toThrow(/yoyGrowth differs between the engines/);
  });

  it('fails when the two engines built different rollups or hold different tables', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sgw-bench-'));
    const csv = await generateCsv(dir, 60_000);
    const ours = await wasmEngine(async () => undefined);
    const native = await nativeEngine();
    try {
      await ours.loadCsv(csv);
      await native.loadCsv(csv);
      const info = (await listTables(ours.db)).find((t) => t.name === 'cube')!;
      const rollup = (await buildRollup(ours.rollup, info, { minRows: 0 }))!;
      await buildRollup(native.rollup, info, { minRows: 0 });
      expect(await compareRollups(ours, native, rollup)).toBe(rollup.rows);
      await native.rollup.exec(`UPDATE ${rollup.relation} SET "__sgw_rows" = "__sgw_rows" + 1 WHERE "__sgw_d0" = (SELECT min("__sgw_d0") FROM ${rollup.relation})`);
      await expect(compareRollups(ours, native, rollup)).rejects.toThrow(/rollup contents differ between engines/);
      // The imported tables too: one organisation name changed is found.
      await compareCubeTables(ours, native);
      await native.rollup.exec(`UPDATE cube SET 机构名称 = 机构名称 || '·' WHERE rowid = 7`);
      await expect(compareCubeTables(ours, native)).rejects.toThrow(/cube column 机构名称 differs between engines/);
    } finally {
      await native.close();
      await ours.close();
    }
  }, 120_000);
});
