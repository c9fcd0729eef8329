// Loads the real bundled datasets into duckdb-wasm (the app's engine) and checks the views of views.sql.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../electron/cli/node-db';
import type { Db } from '../shared/db';
import { loadBundledDatasets, type LoadedDatasets } from '../shared/datasets/load';

const read = async (p: string) => new Uint8Array(await readFile(path.join(__dirname, p)));

type Row = Record<string, unknown>;

describe('bundled datasets in DuckDB', () => {
  let db: Db;
  let loaded: LoadedDatasets;
  const rows = async (sql: string): Promise<Row[]> => (await db.query(sql)).toArray().map((r) => r.toJSON() as Row);

  beforeAll(async () => {
    db = await openNodeDb();
    loaded = await loadBundledDatasets(db, read);
  });
  afterAll(() => db.close());

  it('loads every table with the declared row counts and creates the views', async () => {
    for (const d of loaded.catalog.datasets) {
      const [r] = await rows(`SELECT count(*)::INTEGER AS n FROM ${d.table}`);
      expect(r.n, d.table).toBeGreaterThan(0);
    }
    expect(loaded.views).toEqual(
      expect.arrayContaining(['sh_registrations_wide', 'sh_composition', 'sh_staff_structure', 'sh_finance', 'cases_by_province', 'cases_by_theme', 'case_figures', 'award_by_year', 'jiangsu_targets', 'all_figures', 'statements_by_kind', 'named_parts', 'statement_timeline']),
    );
    for (const v of loaded.views) expect((await rows(`SELECT count(*)::INTEGER AS n FROM ${v}`))[0].n, v).toBeGreaterThan(0);
  });

  it('reads empty cells as NULL, not as empty strings', async () => {
    const [r] = await rows("SELECT count(*)::INTEGER AS n FROM sh_social_org WHERE category = '' OR note = ''");
    expect(r.n).toBe(0);
    const [k] = await rows("SELECT count(*)::INTEGER AS n FROM cases WHERE district IS NULL");
    expect(k.n).toBeGreaterThan(0);
  });

  it('sh_registrations_wide: stated and computed changes agree', async () => {
    const t = await rows('SELECT * FROM sh_registrations_wide ORDER BY sort_order');
    expect(t.map((r) => r.org_type)).toEqual(['合计', '社会团体', '民办非企业单位', '基金会']);
    expect(t[0]).toMatchObject({ end_2013: 11607, mid_2014: 11924, net_change_stated: 317, net_change_computed: 317, growth_pct_stated: 2.7 });
    for (const r of t) expect(r.growth_pct_computed, String(r.org_type)).toBe(r.growth_pct_stated);
    // The parts add up to the totals in both periods.
    expect((t[1].end_2013 as number) + (t[2].end_2013 as number) + (t[3].end_2013 as number)).toBe(11607);
    expect((t[1].mid_2014 as number) + (t[2].mid_2014 as number) + (t[3].mid_2014 as number)).toBe(11924);
  });

  it('sh_staff_structure: 2007 and 2013 totals with full/part-time split', async () => {
    const t = await rows("SELECT * FROM sh_staff_structure WHERE dimension = 'staff_type'");
    const by = Object.fromEntries(t.map((r) => [r.category as string, r]));
    expect(by['合计']).toMatchObject({ persons_2007_wan: 12.5, persons_2013_wan: 20.03 });
    expect(by['专职']).toMatchObject({ persons_2007_wan: 4.4, share_2007_pct: 35.2, persons_2013_wan: 14.31, share_2013_pct: 71.4 });
    const edu = await rows("SELECT category, share_2002_pct, share_2013_pct FROM sh_staff_structure WHERE dimension = 'education' AND share_2002_pct IS NOT NULL ORDER BY category");
    expect(edu).toEqual([
      { category: '硕士及以上', share_2002_pct: 2, share_2013_pct: 6.7 },
      { category: '高中及以下', share_2002_pct: 43.1, share_2013_pct: 34.2 },
    ]);
  });

  it('sh_finance: levels in 亿元 / 万元 and the stated growth', async () => {
    const t = await rows('SELECT metric, unit, value_2007, value_2013, growth_pct FROM sh_finance');
    expect(t).toEqual([
      { metric: '净资产合计', unit: '亿元', value_2007: null, value_2013: 312.59, growth_pct: 21 },
      { metric: '总收入', unit: '亿元', value_2007: null, value_2013: 314.4, growth_pct: 9.1 },
      { metric: '总支出', unit: '亿元', value_2007: null, value_2013: 272.1, growth_pct: 12.1 },
      { metric: '每家社会组织净资产均值', unit: '万元', value_2007: 186.73, value_2013: 329.04, growth_pct: 76.2 },
    ]);
  });

  it('case views cover every case and the award years', async () => {
    const [total] = await rows('SELECT sum(cases)::INTEGER AS n FROM cases_by_province');
    const [n] = await rows('SELECT count(*)::INTEGER AS n FROM cases');
    expect(total.n).toBe(n.n);
    const awards = await rows('SELECT year, venue, best_cases, excellent_cases FROM award_by_year');
    expect(awards.map((r) => r.year)).toEqual([2012, 2013, 2014, 2015]);
    for (const a of awards) expect(a).toMatchObject({ best_cases: 10, excellent_cases: 20 });
    const targets = await rows("SELECT area, target_pct FROM jiangsu_targets WHERE target_year = 2016 ORDER BY target_pct DESC");
    expect(targets).toEqual([
      { area: '苏南', target_pct: 100 },
      { area: '苏中', target_pct: 85 },
      { area: '苏北', target_pct: 75 },
    ]);
  });

  it('statements: typed columns, kinds, named parts one per row, a time axis', async () => {
    const [t] = await rows("SELECT typeof(value) AS v, typeof(value_low) AS lo, typeof(year) AS y, typeof(figure_id) AS f FROM statements LIMIT 1");
    expect(t).toEqual({ v: 'DOUBLE', lo: 'DOUBLE', y: 'INTEGER', f: 'INTEGER' });
    const [n] = await rows('SELECT count(*)::INTEGER AS n FROM statements');
    const [k] = await rows('SELECT sum(statements)::INTEGER AS n, count(*)::INTEGER AS kinds FROM statements_by_kind');
    expect(k).toEqual({ n: n.n, kinds: 15 });
    const six = await rows("SELECT part_no::INTEGER AS no, part FROM named_parts WHERE indicator = '“六有”标准' ORDER BY part_no");
    expect(six.map((r) => r.part)).toEqual(['有机构管事', '有人员干事', '有场所议事', '有经费做事', '有设施办事', '有制度理事']);
    expect(six.map((r) => r.no)).toEqual([1, 2, 3, 4, 5, 6]);
    const [parts] = await rows("SELECT count(*)::INTEGER AS n FROM named_parts");
    const [names] = await rows("SELECT sum(len(string_split(names, ';')))::INTEGER AS n FROM statements");
    expect(parts.n).toBe(names.n);
    const ranges = await rows("SELECT value_text, value, value_low, value_high FROM statements WHERE kind = 'range' ORDER BY id");
    expect(ranges).toEqual([
      { value_text: '0.5%~15.6%', value: null, value_low: 0.5, value_high: 15.6 },
      { value_text: '1 〜 2', value: null, value_low: 1, value_high: 2 },
      { value_text: '30 〜 300', value: null, value_low: 30, value_high: 300 },
    ]);
    const [frac] = await rows("SELECT value FROM statements WHERE kind = 'fraction' AND value_text = '2/3'");
    expect(Math.abs((frac.value as number) - 2 / 3)).toBeLessThanOrEqual(1e-12);
    const timeline = await rows('SELECT year_from, year_to FROM statement_timeline');
    expect(timeline.length).toBeGreaterThan(40);
    for (const r of timeline) expect(r.year_from as number).toBeLessThanOrEqual(r.year_to as number);
    const years = timeline.map((r) => r.year_from as number);
    expect(years).toEqual([...years].sort((a, b) => a - b));
  });
});
