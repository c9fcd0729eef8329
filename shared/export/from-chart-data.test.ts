import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openNodeDb } from '../../electron/cli/node-db';
import { inspectXlsx } from '../../tests/fixtures/export/inspect-xlsx';
import { toChartData, type ChartData } from '../charts/chart-data';
import { shanghaiDashboard } from '../charts/ready-dashboards';
import type { Db } from '../db';
import { loadBundledDatasets } from '../datasets/load';
import type { DatasetCatalog } from '../model/catalog';
import { buildChartSql } from '../sql/chart-sql';
import { toExportChart } from './from-chart-data';
import { dashboardToXlsx } from './xlsx-chart';

const base: ChartData = {
  kind: 'combo',
  title: '数量与增长',
  categoryLabel: '类型',
  categories: ['社会团体', '基金会'],
  keys: ['社会团体', '基金会'],
  series: [
    { name: '数量', values: [3853, 166], axis: 'left', type: 'bar', unit: '家' },
    { name: '增长率', values: [1.7, null], axis: 'right', type: 'line', unit: '%' },
  ],
  unit: '家',
  source: '来源：上海社会组织统计',
  stack: 'none',
  annotations: [{ x: '基金会', text: '增长最快', style: 'point' }],
};

describe('toExportChart', () => {
  it('keeps combo series types and the secondary axis, units, source and annotations as notes', () => {
    expect(toExportChart(base)).toEqual({
      kind: 'combo',
      title: '数量与增长',
      categoryLabel: '类型',
      categories: ['社会团体', '基金会'],
      series: [
        { name: '数量', values: [3853, 166], unit: '家', type: 'bar', secondaryAxis: false },
        { name: '增长率', values: [1.7, null], unit: '%', type: 'line', secondaryAxis: true },
      ],
      unit: '家',
      source: '来源：上海社会组织统计',
      notes: ['增长最快'],
    });
  });

  it('maps kinds without a native Excel chart to the closest one, keeping stacking', () => {
    const series = [{ ...base.series[0], axis: 'left' as const }];
    expect(toExportChart({ ...base, kind: 'map', series, annotations: [] })).toMatchObject({ kind: 'bar' });
    expect(toExportChart({ ...base, kind: 'donut', series, annotations: [] })).toMatchObject({ kind: 'pie' });
    expect(toExportChart({ ...base, kind: 'column', stack: 'percent', series, annotations: [] })).toMatchObject({ kind: 'column', stacked: true });
    expect(toExportChart({ ...base, kind: 'line', series, annotations: [] }).series[0]).not.toHaveProperty('secondaryAxis');
  });
});

describe('a ready dashboard exported as one workbook', () => {
  let db: Db;
  let catalog: DatasetCatalog;
  beforeAll(async () => {
    db = await openNodeDb();
    ({ catalog } = await loadBundledDatasets(db, async (p) => new Uint8Array(await readFile(path.resolve(__dirname, '../../datasets', p)))));
  });
  afterAll(() => db.close());

  it('has one native chart per card whose cached numbers are the query results', async () => {
    const dashboard = shanghaiDashboard('zh-CN');
    const charts = [];
    for (const card of dashboard.cards) {
      const q = buildChartSql(card.spec);
      charts.push(toExportChart(toChartData(card.spec, q, await db.query(q.sql), catalog, 'zh-CN')));
    }
    const { charts: parts } = inspectXlsx(dashboardToXlsx(charts, { lang: 'zh-CN' }));
    expect(parts).toHaveLength(dashboard.cards.length);
    const staff = charts.findIndex((c) => c.categories.join() === '2007,2013');
    expect(parts[staff].series.map((s) => s.numCache)).toEqual([
      [4.4, 14.31],
      [8.1, 5.72],
    ]);
  });
});
