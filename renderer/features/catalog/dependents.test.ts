import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../../electron/cli/node-db';
import { emptyDeck } from '../../../shared/cases/deck';
import type { Db } from '../../../shared/db';
import { listTables } from '../../../shared/db-catalog';
import { translator } from '../../../shared/i18n';
import { getProvenance } from '../../../shared/import/commit';
import { dropBrokenJoinViews, dropTableWithViews, makeJoinView } from '../../../shared/join/commit';
import { previewJoin } from '../../../shared/join/preview';
import { newChartSpec, type ChartSpec } from '../../../shared/model/chart-spec';
import type { JoinDef } from '../../../shared/model/join';
import { newPivotSpec } from '../../../shared/model/pivot-spec';
import { affectedTables, dependentsOf, withoutDependents, type DependentDocs } from './dependents';

const spec = (table: string, title: string): ChartSpec => ({ ...newChartSpec(table, '地区'), title });
const join = (name: string, left: string, right: string) => ({ name, left: { table: left, region: '地区' }, right: { table: right, region: '地区' } }) as unknown as JoinDef;

function docs(): DependentDocs {
  return {
    calcFields: { version: 1, fields: [{ name: '每万人', table: '案件', def: { kind: 'expr', expr: '1' } }, { name: '别的', table: '其他', def: { kind: 'expr', expr: '1' } }, { name: '合并字段', table: '合并', def: { kind: 'expr', expr: '2' } }] },
    joins: { version: 1, joins: [join('合并', '案件', '人口'), join('再合并', '合并', '其他'), join('无关', '人口', '其他')] },
    savedCharts: { version: 1, charts: [{ id: 'a', savedAt: '', spec: spec('案件', '案件图') }, { id: 'b', savedAt: '', spec: spec('其他', '其他图') }, { id: 'c', savedAt: '', spec: spec('再合并', '') }] },
    savedPivots: { version: 1, pivots: [{ id: 'p1', savedAt: '', spec: { ...newPivotSpec('案件'), title: '案件透视' } }, { id: 'p2', savedAt: '', spec: { ...newPivotSpec('其他'), title: '其他透视' } }, { id: 'p3', savedAt: '', spec: { ...newPivotSpec('合并'), title: '合并透视' } }] },
    dashboards: [{ version: 1, id: 'd', title: '概览', cards: [{ id: 'k1', spec: spec('案件', '卡片'), size: 'medium' }, { id: 'k2', spec: spec('其他', '留下'), size: 'medium' }] }],
    deck: { ...emptyDeck('演示'), slides: [{ id: 's1', kind: 'spec-chart', spec: spec('合并', '幻灯片') }, { id: 's2', kind: 'text', title: '文字', body: '' }] } as DependentDocs['deck'],
    pivotDraft: { spec: newPivotSpec('案件') },
    chartDraft: { spec: spec('其他', '草稿') },
  };
}

describe('what depends on a table', () => {
  it('follows combined tables (and combined tables over them), case-insensitively as DuckDB names', () => {
    expect(affectedTables('案件', docs().joins)).toEqual(['案件', '合并', '再合并']);
    expect(affectedTables('其他', docs().joins)).toEqual(['其他', '再合并', '无关']);
    const j = { version: 1 as const, joins: [join('V', 'abc', 'x')] };
    expect(affectedTables('ABC', j)).toEqual(['ABC', 'V']);
  });

  it('lists every kind of dependent, and nothing that does not depend on it', () => {
    expect(dependentsOf('案件', docs())).toEqual([
      { kind: 'field', name: '每万人', table: '案件' },
      { kind: 'field', name: '合并字段', table: '合并' },
      { kind: 'join', name: '合并', table: '案件' },
      { kind: 'join', name: '再合并', table: '合并' },
      { kind: 'chart', name: '案件图', table: '案件' },
      { kind: 'chart', name: '', table: '再合并' },
      { kind: 'savedPivot', name: '案件透视', table: '案件' },
      { kind: 'savedPivot', name: '合并透视', table: '合并' },
      { kind: 'card', name: '卡片', table: '案件', where: '概览' },
      { kind: 'slide', name: '幻灯片', table: '合并' },
      { kind: 'pivot', name: '', table: '案件' },
    ]);
    expect(dependentsOf('没有的表', docs())).toEqual([]);
  });

  it('removes them all, or keeps all but the combined tables', () => {
    const all = withoutDependents('案件', docs(), false);
    expect(all.calcFields.fields.map((f) => f.name)).toEqual(['别的']);
    expect(all.joins.joins.map((j) => j.name)).toEqual(['无关']);
    expect(all.savedCharts.charts.map((c) => c.id)).toEqual(['b']);
    expect(all.savedPivots.pivots.map((p) => p.id)).toEqual(['p2']);
    expect(all.dashboards[0].cards.map((c) => c.id)).toEqual(['k2']);
    expect(all.deck.slides.map((s) => s.id)).toEqual(['s2']);
    expect(all.pivotDraft).toBeNull();
    expect(all.chartDraft).toEqual(docs().chartDraft);
    const keep = withoutDependents('案件', docs(), true);
    expect(keep).toEqual({ ...docs(), joins: { version: 1, joins: [docs().joins.joins[2]] } });
    expect(dependentsOf('案件', all)).toEqual([]);
  });
});

