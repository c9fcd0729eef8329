import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../electron/cli/node-db';
import type { Db } from '../db';
import { describeTable } from '../db-catalog';
import { translator } from '../i18n';
import { getProvenance, importIntoDb } from '../import/commit';
import { tryField } from '../calc/trial';
import { tableUnits } from '../calc/units';
import { joinCorrections, parseJoins } from '../model/join';
import { dropJoinView, makeJoinView } from './commit';
import { previewJoin, type JoinRequest } from './preview';

let db: Db;
const t = translator('zh-CN');
const csv = (text: string) => new TextEncoder().encode(text);
const ctx = { catalog: null, lang: 'zh-CN' as const, t, taken: ['社会组织', '人口'], now: new Date('2026-01-15T08:00:00Z') };

beforeAll(async () => {
  db = await openNodeDb();
  await importIntoDb(
    db,
    csv(`地区,年份,社会组织数(个),来源
上海,2020,17000,民政
上海,2021,17200,民政
北京,2020,12800,民政
北京,2021,13100,民政
内蒙古,2021,5200,民政
广西,2021,9800,民政
香港,2021,100,民政
吉林,2021,4000,民政
火星,2021,1,民政
,2021,7,民政
`),
    '社会组织.csv',
    { tableNames: ['社会组织'] },
  );
  await importIntoDb(
    db,
    csv(`地区,年份,常住人口(万人),来源
上海市,2020,2487.09,统计局
上海市,2021,2489.43,统计局
北京市,2020,2189.31,统计局
北京市,2021,2188.6,统计局
内蒙古自治区,2021,2400,统计局
内蒙古自治区,2021,2401,统计局
广西壮族自治区,2020,5013,统计局
香港特别行政区,2021,740,统计局
吉林省,2021,2375,统计局
吉林市,2021,362,统计局
澳门特别行政区,2021,68,统计局
`),
    '人口.csv',
    { tableNames: ['人口'] },
  );
});
afterAll(() => db.close());

const request = (over: Partial<JoinRequest> = {}): JoinRequest => ({
  name: '组织与人口',
  left: { table: '社会组织', region: '地区', year: '年份' },
  right: { table: '人口', region: '地区', year: '年份' },
  how: 'left',
  corrections: [],
  ...over,
});

