import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBundledDb } from '../../tests/fixtures/bundled-db';
import type { Db } from '../db';
import type { DatasetCatalog } from '../model/catalog';
import { CASES_SQL, caseIndicatorsSql } from '../sql/cases-sql';
import { pickKpis } from './kpi';
import { casesFromTable, indicatorsFromTable, type CaseRecord } from './model';
import { caseSourceLine, SEED_FILE_NAME } from './source';

describe('what a case slide shows', () => {
  let db: Db;
  let catalog: DatasetCatalog;
  let cases: CaseRecord[];
  beforeAll(async () => {
    ({ db, catalog } = await openBundledDb());
    cases = casesFromTable(await db.query(CASES_SQL));
  });
  afterAll(() => db.close());

  it('names every case’s document by its title, never by its file name', () => {
    expect(cases).toHaveLength(82);
    for (const c of cases) {
      expect(c.source).toMatch(SEED_FILE_NAME);
      for (const lang of ['zh-CN', 'en'] as const) {
        const line = caseSourceLine(c.source, catalog, lang);
        expect(line, c.id).not.toMatch(SEED_FILE_NAME);
        expect(line, c.id).toBe(`${lang === 'en' ? 'Source: ' : '来源：'}${catalog.documents![c.source].title[lang === 'en' ? 'en' : 'zh']}`);
      }
    }
    expect(caseSourceLine('003_6abf6539eaf24928.txt', catalog, 'zh-CN')).toBe('来源：《社会治理创新案例名称4篇》（嘉兴“三社互动”、玄武、上海社会组织、海淀等案例汇编）');
    // A document the catalog does not know gets no line rather than its file name.
    expect(caseSourceLine('999_0123456789abcdef.txt', catalog, 'zh-CN')).toBe('');
  });

  it('shows a range (下限/上限 rows of one quote) as one figure', async () => {
    const rows = indicatorsFromTable(await db.query(caseIndicatorsSql('jiaxing-sanshe-hudong')));
    expect(rows.filter((r) => /（(下限|上限)）$/.test(r.indicator)).length).toBeGreaterThanOrEqual(4);
    for (const lang of ['zh-CN', 'en'] as const) {
      const kpis = pickKpis(rows, lang);
      const labels = kpis.map((k) => k.label);
      expect(labels.some((l) => /下限|上限|lowest|highest/.test(l)), lang).toBe(false);
      const byLabel = Object.fromEntries(kpis.map((k) => [k.label, k.value]));
      if (lang === 'zh-CN') {
        expect(byLabel['市委每年实地督察次数']).toBe('1〜2次');
        expect(byLabel['持证社区社工每月职称补贴']).toBe('30〜300元');
      } else {
        expect(byLabel['On-site inspections per year']).toBe('1–2 次');
        expect(byLabel['Monthly certificate allowance']).toBe('30–300 元');
      }
    }
    // One tile per range, and its quote is the sentence both bounds come from.
    const zh = pickKpis(rows, 'zh-CN');
    const inspections = zh.filter((k) => k.label.startsWith('市委每年实地督察次数'));
    expect(inspections).toHaveLength(1);
    expect(inspections[0].indicator.quote).toContain('1 〜 2 次');
  });
});