describe('deleting a table with its combined views (real engine)', () => {
  let db: Db;
  const t = translator('zh-CN');
  beforeAll(async () => {
    db = await openNodeDb();
    await db.exec(`CREATE TABLE 案件 AS SELECT * FROM (VALUES ('上海', 5), ('广西', 7)) v(地区, 数)`);
    await db.exec(`CREATE TABLE 人口 AS SELECT * FROM (VALUES ('上海市', 2487.09), ('广西壮族自治区', 5013.0)) v(地区, 人口)`);
    const p = await previewJoin(db, { name: '合并', left: { table: '案件', region: '地区' }, right: { table: '人口', region: '地区' }, how: 'left', corrections: [] }, { catalog: null, lang: 'zh-CN', t, taken: ['案件', '人口'] });
    await makeJoinView(db, p.def);
  });
  afterAll(() => db.close());

  it('drops the views first, then the table, and their provenance; the table list still reads', async () => {
    expect(await getProvenance(db, '合并')).not.toBeNull();
    await dropTableWithViews(db, '案件', ['合并']);
    expect((await listTables(db)).map((x) => x.name)).toEqual(['人口']);
    expect(await getProvenance(db, '合并')).toBeNull();
  });

  it('changes nothing when a step fails', async () => {
    await db.exec(`CREATE TABLE 留着 AS SELECT 1 AS x`);
    // A "view" name that is a table: DROP VIEW refuses it, so the whole deletion is rolled back.
    await expect(dropTableWithViews(db, '留着', ['人口'])).rejects.toThrow();
    expect((await listTables(db)).map((x) => x.name).sort()).toEqual(['人口', '留着']);
  });

  it('a table re-imported without a column a combined view needs: the view is dropped so the table list reads again; a sound view stays', async () => {
    await db.exec(`CREATE TABLE 甲 AS SELECT * FROM (VALUES ('上海', 1.5)) v(地区, 值)`);
    await db.exec(`CREATE TABLE 乙 AS SELECT * FROM (VALUES ('上海', 7)) v(地区, 数)`);
    const ask = (name: string, right: string) => previewJoin(db, { name, left: { table: '人口', region: '地区' }, right: { table: right, region: '地区' }, how: 'left', corrections: [] }, { catalog: null, lang: 'zh-CN', t, taken: ['人口', '甲', '乙', '留着'] });
    await makeJoinView(db, (await ask('人口_甲', '甲')).def);
    await makeJoinView(db, (await ask('人口_乙', '乙')).def);
    // Same columns again: nothing breaks, nothing is dropped.
    await db.exec(`CREATE OR REPLACE TABLE 甲 AS SELECT * FROM (VALUES ('广西', 2.5)) v(地区, 值)`);
    await expect(dropBrokenJoinViews(db, ['人口_甲', '人口_乙'])).resolves.toEqual([]);
    // Without 值: the view no longer binds, and the engine's table list fails with it.
    await db.exec(`CREATE OR REPLACE TABLE 甲 AS SELECT * FROM (VALUES ('广西', 'x')) v(地区, 别的)`);
    await expect(listTables(db)).rejects.toThrow();
    await expect(dropBrokenJoinViews(db, ['人口_甲', '人口_乙'])).resolves.toEqual(['人口_甲']);
    expect((await listTables(db)).map((x) => x.name).sort()).toEqual(['乙', '人口', '人口_乙', '甲', '留着'].sort());
    expect(await getProvenance(db, '人口_甲')).toBeNull();
    expect(await getProvenance(db, '人口_乙')).not.toBeNull();
  });
});
