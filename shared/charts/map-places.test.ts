import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../electron/cli/node-db';
import type { Db } from '../db';
import { describeTable } from '../db-catalog';
import { newChartSpec, type ChartSpec } from '../model/chart-spec';
import { buildChartOption } from './chart-option';
import { sourceAndNotes } from './chart-data';
import { runChart, type ChartRun } from './run-chart';

let db: Db;
const info = async (name: string) => (await describeTable(db, name))!;
const ready = (run: ChartRun) => {
  if (run.status !== 'ready') throw new Error(`expected a ready run, got ${run.status}`);
  return run;
};
type Tile = { name: string; value: number[] };

beforeAll(async () => {
  db = await openNodeDb();
  // Districts of 北京 beside whole provinces, two years of 上海, and a growth rate that cannot be summed.
  await db.exec(`CREATE TABLE places AS SELECT * FROM (VALUES
      ('北京市海淀区', 2014, 30.5, 2.0), ('北京市朝阳区', 2014, 20.25, 4.0), ('上海市', 2014, 70.0, 1.5),
      ('上海市', 2013, 60.0, 1.0), ('浙江省温州市', 2013, 5.0, 3.0)
    ) t(地区, 年份, 数量, 增长率)`);
});
afterAll(() => db.close());

const map = (over: Partial<ChartSpec>): ChartSpec => ({ ...newChartSpec('places', '地区'), kind: 'map', ...over });
const tilesOf = (o: ReturnType<typeof buildChartOption>, i = 0) => (o.series as { data: Tile[] }[])[i].data;

describe('the province map says what it does', () => {
  it('sums rows below province level into their province, with a note of how many, in the source line', async () => {
    const spec = map({ measures: [{ column: '数量', agg: 'sum', transform: 'none' }], filters: [{ column: '年份', op: 'in', values: [2014] }] });
    const run = ready(await runChart(db, spec, { table: await info('places'), catalog: null, lang: 'zh-CN' }));
    expect(run.data.categories).toEqual(['上海市', '北京市']);
    expect(run.data.series[0].values).toEqual([70, 50.75]);
    expect(run.data.notes).toEqual(['2 行省以下数据已按所属省份加总（北京市海淀区、北京市朝阳区）']);
    expect(sourceAndNotes(run.data)).toContain('2 行省以下数据已按所属省份加总');
    const o = buildChartOption(run.data, 'zh-CN');
    expect(tilesOf(o).find((t) => t.name === '北京市')!.value[2]).toBe(50.75);
    // The note is drawn in the picture too (the source line graphic).
    expect(JSON.stringify(o.graphic)).toContain('2 行省以下数据已按所属省份加总');
  });

  it('does not sum what does not add up (an average): the districts are left out and named', async () => {
    const spec = map({ measures: [{ column: '增长率', agg: 'avg', transform: 'none' }], filters: [{ column: '年份', op: 'in', values: [2014] }] });
    const run = ready(await runChart(db, spec, { table: await info('places'), catalog: null, lang: 'en' }));
    expect(run.data.categories).toEqual(['上海市']);
    expect(run.data.notes).toEqual(['2 rows below province level not shown: average values cannot be summed by province (北京市朝阳区、北京市海淀区)']);
  });

  it('never sums two years into one tile: one map per year, on one scale, and a note', async () => {
    const spec = map({ measures: [{ column: '数量', agg: 'sum', transform: 'none' }] });
    const run = ready(await runChart(db, spec, { table: await info('places'), catalog: null, lang: 'zh-CN' }));
    expect(run.data.series.map((s) => s.name)).toEqual(['2013', '2014']);
    const sh = run.data.categories.indexOf('上海市');
    expect(run.data.series.map((s) => s.values[sh])).toEqual([60, 70]);
    expect(run.data.notes).toContain('数据含 2 个年份，地图按年份分图显示；只看一年可把起始年份和截止年份设为同一年');
    const o = buildChartOption(run.data, 'zh-CN');
    expect(o.grid).toHaveLength(2);
    const panels = [tilesOf(o, 0), tilesOf(o, 2)];
    expect(panels.map((p) => p.find((t) => t.name === '上海市')!.value[2])).toEqual([60, 70]);
    const all = panels.flat().map((t) => t.value[2]);
    expect((o.visualMap as { min: number; max: number }[])[0]).toMatchObject({ min: Math.min(...all), max: Math.max(...all) });
  });

  it('counts records across years without splitting (cases by province), and a registered basemap draws places as they are', async () => {
    const count = ready(await runChart(db, map({}), { table: await info('places'), catalog: null, lang: 'zh-CN' }));
    expect(count.data.series).toHaveLength(1);
    expect(count.data.series[0].values[count.data.categories.indexOf('北京市')]).toBe(2);
    const geo = ready(await runChart(db, map({ basemap: 'my-districts', filters: [{ column: '年份', op: 'in', values: [2014] }], measures: [{ column: '数量', agg: 'sum', transform: 'none' }] }), { table: await info('places'), catalog: null, lang: 'zh-CN' }));
    expect(geo.data.categories.sort()).toEqual(['上海市', '北京市朝阳区', '北京市海淀区'].sort());
    expect(geo.data.notes).toBeUndefined();
  });
});
