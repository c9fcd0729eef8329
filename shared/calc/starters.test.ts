import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../electron/cli/node-db';
import type { Db } from '../db';
import { describeTable, type TableInfo } from '../db-catalog';
import { translator } from '../i18n';
import { columnRef } from '../sql/calc-sql';
import { insertTemplate, nextSlot, slotNames, STARTERS, starterTemplate, type StarterId } from './starters';
import { tryField } from './trial';

let db: Db;
let table: TableInfo;
beforeAll(async () => {
  db = await openNodeDb();
  await db.exec(`CREATE TABLE 样本 AS SELECT * FROM (VALUES
    ('上海', '浦东', 30::BIGINT, 200000.0, 1.25::DECIMAL(18,2), DATE '2021-03-04'),
    ('广西', NULL, 9::BIGINT, 0.0, 150.5::DECIMAL(18,2), DATE '2019-12-31'),
    ('火星', '乙', NULL, 1000.0, NULL, NULL)
  ) t(地区, 区县, 案件数, 常住人口, 金额, 日期)`);
  table = (await describeTable(db, '样本'))!;
});
afterAll(() => db.close());

/** The template with its placeholders replaced by real columns, as a user would. */
function filled(id: StarterId, lang: 'zh-CN' | 'en', columns: string[]): string {
  const tpl = starterTemplate(id, translator(lang));
  let text = tpl.text;
  // Replace from the end so earlier positions stay valid.
  [...tpl.slots].reverse().forEach(([s, e], i) => (text = text.slice(0, s) + columnRef(columns[columns.length - 1 - i]) + text.slice(e)));
  return text;
}

async function values(expr: string) {
  const trial = await tryField(db, table, [], { name: '结果', table: '样本', def: { kind: 'expr', expr } }, {});
  if (!trial.ok) throw new Error(`${expr}: ${trial.problem.code}`);
  return trial.preview.rows.map((r) => r[r.length - 1]);
}

describe('formula starters', () => {
  it('names their placeholders in the UI language, each a quoted name, and knows where they are', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const id of STARTERS) {
        const tpl = starterTemplate(id, translator(lang));
        expect(tpl.slots.length, id).toBeGreaterThan(0);
        for (const [s, e] of tpl.slots) expect(tpl.text.slice(s, e), `${lang} ${id}`).toMatch(/^"[^"]+"$/);
      }
    }
    expect(starterTemplate('ratio', translator('zh-CN')).text).toBe('"分子列" / nullif("分母列", 0)');
    expect(starterTemplate('ratio', translator('en')).text).toBe('"numerator" / nullif("denominator", 0)');
  });

  it('each, with its placeholders replaced by columns, passes the engine check and computes what it says', async () => {
    const expected: Record<StarterId, [string[], unknown[]]> = {
      ratio: [['案件数', '常住人口'], [30 / 200000, null, null]],
      // Row 2 (population 0) is left out: the 每万人 formula (perTenThousandExpr, shared with its helper) divides as it is.
      perTenK: [['案件数', '常住人口'], [(30 / 200000) * 10000, null]],
      round: [['常住人口'], [200000, 0, 1000]],
      case: [['金额'], ['低', '高', '低']],
      concat: [['地区', '区县'], ['上海·浦东', '广西', '火星·乙']],
      year: [['日期'], [2021, 2019, null]],
    };
    for (const id of STARTERS) {
      const [cols, want] = expected[id];
      const got = (await values(filled(id, 'zh-CN', cols))).filter((_, i) => id !== 'perTenK' || i !== 1);
      expect(got.map((v) => (typeof v === 'bigint' ? Number(v) : v)), id).toEqual(want);
    }
    // ROUND keeps 2 decimals of a DECIMAL.
    await expect(values(filled('round', 'zh-CN', ['金额']))).resolves.toEqual([1.25, 150.5, null]);
    // The English starter gives English words for its labels.
    await expect(values(filled('case', 'en', ['金额']))).resolves.toEqual(['low', 'high', 'low']);
  });

  it('a placeholder left in place is a missing column, said as such by the check', async () => {
    const trial = await tryField(db, table, [], { name: '结果', table: '样本', def: { kind: 'expr', expr: starterTemplate('ratio', translator('zh-CN')).text } }, {});
    expect(trial.ok).toBe(false);
    if (!trial.ok) expect(trial.problem).toMatchObject({ code: 'no-column', params: { column: '分子列' } });
  });

  it('goes in at the caret (or over the selection) with its first placeholder selected; Tab finds the next', () => {
    const t = translator('zh-CN');
    const tpl = starterTemplate('ratio', t);
    const at = insertTemplate('1 + ', 4, 4, tpl);
    expect(at.text).toBe('1 + "分子列" / nullif("分母列", 0)');
    expect(at.text.slice(...at.select)).toBe('"分子列"');
    const over = insertTemplate('a XX b', 2, 4, starterTemplate('year', t));
    expect(over.text).toBe('a year("日期列") b');
    expect(over.text.slice(...over.select)).toBe('"日期列"');
    const next = nextSlot(at.text, at.select[1], slotNames(t))!;
    expect(at.text.slice(...next)).toBe('"分母列"');
    expect(nextSlot('"案件数" / 2', 0, slotNames(t))).toBeNull();
  });
});