describe('combining two tables by region and year', () => {
  it('previews the matched and unmatched names and keys on both sides, counted exactly', async () => {
    const p = await previewJoin(db, request(), ctx);
    expect(p.matching.pairs.map((x) => `${x.left}→${x.right}`).sort()).toEqual(['上海→上海市', '内蒙古→内蒙古自治区', '北京→北京市', '广西→广西壮族自治区', '香港→香港特别行政区'].sort());
    expect(p.matching.leftUnmatched.map((u) => [u.value, u.reason])).toEqual(expect.arrayContaining([['吉林', 'ambiguous'], ['火星', 'none']]));
    expect(p.matching.leftUnmatched).toHaveLength(2);
    expect([...p.matching.rightUnmatched].sort()).toEqual(['吉林市', '吉林省', '澳门特别行政区'].sort());
    // Keys are place and year: 广西 has 2021 on the left but only 2020 on the right.
    expect(p.left).toMatchObject({ matchedKeys: 6, matchedRows: 6, unmatchedKeys: 4, unmatchedRows: 4 });
    expect(p.left.unmatched.map((k) => `${k.region}|${k.year}`).sort()).toEqual(['null|2021', '吉林|2021', '广西|2021', '火星|2021'].sort());
    expect(p.right).toMatchObject({ matchedKeys: 6, matchedRows: 7, unmatchedKeys: 4, unmatchedRows: 4 });
    expect(p.right.unmatched.map((k) => `${k.region}|${k.year}`).sort()).toEqual(['吉林市|2021', '吉林省|2021', '广西壮族自治区|2020', '澳门特别行政区|2021'].sort());
    // 内蒙古自治区 has two rows in 2021: the left row of 内蒙古 appears twice.
    expect(p.repeated).toEqual([{ region: '内蒙古自治区', year: 2021, rows: 2 }]);
    expect(p.resultRows).toBe(11);
    expect((await previewJoin(db, request({ how: 'inner' }), ctx)).resultRows).toBe(7);
  });

  it('takes the user’s correction (吉林 is the province) and counts again', async () => {
    const p = await previewJoin(db, request({ corrections: [{ left: '吉林', right: '吉林省' }, { left: '火星', right: null }] }), ctx);
    expect(p.matching.pairs).toContainEqual({ left: '吉林', right: '吉林省', how: 'manual' });
    expect(p.left).toMatchObject({ matchedKeys: 7, unmatchedKeys: 3 });
    expect(p.right).toMatchObject({ matchedKeys: 7, unmatchedKeys: 3 });
    expect(p.def.noMatch).toEqual(['火星']);
    expect(joinCorrections(p.def)).toEqual([{ left: '吉林', right: '吉林省' }, { left: '火星', right: null }]);
    expect((await previewJoin(db, request({ how: 'inner', corrections: [{ left: '吉林', right: '吉林省' }] }), ctx)).resultRows).toBe(8);
  });

  it('makes a view with both tables’ columns, provenance and units; a field over it warns about the units it mixes', async () => {
    const p = await previewJoin(db, request({ corrections: [{ left: '吉林', right: '吉林省' }] }), ctx);
    expect(p.def.columns.map((c) => c.name)).toEqual(['地区', '年份', '社会组织数', '来源', '常住人口', '来源（人口）']);
    expect(p.def.units).toEqual({ 社会组织数: '个', 常住人口: '万人' });
    await makeJoinView(db, parseJoins({ version: 1, joins: [p.def] }).joins[0]);
    const view = (await describeTable(db, '组织与人口'))!;
    expect(view).toMatchObject({ kind: 'view', rows: 11 });
    const rows = (await db.query(`SELECT 地区, 年份, 社会组织数, 常住人口, "来源（人口）" AS r FROM 组织与人口 ORDER BY 地区 NULLS LAST, 年份, 常住人口`)).toArray().map((r) => [r['地区'], r['年份'], r['社会组织数'], r['常住人口'], r.r]);
    expect(rows).toEqual([
      ['上海', 2020, 17000, 2487.09, '统计局'],
      ['上海', 2021, 17200, 2489.43, '统计局'],
      ['内蒙古', 2021, 5200, 2400, '统计局'],
      ['内蒙古', 2021, 5200, 2401, '统计局'],
      ['北京', 2020, 12800, 2189.31, '统计局'],
      ['北京', 2021, 13100, 2188.6, '统计局'],
      ['吉林', 2021, 4000, 2375, '统计局'],
      ['广西', 2021, 9800, null, null],
      ['火星', 2021, 1, null, null],
      ['香港', 2021, 100, 740, '统计局'],
      [null, 2021, 7, null, null],
    ]);
    const prov = await getProvenance(db, '组织与人口');
    expect(prov).toMatchObject({ units: { 社会组织数: '个', 常住人口: '万人' }, importedAt: '2026-01-15 08:00:00' });
    expect(prov!.notes).toBe('由“社会组织”（社会组织.csv）与“人口”（人口.csv）按 地区、年份 合并：保留“社会组织”的全部行，右表没有对应的行时其列为空。');
    const units = await tableUnits(db, view, null);
    const trial = await tryField(db, view, [], { name: '每万人社会组织数', table: '组织与人口', def: { kind: 'expr', expr: '"社会组织数" / "常住人口"' } }, units);
    if (!trial.ok) throw new Error(trial.problem.code);
    expect(trial.mixedUnits).toEqual([
      { column: '社会组织数', unit: '个' },
      { column: '常住人口', unit: '万人' },
    ]);
    expect(t('calc.mixedUnits', { columns: trial.mixedUnits!.map((u) => t('calc.unitOf', u as never)).join('、') })).toBe(
      '公式把单位不同的列放在一起计算：社会组织数（个）、常住人口（万人）。请确认计算是否合理，并填写结果的单位。',
    );
    await dropJoinView(db, '组织与人口');
    expect(await describeTable(db, '组织与人口')).toBeNull();
    expect(await getProvenance(db, '组织与人口')).toBeNull();
  });

  it('refuses a taken name, a year on one side and a missing column before reading anything', async () => {
    await expect(previewJoin(db, request({ name: '人口' }), ctx)).rejects.toMatchObject({ problem: { code: 'name-taken' } });
    await expect(previewJoin(db, request({ right: { table: '人口', region: '地区' } }), ctx)).rejects.toMatchObject({ problem: { code: 'year-one-side' } });
    await expect(previewJoin(db, request({ right: { table: '人口', region: '省份', year: '年份' } }), ctx)).rejects.toMatchObject({ problem: { code: 'no-column', column: '省份' } });
    await expect(previewJoin(db, request({ right: { table: '没有', region: '地区', year: '年份' } }), ctx)).rejects.toMatchObject({ problem: { code: 'no-table' } });
  });

  it('joins by region alone when no year is given', async () => {
    const p = await previewJoin(db, request({ left: { table: '社会组织', region: '地区' }, right: { table: '人口', region: '地区' }, how: 'inner' }), ctx);
    // Every matched left row meets every right row of its place: 上海 2×2, 北京 2×2, 内蒙古 1×2, 广西 1×1, 香港 1×1.
    expect(p.resultRows).toBe(4 + 4 + 2 + 1 + 1);
    expect(p.def.columns.map((c) => c.name)).toEqual(['地区', '年份', '社会组织数', '来源', '年份（人口）', '常住人口', '来源（人口）']);
  });

  it('an edited join replaces its view in one step under the same name; a replacement the engine refuses leaves the old one', async () => {
    const first = await previewJoin(db, request({ name: '编辑中' }), ctx);
    await makeJoinView(db, first.def);
    const field = { name: '组织数翻倍', table: '编辑中', def: { kind: 'expr' as const, expr: '"社会组织数" * 2' } };
    // Edited: by region alone, inner, with a correction; its own name is not "taken" while it is edited.
    const edited = await previewJoin(db, request({ name: '编辑中', left: { table: '社会组织', region: '地区' }, right: { table: '人口', region: '地区' }, how: 'inner', corrections: [{ left: '吉林', right: '吉林省' }] }), { ...ctx, taken: [...ctx.taken] });
    expect(edited.left.unmatched.map((k) => k.region)).toEqual(expect.arrayContaining(['火星']));
    await makeJoinView(db, edited.def, true);
    const view = (await describeTable(db, '编辑中'))!;
    expect(view.rows).toBe(edited.resultRows);
    expect(view.columns.map((c) => c.name)).toEqual(edited.def.columns.map((c) => c.name));
    expect((await getProvenance(db, '编辑中'))!.notes).toBe(edited.def.note);
    // A field over the view keeps working (its columns are still there).
    const trial = await tryField(db, view, [], field, {});
    expect(trial.ok).toBe(true);
    // A replacement the engine refuses (its right table is gone) rolls back: the edited view stays as it was.
    await db.exec('CREATE TABLE 临时人口 AS SELECT * FROM 人口');
    const doomed = await previewJoin(db, request({ name: '编辑中', right: { table: '临时人口', region: '地区', year: '年份' } }), { ...ctx, taken: [...ctx.taken] });
    await db.exec('DROP TABLE 临时人口');
    await expect(makeJoinView(db, doomed.def, true)).rejects.toThrow();
    expect((await describeTable(db, '编辑中'))!.rows).toBe(edited.resultRows);
    await dropJoinView(db, '编辑中');
  });
});
